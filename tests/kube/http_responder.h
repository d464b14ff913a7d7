#pragma once

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QObject>
#include <QUrlQuery>

#include <functional>

class QTcpServer;
class QTcpSocket;

// A tiny HTTP/1.1 server on 127.0.0.1 for client tests: records every request and answers with what
// the test's handler returns. A response with chunks is streamed with chunked transfer encoding, one
// chunk per event-loop turn, which is how watch streams arrive.
class HttpResponder final : public QObject {
    Q_OBJECT
public:
    struct Request {
        QByteArray method;
        QByteArray path; // without the query
        QUrlQuery query;
        QHash<QByteArray, QByteArray> headers; // lower-case names
        QByteArray body;
    };
    struct Response {
        int status = 200;
        QByteArray body;
        QList<QByteArray> chunks; // when non-empty: streamed instead of body
        QList<QPair<QByteArray, QByteArray>> headers;
        QByteArray contentType = "application/json";
    };
    using Handler = std::function<Response(const Request &)>;

    explicit HttpResponder(QObject *parent = nullptr);
    bool listen();
    quint16 port() const;
    QString url() const;
    void setHandler(Handler handler) { m_handler = std::move(handler); }
    QList<Request> requests() const { return m_requests; }
    void clearRequests() { m_requests.clear(); }

private:
    void readFrom(QTcpSocket *socket);
    void answer(QTcpSocket *socket, const Request &request);

    QTcpServer *m_server;
    Handler m_handler;
    QList<Request> m_requests;
    QHash<QTcpSocket *, QByteArray> m_buffers;
};
