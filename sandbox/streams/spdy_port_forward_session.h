#pragma once

#include "streams/spdy_codec.h"

#include <QHash>
#include <QObject>

class QTcpSocket;
class QWebSocket;

namespace sandbox {

// `kubectl port-forward` over the SPDY/3.1 tunnel (WebSocket subprotocol SPDY/3.1+portforward.k8s.io,
// reference §7.4): binary messages carry one SPDY byte stream. For every local connection kubectl
// opens an error stream and a data stream with the same requestid; once both exist the session
// connects to podIP:port and copies DATA both ways. Every SYN_STREAM gets a SYN_REPLY, PINGs are
// echoed, and when the pod closes, both streams get a FIN (kubectl reads the error stream to its end).
// Owns the socket and deletes itself when the socket is gone.
class SpdyPortForwardSession final : public QObject {
    Q_OBJECT
public:
    SpdyPortForwardSession(QWebSocket *socket, const QString &podIp, QObject *parent = nullptr);
    ~SpdyPortForwardSession() override;

private:
    struct Forward {
        QByteArray requestId;
        quint16 port = 0;
        quint32 errorStream = 0;
        quint32 dataStream = 0;
        QTcpSocket *socket = nullptr;
        QByteArray pending; // client bytes before the pod connection is up
        bool connected = false;
        bool finished = false;
    };

    void onBytes(const QByteArray &bytes);
    void onSynStream(const SpdyCodec::Frame &frame);
    void onData(const SpdyCodec::Frame &frame);
    void connectToPod(Forward &forward);
    void finishForward(const QByteArray &requestId, const QString &error);
    Forward *forwardForStream(quint32 streamId);
    void send(const QByteArray &frames);

    QWebSocket *m_socket;
    QString m_podIp;
    SpdyCodec m_codec;
    QByteArray m_buffer;
    QHash<QByteArray, Forward> m_forwards; // by requestid
};

} // namespace sandbox
