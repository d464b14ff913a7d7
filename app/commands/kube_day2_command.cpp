#include "kube_day2_command.h"

#include "cli_options.h"
#include "command_registry.h"
#include "day2_options.h"
#include "kube_command_support.h"
#include "topology_output.h"

#include "workflows/add_node_workflow.h"
#include "workflows/check_workflow.h"
#include "workflows/failover_workflow.h"
#include "workflows/rebalance_workflow.h"
#include "workflows/remove_node_workflow.h"

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
    return runKubeWorkflow(line, [&](KubeSession *session) {
        auto *workflow = new AddNodeWorkflow(session);
        workflow->setRole(role == QLatin1String("master") ? AddNodeWorkflow::Role::Master
                                                          : AddNodeWorkflow::Role::Replica);
        return workflow;
    });
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
    return runKubeWorkflow(line, [&](KubeSession *session) {
        auto *workflow = new RemoveNodeWorkflow(session);
        workflow->setConfirmed(line.isSet(QStringLiteral("yes")));
        workflow->setDeletePersistentVolumeClaim(line.isSet(QStringLiteral("delete-pvc")));
        return workflow;
    });
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
    return runKubeWorkflow(line, [&](KubeSession *session) {
        auto *workflow = new RebalanceWorkflow(session);
        workflow->setOptions(options);
        return workflow;
    });
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
    ReshardRequest request;
    if (const std::optional<int> stop = readReshardOptions(line, request))
        return *stop;
    return runKubeWorkflow(line, [&](KubeSession *session) {
        auto *workflow = new RebalanceWorkflow(session);
        workflow->setReshard(request.sources, request.target, request.slotCount);
        return workflow;
    });
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
    return runKubeWorkflow(line, [&](KubeSession *session) {
        auto *workflow = new FailoverWorkflow(session);
        workflow->setPodName(line.value(QStringLiteral("pod")));
        workflow->setMode(mode);
        return workflow;
    });
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
    return runKubeWorkflow(
        line,
        [&](KubeSession *session) {
            auto *workflow = new CheckWorkflow(session);
            workflow->setFix(line.isSet(QStringLiteral("fix")));
            return workflow;
        },
        [&](Workflow *workflow) {
            const auto *check = static_cast<CheckWorkflow *>(workflow);
            const bool healthy = check->assessment().situation == Situation::Healthy;
            if (line.json()) {
                QJsonObject json = checkReportToJson(check->report());
                json.insert(QStringLiteral("situation"), situationName(check->assessment().situation));
                json.insert(QStringLiteral("healthy"), healthy);
                json.insert(QStringLiteral("fixed"), QJsonArray::fromStringList(check->actions()));
                printBytes(jsonLine(json));
            } else {
                printOut(checkReportToText(check->report()).trimmed());
                printOut(QStringLiteral("Situation: %1. %2")
                             .arg(situationName(check->assessment().situation),
                                  phrasedAdvice(check->assessment())));
            }
            return healthy ? ExitSuccess : ExitFailure;
        },
        line.json());
}

} // namespace rcs::cli
