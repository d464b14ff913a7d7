// Times the day-2 operations against the procedures people use today, on real redis-server nodes:
// - recover: every node restarted on a new address; ours (RecoverJob) against the seed's procedure
//   (CLUSTER MEET from one node to every other) and, with --references seed,cli-mesh, the best that
//   redis-cli alone does (one redis-cli per node piping a MEET to every other node: a full mesh, as a
//   shell loop would send it), all until "all correct": every node reachable, every peer listed at its
//   current address and connected, no fail flag, cluster_state:ok everywhere (references are given up
//   after --give-up-s, default 60);
// - rebalance 3 → 4 masters: ours (RebalanceJob) against
//   `redis-cli --cluster rebalance … --cluster-use-empty-masters`, after the new master reports
//   cluster_state:ok (so redis-cli does not hit its start-up race), with a given number of keys;
// - failover on a freshly created cluster of 6 nodes: ours (the `failover` command with --studio, else
//   FailoverJob) against `redis-cli -h REPLICA CLUSTER FAILOVER`, both timed from the command until
//   every node sees the replica as the master and the old master as its replica (and, for ours, the
//   command succeeded; the reference is given up after --give-up-s).
// "redis-cli" is the server's own client: $RCS_REDIS_CLI, or the redis-cli or valkey-cli next to
// $RCS_REDIS_SERVER (tests/support/server_under_test.h). The tools alternate which goes first.
// Usage: rcs_bench_lifecycle recover --nodes 6 --runs 3 [--references seed,cli-mesh]
//        rcs_bench_lifecycle rebalance --keys 0 --runs 3
//        rcs_bench_lifecycle failover --runs 5 --give-up-s 10 [--studio PATH]
// Prints one line per run, a Markdown row with the medians and the ratio (recover: one row per
// reference), and a RESULT line per reference for bench/matrix.sh.

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

namespace {

QString g_lastError; // the last failure of ours, for the RESULT line

// Runs a job to its end (bounded). With phases, prints when each of its steps began (ms from the start):
// where a timed job spends its time.
bool runJob(Job *job, int timeoutMs, bool phases = false)
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
    auto *create = new CreateClusterJob(inputs, replicas);
    // Forming is set-up here, not what is timed: a loaded machine may take longer than the default.
    create->setConvergenceTimeout(300000);
    const bool ok = runJob(create, 310000);
    delete create;
    return ok;
}

// The same set-up with `redis-cli --cluster create`, waited for until all correct (bounded): recover can
// be measured at a scale where our create is the thing in question.
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
    return QTest::qWaitFor([&] { return allCorrect(pool, addresses); }, 120000);
}

bool g_setupWithRedisCli = false;
int g_commandTimeoutMs = 0; // 0: the product's default (RedisConnection::DefaultCommandTimeoutMs)

enum class RecoverTool { Ours, Seed, CliMesh };

QString toolName(RecoverTool tool)
{
    switch (tool) {
    case RecoverTool::Ours:
        return QStringLiteral("ours");
    case RecoverTool::Seed:
        return QStringLiteral("seed");
    case RecoverTool::CliMesh:
        return QStringLiteral("cli-mesh");
    }
    return {};
}

// The seed's procedure: one node MEETs every other (sent in-process, all at once).
bool meetFromFirst(RedisPool &pool, const test::RedisTestNodes &nodes)
{
    const int count = nodes.count();
    int answered = 0;
    for (int i = 1; i < count; ++i) {
        const NodeAddress peer = nodes.address(i);
        pool.command(nodes.address(0), {"CLUSTER", "MEET", peer.host.toUtf8(), QByteArray::number(peer.port)},
                     nullptr, [&](Result<RedisReply>) { ++answered; });
    }
    return QTest::qWaitFor([&] { return answered == count - 1; }, 10000);
}

