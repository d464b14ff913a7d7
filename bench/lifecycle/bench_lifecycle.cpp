// Times the day-2 operations against the procedures people use today, on real redis-server nodes:
// - recover: every node restarted on a new address; ours (RecoverJob) against the seed's procedure
//   (CLUSTER MEET from one node to every other), both until "all correct": every node reachable, every
//   peer listed at its current address and connected, no fail flag, cluster_state:ok everywhere (the
//   seed's procedure is given up after 60 s);
// - rebalance 3 → 4 masters: ours (RebalanceJob) against
//   `redis-cli --cluster rebalance … --cluster-use-empty-masters`, after the new master reports
//   cluster_state:ok (so redis-cli does not hit its start-up race), with a given number of keys.
// Usage: rcs_bench_lifecycle recover --nodes 6 --runs 3 | rebalance --keys 0 --runs 3
// Prints one line per run and a Markdown row with the medians and the ratio.

#include "redis/cluster_check.h"
#include "redis/cluster_scan_job.h"
#include "redis/create_cluster_job.h"
#include "redis/rebalance_job.h"
#include "redis/recover_job.h"
#include "redis/redis_pool.h"
#include "support/redis_cli_runner.h"
#include "support/redis_test_nodes.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTest>

#include <algorithm>
#include <cstdio>

using namespace rcs;

namespace {

bool runJob(Job *job, int timeoutMs)
{
    job->setAutoDelete(false);
    QSignalSpy finished(job, &Job::finished);
    job->start();
    const bool done = finished.wait(timeoutMs) && !job->hasError();
    if (!done)
        std::fprintf(stderr, "%s failed: %s\n", qPrintable(job->title()), qPrintable(job->errorString()));
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
    const bool ok = runJob(create, 120000);
    delete create;
    return ok;
}

// Milliseconds until all correct, or -1.
qint64 timeRecover(int count, bool ours)
{
    test::RedisTestNodes nodes;
    if (!nodes.start(count).ok() || !createCluster(nodes.addresses(), 1) ||
        !nodes.restartAllOnNewAddresses().ok())
        return -1;
    RedisPool pool;
    QElapsedTimer clock;
    clock.start();
    if (ours) {
        auto *recover = new RecoverJob(nodes.addresses(), &pool);
        const bool ok = runJob(recover, 90000);
        delete recover;
        return ok ? clock.elapsed() : -1;
    }
    // The seed's procedure: one node MEETs every other, then everybody waits for gossip.
    int answered = 0;
    for (int i = 1; i < count; ++i) {
        const NodeAddress peer = nodes.address(i);
        pool.command(nodes.address(0), {"CLUSTER", "MEET", peer.host.toUtf8(), QByteArray::number(peer.port)},
                     nullptr, [&](Result<RedisReply>) { ++answered; });
    }
    if (!QTest::qWaitFor([&] { return answered == count - 1; }, 10000))
        return -1;
    while (clock.elapsed() < 60000) {
        if (allCorrect(pool, nodes.addresses()))
            return clock.elapsed();
        QTest::qWait(100);
    }
    return -1;
}

qint64 timeRebalance(int keys, bool ours)
{
    test::RedisTestNodes nodes;
    if (!nodes.start(7).ok())
        return -1;
    const QList<NodeAddress> all = nodes.addresses();
    if (!createCluster(all.mid(0, 6), 1))
        return -1;
    RedisPool pool;
    // Load keys through redis-cli-free pipelining: each key goes to its slot's master.
    if (keys > 0) {
        auto *scan = new ClusterScanJob({all.first()}, &pool);
        runJob(scan, 30000);
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
                return -1;
        }
        if (!QTest::qWaitFor([&] { return pending == 0; }, 120000))
            return -1;
    }
    const NodeAddress newcomer = all.at(6);
    bool met = false;
    pool.command(newcomer,
                 {"CLUSTER", "MEET", all.first().host.toUtf8(), QByteArray::number(all.first().port)},
                 nullptr, [&](Result<RedisReply>) { met = true; });
    if (!QTest::qWaitFor([&] { return met; }, 10000))
        return -1;
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
        return -1;
    QElapsedTimer clock;
    clock.start();
    if (ours) {
        auto *rebalance = new RebalanceJob({all.first()}, &pool);
        const bool ok = runJob(rebalance, 300000);
        delete rebalance;
        return ok ? clock.elapsed() : -1;
    }
    const Result<test::ProcessRun> run =
        test::runRedisCli({QStringLiteral("--cluster"), QStringLiteral("rebalance"), all.first().toString(),
                           QStringLiteral("--cluster-use-empty-masters")},
                          300000);
    if (!run || run->exitCode != 0) {
        std::fprintf(stderr, "redis-cli failed: %s\n",
                     run ? qPrintable(run->output.right(500)) : qPrintable(run.error().message()));
        return -1;
    }
    return clock.elapsed();
}

