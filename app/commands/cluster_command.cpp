#include "cluster_command.h"

#include "cli_options.h"
#include "command_registry.h"
#include "operation_runner.h"

#include "operations/operation_request.h"
#include "redis/create_cluster_job.h"

namespace rcs::cli {

namespace {
const QString ReplicasOption = QStringLiteral("cluster-replicas");
} // namespace

int runCreate(const QStringList &args)
{
    CommandLine line(
        QStringLiteral("create"),
        QStringLiteral("Forms a new Redis Cluster from blank cluster-mode nodes and waits until every "
                       "node agrees on it (cluster_state:ok, slots, roles, addresses, links)."));
    line.addEndpointOptions(CreateClusterJob::DefaultTimeoutMs / 1000,
                            QStringLiteral("Every node of the new cluster as IP:PORT, comma-separated; "
                                           "masters are taken first, in this order."));
    const QString replicasDefault = QString::number(ops::OperationRequest::DefaultReplicasPerMaster);
    line.addOption(
        {ReplicasOption,
         QStringLiteral("Replicas per master (default %1, as in the studio).").arg(replicasDefault),
         QStringLiteral("N"), replicasDefault});
    if (const std::optional<int> stop = line.parse(args))
        return *stop;
    const std::optional<int> replicas = line.intValue(ReplicasOption, 0, 100);
    if (!replicas)
        return ExitUsage;
    ops::OperationRequest request;
    request.kind = ops::OperationKind::Create;
    request.replicasPerMaster = *replicas;
    return runOperation(line, request);
}

int runStatus(const QStringList &args)
{
    CommandLine line(
        QStringLiteral("status"),
        QStringLiteral("Shows the cluster as its nodes see it: masters, replicas, slots, flags, links. "
                       "One reachable address is enough; the other nodes are discovered from it."));
    line.addEndpointOptions(30);
    if (const std::optional<int> stop = line.parse(args))
        return *stop;
    // The catalogue's status, as the studio's refresh runs it: the topology and the situation core
    // names for it.
    ops::OperationRequest request;
    request.kind = ops::OperationKind::Status;
    return runOperation(line, request);
}

int runCheck(const QStringList &args)
{
    CommandLine line(
        QStringLiteral("check"),
        QStringLiteral("Checks the cluster like redis-cli --cluster check (slot agreement, open slots, "
                       "coverage, unreachable nodes) and more (cluster_state, fail flags, links, stale "
                       "addresses). Exits 0 only when there is no error."));
    line.addEndpointOptions(30);
    if (const std::optional<int> stop = line.parse(args))
        return *stop;
    ops::OperationRequest request;
    request.kind = ops::OperationKind::Check;
    return runOperation(line, request);
}

} // namespace rcs::cli
