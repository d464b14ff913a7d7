// Times cluster creation from freshly started nodes until every node reports cluster_state:ok:
// our create (the redis-cluster-studio command, or the same job in-process) against
// `redis-cli --cluster create … --cluster-replicas R --cluster-yes`. Each run starts new nodes on new
// loopback addresses, lets them settle, then starts the clock. Prints one line per run and a Markdown
// summary (medians, ratio). Run through bench/create/run.sh.

#include "common/job.h"
#include "redis/create_cluster_job.h"
#include "redis/redis_pool.h"
#include "support/bench_support.h"
#include "support/bench_transport.h"
#include "support/create_timing.h"
#include "support/redis_test_nodes.h"
#include "support/server_under_test.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QSignalSpy>
#include <QTest>

#include <algorithm>
#include <cstdio>

using namespace rcs;

namespace {

struct Settings {
    int nodes = 6;
    int replicas = 1;
    int runs = 5;
    int settleMs = 3000;
    int timeoutMs = 120000;
    QString studio;   // empty: run the job in-process
    QString redisCli; // the server's own client (tests/support/server_under_test.h)
};

// The ms from the tool's start until it exited successfully AND every node reported cluster_state:ok,
// whichever came last; -1 on failure (reason printed).
qint64 timeExternal(const QString &program, const QStringList &args, const QList<NodeAddress> &nodes,
                    int timeoutMs)
{
    RedisPool pool;
    return bench::timeProgram(
               program, args, [&] { return bench::allOk(pool, nodes); }, timeoutMs)
        .finishedAt();
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Times cluster creation: ours against redis-cli."));
    parser.addHelpOption();
    parser.addOptions({
        {QStringLiteral("nodes"), QStringLiteral("Nodes per cluster (default 6)."), QStringLiteral("N"),
         QStringLiteral("6")},
        {QStringLiteral("replicas"), QStringLiteral("Replicas per master (default 1)."), QStringLiteral("R"),
         QStringLiteral("1")},
        {QStringLiteral("runs"), QStringLiteral("Runs per tool (default 5)."), QStringLiteral("K"),
         QStringLiteral("5")},
        {QStringLiteral("settle-ms"), QStringLiteral("Idle time after the nodes answer PING (default 3000)."),
         QStringLiteral("MS"), QStringLiteral("3000")},
        {QStringLiteral("studio"),
         QStringLiteral("redis-cluster-studio to time; without it the job runs in-process."),
         QStringLiteral("PATH")},
        {QStringLiteral("redis-cli"),
         QStringLiteral("The cli to compare with (default: the server's own, $RCS_REDIS_CLI or the redis-cli "
                        "or valkey-cli next to $RCS_REDIS_SERVER, else redis-cli on PATH)."),
         QStringLiteral("PATH"), test::redisCliProgram()},
        {QStringLiteral("timeout-s"),
         QStringLiteral("Per run: a tool that has not finished (and the cluster not ok) after S seconds "
                        "counts as failed (default 120)."),
         QStringLiteral("S"), QStringLiteral("120")},
    });
    parser.process(app);
    Settings settings;
    settings.nodes = parser.value(QStringLiteral("nodes")).toInt();
    settings.replicas = parser.value(QStringLiteral("replicas")).toInt();
    settings.runs = parser.value(QStringLiteral("runs")).toInt();
    settings.settleMs = parser.value(QStringLiteral("settle-ms")).toInt();
    settings.studio = parser.value(QStringLiteral("studio"));
    settings.redisCli = parser.value(QStringLiteral("redis-cli"));
    settings.timeoutMs = parser.value(QStringLiteral("timeout-s")).toInt() * 1000;

    QList<qint64> ours;
    QList<qint64> theirs;
    // A failed run is counted and shown, not fatal: at scale a tool may fail on a loaded machine.
    int oursFailed = 0;
    int theirsFailed = 0;
    for (int run = 0; run < settings.runs; ++run) {
        for (const bool oursFirst : {true, false}) {
            // Alternate which tool goes first so neither always gets the warmer machine.
            const bool isOurs = (run % 2 == 0) == oursFirst;
            test::RedisTestNodes nodes;
            const Result<void> started = nodes.start(settings.nodes);
            if (!started) {
                std::fprintf(stderr, "%s\n", qPrintable(started.error().message()));
                return 1;
            }
            // Masters report cluster_state:ok only CLUSTER_WRITABLE_DELAY (2 s) after start-up; nodes
            // in a real deployment have been up longer than that.
            QTest::qWait(settings.settleMs);
            QStringList addresses;
            for (const NodeAddress &address : nodes.addresses())
                addresses.append(address.toString());
            qint64 ms = -1;
            if (isOurs) {
                ms = settings.studio.isEmpty()
                         ? bench::timeCreateInProcess(nodes.addresses(), settings.replicas,
                                                      settings.timeoutMs, bench::Transport())
                         : timeExternal(settings.studio,
                                        {QStringLiteral("create"), QStringLiteral("--nodes"),
                                         addresses.join(QLatin1Char(',')),
                                         QStringLiteral("--cluster-replicas"),
                                         QString::number(settings.replicas), QStringLiteral("--timeout"),
                                         QString::number(settings.timeoutMs / 1000)},
                                        nodes.addresses(), settings.timeoutMs);
            } else {
                QStringList args = {QStringLiteral("--cluster"), QStringLiteral("create")};
                args += addresses;
                args += {QStringLiteral("--cluster-replicas"), QString::number(settings.replicas),
                         QStringLiteral("--cluster-yes")};
                ms = timeExternal(settings.redisCli, args, nodes.addresses(), settings.timeoutMs);
            }
            if (ms < 0)
                ++(isOurs ? oursFailed : theirsFailed);
            else
                (isOurs ? ours : theirs).append(ms);
            std::printf("run %d %-10s %lld ms\n", run + 1,
                        isOurs ? "ours" : qPrintable(QFileInfo(settings.redisCli).fileName()), ms);
            std::fflush(stdout);
            if (Result<void> stopped = nodes.stopAll(); !stopped)
                std::fprintf(stderr, "%s\n", qPrintable(stopped.error().message()));
        }
    }
    const QString cliName = QFileInfo(settings.redisCli).fileName();
    const double oursMedian = bench::median(ours);
    const double theirsMedian = bench::median(theirs);
    std::printf("\n| nodes | replicas | runs | ours median (ms) | %s median (ms) | speed-up | ours (ms) | %s "
                "(ms) |\n",
                qPrintable(cliName), qPrintable(cliName));
    std::printf("|---|---|---|---|---|---|---|---|\n");
    std::printf("| %d | %d | %d | %.0f | %.0f | %s | %s | %s |\n", settings.nodes, settings.replicas,
                settings.runs, oursMedian, theirsMedian, qPrintable(bench::speedUp(oursMedian, theirsMedian)),
                qPrintable(bench::joined(ours, oursFailed)), qPrintable(bench::joined(theirs, theirsFailed)));
    bench::printResult(QStringLiteral("create %1 nodes").arg(settings.nodes), ours, oursFailed, cliName,
                       theirs, theirsFailed);
    return oursFailed == 0 && theirsFailed == 0 ? 0 : 3;
}
