#include "http_responder.h"

#include <QPointer>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTimer>

HttpResponder::HttpResponder(QObject *parent)
    : QObject(parent)
    , m_server(new QTcpServer(this))
{
    connect(m_server, &QTcpServer::newConnection, this, [this] {
        while (QTcpSocket *socket = m_server->nextPendingConnection()) {
            connect(socket, &QTcpSocket::readyRead, this, [this, socket] { readFrom(socket); });
            connect(socket, &QTcpSocket::disconnected, this, [this, socket] {
                m_buffers.remove(socket);
                socket->deleteLater();
            });
        }
    });
}

bool HttpResponder::listen()
{
    return m_server->listen(QHostAddress::LocalHost, 0);
}

quint16 HttpResponder::port() const
{
    return m_server->serverPort();
}

QString HttpResponder::url() const
{
    return QStringLiteral("http://127.0.0.1:%1").arg(port());
}

void HttpResponder::readFrom(QTcpSocket *socket)
{
    QByteArray &buffer = m_buffers[socket];
    buffer += socket->readAll();
    for (;;) {
        const qsizetype end = buffer.indexOf("\r\n\r\n");
        if (end < 0)
            return;
        const QList<QByteArray> lines = buffer.left(end).split('\n');
        Request request;
        const QList<QByteArray> first = lines.value(0).trimmed().split(' ');
        request.method = first.value(0);
        const QByteArray target = first.value(1);
        const qsizetype q = target.indexOf('?');
        request.path = q < 0 ? target : target.left(q);
        if (q >= 0)
            request.query = QUrlQuery(QString::fromUtf8(target.mid(q + 1)));
        for (qsizetype i = 1; i < lines.size(); ++i) {
            const QByteArray line = lines.at(i).trimmed();
            const qsizetype colon = line.indexOf(':');
            if (colon > 0)
                request.headers.insert(line.left(colon).trimmed().toLower(), line.mid(colon + 1).trimmed());
        }
        const qsizetype length = request.headers.value("content-length", "0").toLongLong();
        if (buffer.size() < end + 4 + length)
            return;
        request.body = buffer.mid(end + 4, length);
        buffer.remove(0, end + 4 + length);
        m_requests.append(request);
        answer(socket, request);
    }
}

void HttpResponder::answer(QTcpSocket *socket, const Request &request)
{
    const Response response =
        m_handler ? m_handler(request) : Response{404, "{}", {}, {}, "application/json"};
    QByteArray head = "HTTP/1.1 " + QByteArray::number(response.status) + " X\r\n";
    head += "Content-Type: " + response.contentType + "\r\n";
    for (const auto &header : response.headers)
        head += header.first + ": " + header.second + "\r\n";
    if (response.chunks.isEmpty()) {
        head += "Content-Length: " + QByteArray::number(response.body.size()) + "\r\n\r\n";
        socket->write(head + response.body);
        return;
    }
    head += "Transfer-Encoding: chunked\r\n\r\n";
    socket->write(head);
    // One chunk per event-loop turn, so that the client really sees them separately.
    QPointer<QTcpSocket> guard(socket);
    auto chunks = std::make_shared<QList<QByteArray>>(response.chunks);
    auto step = std::make_shared<std::function<void()>>();
    *step = [guard, chunks, step] {
        if (!guard)
            return;
        if (chunks->isEmpty()) {
            guard->write("0\r\n\r\n");
            QTimer::singleShot(0, guard.data(), [step] { *step = nullptr; }); // breaks the self-reference
            return;
        }
        const QByteArray chunk = chunks->takeFirst();
        guard->write(QByteArray::number(chunk.size(), 16) + "\r\n" + chunk + "\r\n");
        guard->flush();
        QTimer::singleShot(5, guard.data(), [step] { (*step)(); });
    };
    (*step)();
}
