#include "demo_command.h"

#include "cli_options.h"
#include "command_registry.h"
#include "job_runner.h"
#include "local_redis_nodes.h"
#include "topology_output.h"

#include "redis/cluster_check.h"
#include "redis/create_cluster_job.h"
#include "redis/redis_pool.h"

#include <cstdio>

namespace rcs::cli {

int runDemo(const QStringList &args)
{
    CommandLine line(
        QStringLiteral("demo"),
        QStringLiteral("Starts throw-away redis-server nodes on local loopback addresses, forms a "
                       "cluster from them, prints and checks it, and stops the nodes again."));
    line.addOption({QStringLiteral("count"), QStringLiteral("How many nodes (default 6)."),
                    QStringLiteral("N"), QStringLiteral("6")});
    line.addOption({QStringLiteral("cluster-replicas"), QStringLiteral("Replicas per master (default 1)."),
                    QStringLiteral("R"), QStringLiteral("1")});
    line.addVerboseOption();
    if (const std::optional<int> stop = line.parse(args))
        return *stop;
    const std::optional<int> count = line.intValue(QStringLiteral("count"), 3, 60);
    const std::optional<int> replicas =
        count ? line.intValue(QStringLiteral("cluster-replicas"), 0, 5) : std::nullopt;
    if (!count || !replicas)
        return ExitUsage;

    std::printf("Starting %d local redis-server nodes…\n", *count);
    std::fflush(stdout);
    LocalRedisNodes nodes;
    if (const Result<void> started = nodes.start(*count); !started)
        return reportFailure(started.error());

    QList<PlannedNodeInput> inputs;
    QStringList shown;
    for (const NodeAddress &address : nodes.addresses()) {
        inputs.append({address, {}});
        shown.append(address.toString());
    }
    std::printf("Forming a cluster: redis-cluster-studio create --nodes %s --cluster-replicas %d\n",
                qPrintable(shown.join(QLatin1Char(','))), *replicas);
    std::fflush(stdout);
    RedisPool pool;
    CreateClusterJob job(inputs, *replicas, &pool);
    if (const Error error = runJob(&job); error.isError())
        return reportFailure(error);
    std::printf("%s", qPrintable(topologyToText(job.topology())));
    std::printf("Formed and verified in %.2f s.\n\n", job.elapsedMs() / 1000.0);
    const ClusterCheckReport report = checkCluster(job.topology());
    std::printf("%s", qPrintable(checkReportToText(report)));
    std::printf("\nStopping the demo nodes.\n");
    std::fflush(stdout);
    pool.closeAll();
    nodes.stop();
    return report.isHealthy() ? ExitSuccess : ExitFailure;
}

} // namespace rcs::cli
