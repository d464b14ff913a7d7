#include "net/http_message.h"

#include <QUrl>

namespace sandbox {

QStringList formQueryValues(const QUrlQuery &query, const QString &name)
{
    // Go clients (kubectl) encode a space as '+' (form encoding), which QUrlQuery leaves alone; a
    // literal '+' arrives as %2B, so turning '+' into a space before percent-decoding is exact.
    QStringList values = query.allQueryItemValues(name, QUrl::FullyEncoded);
    for (QString &value : values)
        value = QUrl::fromPercentEncoding(value.replace(QLatin1Char('+'), QLatin1Char(' ')).toLatin1());
    return values;
}

QString HttpRequest::queryValue(const QString &name) const
{
    const QStringList values = formQueryValues(query, name);
    return values.isEmpty() ? QString() : values.first();
}

QStringList HttpRequest::queryValues(const QString &name) const
{
    return formQueryValues(query, name);
}

bool HttpRequest::isUpgrade() const
{
    return header("connection").toLower().contains("upgrade") && !header("upgrade").isEmpty();
}

QByteArray reasonPhrase(int status)
{
    switch (status) {
    case 101:
        return "Switching Protocols";
    case 200:
        return "OK";
    case 201:
        return "Created";
    case 202:
        return "Accepted";
    case 304:
        return "Not Modified";
    case 400:
        return "Bad Request";
    case 401:
        return "Unauthorized";
    case 403:
        return "Forbidden";
    case 404:
        return "Not Found";
    case 405:
        return "Method Not Allowed";
    case 406:
        return "Not Acceptable";
    case 409:
        return "Conflict";
    case 410:
        return "Gone";
    case 413:
        return "Payload Too Large";
    case 415:
        return "Unsupported Media Type";
    case 422:
        return "Unprocessable Entity";
    case 429:
        return "Too Many Requests";
    case 431:
        return "Request Header Fields Too Large";
    case 500:
        return "Internal Server Error";
    case 503:
        return "Service Unavailable";
    case 504:
        return "Gateway Timeout";
    default:
        return "Status";
    }
}

std::optional<HttpRequest> parseRequestHead(const QByteArray &head)
{
    const QList<QByteArray> lines = head.split('\n');
    if (lines.isEmpty())
        return std::nullopt;
    const QList<QByteArray> requestLine = lines.first().trimmed().split(' ');
    if (requestLine.size() != 3 || !requestLine.at(2).startsWith("HTTP/1."))
        return std::nullopt;
    HttpRequest request;
    request.method = requestLine.at(0);
    request.target = requestLine.at(1);
    const qsizetype question = request.target.indexOf('?');
    const QByteArray rawPath = question < 0 ? request.target : request.target.left(question);
    request.path = QUrl::fromPercentEncoding(rawPath);
    if (question >= 0)
        request.query.setQuery(QString::fromLatin1(request.target.mid(question + 1)));
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const QByteArray line = lines.at(i).trimmed();
        if (line.isEmpty())
            continue;
        const qsizetype colon = line.indexOf(':');
        if (colon <= 0)
            return std::nullopt;
        const QByteArray name = line.left(colon).trimmed().toLower();
        const QByteArray value = line.mid(colon + 1).trimmed();
        // Repeated headers are folded as RFC 9110 allows for list-valued fields.
        if (request.headers.contains(name))
            request.headers[name] += ", " + value;
        else
            request.headers.insert(name, value);
    }
    return request;
}

qsizetype decodeChunkedBody(const QByteArray &buffer, QByteArray *body)
{
    QByteArray out;
    qsizetype pos = 0;
    for (;;) {
        const qsizetype lineEnd = buffer.indexOf("\r\n", pos);
        if (lineEnd < 0)
            return 0;
        QByteArray sizeText = buffer.mid(pos, lineEnd - pos);
        const qsizetype semicolon = sizeText.indexOf(';');
        if (semicolon >= 0)
            sizeText.truncate(semicolon);
        bool ok = false;
        const qlonglong size = sizeText.trimmed().toLongLong(&ok, 16);
        if (!ok || size < 0)
            return -1;
        pos = lineEnd + 2;
        if (size == 0) {
            // Skip optional trailers up to the terminating blank line.
            for (;;) {
                const qsizetype end = buffer.indexOf("\r\n", pos);
                if (end < 0)
                    return 0;
                const bool blank = end == pos;
                pos = end + 2;
                if (blank) {
                    *body = out;
                    return pos;
                }
            }
        }
        if (buffer.size() < pos + size + 2)
            return 0;
        out += buffer.mid(pos, size);
        pos += size;
        if (buffer.mid(pos, 2) != "\r\n")
            return -1;
        pos += 2;
    }
}

} // namespace sandbox
