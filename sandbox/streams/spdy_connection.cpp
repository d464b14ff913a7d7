#include "streams/spdy_connection.h"

#include "common/logging.h"

#include <QAbstractSocket>
#include <QTimer>
#include <QWebSocket>

namespace sandbox {

namespace {
// A peer that never reads what is left to write must not keep a closing connection alive.
constexpr int kCloseTimeoutMs = 10000;
} // namespace

SpdyConnection::SpdyConnection(QWebSocket *socket, QObject *parent)
    : QObject(parent)
    , m_webSocket(socket)
{
    m_webSocket->setParent(this);
    connect(m_webSocket, &QWebSocket::disconnected, this, &SpdyConnection::onCarrierGone);
    connect(m_webSocket, &QWebSocket::binaryMessageReceived, this, &SpdyConnection::onBytes);
}

SpdyConnection::SpdyConnection(QAbstractSocket *socket, QObject *parent)
    : QObject(parent)
    , m_socket(socket)
{
    m_socket->setParent(this);
    connect(m_socket, &QAbstractSocket::disconnected, this, &SpdyConnection::onCarrierGone);
    connect(m_socket, &QAbstractSocket::readyRead, this, [this] { onBytes(m_socket->readAll()); });
    // Frames that arrived with the upgrade request are already buffered: no readyRead announces them.
    QTimer::singleShot(0, this, [this] {
        if (m_socket && m_socket->bytesAvailable() > 0)
            onBytes(m_socket->readAll());
    });
}

SpdyConnection::~SpdyConnection() = default;

void SpdyConnection::write(const QByteArray &frames)
{
    if (m_webSocket && m_webSocket->state() == QAbstractSocket::ConnectedState)
        m_webSocket->sendBinaryMessage(frames);
    else if (m_socket && m_socket->state() == QAbstractSocket::ConnectedState)
        m_socket->write(frames);
}

void SpdyConnection::send(quint32 streamId, const QByteArray &data, bool fin)
{
    if (m_closed || !m_open.contains(streamId))
        return;
    if (fin)
        m_open.remove(streamId);
    // spdystream reads frames of any size, but a frame's length field has 24 bits.
    constexpr qsizetype kMaxFrame = 0xffffff;
    for (qsizetype offset = 0; offset < data.size(); offset += kMaxFrame) {
        const bool last = offset + kMaxFrame >= data.size();
        write(SpdyCodec::dataFrame(streamId, last && fin ? SpdyCodec::kFlagFin : 0,
                                   data.mid(offset, kMaxFrame)));
    }
    if (data.isEmpty() && fin)
        write(SpdyCodec::dataFrame(streamId, SpdyCodec::kFlagFin, {}));
}

void SpdyConnection::close()
{
    if (m_closed)
        return;
    for (const quint32 id : QSet<quint32>(m_open))
        finish(id);
    m_closed = true;
    closeCarrier();
}

void SpdyConnection::closeCarrier()
{
    if (m_webSocket) {
        m_webSocket->close(QWebSocketProtocol::CloseCodeNormal);
    } else if (m_socket) {
        m_socket->flush();
        m_socket->disconnectFromHost(); // after what is still buffered is written
    }
    QTimer::singleShot(kCloseTimeoutMs, this, [this] {
        if (m_socket)
            m_socket->abort();
        if (m_webSocket)
            m_webSocket->abort();
        onCarrierGone();
    });
}

void SpdyConnection::onCarrierGone()
{
    m_closed = true;
    if (m_gone)
        return;
    m_gone = true;
    Q_EMIT closed();
}

void SpdyConnection::onBytes(const QByteArray &bytes)
{
    if (m_closed)
        return;
    m_buffer.append(bytes);
    const QList<SpdyCodec::Frame> frames = SpdyCodec::takeFrames(m_buffer);
    for (const SpdyCodec::Frame &frame : frames) {
        if (m_closed)
            return;
        if (!frame.control) {
            if (!frame.payload.isEmpty())
                Q_EMIT dataReceived(frame.streamId, frame.payload);
            if (frame.flags & SpdyCodec::kFlagFin)
                Q_EMIT streamFinished(frame.streamId);
            continue;
        }
        switch (frame.type) {
        case SpdyCodec::SynStream:
            onSynStream(frame);
            break;
        case SpdyCodec::Ping:
            write(SpdyCodec::controlFrame(SpdyCodec::Ping, 0, frame.payload));
            break;
        case SpdyCodec::RstStream:
            m_open.remove(frame.streamId);
            Q_EMIT streamReset(frame.streamId);
            break;
        case SpdyCodec::GoAway:
            m_closed = true;
            closeCarrier();
            return;
        default:
            break; // SETTINGS, WINDOW_UPDATE, HEADERS: spdystream does no flow control either
        }
    }
}

void SpdyConnection::onSynStream(const SpdyCodec::Frame &frame)
{
    // SYN_STREAM payload: stream id, associated stream id, priority, slot, header block.
    const auto headers =
        frame.payload.size() >= 10 ? m_codec.decompressHeaders(frame.payload.mid(10)) : std::nullopt;
    if (!headers) {
        qCWarning(lcSandbox) << "SPDY: a header block did not inflate; closing the connection";
        m_closed = true;
        if (m_webSocket)
            m_webSocket->close(QWebSocketProtocol::CloseCodeProtocolError);
        closeCarrier();
        return;
    }
    m_open.insert(frame.streamId);
    write(m_codec.synReply(frame.streamId));
    Q_EMIT streamOpened(frame.streamId, *headers);
    if (frame.flags & SpdyCodec::kFlagFin)
        Q_EMIT streamFinished(frame.streamId);
}

} // namespace sandbox
