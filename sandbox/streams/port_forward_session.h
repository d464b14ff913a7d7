#pragma once

#include "streams/channel_framing.h"
#include "streams/stream_handler.h"

#include <QList>
#include <QObject>

class QTcpSocket;
class QWebSocket;

namespace sandbox {

// One legacy WebSocket port-forward (v4.channel.k8s.io, reference §7.3): for the i-th requested port,
// channel 2i carries data and 2i+1 errors; the first message on each is [channel, port lo, port hi].
// One TCP connection to podIP:port per port, made when the WebSocket opens; when either side
// closes, the other is closed too. Owns the socket and deletes itself when done.
class PortForwardSession final : public QObject {
    Q_OBJECT
public:
    PortForwardSession(QWebSocket *socket, const PortForwardRequest &request, const QString &podIp,
                       QObject *parent = nullptr);
    ~PortForwardSession() override;

    void start();

private:
    struct Target {
        quint16 port = 0;
        QTcpSocket *socket = nullptr;
        QByteArray pending; // client bytes that arrived before the pod connection was up
        bool connected = false;
    };

    void onMessage(quint8 channel, const QByteArray &payload);
    void fail(int index, const QString &message);
    void closeAll();

    QWebSocket *m_socket;
    PortForwardRequest m_request;
    QString m_podIp;
    ChannelFraming m_framing;
    QList<Target> m_targets;
    bool m_closing = false;
};

} // namespace sandbox
