#include "net/http_connection.h"

#include "common/logging.h"

#include <QSslSocket>
#include <QTimer>

namespace sandbox {

namespace {
constexpr qsizetype kMaxHeadBytes = 64 * 1024;
constexpr qsizetype kMaxBodyBytes = 32 * 1024 * 1024;
} // namespace

HttpConnection::HttpConnection(QSslSocket *socket, HttpRequestHandler *handler, bool verbose, QObject *parent)
    : QObject(parent)
    , m_socket(socket)
    , m_handler(handler)
    , m_verbose(verbose)
{
    m_socket->setParent(this);
    connect(m_socket, &QSslSocket::readyRead, this, &HttpConnection::onReadyRead);
    connect(m_socket, &QSslSocket::disconnected, this, &HttpConnection::close);
    connect(m_socket, &QSslSocket::errorOccurred, this, [this](QAbstractSocket::SocketError error) {
        if (error != QAbstractSocket::RemoteHostClosedError)
            qCDebug(lcSandbox) << "connection error:" << m_socket->errorString();
        close();
    });
    QTimer::singleShot(0, this, &HttpConnection::onReadyRead);
}

HttpConnection::~HttpConnection() = default;

bool HttpConnection::isOpen() const
{
    return m_socket && m_socket->state() == QAbstractSocket::ConnectedState;
}

void HttpConnection::close()
{
    if (!m_socket)
        return;
    QSslSocket *socket = m_socket;
    m_socket = nullptr;
    socket->disconnect(this);
    socket->disconnectFromHost();
    socket->deleteLater();
    Q_EMIT closed();
    deleteLater();
}

QSslSocket *HttpConnection::takeSocket()
{
    QSslSocket *socket = m_socket;
    m_socket = nullptr;
    if (socket) {
        socket->disconnect(this);
        socket->setParent(nullptr);
    }
    Q_EMIT closed();
    deleteLater();
    return socket;
}

void HttpConnection::onReadyRead()
{
    if (!m_socket)
        return;
    // While a request is being answered the socket is only drained into the buffer after the
    // head of the next request has been checked for an upgrade (see processBuffer).
    processBuffer();
}

void HttpConnection::processBuffer()
{
    while (m_socket && !m_busy) {
        if (!m_pending) {
            // Peek at the head so an upgrade request can be left unread for the WebSocket server.
            const QByteArray available = m_buffer + m_socket->peek(kMaxHeadBytes);
            const qsizetype headEnd = available.indexOf("\r\n\r\n");
            if (headEnd < 0) {
                if (available.size() >= kMaxHeadBytes) {
                    respond({431, {}, "request head too large\n"});
                    close();
                }
                return;
            }
            std::optional<HttpRequest> request = parseRequestHead(available.left(headEnd));
            if (!request) {
                m_closeAfterResponse = true;
                m_busy = true;
                respond({400, {{"Content-Type", "text/plain"}}, "malformed HTTP request\n"});
                return;
            }
            request->clientCertificateTrusted = m_clientCertificateTrusted;
            if (m_verbose)
                qCInfo(lcSandbox).noquote() << request->method << QString::fromLatin1(request->target);
            if (m_buffer.isEmpty() && request->isUpgrade()) {
                if (m_handler->handleUpgrade(*request, this))
                    return; // the socket now belongs to someone else, or was answered and closed
            }
            // Consume the head: from the buffer when an earlier read already took it (pipelining),
            // otherwise what the buffer holds plus the rest from the socket.
            const qsizetype fromSocket = headEnd + 4 - m_buffer.size();
            if (fromSocket <= 0) {
                m_buffer.remove(0, headEnd + 4);
            } else {
                m_buffer.clear();
                m_socket->read(fromSocket);
            }
            // curl and some other clients wait (about a second) for this before sending a body.
            if (request->header("expect").toLower() == "100-continue")
                m_socket->write("HTTP/1.1 100 Continue\r\n\r\n");
            m_pending = std::move(request);
        }
        m_buffer += m_socket->readAll();
        HttpRequest &request = *m_pending;
        if (request.header("transfer-encoding").toLower().contains("chunked")) {
            const qsizetype used = decodeChunkedBody(m_buffer, &request.body);
            if (used < 0) {
                m_closeAfterResponse = true;
                m_busy = true;
                respond({400, {{"Content-Type", "text/plain"}}, "malformed chunked body\n"});
                return;
            }
            if (used == 0) {
                if (m_buffer.size() > kMaxBodyBytes)
                    close();
                return;
            }
            m_buffer.remove(0, used);
        } else {
            const qlonglong length = request.header("content-length").toLongLong();
            if (length < 0 || length > kMaxBodyBytes) {
                m_closeAfterResponse = true;
                m_busy = true;
                respond({413, {{"Content-Type", "text/plain"}}, "request body too large\n"});
                return;
            }
            if (m_buffer.size() < length)
                return;
            request.body = m_buffer.left(length);
            m_buffer.remove(0, length);
        }
        if (request.header("connection").toLower().contains("close"))
            m_closeAfterResponse = true;
        HttpRequest complete = std::move(*m_pending);
        m_pending.reset();
        m_busy = true;
        m_handler->handleRequest(complete, this);
    }
}

static QByteArray headBytes(int status, const QList<QPair<QByteArray, QByteArray>> &headers)
{
    QByteArray out = "HTTP/1.1 " + QByteArray::number(status) + ' ' + reasonPhrase(status) + "\r\n";
    for (const auto &header : headers)
        out += header.first + ": " + header.second + "\r\n";
    return out;
}

void HttpConnection::respond(const HttpResponse &response)
{
    if (!m_socket)
        return;
    QByteArray out = headBytes(response.status, response.headers);
    out += "Content-Length: " + QByteArray::number(response.body.size()) + "\r\n";
    if (m_closeAfterResponse)
        out += "Connection: close\r\n";
    out += "\r\n";
    out += response.body;
    m_socket->write(out);
    if (m_verbose)
        qCInfo(lcSandbox).noquote() << "  ->" << response.status;
    m_busy = false;
    if (m_closeAfterResponse) {
        m_socket->flush();
        close();
        return;
    }
    // Further pipelined requests are handled from the event loop, not recursively.
    QTimer::singleShot(0, this, &HttpConnection::processBuffer);
}

void HttpConnection::startStream(int status, const QList<QPair<QByteArray, QByteArray>> &headers)
{
    if (!m_socket)
        return;
    QByteArray out = headBytes(status, headers);
    out += "Transfer-Encoding: chunked\r\n\r\n";
    m_socket->write(out);
    m_socket->flush();
}

void HttpConnection::writeChunk(const QByteArray &data)
{
    if (!m_socket || data.isEmpty())
        return;
    m_socket->write(QByteArray::number(data.size(), 16) + "\r\n" + data + "\r\n");
    m_socket->flush();
}

void HttpConnection::finishStream()
{
    if (!m_socket)
        return;
    m_socket->write("0\r\n\r\n");
    m_socket->flush();
    m_busy = false;
    if (m_closeAfterResponse) {
        close();
        return;
    }
    QTimer::singleShot(0, this, &HttpConnection::processBuffer);
}

} // namespace sandbox