// What an operator can do with redis-cli alone: for each node, one redis-cli reading a MEET to every
// other node from its standard input (a shell loop; the processes run one after another).
bool meetFullMeshWithRedisCli(const test::RedisTestNodes &nodes)
{
    for (int i = 0; i < nodes.count(); ++i) {
        QByteArray script;
        for (int j = 0; j < nodes.count(); ++j) {
            if (j != i)
                script += "CLUSTER MEET " + nodes.address(j).host.toUtf8() + ' ' +
                          QByteArray::number(nodes.address(j).port) + '\n';
        }
        const test::ProgramRun cli =
            test::runRedisCli({QStringLiteral("-h"), nodes.address(i).host, QStringLiteral("-p"),
                               QString::number(nodes.address(i).port)},
                              30000, script);
        if (cli.exitCode != 0) {
            std::fprintf(stderr, "%s -h %s failed: %s\n", qPrintable(cli.program),
                         qPrintable(nodes.address(i).host), qPrintable(cli.all().right(300)));
            return false;
        }
    }
    return true;
}

constexpr qint64 SetupFailed = -2;

// Milliseconds until all correct, -1 when given up (after giveUpMs, ours included), or SetupFailed.
qint64 timeRecover(int count, RecoverTool tool, int giveUpMs)
{
    test::RedisTestNodes nodes;
    const auto create = g_setupWithRedisCli ? createClusterWithRedisCli : createCluster;
    if (!nodes.start(count).ok() || !create(nodes.addresses(), 1) || !nodes.restartAllOnNewAddresses().ok()) {
        std::fprintf(stderr, "set-up failed: the cluster of %d nodes could not be formed and restarted\n",
                     count);
        return SetupFailed;
    }
    RedisPool pool;
    if (g_commandTimeoutMs > 0) {
        RedisConnectionOptions options = pool.options();
        options.commandTimeoutMs = g_commandTimeoutMs;
        pool.setOptions(options);
    }
    QElapsedTimer clock;
    clock.start();
    if (tool == RecoverTool::Ours) {
        auto *recover = new RecoverJob(nodes.addresses(), &pool);
        recover->setConvergenceTimeout(giveUpMs);
        const bool ok = runJob(recover, giveUpMs + 30000, true);
        delete recover;
        return ok ? clock.elapsed() : -1;
    }
    const bool sent =
        tool == RecoverTool::Seed ? meetFromFirst(pool, nodes) : meetFullMeshWithRedisCli(nodes);
    if (!sent)
        return -1;
    std::printf("  %s: MEETs sent after %lld ms\n", qPrintable(toolName(tool)), clock.elapsed());
    std::fflush(stdout);
    // Then everybody waits for gossip; the check itself takes time on many nodes, so poll back to back.
    while (clock.elapsed() < giveUpMs) {
        if (allCorrect(pool, nodes.addresses()))
            return clock.elapsed();
        QTest::qWait(100);
    }
    return -1;
}

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

int g_shortenTargetTimeoutMs = 0; // rebalance: the experiment of --shorten-target-timeout-ms

