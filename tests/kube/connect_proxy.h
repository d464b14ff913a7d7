#pragma once

#include <QObject>
#include <QStringList>

class QTcpServer;
class QTcpSocket;

// A minimal HTTP CONNECT proxy on 127.0.0.1 for tests of proxy-url: records each tunnel's target and
// pipes bytes both ways until either side closes.
class ConnectProxy final : public QObject {
    Q_OBJECT
public:
    explicit ConnectProxy(QObject *parent = nullptr);
    bool listen();
    quint16 port() const;
    // "host:port" of every CONNECT seen, in order.
    QStringList targets() const { return m_targets; }

private:
    void handshake(QTcpSocket *client);

    QTcpServer *m_server;
    QStringList m_targets;
};
