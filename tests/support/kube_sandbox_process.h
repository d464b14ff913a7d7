#pragma once

#include "common/result.h"
#include "support/loopback_range.h"

#include <QByteArray>
#include <QString>
#include <QStringList>

#include <memory>

class QProcess;

namespace rcs::test {

// The real kube-sandbox executable on a data folder the test owns: API on 127.0.0.1 with a free port,
// pod IPs in a loopback block reserved for this object (parallel test executables never collide; kept
// across restarts), pods running the server under test (kubeSandboxServerArguments()). Every test that
// starts kube-sandbox starts it here (KubeSandboxFixture adds a temporary folder and the kubeconfig's
// target). Stopped with SIGTERM (pods stopped, state saved), killed when it does not exit in time.
class KubeSandboxProcess final {
public:
    explicit KubeSandboxProcess(QString dataDir);
    ~KubeSandboxProcess(); // stop()
    KubeSandboxProcess(const KubeSandboxProcess &) = delete;
    KubeSandboxProcess &operator=(const KubeSandboxProcess &) = delete;

    // $RCS_BINARY_DIR/sandbox/kube-sandbox; empty when it was not built.
    static QString executable();

    // Arguments added to the next start()s, e.g. {"--nodes", "5", "--verbose"}.
    void setExtraArguments(const QStringList &arguments) { m_extraArguments = arguments; }
    // Starts it and waits (spinning the event loop, bounded) for its "listening on URL" line, written
    // once the kubeconfig is. Errors (the output so far is quoted): not built, exited at start, timeout.
    // Starting again reuses the data folder (and port): objects and pods come back.
    Result<void> start(int timeoutMs = 60000);
    // SIGTERM, then waits for the exit; returns the exit code (-1 when it was killed, crashed or did
    // not run).
    int stop(int timeoutMs = 30000);
    bool isRunning() const;

    QString dataDir() const { return m_dataDir; }
    QString kubeconfigPath() const { return m_dataDir + QStringLiteral("/kubeconfig"); }
    // "https://127.0.0.1:PORT", empty before a start.
    QString url() const { return m_url; }
    QByteArray token() const;
    // "127.0.K.0/24"
    QString podNetwork() const;
    // stdout and stderr of every run so far, for failure messages.
    QString output() const { return m_output; }

private:
    QString m_dataDir;
    QString m_url;
    QString m_output;
    QStringList m_extraArguments;
    std::shared_ptr<LoopbackRange> m_range;
    std::unique_ptr<QProcess> m_process;
};

} // namespace rcs::test
