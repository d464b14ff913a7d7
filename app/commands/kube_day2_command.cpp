#include "kube_day2_command.h"

#include "cli_options.h"
#include "command_registry.h"
#include "day2_options.h"
#include "kube_command_support.h"
#include "topology_output.h"

#include "operations/workflow_operation_job.h"

#include <QJsonArray>
#include <QJsonObject>

#include <cstdio>

namespace rcs::cli {

int runKubeAddNode(const QStringList &args)
{
    CommandLine line(
        QStringLiteral("add-node"),
        QStringLiteral(
            "Adds a pod to a healthy cluster: scales the StatefulSet by one, waits for the new pod, "
            "then joins it as a master (the slots are rebalanced onto it) or as a replica of the "
            "master with the fewest replicas on another Kubernetes node."));
    addKubeOptions(line, true, 300);
    line.addOption({QStringLiteral("role"), QStringLiteral("master (default) or replica."),
                    QStringLiteral("ROLE"), QStringLiteral("master")});
    if (const std::optional<int> stop = line.parse(args))
        return *stop;
    const QString role = line.value(QStringLiteral("role"));
    if (role != QLatin1String("master") && role != QLatin1String("replica"))
        return line.usageError(QStringLiteral("--role must be 'master' or 'replica', not '%1'.").arg(role));
    ops::OperationRequest request;
    request.kind = ops::OperationKind::AddNode;
    request.role = role == QLatin1String("master") ? ops::OperationRequest::Role::Master
                                                   : ops::OperationRequest::Role::Replica;
    return runKubeOperation(line, request);
}

int runKubeRemoveNode(const QStringList &args)
{
    CommandLine line(
        QStringLiteral("remove-node"),
        QStringLiteral(
            "Removes the pod with the highest ordinal from a healthy cluster: its slots move to the "
            "other masters, its replicas follow other masters, every node forgets it, the "
            "StatefulSet shrinks by one. Its volume is kept unless --delete-pvc. Without --yes it "
            "lists what would change and exits 1."));
    addKubeOptions(line, true, 300);
    line.addOption(
        {QStringLiteral("delete-pvc"), QStringLiteral("Also delete the pod's volume: its data is lost.")});
    line.addOption({QStringLiteral("yes"), QStringLiteral("Confirm the removal.")});
    if (const std::optional<int> stop = line.parse(args))
        return *stop;
    ops::OperationRequest request;
    request.kind = ops::OperationKind::RemoveNode;
    request.confirmed = line.isSet(QStringLiteral("yes"));
    request.deletePvcs = line.isSet(QStringLiteral("delete-pvc"));
    return runKubeOperation(line, request);
}

int runKubeRebalance(const QStringList &args)
{
    CommandLine line(
        QStringLiteral("rebalance"),
        QStringLiteral("Evens out the slots over the masters of a healthy cluster (masters without slots "
                       "included), sources in parallel, never overwriting a key."));
    addKubeOptions(line, true, 600);
    addRebalanceOptions(line, QStringLiteral("POD"));
    if (const std::optional<int> stop = line.parse(args))
        return *stop;
    RebalanceOptions options;
    if (const std::optional<int> stop = readRebalanceOptions(line, options))
        return *stop;
    ops::OperationRequest request;
    request.kind = ops::OperationKind::Rebalance;
    request.rebalance = options;
    return runKubeOperation(line, request);
}

int runKubeReshard(const QStringList &args)
{
    CommandLine line(QStringLiteral("reshard"),
                     QStringLiteral("Moves N slots of a healthy cluster to one master, taken from the given "
                                    "masters (or all others) in proportion to what they hold, lowest slots "
                                    "first, like redis-cli reshard; never overwriting a key."));
    addKubeOptions(line, true, 600);
    addReshardOptions(line, QStringLiteral("POD"));
    if (const std::optional<int> stop = line.parse(args))
        return *stop;
    ReshardRequest reshard;
    if (const std::optional<int> stop = readReshardOptions(line, reshard))
        return *stop;
    ops::OperationRequest request;
    request.kind = ops::OperationKind::Reshard;
    request.reshardSources = reshard.sources;
    request.reshardTarget = reshard.target;
    request.reshardSlots = reshard.slotCount;
    return runKubeOperation(line, request);
}

int runKubeFailover(const QStringList &args)
{
    CommandLine line(QStringLiteral("failover"),
                     QStringLiteral("Promotes the replica running in a pod to master (CLUSTER FAILOVER) and "
                                    "waits until every node sees the swapped roles."));
    addKubeOptions(line, true, 60);
    line.addOption({QStringLiteral("pod"), QStringLiteral("The pod of the replica to promote."),
                    QStringLiteral("NAME")});
    addFailoverModeOptions(line);
    if (const std::optional<int> stop = line.parse(args))
        return *stop;
    if (line.value(QStringLiteral("pod")).isEmpty())
        return line.usageError(QStringLiteral("--pod needs the name of the replica's pod."));
    FailoverJob::Mode mode = FailoverJob::Mode::Default;
    if (const std::optional<int> stop = readFailoverMode(line, mode))
        return *stop;
    ops::OperationRequest request;
    request.kind = ops::OperationKind::Failover;
    request.podName = line.value(QStringLiteral("pod"));
    request.failoverMode = mode;
    return runKubeOperation(line, request);
}

int runKubeCheck(const QStringList &args)
{
    CommandLine line(
        QStringLiteral("check"),
        QStringLiteral("Checks the cluster on Kubernetes like redis-cli --cluster check, and more; "
                       "with --fix first closes the slots an interrupted migration left open. "
                       "Exits 0 only when healthy."));
    addKubeOptions(line, true, 60);
    line.addJsonOption();
    line.addOption({QStringLiteral("fix"), QStringLiteral("Close open slots before checking.")});
    if (const std::optional<int> stop = line.parse(args))
        return *stop;
    if (line.isSet(DryRunOption) && !line.isSet(QStringLiteral("fix")))
        return line.usageError(
            QStringLiteral("--dry-run applies only with --fix (check alone changes nothing)."));
    ops::OperationRequest request;
    request.kind =
        line.isSet(QStringLiteral("fix")) ? ops::OperationKind::CheckFix : ops::OperationKind::Check;
    return runKubeOperation(
        line, request,
        [&](ops::WorkflowOperationJob &job) {
            if (line.json())
                printBytes(jsonLine(job.resultJson()));
            else
                printOut(job.resultText().trimmed());
            return job.hasError() ? ExitFailure : ExitSuccess;
        },
        line.json());
}

} // namespace rcs::cli
