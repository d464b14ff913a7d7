#pragma once

#include "common/result.h"
#include "kube/kube_client.h"
#include "redis/node_address.h"
#include "support/kube_sandbox_fixture.h"
#include "support/studio_process.h"

#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

#include <functional>
#include <memory>

namespace rcs::test {

// A kube-sandbox for one test executable plus a client to check things through the API.
class E2eSandbox final {
public:
    // extraArguments go to kube-sandbox's command line (e.g. --image-map).
    Result<void> start(int nodes = 3, const QStringList &extraArguments = {});
    KubeSandboxFixture &fixture() { return m_fixture; }
    QString kubeconfig() const { return m_fixture.kubeconfigPath(); }
    KubeClient *client() const { return m_client.get(); }

    // The target flags for the studio: --kubeconfig F --access MODE.
    QStringList target(const QString &access) const;
    // The usual start of an e2e test: a 3-node sandbox, then the studio's `deploy` and `create` with
    // targetArgs (and deployArgs for deploy only, e.g. --tls). Empty when all went well, else what failed
    // (with the studio's output).
    QString startWithCluster(const QStringList &targetArgs, const QStringList &deployArgs = {});

    // Blocking helpers (spin the event loop, bounded): pods of redis-app by name → IP, deleting pods,
    // and whether an object exists.
    Result<QList<QJsonObject>> list(const QString &apiVersion, const QString &kind, const QString &ns,
                                    const QString &selector = {});
    Result<void> deletePod(const QString &ns, const QString &name);
    // Every pod matching selector killed at once (killPodsAtOnce).
    Result<void> deletePods(const QString &ns, const QString &selector);
    Result<bool> exists(const KubeObjectRef &ref);

private:
    KubeSandboxFixture m_fixture;
    std::unique_ptr<KubeClient> m_client;
};

// How long a test lets a whole rolling upgrade run before it kills the studio: only a guard against a
// hang, since every step of the rollout is bounded by the studio's own step timeout (60 s). A loaded CI
// machine was seen 5-6 times slower than an idle one (tst_migration_faults: 40 s here, 229 s there).
// Below the upgrade tests' ctest TIMEOUT (300 s), so that a run that hangs is killed by the test, which
// then prints what the studio said, rather than by ctest, which prints nothing of it.
inline constexpr int kRolloutRunTimeoutMs = 240000;

// Runs a job to completion (bounded, event loop spinning); returns its error.
Error runJobBlocking(class Job *job, int timeoutMs);

// The pod IPs of the current redis-app pods (sorted by ordinal) as node addresses.
QList<NodeAddress> podAddresses(const QList<QJsonObject> &pods);

// Calls done() until it returns true or timeoutMs of wall-clock time have passed, spinning the event
// loop between calls. Unlike QTRY_*, whose clock counts only its own waits, a slow done() (a whole
// studio run) cannot stretch the bound.
bool waitUntil(const std::function<bool()> &done, int timeoutMs, int intervalMs = 500);

// `status --json` parsed, or an empty object (the run's output is in *run).
QJsonObject statusJson(const QStringList &target, StudioRun *run = nullptr);

} // namespace rcs::test
