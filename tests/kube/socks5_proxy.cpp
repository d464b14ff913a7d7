#include "socks5_proxy.h"

#include <QHostAddress>
#include <QTcpServer>
#include <QTcpSocket>
#include <QtEndian>

Socks5Proxy::Socks5Proxy(QObject *parent)
    : QObject(parent)
    , m_server(new QTcpServer(this))
{
    connect(m_server, &QTcpServer::newConnection, this, [this] {
        while (QTcpSocket *client = m_server->nextPendingConnection()) {
            client->setParent(this);
            connect(client, &QTcpSocket::readyRead, this, [this, client] { negotiate(client); });
            connect(client, &QTcpSocket::disconnected, client, &QObject::deleteLater);
        }
    });
}

bool Socks5Proxy::listen()
{
    return m_server->listen(QHostAddress::LocalHost, 0);
}

quint16 Socks5Proxy::port() const
{
    return m_server->serverPort();
}

void Socks5Proxy::negotiate(QTcpSocket *client)
{
    QByteArray data = client->property("pending").toByteArray() + client->readAll();
    const bool greeted = client->property("greeted").toBool();
    if (!greeted) {
        // VER NMETHODS METHODS...: answer "no authentication".
        if (data.size() < 2 || data.size() < 2 + quint8(data.at(1))) {
            client->setProperty("pending", data);
            return;
        }
        data.remove(0, 2 + quint8(data.at(1)));
        client->write(QByteArray("\x05\x00", 2));
        client->setProperty("greeted", true);
    }
    // VER CMD RSV ATYP ADDR PORT
    if (data.size() < 5) {
        client->setProperty("pending", data);
        return;
    }
    const quint8 type = quint8(data.at(3));
    qsizetype addressEnd = 0;
    QString host;
    if (type == 1) {
        addressEnd = 4 + 4;
        if (data.size() >= addressEnd)
            host = QHostAddress(qFromBigEndian<quint32>(data.constData() + 4)).toString();
    } else if (type == 3) {
        addressEnd = 5 + quint8(data.at(4));
        host = QString::fromLatin1(data.mid(5, quint8(data.at(4))));
    } else {
        client->write(QByteArray("\x05\x08\x00\x01\0\0\0\0\0\0", 10)); // address type not supported
        client->disconnectFromHost();
        return;
    }
    if (data.size() < addressEnd + 2) {
        client->setProperty("pending", data);
        return;
    }
    const quint16 port = qFromBigEndian<quint16>(data.constData() + addressEnd);
    client->disconnect(this);
    pipe(client, host, port, data.mid(addressEnd + 2));
}

void Socks5Proxy::pipe(QTcpSocket *client, const QString &host, quint16 port, const QByteArray &early)
{
    m_targets.append(host + QLatin1Char(':') + QString::number(port));
    auto *upstream = new QTcpSocket(client);
    connect(upstream, &QTcpSocket::connected, client, [client, upstream, early] {
        client->write(QByteArray("\x05\x00\x00\x01\x7f\x00\x00\x01\x00\x00", 10));
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
        client->write(QByteArray("\x05\x05\x00\x01\0\0\0\0\0\0", 10)); // connection refused
        client->disconnectFromHost();
    });
    connect(client, &QTcpSocket::disconnected, client, &QObject::deleteLater);
    upstream->connectToHost(host, port);
}
