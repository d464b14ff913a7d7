#include "streams/spdy_port_forward_session.h"

#include "streams/spdy_connection.h"

#include "common/logging.h"

#include <QTcpSocket>

#include <sys/socket.h>

namespace sandbox {

SpdyPortForwardSession::SpdyPortForwardSession(SpdyConnection *connection, const QString &podIp,
                                               QObject *parent)
    : QObject(parent)
    , m_connection(connection)
    , m_podIp(podIp)
{
    m_connection->setParent(this);
    connect(m_connection, &SpdyConnection::closed, this, &QObject::deleteLater);
    connect(m_connection, &SpdyConnection::streamOpened, this, &SpdyPortForwardSession::onStreamOpened);
    connect(m_connection, &SpdyConnection::dataReceived, this, &SpdyPortForwardSession::onData);
    connect(m_connection, &SpdyConnection::streamFinished, this, &SpdyPortForwardSession::onStreamFinished);
    connect(m_connection, &SpdyConnection::streamReset, this, [this](quint32 streamId) {
        if (Forward *forward = forwardForStream(streamId))
            finishForward(forward->requestId, {});
    });
}

SpdyPortForwardSession::~SpdyPortForwardSession()
{
    for (Forward &forward : m_forwards) {
        if (forward.socket) {
            forward.socket->disconnect(this);
            forward.socket->abort();
        }
    }
}

void SpdyPortForwardSession::onStreamOpened(quint32 streamId, const SpdyCodec::HeaderList &headers)
{
    const QByteArray requestId = SpdyCodec::headerValue(headers, "requestid");
    const QByteArray type = SpdyCodec::headerValue(headers, "streamtype");
    Forward &forward = m_forwards[requestId];
    forward.requestId = requestId;
    forward.port = quint16(SpdyCodec::headerValue(headers, "port").toUInt());
    if (type == "error")
        forward.errorStream = streamId;
    else if (type == "data")
        forward.dataStream = streamId;
    if (forward.errorStream != 0 && forward.dataStream != 0 && !forward.socket)
        connectToPod(forward);
}

void SpdyPortForwardSession::onData(quint32 streamId, const QByteArray &data)
{
    Forward *forward = forwardForStream(streamId);
    if (!forward || streamId != forward->dataStream)
        return;
    if (forward->connected)
        forward->socket->write(data);
    else
        forward->pending.append(data);
}

void SpdyPortForwardSession::onStreamFinished(quint32 streamId)
{
    Forward *forward = forwardForStream(streamId);
    if (!forward || streamId != forward->dataStream || !forward->connected)
        return; // the client half-closes its error stream at once
    // The local client is done writing: half-close towards the pod, keep reading its answer.
    forward->socket->flush();
    ::shutdown(int(forward->socket->socketDescriptor()), SHUT_WR);
}

void SpdyPortForwardSession::connectToPod(Forward &forward)
{
    const QByteArray requestId = forward.requestId;
    if (m_podIp.isEmpty()) {
        finishForward(requestId, QStringLiteral("the pod has no running container"));
        return;
    }
    forward.socket = new QTcpSocket(this);
    QTcpSocket *socket = forward.socket;
    connect(socket, &QTcpSocket::connected, this, [this, requestId] {
        Forward &f = m_forwards[requestId];
        f.connected = true;
        if (!f.pending.isEmpty())
            f.socket->write(f.pending);
        f.pending.clear();
    });
    connect(socket, &QTcpSocket::readyRead, this, [this, requestId, socket] {
        m_connection->send(m_forwards[requestId].dataStream, socket->readAll());
    });
    connect(socket, &QTcpSocket::disconnected, this, [this, requestId] { finishForward(requestId, {}); });
    connect(socket, &QTcpSocket::errorOccurred, this,
            [this, requestId, socket](QAbstractSocket::SocketError error) {
                if (error != QAbstractSocket::RemoteHostClosedError)
                    finishForward(requestId, socket->errorString());
            });
    socket->connectToHost(m_podIp, forward.port);
}

void SpdyPortForwardSession::finishForward(const QByteArray &requestId, const QString &error)
{
    auto it = m_forwards.find(requestId);
    if (it == m_forwards.end() || it->finished)
        return;
    it->finished = true;
    if (it->socket && it->socket->bytesAvailable() > 0)
        m_connection->send(it->dataStream, it->socket->readAll());
    if (!error.isEmpty()) {
        const QString text =
            QStringLiteral("error forwarding port %1 to pod %2: %3").arg(it->port).arg(m_podIp, error);
        qCInfo(lcSandbox).noquote() << text;
        m_connection->send(it->errorStream, text.toUtf8());
    }
    m_connection->finish(it->dataStream);
    m_connection->finish(it->errorStream);
    if (it->socket) {
        it->socket->disconnect(this);
        it->socket->abort();
        it->socket->deleteLater();
    }
    m_forwards.erase(it);
}

SpdyPortForwardSession::Forward *SpdyPortForwardSession::forwardForStream(quint32 streamId)
{
    for (Forward &forward : m_forwards) {
        if (forward.dataStream == streamId || forward.errorStream == streamId)
            return &forward;
    }
    return nullptr;
}

} // namespace sandbox
