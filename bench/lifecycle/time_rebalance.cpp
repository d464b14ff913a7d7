// The rebalance scenario (3 → 4 masters): ours against `redis-cli --cluster rebalance`, with the CPU
// time each used.
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

namespace {

// CPU time used from construction until print(): by this process (where our jobs run), by tools it ran
// to completion (the cli) and by every node. Printed next to the wall time, it tells waiting (a busy
// machine, round trips, timers) from working.
class CpuUse {
public:
    explicit CpuUse(const test::RedisTestNodes &nodes)
        : m_nodes(nodes)
        , m_self(bench::cpuMsOf(0))
        , m_children(bench::exitedChildrenCpuMs())
    {
        for (int i = 0; i < nodes.count(); ++i)
            m_servers.append(bench::cpuMsOf(nodes.processId(i)));
    }

    void print(qint64 wallMs) const
    {
        QStringList servers;
        qint64 total = 0;
        for (int i = 0; i < m_nodes.count(); ++i) {
            const qint64 used = bench::cpuMsOf(m_nodes.processId(i)) - m_servers.at(i);
            servers.append(QString::number(used));
            total += used;
        }
        std::printf("  cpu (ms): this process %lld, tools run %lld, nodes %lld (%s); wall %lld\n",
                    bench::cpuMsOf(0) - m_self, bench::exitedChildrenCpuMs() - m_children, total,
                    qPrintable(servers.join(QStringLiteral(", "))), wallMs);
    }

private:
    const test::RedisTestNodes &m_nodes;
    qint64 m_self;
    qint64 m_children;
    QList<qint64> m_servers;
};

} // namespace

qint64 timeRebalance(int keys, bool ours, int giveUpMs)
{
    test::RedisTestNodes nodes;
    if (!nodes.start(7, g_transport.nodeOptions()).ok())
        return SetupFailed;
    const QList<NodeAddress> all = nodes.addresses();
    if (!createCluster(all.mid(0, 6), 1))
        return SetupFailed;
    RedisPool pool;
    g_transport.configure(pool);
    // Load keys through redis-cli-free pipelining: each key goes to its slot's master.
    if (keys > 0) {
        auto *scan = new ClusterScanJob({all.first()}, &pool);
        if (!runJob(scan, 30000))
            return SetupFailed;
        const ClusterTopology topology = scan->topology();
        delete scan;
        int pending = 0;
        for (int i = 0; i < keys; ++i) {
            const QByteArray key = "key:" + QByteArray::number(i);
            const int slot = keyHashSlot(key);
            for (const TopologyNode &master : topology.masters()) {
                if (master.slotSet.contains(slot)) {
                    ++pending;
                    pool.command(master.address, {"SET", key, QByteArray(100, 'x')}, nullptr,
                                 [&](Result<RedisReply>) { --pending; });
                }
            }
            if (pending > 5000 && !QTest::qWaitFor([&] { return pending < 1000; }, 60000))
                return SetupFailed;
        }
        if (!QTest::qWaitFor([&] { return pending == 0; }, 120000))
            return SetupFailed;
    }
    const NodeAddress newcomer = all.at(6);
    bool met = false;
    pool.command(newcomer,
                 {"CLUSTER", "MEET", all.first().host.toUtf8(), QByteArray::number(all.first().port)},
                 nullptr, [&](Result<RedisReply>) { met = true; });
    if (!QTest::qWaitFor([&] { return met; }, 10000))
        return SetupFailed;
    // Both tools start once the new master reports ok (redis-cli would otherwise race its start-up).
    const bool ready = QTest::qWaitFor(
        [&] {
            std::optional<Result<RedisReply>> reply;
            pool.command(newcomer, {"CLUSTER", "INFO"}, nullptr,
                         [&](Result<RedisReply> r) { reply = std::move(r); });
            if (!QTest::qWaitFor([&] { return reply.has_value(); }, 5000))
                return false;
            return reply && reply->ok() && reply->value().bytes().contains("cluster_state:ok") &&
                   allCorrect(pool, all);
        },
        30000);
    if (!ready)
        return SetupFailed;
    const CpuUse cpu(nodes);
    QElapsedTimer clock;
    clock.start();
    const auto printCpu = qScopeGuard([&cpu, &clock] { cpu.print(clock.elapsed()); });
    if (ours) {
        auto *rebalance = new RebalanceJob({all.first()}, &pool);
        // The experiment of --shorten-target-timeout-ms: once the slots moved, the new master pings every
        // peer whose last PONG is older than half of its lowered cluster-node-timeout, so the replicas
        // (which SETSLOT cannot tell) learn its slots sooner than from the regular gossip.
        if (g_shortenTargetTimeoutMs > 0)
            QObject::connect(rebalance, &Job::stepChanged, rebalance, [&pool, newcomer](const QString &step) {
                if (step.startsWith(QLatin1String("Waiting until every node agrees")))
                    pool.command(newcomer,
                                 {"CONFIG", "SET", "cluster-node-timeout",
                                  QByteArray::number(g_shortenTargetTimeoutMs)},
                                 nullptr, [](Result<RedisReply>) {});
            });
        const bool ok = runJob(rebalance, 300000, true);
        delete rebalance;
        return ok ? clock.elapsed() : -1;
    }
    const test::ProgramRun run =
        test::runRedisCli({QStringLiteral("--cluster"), QStringLiteral("rebalance"), all.first().toString(),
                           QStringLiteral("--cluster-use-empty-masters")},
                          giveUpMs);
    if (run.exitCode != 0) {
        std::fprintf(stderr, "%s failed: %s\n", qPrintable(run.program), qPrintable(run.all().right(500)));
        return -1;
    }
    return clock.elapsed();
}

} // namespace lifecycle
