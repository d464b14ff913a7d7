#pragma once

#include "common/result.h"
#include "kube/kube_config.h"
#include "support/kube_sandbox_process.h"

#include <QString>
#include <QStringList>
#include <QTemporaryDir>

#include <memory>

namespace rcs {
class Job;
class KubeClient;
} // namespace rcs

namespace rcs::test {

// A job that deletes every pod matching selector in one deletecollection with grace period 0: every
// process is killed at the same moment, as in a power cut. Deleted one by one, or given time to shut
// down, the first pods back meet peers that still run, which learn their new addresses: the cluster
// partly heals itself and is then rightly called degraded, not a total failure.
Job *killPodsAtOnce(KubeClient *client, const QString &ns, const QString &selector);

// The real kube-sandbox executable (KubeSandboxProcess), started for a test in a temporary data
// folder, with the paths of its credentials and its kubeconfig's target for the Kubernetes client.
class KubeSandboxFixture final {
public:
    KubeSandboxFixture();
    ~KubeSandboxFixture();
    KubeSandboxFixture(const KubeSandboxFixture &) = delete;
    KubeSandboxFixture &operator=(const KubeSandboxFixture &) = delete;

    // $RCS_BINARY_DIR/sandbox/kube-sandbox; empty when it was not built.
    static QString executable() { return KubeSandboxProcess::executable(); }

    // Starts the sandbox and waits (spinning the event loop, bounded) until its kubeconfig is written.
    // Errors: the executable is missing, it exits early (its output is quoted), or the timeout passes.
    // extraArguments are added to the command line, e.g. {"--image-map", "redis:7.0=/usr/bin/redis-server"}.
    Result<void> start(int nodes = 3, int timeoutMs = 60000, const QStringList &extraArguments = {});
    // Restarts on the same data folder (and port): objects and pods come back.
    Result<void> restart(int timeoutMs = 60000);
    void stop(int timeoutMs = 20000) { m_process.stop(timeoutMs); }
    bool isRunning() const { return m_process.isRunning(); }

    QString dataDir() const { return m_dir.path(); }
    QString kubeconfigPath() const { return m_process.kubeconfigPath(); }
    QString caCertificatePath() const;
    QString clientCertificatePath() const;
    QString clientKeyPath() const;
    QByteArray token() const { return m_process.token(); }
    // "127.0.K.0/24"
    QString podNetwork() const { return m_process.podNetwork(); }
    // stdout and stderr of the sandbox so far, for failure messages.
    QString output() const { return m_process.output(); }

    // The kubeconfig's context `sandbox`, resolved.
    Result<KubeTarget> target() const;

private:
    QTemporaryDir m_dir;
    KubeSandboxProcess m_process;
};

} // namespace rcs::test
