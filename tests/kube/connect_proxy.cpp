#include "connect_proxy.h"

#include <QTcpServer>
#include <QTcpSocket>

ConnectProxy::ConnectProxy(QObject *parent)
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

bool ConnectProxy::listen()
{
    return m_server->listen(QHostAddress::LocalHost, 0);
}

quint16 ConnectProxy::port() const
{
    return m_server->serverPort();
}

void ConnectProxy::handshake(QTcpSocket *client)
{
    QByteArray head = client->property("head").toByteArray() + client->readAll();
    const qsizetype end = head.indexOf("\r\n\r\n");
    if (end < 0) {
        client->setProperty("head", head);
        return;
    }
    client->disconnect(this); // from now on the pipe below owns the socket's signals
    const QList<QByteArray> words = head.left(head.indexOf("\r\n")).split(' ');
    if (words.value(0) != "CONNECT") {
        client->write("HTTP/1.1 405 Method Not Allowed\r\n\r\n");
        client->disconnectFromHost();
        return;
    }
    const QString target = QString::fromLatin1(words.value(1));
    m_targets.append(target);
    const QByteArray early = head.mid(end + 4);
    auto *upstream = new QTcpSocket(client);
    connect(upstream, &QTcpSocket::connected, client, [client, upstream, early] {
        client->write("HTTP/1.1 200 Connection established\r\n\r\n");
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
    connect(upstream, &QTcpSocket::errorOccurred, client, [client](QAbstractSocket::SocketError) {
        client->write("HTTP/1.1 502 Bad Gateway\r\n\r\n");
        client->disconnectFromHost();
    });
    connect(client, &QTcpSocket::disconnected, client, &QObject::deleteLater);
    const qsizetype colon = target.lastIndexOf(QLatin1Char(':'));
    upstream->connectToHost(target.left(colon), target.mid(colon + 1).toUShort());
}
