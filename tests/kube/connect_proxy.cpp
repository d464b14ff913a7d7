#include "connect_proxy.h"

#include <QTcpSocket>

void ConnectProxy::handshake(QTcpSocket *client)
{
    QByteArray head = client->property("head").toByteArray() + client->readAll();
    const qsizetype end = head.indexOf("\r\n\r\n");
    if (end < 0) {
        client->setProperty("head", head);
        return;
    }
    const QList<QByteArray> words = head.left(head.indexOf("\r\n")).split(' ');
    if (words.value(0) != "CONNECT") {
        client->disconnect(this);
        client->write("HTTP/1.1 405 Method Not Allowed\r\n\r\n");
        client->disconnectFromHost();
        return;
    }
    const QString target = QString::fromLatin1(words.value(1));
    const qsizetype colon = target.lastIndexOf(QLatin1Char(':'));
    pipe(client, target.left(colon), target.mid(colon + 1).toUShort(), head.mid(end + 4),
         "HTTP/1.1 200 Connection established\r\n\r\n", "HTTP/1.1 502 Bad Gateway\r\n\r\n");
}
