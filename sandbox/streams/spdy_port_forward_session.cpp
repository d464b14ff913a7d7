#include "streams/spdy_port_forward_session.h"

#include "common/logging.h"

#include <QTcpSocket>
#include <QWebSocket>
#include <QtEndian>

#include <sys/socket.h>

namespace sandbox {

namespace {

QByteArray headerValue(const SpdyCodec::HeaderList &headers, const char *name)
{
    for (const auto &[key, value] : headers) {
        if (key.compare(name, Qt::CaseInsensitive) == 0)
            return value;
    }
    return {};
}

} // namespace

SpdyPortForwardSession::SpdyPortForwardSession(QWebSocket *socket, const QString &podIp, QObject *parent)
    : QObject(parent)
    , m_socket(socket)
    , m_podIp(podIp)
{
    m_socket->setParent(this);
    connect(m_socket, &QWebSocket::disconnected, this, &QObject::deleteLater);
    connect(m_socket, &QWebSocket::binaryMessageReceived, this, &SpdyPortForwardSession::onBytes);
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

void SpdyPortForwardSession::send(const QByteArray &frames)
{
    if (m_socket->state() == QAbstractSocket::ConnectedState)
        m_socket->sendBinaryMessage(frames);
}

void SpdyPortForwardSession::onBytes(const QByteArray &bytes)
{
    m_buffer.append(bytes);
    const QList<SpdyCodec::Frame> frames = SpdyCodec::takeFrames(m_buffer);
    for (const SpdyCodec::Frame &frame : frames) {
        if (!frame.control) {
            onData(frame);
            continue;
        }
        switch (frame.type) {
        case SpdyCodec::SynStream:
            onSynStream(frame);
            break;
        case SpdyCodec::Ping:
            send(SpdyCodec::controlFrame(SpdyCodec::Ping, 0, frame.payload));
            break;
        case SpdyCodec::RstStream:
            if (Forward *forward = forwardForStream(frame.streamId))
                finishForward(forward->requestId, {});
            break;
        case SpdyCodec::GoAway:
            m_socket->close();
            break;
        default:
            break; // SETTINGS, WINDOW_UPDATE, HEADERS: spdystream does no flow control either
        }
    }
}

void SpdyPortForwardSession::onSynStream(const SpdyCodec::Frame &frame)
{
    // SYN_STREAM payload: stream id, associated stream id, priority, slot, header block.
    if (frame.payload.size() < 10)
        return;
    const auto headers = m_codec.decompressHeaders(frame.payload.mid(10));
    if (!headers) {
        qCWarning(lcSandbox) << "port-forward: a SPDY header block did not inflate; closing the tunnel";
        m_socket->close(QWebSocketProtocol::CloseCodeProtocolError);
        return;
    }
    send(m_codec.synReply(frame.streamId));
    const QByteArray requestId = headerValue(*headers, "requestid");
    const QByteArray type = headerValue(*headers, "streamtype");
    Forward &forward = m_forwards[requestId];
    forward.requestId = requestId;
    forward.port = quint16(headerValue(*headers, "port").toUInt());
    if (type == "error")
        forward.errorStream = frame.streamId;
    else if (type == "data")
        forward.dataStream = frame.streamId;
    if (forward.errorStream != 0 && forward.dataStream != 0 && !forward.socket)
        connectToPod(forward);
}

void SpdyPortForwardSession::onData(const SpdyCodec::Frame &frame)
{
    Forward *forward = forwardForStream(frame.streamId);
    if (!forward || frame.streamId != forward->dataStream)
        return; // the client only half-closes its error stream
    if (!frame.payload.isEmpty()) {
        if (forward->connected)
            forward->socket->write(frame.payload);
        else
            forward->pending.append(frame.payload);
    }
    if ((frame.flags & SpdyCodec::kFlagFin) && forward->connected) {
        // The local client is done writing: half-close towards the pod, keep reading its answer.
        forward->socket->flush();
        ::shutdown(int(forward->socket->socketDescriptor()), SHUT_WR);
    }
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
        const Forward &f = m_forwards[requestId];
        send(SpdyCodec::dataFrame(f.dataStream, 0, socket->readAll()));
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
        send(SpdyCodec::dataFrame(it->dataStream, 0, it->socket->readAll()));
    if (!error.isEmpty()) {
        const QString text =
            QStringLiteral("error forwarding port %1 to pod %2: %3").arg(it->port).arg(m_podIp, error);
        qCInfo(lcSandbox).noquote() << text;
        send(SpdyCodec::dataFrame(it->errorStream, 0, text.toUtf8()));
    }
    send(SpdyCodec::dataFrame(it->dataStream, SpdyCodec::kFlagFin, {}) +
         SpdyCodec::dataFrame(it->errorStream, SpdyCodec::kFlagFin, {}));
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