double median(QList<qint64> values)
{
    std::sort(values.begin(), values.end());
    const qsizetype n = values.size();
    if (n == 0)
        return 0;
    return n % 2 ? values.at(n / 2) : (values.at(n / 2 - 1) + values.at(n / 2)) / 2.0;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Times recover and rebalance: ours against today's procedures."));
    parser.addHelpOption();
    parser.addPositionalArgument(QStringLiteral("scenario"), QStringLiteral("recover or rebalance"));
    parser.addOptions({
        {QStringLiteral("nodes"), QStringLiteral("Nodes for recover (default 6)."), QStringLiteral("N"),
         QStringLiteral("6")},
        {QStringLiteral("keys"), QStringLiteral("Keys for rebalance (default 0)."), QStringLiteral("K"),
         QStringLiteral("0")},
        {QStringLiteral("runs"), QStringLiteral("Runs per tool (default 3)."), QStringLiteral("R"),
         QStringLiteral("3")},
    });
    parser.process(app);
    const QString scenario = parser.positionalArguments().value(0);
    if (scenario != QLatin1String("recover") && scenario != QLatin1String("rebalance")) {
        std::fprintf(stderr, "Give the scenario: recover or rebalance.\n");
        return 2;
    }
    const int runs = parser.value(QStringLiteral("runs")).toInt();
    const int count = parser.value(QStringLiteral("nodes")).toInt();
    const int keys = parser.value(QStringLiteral("keys")).toInt();
    QList<qint64> ours;
    QList<qint64> theirs;
    int theirsGaveUp = 0;
    for (int run = 0; run < runs; ++run) {
        for (const bool isOurs : {true, false}) {
            const qint64 ms = scenario == QLatin1String("recover") ? timeRecover(count, isOurs)
                                                                   : timeRebalance(keys, isOurs);
            std::printf("run %d %-10s %lld ms\n", run + 1, isOurs ? "ours" : "reference", ms);
            std::fflush(stdout);
            if (ms < 0 && isOurs)
                return 1;
            if (ms < 0)
                ++theirsGaveUp;
            else
                (isOurs ? ours : theirs).append(ms);
        }
    }
    const QString what = scenario == QLatin1String("recover")
                             ? QStringLiteral("recover %1 nodes").arg(count)
                             : QStringLiteral("rebalance 3→4 masters, %1 keys").arg(keys);
    const double ourMedian = median(ours);
    const QString theirText =
        theirs.isEmpty() ? QStringLiteral("gave up at 60 s") : QStringLiteral("%1 ms").arg(median(theirs));
    std::printf("| %s | %.0f ms | %s%s | %s |\n", qPrintable(what), ourMedian, qPrintable(theirText),
                theirsGaveUp
                    ? qPrintable(QStringLiteral(" (%1 of %2 runs gave up)").arg(theirsGaveUp).arg(runs))
                    : "",
                theirs.isEmpty() || ourMedian <= 0
                    ? "—"
                    : qPrintable(QStringLiteral("%1×").arg(median(theirs) / ourMedian, 0, 'f', 1)));
    return 0;
}
