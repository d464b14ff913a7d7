#pragma once

#include "streams/spdy_codec.h"

#include <QByteArray>
#include <QObject>
#include <QSet>

class QAbstractSocket;
class QWebSocket;

namespace sandbox {

// One SPDY/3.1 connection as moby/spdystream speaks it for kubectl (reference §7.4), over either
// carrier kubectl uses: the raw socket of an `Upgrade: SPDY/3.1` request (exec, attach and
// port-forward up to kubectl 1.29/1.30, and their fallback since), or the WebSocket tunnel
// `SPDY/3.1+portforward.k8s.io` (port-forward from 1.31), whose binary messages carry the same bytes.
// It answers every SYN_STREAM with a SYN_REPLY and every PING with its echo, and reports streams,
// data and half-closes; sessions (port-forward, exec) give them meaning. It owns the socket and emits
// closed() once the carrier is down: the peer went away, or it was closed (on a GOAWAY, a protocol
// error, or close()) and what was queued has been written.
class SpdyConnection final : public QObject {
    Q_OBJECT
public:
    explicit SpdyConnection(QWebSocket *socket, QObject *parent = nullptr);
    // socket: after the 101 answer; bytes it already holds are the first frames.
    explicit SpdyConnection(QAbstractSocket *socket, QObject *parent = nullptr);
    ~SpdyConnection() override;

    // Data on a stream the peer opened; fin half-closes our side of it (once: later sends are dropped).
    void send(quint32 streamId, const QByteArray &data, bool fin = false);
    void finish(quint32 streamId) { send(streamId, {}, true); }
    // FIN on every stream still open on our side, then closes the socket once its bytes are written.
    void close();
    bool isOpen() const { return !m_closed; }

Q_SIGNALS:
    void streamOpened(quint32 streamId, const sandbox::SpdyCodec::HeaderList &headers);
    void dataReceived(quint32 streamId, const QByteArray &data);
    void streamFinished(quint32 streamId); // the peer's FIN: it sends no more on that stream
    void streamReset(quint32 streamId);
    void closed();

private:
    void onBytes(const QByteArray &bytes);
    void onSynStream(const SpdyCodec::Frame &frame);
    void write(const QByteArray &frames);
    void closeCarrier();
    void onCarrierGone();

    QWebSocket *m_webSocket = nullptr;
    QAbstractSocket *m_socket = nullptr;
    SpdyCodec m_codec;
    QByteArray m_buffer;
    QSet<quint32> m_open;  // streams the peer opened that we have not finished
    bool m_closed = false; // nothing more is sent or reported
    bool m_gone = false;   // the carrier is down and closed() was emitted
};

} // namespace sandbox
