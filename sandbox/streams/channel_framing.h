#pragma once

#include <QByteArray>
#include <QString>

#include <functional>

class QObject;
class QWebSocket;

namespace sandbox {

// The Kubernetes channel framing over WebSocket (channel.k8s.io family, reference §7.1): binary
// messages are [channel byte][payload]; the *.base64.* protocols send text '0'+channel followed by
// base64 of the payload.
class ChannelFraming final {
public:
    explicit ChannelFraming(const QString &subprotocol)
        : m_base64(subprotocol.contains(QLatin1String("base64")))
    {}

    bool isBase64() const { return m_base64; }
    void send(QWebSocket *socket, quint8 channel, const QByteArray &payload) const;
    // Splits a received message; false for an empty or malformed one.
    bool decodeBinary(const QByteArray &message, quint8 *channel, QByteArray *payload) const;
    bool decodeText(const QString &message, quint8 *channel, QByteArray *payload) const;
    // Calls onMessage with the channel and payload of every well-formed message the socket receives,
    // binary or text, while context lives.
    void receive(QWebSocket *socket, QObject *context,
                 std::function<void(quint8 channel, const QByteArray &payload)> onMessage) const;

private:
    bool m_base64 = false;
};

} // namespace sandbox
