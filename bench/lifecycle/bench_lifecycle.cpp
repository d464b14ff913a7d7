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
//        rcs_bench_lifecycle tls --keys 500000 --runs 3 [--operations create,recover,rebalance]
// The tls scenario times ours alone, on plain TCP nodes against TLS-only nodes (clients, cluster bus,
// replication; a test PKI made with openssl), the transports alternating which goes first (tls_cost.cpp).
// Prints one line per run, a Markdown row with the medians and the ratio (recover: one row per
// reference), and a RESULT line per reference for bench/matrix.sh.
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
using namespace lifecycle;

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Times recover, rebalance and failover: ours against today's procedures."));
    parser.addHelpOption();
    parser.addPositionalArgument(QStringLiteral("scenario"),
                                 QStringLiteral("recover, rebalance, failover or tls"));
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
        {QStringLiteral("operations"),
         QStringLiteral("tls: the operations to time on both transports, comma-separated, of create, "
                        "recover and rebalance (default all three; create and recover use --nodes)."),
         QStringLiteral("LIST"), QStringLiteral("create,recover,rebalance")},
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
        scenario != QLatin1String("failover") && scenario != QLatin1String("tls")) {
        std::fprintf(stderr, "Give the scenario: recover, rebalance, failover or tls.\n");
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
    if (scenario == QLatin1String("tls"))
        return runTlsCost(
            parser.value(QStringLiteral("operations")).split(QLatin1Char(','), Qt::SkipEmptyParts), runs,
            count, keys, giveUpMs);
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
