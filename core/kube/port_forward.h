#pragma once

#include "common/result.h"

#include <QHostAddress>
#include <QObject>
#include <QPointer>

class QTcpServer;

namespace rcs {

class KubeClient;

// A local tunnel to one pod port, as `kubectl port-forward` but over the legacy WebSocket protocol
// (v4.channel.k8s.io, reference §7.3): a QTcpServer on 127.0.0.1 with an ephemeral port; every
// accepted connection gets its own WebSocket to pods/NAME/portforward?ports=PORT, and bytes flow both
// ways until either side closes. hiredis (or anything else) connects to localPort().
//
// Error behaviour: listen() fails only if no local port can be bound; a connection whose WebSocket
// cannot be opened, or whose error channel reports a problem, is closed and reported through
// connectionFailed() with the server's text.
class PortForward final : public QObject {
    Q_OBJECT
public:
    PortForward(KubeClient *client, QString ns, QString pod, quint16 remotePort, QObject *parent = nullptr);
    ~PortForward() override;

    Result<void> listen(const QHostAddress &address = QHostAddress::LocalHost);
    void close();

    QHostAddress localAddress() const;
    quint16 localPort() const;
    QString pod() const { return m_pod; }
    QString ns() const { return m_ns; }
    quint16 remotePort() const { return m_remotePort; }
    int activeConnections() const { return m_active; }
    int acceptedConnections() const { return m_accepted; }
    QString lastError() const { return m_lastError; }

Q_SIGNALS:
    void connectionFailed(const rcs::Error &error);
    void connectionClosed();

private:
    void accept();

    QPointer<KubeClient> m_client;
    QString m_ns;
    QString m_pod;
    quint16 m_remotePort = 0;
    QTcpServer *m_server = nullptr;
    int m_active = 0;
    int m_accepted = 0;
    QString m_lastError;
};

} // namespace rcs
