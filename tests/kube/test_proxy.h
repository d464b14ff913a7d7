#pragma once

#include <QObject>
#include <QStringList>

class QTcpServer;
class QTcpSocket;

// What the test proxies share: a server on 127.0.0.1 with a free port, the targets seen, and the pipe
// that carries bytes both ways once a proxy protocol's handshake named the target. A subclass reads
// its handshake in handshake() and calls pipe().
class TestProxy : public QObject {
    Q_OBJECT
public:
    explicit TestProxy(QObject *parent = nullptr);
    bool listen();
    quint16 port() const;
    // "host:port" of every tunnel asked for, in order.
    QStringList targets() const { return m_targets; }

protected:
    // Called for every chunk a client sends until the subclass calls pipe() (or drops the client).
    virtual void handshake(QTcpSocket *client) = 0;
    // Connects to host:port, sends `established` to the client once connected (`refused` on an error),
    // forwards early (bytes that came with the handshake), then pipes both ways until either side closes.
    void pipe(QTcpSocket *client, const QString &host, quint16 port, const QByteArray &early,
              const QByteArray &established, const QByteArray &refused);

private:
    QTcpServer *m_server;
    QStringList m_targets;
};
