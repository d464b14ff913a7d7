#include "lifecycle_command.h"

#include "cli_options.h"
#include "command_registry.h"
#include "day2_options.h"
#include "kube_command_support.h"
#include "operation_runner.h"

#include "operations/operation_request.h"
#include "redis/failover_job.h"
#include "redis/recover_job.h"

namespace rcs::cli {

namespace {
ops::OperationRequest requestFor(ops::OperationKind kind)
{
    ops::OperationRequest request;
    request.kind = kind;
    return request;
}
} // namespace

int runRecover(const QStringList &args)
{
    CommandLine line(
        QStringLiteral("recover"),
        QStringLiteral("Brings a cluster back after its nodes restarted on new addresses: every node is "
                       "identified by CLUSTER MYID and introduced to every other (CLUSTER MEET), stale "
                       "FAIL flags are cleared, and the command waits until every node lists every peer "
                       "at its current address, connected, and reports cluster_state:ok. Nothing is "
                       "reset; data stays. Give CURRENT addresses: the live nodes they list are "
                       "recovered too, so a node whose address no other node knows must be given."));
    line.addEndpointOptions(RecoverJob::DefaultTimeoutMs / 1000);
    if (const std::optional<int> stop = line.parse(args))
        return *stop;
    return runOperation(line, requestFor(ops::OperationKind::Recover));
}

int runAddNode(const QStringList &args)
{
    CommandLine line(
        QStringLiteral("add-node"),
        QStringLiteral("Adds a blank node: it meets every member; as a master the slots are rebalanced "
                       "onto it, as a replica it follows the given master or the master with the fewest "
                       "replicas on another host."));
    line.addEndpointOptions(300);
    line.addOption(
        {QStringLiteral("new"), QStringLiteral("The blank node to add, HOST:PORT."), QStringLiteral("H:P")});
    line.addOption({QStringLiteral("role"), QStringLiteral("master (default) or replica."),
                    QStringLiteral("ROLE"), QStringLiteral("master")});
    line.addOption({QStringLiteral("master-id"),
                    QStringLiteral("For a replica: the master to follow (id or unique "
                                   "prefix)."),
                    QStringLiteral("ID")});
    if (const std::optional<int> stop = line.parse(args))
        return *stop;
    const Result<NodeAddress> newNode = NodeAddress::parse(line.value(QStringLiteral("new")));
    if (!newNode)
        return line.usageError(QStringLiteral("--new needs the address of the node to add: ") +
                               newNode.error().message());
    const QString role = line.value(QStringLiteral("role"));
    if (role != QLatin1String("master") && role != QLatin1String("replica"))
        return line.usageError(QStringLiteral("--role must be 'master' or 'replica', not '%1'.").arg(role));
    if (line.isSet(QStringLiteral("master-id")) && role != QLatin1String("replica"))
        return line.usageError(QStringLiteral("--master-id applies only with --role replica."));
    ops::OperationRequest request = requestFor(ops::OperationKind::AddNode);
    request.newNode = *newNode;
    request.role = role == QLatin1String("master") ? ops::OperationRequest::Role::Master
                                                   : ops::OperationRequest::Role::Replica;
    request.masterId = line.value(QStringLiteral("master-id"));
    return runOperation(line, request);
}

int runRemoveNode(const QStringList &args)
{
    CommandLine line(
        QStringLiteral("remove-node"),
        QStringLiteral("Removes a node: its slots move to the other masters, its replicas follow other "
                       "masters, every node forgets it, and it is reset to a blank node. Without --yes it "
                       "lists what would change and exits 1."));
    line.addEndpointOptions(300);
    line.addOption({QStringLiteral("node"),
                    QStringLiteral("The id (or unique prefix) of the node to remove."),
                    QStringLiteral("ID")});
    line.addOption({QStringLiteral("yes"), QStringLiteral("Confirm the removal.")});
    if (const std::optional<int> stop = line.parse(args))
        return *stop;
    if (line.value(QStringLiteral("node")).isEmpty())
        return line.usageError(QStringLiteral("--node needs the id of the node to remove."));
    ops::OperationRequest request = requestFor(ops::OperationKind::RemoveNode);
    request.nodeId = line.value(QStringLiteral("node"));
    request.confirmed = line.isSet(QStringLiteral("yes"));
    // The plan and the equivalent commands, as the Kubernetes form prints them.
    return runOperation(line, request, true);
}

int runRebalance(const QStringList &args)
{
    CommandLine line(
        QStringLiteral("rebalance"),
        QStringLiteral("Evens out the slots over the masters (masters without slots included), moving "
                       "slots from different sources in parallel without ever overwriting a key."));
    line.addEndpointOptions(600);
    addRebalanceOptions(line, QStringLiteral("ID"));
    line.addOption({DryRunOption, QStringLiteral("Print the moves without making them.")});
    if (const std::optional<int> stop = line.parse(args))
        return *stop;
    RebalanceOptions options;
    if (const std::optional<int> stop = readRebalanceOptions(line, options))
        return *stop;
    ops::OperationRequest request = requestFor(ops::OperationKind::Rebalance);
    request.rebalance = options;
    request.dryRun = line.isSet(DryRunOption);
    return runOperation(line, request);
}

int runReshard(const QStringList &args)
{
    CommandLine line(
        QStringLiteral("reshard"),
        QStringLiteral("Moves N slots to one master, taken from the given masters (or all others) in "
                       "proportion to what they hold, lowest slots first, like redis-cli reshard."));
    line.addEndpointOptions(600);
    addReshardOptions(line, QStringLiteral("ID"));
    line.addOption({DryRunOption, QStringLiteral("Print the moves without making them.")});
    if (const std::optional<int> stop = line.parse(args))
        return *stop;
    ReshardRequest reshard;
    if (const std::optional<int> stop = readReshardOptions(line, reshard))
        return *stop;
    ops::OperationRequest request = requestFor(ops::OperationKind::Reshard);
    request.reshardSources = reshard.sources;
    request.reshardTarget = reshard.target;
    request.reshardSlots = reshard.slotCount;
    request.dryRun = line.isSet(DryRunOption);
    return runOperation(line, request);
}

int runFailover(const QStringList &args)
{
    CommandLine line(
        QStringLiteral("failover"),
        QStringLiteral("Promotes a replica to master (CLUSTER FAILOVER) and waits until every node sees "
                       "the swapped roles."));
    line.addEndpointOptions(FailoverJob::DefaultTimeoutMs / 1000);
    line.addOption({QStringLiteral("node"), QStringLiteral("The replica to promote (id or unique prefix)."),
                    QStringLiteral("ID")});
    addFailoverModeOptions(line);
    if (const std::optional<int> stop = line.parse(args))
        return *stop;
    if (line.value(QStringLiteral("node")).isEmpty())
        return line.usageError(QStringLiteral("--node needs the id of the replica to promote."));
    FailoverJob::Mode mode = FailoverJob::Mode::Default;
    if (const std::optional<int> stop = readFailoverMode(line, mode))
        return *stop;
    ops::OperationRequest request = requestFor(ops::OperationKind::Failover);
    request.nodeId = line.value(QStringLiteral("node"));
    request.failoverMode = mode;
    return runOperation(line, request);
}

int runCheckFix(const QStringList &args)
{
    CommandLine line(
        QStringLiteral("check"),
        QStringLiteral("With --fix: closes slots an interrupted migration left open, finishing moves "
                       "without overwriting any key, then checks the cluster. Exits 0 only when healthy."));
    line.addEndpointOptions(300);
    line.addOption({QStringLiteral("fix"), QStringLiteral("Close open slots before checking.")});
    if (const std::optional<int> stop = line.parse(args))
        return *stop;
    return runOperation(line, requestFor(ops::OperationKind::CheckFix));
}

} // namespace rcs::cli
