#pragma once

#include "streams/remote_command.h"
#include "streams/stream_handler.h"

namespace sandbox {

// `kubectl attach`: the container's own output from the moment of attaching until its process exits,
// on stdout (the sandbox's containers write one merged stream). Their stdin is not open (as for a
// container without `stdin: true`), so input is dropped, and they have no terminal to resize. The
// runtime feeds it the container's output and its exit.
class AttachCommand final : public RemoteCommand {
    Q_OBJECT
public:
    // running: whether the container runs now; attaching to one that does not fails at once.
    AttachCommand(const ExecRequest &request, bool running, QObject *parent = nullptr);

    void start() override;
    void writeStdin(const QByteArray &) override {}
    void closeStdin() override {}
    void resize(QSize) override {}

    void containerOutput(const QByteArray &data);
    void containerExited();

private:
    ExecRequest m_request;
    bool m_running;
    bool m_started = false;
    bool m_finished = false;
};

} // namespace sandbox
