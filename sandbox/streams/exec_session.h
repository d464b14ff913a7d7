#pragma once

#include "streams/channel_framing.h"

#include <QObject>

class QWebSocket;

namespace sandbox {

class RemoteCommand;

// `kubectl exec`/`attach` over WebSocket (v5/v4 channel protocol, reference §7.2): stdin, stdout and
// stderr on channels 0/1/2, terminal sizes on channel 4, the v5 CLOSE of stdin, and at the end a
// Status on channel 3 and a normal close. Owns the socket and the command, and deletes itself when
// the socket is gone.
class ExecSession final : public QObject {
    Q_OBJECT
public:
    ExecSession(QWebSocket *socket, const QString &subprotocol, RemoteCommand *command,
                QObject *parent = nullptr);
    ~ExecSession() override;

    void start();

private:
    void startCommand();
    void onMessage(quint8 channel, const QByteArray &payload);
    void finish(const QJsonObject &status);

    QWebSocket *m_socket;
    RemoteCommand *m_command;
    ChannelFraming m_framing;
    QByteArray m_sizes; // resize messages not yet complete
    bool m_started = false;
    bool m_finished = false;
};

} // namespace sandbox
