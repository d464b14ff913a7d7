#pragma once

#include <QObject>
#include <QStringList>

class QTcpServer;
class QTcpSocket;

// A minimal SOCKS5 proxy on 127.0.0.1 (no authentication, CONNECT only, IPv4 and domain names) for
// tests of proxy-url socks5://: records each target and pipes bytes both ways.
class Socks5Proxy final : public QObject {
    Q_OBJECT
public:
    explicit Socks5Proxy(QObject *parent = nullptr);
    bool listen();
    quint16 port() const;
    QStringList targets() const { return m_targets; }

private:
    void negotiate(QTcpSocket *client);
    void pipe(QTcpSocket *client, const QString &host, quint16 port, const QByteArray &early);

    QTcpServer *m_server;
    QStringList m_targets;
};
