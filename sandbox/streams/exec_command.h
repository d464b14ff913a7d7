#pragma once

#include "runtime/container_command.h"
#include "runtime/pod_context.h"
#include "streams/remote_command.h"
#include "streams/stream_handler.h"

#include <optional>

class QProcess;

namespace sandbox {

// `kubectl exec`: the command runs in the pod's context (redis-cli reaches the pod's server, mount paths
// are mapped, cwd is the claim folder). With tty it runs on a pseudo-terminal (util-linux `script`)
// whose size follows the client's: the first size is set before the command starts, later ones reach
// the terminal (and SIGWINCH its foreground job) through the terminal device. The exit code ends in a
// NonZeroExitCode Status, as the kubelet reports it.
class ExecCommand final : public RemoteCommand {
    Q_OBJECT
public:
    // context: nullopt when the pod has no running container.
    ExecCommand(const ExecRequest &request, const std::optional<PodContext> &context, const RedisTools &tools,
                QObject *parent = nullptr);
    ~ExecCommand() override;

    void start() override;
    void writeStdin(const QByteArray &data) override;
    void closeStdin() override;
    void resize(QSize size) override;
    bool wantsInitialSize() const override { return m_request.tty; }

private:
    void forwardOutput();
    void finish(const QJsonObject &status);
    void applyTerminalSize();
    std::optional<QString> refusal() const;

    ExecRequest m_request;
    std::optional<PodContext> m_context;
    RedisTools m_tools;
    QProcess *m_process = nullptr;
    QByteArray m_pendingStdin; // written before the process started
    bool m_stdinClosed = false;
    QSize m_size;
    int m_sizeAttempts = 0;
    bool m_finished = false;
};

} // namespace sandbox