qint64 timeRebalance(int keys, bool ours, int giveUpMs)
{
    test::RedisTestNodes nodes;
    if (!nodes.start(7).ok())
        return SetupFailed;
    const QList<NodeAddress> all = nodes.addresses();
    if (!createCluster(all.mid(0, 6), 1))
        return SetupFailed;
    RedisPool pool;
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

int g_shortenOldMasterTimeoutMs = 0; // failover: the experiment of SwapWatch::setShortenOldMasterTimeout
QString g_studio; // failover: the redis-cluster-studio to time; empty: FailoverJob in-process

// A freshly created cluster of 6 nodes (ours creates it, untimed), then the first replica is promoted.
// Milliseconds from the command until every node sees the swap (ours: and the command succeeded),
// -1 when that did not happen within giveUpMs (ours: its own bound), or SetupFailed.
qint64 timeFailover(bool ours, int giveUpMs)
{
    test::RedisTestNodes nodes;
    if (!nodes.start(6).ok() || !createCluster(nodes.addresses(), 1))
        return SetupFailed;
    RedisPool pool;
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

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Times recover, rebalance and failover: ours against today's procedures."));
    parser.addHelpOption();
    parser.addPositionalArgument(QStringLiteral("scenario"),
                                 QStringLiteral("recover, rebalance or failover"));
    parser.addOptions({
        {QStringLiteral("nodes"), QStringLiteral("Nodes for recover (default 6)."), QStringLiteral("N"),
         QStringLiteral("6")},
        {QStringLiteral("keys"), QStringLiteral("Keys for rebalance (default 0)."), QStringLiteral("K"),
         QStringLiteral("0")},
        {QStringLiteral("runs"), QStringLiteral("Runs per tool (default 3)."), QStringLiteral("R"),
         QStringLiteral("3")},
        {QStringLiteral("references"),
         QStringLiteral("Recover: the procedures to compare with, comma-separated: seed (MEET from one node "
                        "to every other), cli-mesh (redis-cli, every node MEETs every other). Default seed."),
         QStringLiteral("LIST"), QStringLiteral("seed")},
        {QStringLiteral("setup-with"),
         QStringLiteral("Recover: the tool that forms the cluster before the restart, ours or redis-cli "
                        "(default ours)."),
         QStringLiteral("TOOL"), QStringLiteral("ours")},
        {QStringLiteral("command-timeout-ms"),
         QStringLiteral("Recover: per-command timeout of our connections (default: the product's)."),
         QStringLiteral("MS"), QStringLiteral("0")},
        {QStringLiteral("give-up-s"),
         QStringLiteral(
             "Seconds after which a reference is given up (default 60): recover, failover, and the cli's "
             "rebalance."),
         QStringLiteral("S"), QStringLiteral("60")},
        {QStringLiteral("studio"),
         QStringLiteral(
             "Failover: the redis-cluster-studio to time; without it FailoverJob runs in-process."),
         QStringLiteral("PATH")},
        {QStringLiteral("ours-only"),
         QStringLiteral(
             "Rebalance and failover: time ours alone (when the cli's figure is known and costly).")},
        {QStringLiteral("shorten-target-timeout-ms"),
         QStringLiteral(
             "Rebalance, an experiment for ours: once the slots moved (RebalanceJob waits for every "
             "node to agree), the bench lowers the new master's cluster-node-timeout to MS (not "
             "restored: the nodes are thrown away after the run)."),
         QStringLiteral("MS"), QStringLiteral("0")},
        {QStringLiteral("shorten-old-master-timeout-ms"),
         QStringLiteral(
             "Failover, an experiment for either tool: once the old master calls itself a replica, "
             "the bench lowers its cluster-node-timeout to MS (not restored: the nodes are "
             "thrown away after the run)."),
         QStringLiteral("MS"), QStringLiteral("0")},
    });
    parser.process(app);
    const QString scenario = parser.positionalArguments().value(0);
    if (scenario != QLatin1String("recover") && scenario != QLatin1String("rebalance") &&
        scenario != QLatin1String("failover")) {
        std::fprintf(stderr, "Give the scenario: recover, rebalance or failover.\n");
        return 2;
    }
    const bool recover = scenario == QLatin1String("recover");
    const bool rebalance = scenario == QLatin1String("rebalance");
    const int runs = parser.value(QStringLiteral("runs")).toInt();
    const int count = parser.value(QStringLiteral("nodes")).toInt();
    const int keys = parser.value(QStringLiteral("keys")).toInt();
    const int giveUpMs = parser.value(QStringLiteral("give-up-s")).toInt() * 1000;
    g_commandTimeoutMs = parser.value(QStringLiteral("command-timeout-ms")).toInt();
    g_setupWithRedisCli = parser.value(QStringLiteral("setup-with")) == QLatin1String("redis-cli");
    g_studio = parser.value(QStringLiteral("studio"));
    g_shortenOldMasterTimeoutMs = parser.value(QStringLiteral("shorten-old-master-timeout-ms")).toInt();
    g_shortenTargetTimeoutMs = parser.value(QStringLiteral("shorten-target-timeout-ms")).toInt();
    const QString cliName = QFileInfo(test::redisCliProgram()).fileName();

    struct Tool {
        RecoverTool kind = RecoverTool::Ours; // recover only
        QString name;
        QList<qint64> times;
        int gaveUp = 0;
    };
    QList<Tool> tools = {{RecoverTool::Ours, QStringLiteral("ours"), {}, 0}};
    if (recover) {
        for (const QString &name :
             parser.value(QStringLiteral("references")).split(QLatin1Char(','), Qt::SkipEmptyParts)) {
            if (name == QLatin1String("seed"))
                tools.append({RecoverTool::Seed, name, {}, 0});
            else if (name == QLatin1String("cli-mesh"))
                tools.append({RecoverTool::CliMesh, name, {}, 0});
            else {
                std::fprintf(stderr, "Unknown reference '%s': use seed or cli-mesh.\n", qPrintable(name));
                return 2;
            }
        }
    } else if (!parser.isSet(QStringLiteral("ours-only"))) {
        tools.append({RecoverTool::Ours, cliName, {}, 0});
    }
    int setupFailures = 0;
    QStringList oursErrors;
    for (int run = 0; run < runs; ++run) {
        // Alternate which tool goes first so that none always gets the warmer (or quieter) machine.
        for (qsizetype i = 0; i < tools.size(); ++i) {
            const qsizetype t = run % 2 == 0 ? i : tools.size() - 1 - i;
            Tool &tool = tools[t];
            const bool isOurs = t == 0;
            g_lastError.clear();
            const qint64 ms = recover     ? timeRecover(count, tool.kind, giveUpMs)
                              : rebalance ? timeRebalance(keys, isOurs, giveUpMs)
                                          : timeFailover(isOurs, giveUpMs);
            std::printf("run %d %-10s %lld ms\n", run + 1, qPrintable(tool.name), ms);
            std::fflush(stdout);
            if (ms == SetupFailed) {
                ++setupFailures;
                continue;
            }
            if (ms < 0 && isOurs && !g_lastError.isEmpty())
                oursErrors.append(g_lastError);
            if (ms < 0)
                ++tool.gaveUp;
            else
                tool.times.append(ms);
        }
    }
    const QString what = recover     ? QStringLiteral("recover %1 nodes").arg(count)
                         : rebalance ? QStringLiteral("rebalance 3→4 masters, %1 keys").arg(keys)
                                     : QStringLiteral("failover, fresh 6-node cluster");
    const double ourMedian = bench::median(tools.first().times);
    std::printf("\n| scenario | reference | runs | ours median | reference median | speed-up | ours (ms) | "
                "reference (ms) |\n|---|---|---|---|---|---|---|---|\n");
    for (qsizetype t = 1; t < tools.size(); ++t) {
        const Tool &tool = tools.at(t);
        const QString theirText =
            tool.times.isEmpty()
                ? QStringLiteral("never %1 within %2 s (%3 of %4)")
                      .arg(recover ? QStringLiteral("all correct") : QStringLiteral("done (or failed)"))
                      .arg(giveUpMs / 1000)
                      .arg(tool.gaveUp)
                      .arg(runs)
                : QStringLiteral("%1 ms%2")
                      .arg(bench::median(tool.times))
                      .arg(tool.gaveUp ? QStringLiteral(" (%1 of %2 runs gave up)").arg(tool.gaveUp).arg(runs)
                                       : QString());
        const QString ourText = tools.first().times.isEmpty()
                                    ? QStringLiteral("—")
                                    : QStringLiteral("%1 ms").arg(ourMedian, 0, 'f', 0);
        std::printf("| %s | %s | %d | %s | %s | %s | %s | %s |\n", qPrintable(what), qPrintable(tool.name),
                    runs, qPrintable(ourText), qPrintable(theirText),
                    qPrintable(bench::speedUp(ourMedian, bench::median(tool.times))),
                    qPrintable(bench::joined(tools.first().times, tools.first().gaveUp)),
                    qPrintable(bench::joined(tool.times, tool.gaveUp)));
        QVariantMap extra{{QStringLiteral("cli"), cliName},
                          {QStringLiteral("give_up_s"), giveUpMs / 1000},
                          {QStringLiteral("setup_failures"), setupFailures}};
        if (!oursErrors.isEmpty())
            extra.insert(QStringLiteral("ours_errors"), oursErrors);
        bench::printResult(what, tools.first().times, tools.first().gaveUp, tool.name, tool.times,
                           tool.gaveUp, extra);
    }
    if (tools.size() == 1) {
        std::printf("| %s | — | %d | %.0f ms | — | — | %s | — |\n", qPrintable(what), runs, ourMedian,
                    qPrintable(bench::joined(tools.first().times, tools.first().gaveUp)));
        bench::printResult(what, tools.first().times, tools.first().gaveUp, QStringLiteral("none"), {}, 0);
    }
    if (setupFailures)
        std::printf("(set-up failed in %d of %d runs; those runs are not counted)\n", setupFailures,
                    runs * int(tools.size()));
    // A failed run of ours is a result worth showing, not a crash: the exit status still tells.
    return tools.first().gaveUp == 0 ? 0 : 3;
}
