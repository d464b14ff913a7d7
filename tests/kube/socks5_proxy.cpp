#include "socks5_proxy.h"

#include <QHostAddress>
#include <QTcpSocket>
#include <QtEndian>

void Socks5Proxy::handshake(QTcpSocket *client)
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
    pipe(client, host, port, data.mid(addressEnd + 2),
         QByteArray("\x05\x00\x00\x01\x7f\x00\x00\x01\x00\x00", 10),
         QByteArray("\x05\x05\x00\x01\0\0\0\0\0\0", 10)); // succeeded / connection refused
}
