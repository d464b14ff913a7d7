// The failover scenario: ours (in-process or the studio command) against `redis-cli CLUSTER FAILOVER`,
// timed until every node sees the swap.
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

// Polls every node's CLUSTER NODES until each lists the replica as a master and the old master as its
// replica, and remembers when each node first showed each (ms since the watch began): where a failover's
// time goes is in how late the last node learns.
class SwapWatch {
public:
    SwapWatch(RedisPool &pool, QList<NodeAddress> nodes, QString replicaId, QString oldMasterId)
        : m_pool(pool)
        , m_nodes(std::move(nodes))
        , m_replicaId(std::move(replicaId))
        , m_oldMasterId(std::move(oldMasterId))
    {
        m_clock.start();
    }

    // One round to every node (bounded): does every node see the swap?
    bool seenEverywhere()
    {
        std::optional<QList<NodeReply>> replies;
        m_pool.commandAll(m_nodes, {"CLUSTER", "NODES"}, nullptr,
                          [&](QList<NodeReply> r) { replies = std::move(r); });
        if (!QTest::qWaitFor([&] { return replies.has_value(); }, 10000))
            return false;
        const qint64 now = m_clock.elapsed();
        bool everywhere = true;
        for (const NodeReply &reply : *replies) {
            const Result<QList<ClusterNodeInfo>> parsed =
                reply.reply ? parseClusterNodes(reply.reply.value().bytes())
                            : Result<QList<ClusterNodeInfo>>(reply.reply.error());
            bool promoted = false;
            bool demoted = false;
            for (const ClusterNodeInfo &node : parsed ? parsed.value() : QList<ClusterNodeInfo>()) {
                if (node.isMyself() && node.id == m_oldMasterId && node.isReplica())
                    oldMasterDemoted(reply.address, now);
                promoted = promoted || (node.id == m_replicaId && node.isMaster());
                demoted =
                    demoted || (node.id == m_oldMasterId && node.isReplica() && node.masterId == m_replicaId);
            }
            const QString name = reply.address.host;
            if (promoted && !m_promotedAt.contains(name))
                m_promotedAt.insert(name, now);
            if (demoted && !m_demotedAt.contains(name))
                m_demotedAt.insert(name, now);
            everywhere = everywhere && promoted && demoted;
        }
        return everywhere;
    }

    // "127.0.9.1 412/1630, …": per node, when it first listed the new master and the old master as its
    // replica ("-" never).
    QString profile() const
    {
        QStringList parts;
        const auto at = [](const QMap<QString, qint64> &times, const QString &name) {
            return times.contains(name) ? QString::number(times.value(name)) : QStringLiteral("-");
        };
        for (const NodeAddress &node : m_nodes)
            parts.append(QStringLiteral("%1 %2/%3")
                             .arg(node.host, at(m_promotedAt, node.host), at(m_demotedAt, node.host)));
        return parts.join(QStringLiteral(", "));
    }

    // The experiment of --shorten-old-master-timeout-ms: once the old master calls itself a replica, its
    // cluster-node-timeout is lowered, so that it pings every peer whose last PONG is older than half of
    // it (its pings carry its new role) instead of leaving them to learn it from the regular gossip.
    void setShortenOldMasterTimeout(int ms) { m_shortenMs = ms; }

private:
    void oldMasterDemoted(const NodeAddress &address, qint64 now)
    {
        if (m_shortenMs <= 0 || m_shortenedAt >= 0)
            return;
        m_shortenedAt = now;
        m_pool.command(address, {"CONFIG", "SET", "cluster-node-timeout", QByteArray::number(m_shortenMs)},
                       nullptr, [](Result<RedisReply>) {});
    }

    RedisPool &m_pool;
    int m_shortenMs = 0;
    qint64 m_shortenedAt = -1;
    QList<NodeAddress> m_nodes;
    QString m_replicaId;
    QString m_oldMasterId;
    QElapsedTimer m_clock;
    QMap<QString, qint64> m_promotedAt;
    QMap<QString, qint64> m_demotedAt;
};

} // namespace

qint64 timeFailover(bool ours, int giveUpMs)
{
    test::RedisTestNodes nodes;
    if (!nodes.start(6, g_transport.nodeOptions()).ok() || !createCluster(nodes.addresses(), 1))
        return SetupFailed;
    RedisPool pool;
    g_transport.configure(pool);
    auto *scan = new ClusterScanJob(nodes.addresses(), &pool);
    const bool scanned = runJob(scan, 30000);
    const ClusterTopology topology = scan->topology();
    delete scan;
    const auto replica = std::find_if(topology.nodes().cbegin(), topology.nodes().cend(),
                                      [](const TopologyNode &node) { return node.isReplica(); });
    if (!scanned || replica == topology.nodes().cend())
        return SetupFailed;
    const QString replicaId = replica->id;
    SwapWatch watch(pool, nodes.addresses(), replicaId, replica->masterId);
    watch.setShortenOldMasterTimeout(g_shortenOldMasterTimeoutMs);
    const auto swapped = [&watch] { return watch.seenEverywhere(); };
    // Printed after the run, whatever its outcome: which node learnt the new roles when.
    const auto printProfile = qScopeGuard([&watch] {
        std::printf("  seen (ms, new master/old master as its replica): %s\n", qPrintable(watch.profile()));
    });
    // Ours has its own bound (the job's 30 s, or 6.5 s when the failover never starts); a margin on top.
    const int oursTimeoutMs = FailoverJob::DefaultTimeoutMs + 10000;
    if (ours && !g_studio.isEmpty()) {
        const bench::ToolRun run =
            bench::timeProgram(g_studio,
                               {QStringLiteral("failover"), QStringLiteral("--nodes"), nodes.addressList(),
                                QStringLiteral("--node"), replicaId},
                               swapped, oursTimeoutMs);
        if (!run.ok())
            g_lastError = QString::fromLocal8Bit(run.output.trimmed().right(400));
        return run.ok() ? run.doneAt : -1;
    }
    if (ours) {
        QElapsedTimer clock;
        clock.start();
        auto *failover = new FailoverJob(nodes.addresses(), replicaId, &pool);
        failover->setAutoDelete(false);
        QSignalSpy finished(failover, &Job::finished);
        failover->start();
        const qint64 seenAt = bench::pollUntil(swapped, clock, oursTimeoutMs);
        const bool ok = (!finished.isEmpty() || finished.wait(oursTimeoutMs)) && !failover->hasError();
        if (!ok) {
            g_lastError = failover->errorString();
            std::fprintf(stderr, "failover failed: %s\n", qPrintable(g_lastError));
        }
        delete failover;
        return ok ? seenAt : -1;
    }
    const bench::ToolRun run = bench::timeProgram(
        test::redisCliProgram(),
        {QStringLiteral("-h"), replica->address.host, QStringLiteral("-p"),
         QString::number(replica->address.port), QStringLiteral("CLUSTER"), QStringLiteral("FAILOVER")},
        swapped, giveUpMs);
    return run.ok() ? run.doneAt : -1;
}

} // namespace lifecycle
