#pragma once

#include "streams/channel_framing.h"
#include "runtime/container_command.h"
#include "runtime/pod_context.h"
#include "streams/stream_handler.h"

#include <QObject>

#include <optional>

class QProcess;
class QWebSocket;

namespace sandbox {

// One `kubectl exec` over WebSocket (v5/v4 channel protocol, reference §7.2): runs the command in the
// pod's context (redis-cli reaches the pod's server, mount paths are mapped, cwd is the claim folder),
// streams stdin/stdout/stderr on channels 0/1/2, honours the v5 CLOSE of stdin, and ends with a Status
// on channel 3 and a normal close. It owns the socket and deletes itself when the socket is gone.
class ExecSession final : public QObject {
    Q_OBJECT
public:
    // context: nullopt when the pod has no running container.
    ExecSession(QWebSocket *socket, const ExecRequest &request, const std::optional<PodContext> &context,
                const RedisTools &tools, QObject *parent = nullptr);
    ~ExecSession() override;

    void start();

private:
    void onMessage(quint8 channel, const QByteArray &payload);
    void forwardOutput();
    void finish(const QJsonObject &status);

    QWebSocket *m_socket;
    ExecRequest m_request;
    std::optional<PodContext> m_context;
    RedisTools m_tools;
    ChannelFraming m_framing;
    QProcess *m_process = nullptr;
    bool m_finished = false;
};

} // namespace sandbox
