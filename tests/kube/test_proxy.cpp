#include "test_proxy.h"

#include <QTcpServer>
#include <QTcpSocket>

TestProxy::TestProxy(QObject *parent)
    : QObject(parent)
    , m_server(new QTcpServer(this))
{
    connect(m_server, &QTcpServer::newConnection, this, [this] {
        while (QTcpSocket *client = m_server->nextPendingConnection()) {
            client->setParent(this);
            connect(client, &QTcpSocket::readyRead, this, [this, client] { handshake(client); });
            connect(client, &QTcpSocket::disconnected, client, &QObject::deleteLater);
        }
    });
}

bool TestProxy::listen()
{
    return m_server->listen(QHostAddress::LocalHost, 0);
}

quint16 TestProxy::port() const
{
    return m_server->serverPort();
}

void TestProxy::pipe(QTcpSocket *client, const QString &host, quint16 port, const QByteArray &early,
                     const QByteArray &established, const QByteArray &refused)
{
    client->disconnect(this); // from now on the pipe below owns the socket's signals
    m_targets.append(host + QLatin1Char(':') + QString::number(port));
    auto *upstream = new QTcpSocket(client);
    connect(upstream, &QTcpSocket::connected, client, [client, upstream, early, established] {
        client->write(established);
        if (!early.isEmpty())
            upstream->write(early);
        connect(client, &QTcpSocket::readyRead, upstream,
                [client, upstream] { upstream->write(client->readAll()); });
        connect(upstream, &QTcpSocket::readyRead, client,
                [client, upstream] { client->write(upstream->readAll()); });
        if (client->bytesAvailable() > 0)
            upstream->write(client->readAll());
    });
    connect(upstream, &QTcpSocket::disconnected, client, [client] { client->disconnectFromHost(); });
    connect(client, &QTcpSocket::disconnected, upstream, [upstream] { upstream->disconnectFromHost(); });
    connect(upstream, &QTcpSocket::errorOccurred, client, [client, refused](QAbstractSocket::SocketError) {
        client->write(refused);
        client->disconnectFromHost();
    });
    connect(client, &QTcpSocket::disconnected, client, &QObject::deleteLater);
    upstream->connectToHost(host, port);
}
