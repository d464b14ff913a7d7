// rcs_bench_lifecycle's set-up: the clusters its scenarios start from, and how a job is run and
// judged done.
#include "lifecycle_bench.h"

#include "redis/cluster_check.h"
#include "redis/cluster_nodes_parser.h"
#include "redis/cluster_scan_job.h"
#include "redis/create_cluster_job.h"
#include "redis/failover_job.h"
#include "redis/rebalance_job.h"
#include "redis/recover_job.h"
#include "redis/redis_pool.h"
#include "support/bench_support.h"
#include "support/program_run.h"
#include "support/redis_test_nodes.h"
#include "support/server_under_test.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QScopeGuard>
#include <QSignalSpy>
#include <QTest>

#include <algorithm>
#include <cstdio>

using namespace rcs;

namespace lifecycle {

QString g_lastError;
bool g_setupWithRedisCli = false;
int g_commandTimeoutMs = 0;
int g_shortenTargetTimeoutMs = 0;
int g_shortenOldMasterTimeoutMs = 0;
QString g_studio;
bench::Transport g_transport;

bool runJob(Job *job, int timeoutMs, bool phases)
{
    job->setAutoDelete(false);
    QSignalSpy finished(job, &Job::finished);
    QElapsedTimer clock;
    QStringList steps;
    if (phases)
        QObject::connect(job, &Job::stepChanged, job, [&steps, &clock](const QString &step) {
            steps.append(QStringLiteral("%1 @%2").arg(step).arg(clock.elapsed()));
        });
    clock.start();
    job->start();
    const bool done = finished.wait(timeoutMs) && !job->hasError();
    if (phases)
        std::printf("  phases (ms): %s; finished @%lld\n", qPrintable(steps.join(QStringLiteral("; "))),
                    clock.elapsed());
    if (!done) {
        g_lastError = job->hasError() ? job->errorString()
                                      : QStringLiteral("not finished within %1 s").arg(timeoutMs / 1000);
        std::fprintf(stderr, "%s failed: %s\n", qPrintable(job->title()), qPrintable(g_lastError));
    }
    return done;
}

// Every node answers and lists every peer at its address, connected, unflagged; all cluster_state:ok.
bool allCorrect(RedisPool &pool, const QList<NodeAddress> &nodes)
{
    ClusterScanJob scan(nodes, &pool);
    scan.setDiscover(false);
    scan.setAutoDelete(false);
    QSignalSpy finished(&scan, &Job::finished);
    scan.start();
    if (!finished.wait(10000) || scan.hasError())
        return false;
    const ClusterTopology &topology = scan.topology();
    if (topology.nodes().size() != nodes.size() || !topology.allStatesOk() ||
        !topology.pendingHandshakes().isEmpty())
        return false;
    return std::all_of(topology.nodes().cbegin(), topology.nodes().cend(), [](const TopologyNode &node) {
        return node.reachable && node.linkConnected && !node.staleAtPeers && !node.ownAddressStale &&
               !node.isFailing() && node.failReportedBy.isEmpty();
    });
}

bool createCluster(const QList<NodeAddress> &addresses, int replicas)
{
    QList<PlannedNodeInput> inputs;
    for (const NodeAddress &address : addresses)
        inputs.append({address, {}});
    RedisPool pool;
    g_transport.configure(pool);
    auto *create = new CreateClusterJob(inputs, replicas, &pool);
    // Forming is set-up here, not what is timed: a loaded machine may take longer than the default.
    create->setConvergenceTimeout(300000);
    const bool ok = runJob(create, 310000);
    delete create;
    return ok;
}

bool createClusterWithRedisCli(const QList<NodeAddress> &addresses, int replicas)
{
    QStringList args = {QStringLiteral("--cluster"), QStringLiteral("create")};
    for (const NodeAddress &address : addresses)
        args.append(address.toString());
    args +=
        {QStringLiteral("--cluster-replicas"), QString::number(replicas), QStringLiteral("--cluster-yes")};
    const test::ProgramRun run = test::runRedisCli(args, 300000);
    if (run.exitCode != 0) {
        std::fprintf(stderr, "redis-cli --cluster create failed: %s\n", qPrintable(run.all().right(500)));
        return false;
    }
    RedisPool pool;
    g_transport.configure(pool);
    return QTest::qWaitFor([&] { return allCorrect(pool, addresses); }, 120000);
}

} // namespace lifecycle
