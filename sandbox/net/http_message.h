#pragma once

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QPair>
#include <QString>
#include <QUrlQuery>

#include <optional>

namespace sandbox {

// All values of a query parameter, decoded the way Go clients encode them (space as '+').
QStringList formQueryValues(const QUrlQuery &query, const QString &name);

// One parsed HTTP/1.1 request. Header names are stored lower-case.
struct HttpRequest {
    QByteArray method;
    QByteArray target; // as sent: path and query
    QString path;      // percent-decoded
    QUrlQuery query;
    QHash<QByteArray, QByteArray> headers;
    QByteArray body;
    bool clientCertificateTrusted = false; // the TLS peer presented a certificate our CA signed

    QByteArray header(const QByteArray &lowerCaseName) const { return headers.value(lowerCaseName); }
    QString queryValue(const QString &name) const;
    QStringList queryValues(const QString &name) const;
    bool isUpgrade() const;
};

struct HttpResponse {
    int status = 200;
    QList<QPair<QByteArray, QByteArray>> headers;
    QByteArray body;
};

QByteArray reasonPhrase(int status);

// Parses the request line and headers of one request (the bytes before the blank line).
// Returns nothing when the block is not a valid HTTP/1.x request head.
std::optional<HttpRequest> parseRequestHead(const QByteArray &head);

// Decodes a chunked body from the start of buffer. Returns the number of bytes consumed once the
// final chunk has arrived, 0 while more bytes are needed, and -1 on malformed framing.
qsizetype decodeChunkedBody(const QByteArray &buffer, QByteArray *body);

} // namespace sandbox
