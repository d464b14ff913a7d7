// The recover scenario: every node restarted on a new address, then ours against the seed's procedure
// and redis-cli's full mesh, timed until all correct.
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

namespace {

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

} // namespace

qint64 timeRecover(int count, RecoverTool tool, int giveUpMs)
{
    test::RedisTestNodes nodes;
    const auto create = g_setupWithRedisCli ? createClusterWithRedisCli : createCluster;
    if (!nodes.start(count, g_transport.nodeOptions()).ok() || !create(nodes.addresses(), 1) ||
        !nodes.restartAllOnNewAddresses().ok()) {
        std::fprintf(stderr, "set-up failed: the cluster of %d nodes could not be formed and restarted\n",
                     count);
        return SetupFailed;
    }
    RedisPool pool;
    g_transport.configure(pool);
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

} // namespace lifecycle
