#include "streams/channel_framing.h"

#include <QWebSocket>

namespace sandbox {

void ChannelFraming::send(QWebSocket *socket, quint8 channel, const QByteArray &payload) const
{
    if (m_base64) {
        socket->sendTextMessage(QChar(u'0' + channel) + QString::fromLatin1(payload.toBase64()));
        return;
    }
    QByteArray message;
    message.reserve(payload.size() + 1);
    message.append(char(channel));
    message.append(payload);
    socket->sendBinaryMessage(message);
}

bool ChannelFraming::decodeBinary(const QByteArray &message, quint8 *channel, QByteArray *payload) const
{
    if (message.isEmpty())
        return false;
    *channel = quint8(message.at(0));
    *payload = message.mid(1);
    return true;
}

bool ChannelFraming::decodeText(const QString &message, quint8 *channel, QByteArray *payload) const
{
    if (message.isEmpty() || message.at(0) < u'0')
        return false;
    *channel = quint8(message.at(0).unicode() - u'0');
    const auto decoded = QByteArray::fromBase64Encoding(message.mid(1).toLatin1());
    if (!decoded)
        return false;
    *payload = *decoded;
    return true;
}

void ChannelFraming::receive(QWebSocket *socket, QObject *context,
                             std::function<void(quint8 channel, const QByteArray &payload)> onMessage) const
{
    const ChannelFraming framing = *this;
    QObject::connect(socket, &QWebSocket::binaryMessageReceived, context,
                     [framing, onMessage](const QByteArray &message) {
                         quint8 channel = 0;
                         QByteArray payload;
                         if (framing.decodeBinary(message, &channel, &payload))
                             onMessage(channel, payload);
                     });
    QObject::connect(socket, &QWebSocket::textMessageReceived, context,
                     [framing, onMessage](const QString &message) {
                         quint8 channel = 0;
                         QByteArray payload;
                         if (framing.decodeText(message, &channel, &payload))
                             onMessage(channel, payload);
                     });
}

} // namespace sandbox
