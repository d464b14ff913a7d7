#include "command_registry.h"

#include "commands/cluster_command.h"
#include "commands/demo_command.h"
#include "commands/kube_day2_command.h"
#include "commands/kube_workflow_command.h"
#include "commands/lifecycle_command.h"

#include <QCoreApplication>

#include <cstdio>

namespace rcs::cli {

namespace {
int runVersion(const QStringList &)
{
    std::printf("redis-cluster-studio %s\n", qPrintable(QCoreApplication::applicationVersion()));
    return ExitSuccess;
}

int runHelp(const QStringList &)
{
    std::printf("%s", qPrintable(usageText()));
    return ExitSuccess;
}
} // namespace

// Commands are added here, one line each, as their implementations land in app/commands/.
const QList<Command> &commands()
{
    static const QList<Command> list = {
        {QStringLiteral("help"), QStringLiteral("show this overview"), runHelp},
        {QStringLiteral("version"), QStringLiteral("print the version"), runVersion},
        {QStringLiteral("demo"),
         QStringLiteral("form a cluster on six throw-away local nodes, print it, stop them"), runDemo},
        // Verbs with a plain-endpoint and a Kubernetes form: --nodes picks the plain one.
        {QStringLiteral("create"), QStringLiteral("form a new cluster from blank nodes and verify it"),
         [](const QStringList &a) { return kubeTargetRequested(a) ? runKubeCreate(a) : runCreate(a); }},
        {QStringLiteral("status"), QStringLiteral("show the cluster: masters, replicas, slots, links"),
         [](const QStringList &a) { return kubeTargetRequested(a) ? runKubeStatus(a) : runStatus(a); }},
        {QStringLiteral("check"),
         QStringLiteral("check the cluster like redis-cli --cluster check, and more"),
         [](const QStringList &a) {
             if (kubeTargetRequested(a))
                 return runKubeCheck(a);
             return a.contains(QStringLiteral("--fix")) ? runCheckFix(a) : runCheck(a);
         }},
        {QStringLiteral("deploy"), QStringLiteral("deploy the Redis pods to Kubernetes and wait until Ready"),
         runKubeDeploy},
        {QStringLiteral("recover"), QStringLiteral("bring the cluster back after every pod got a new IP"),
         [](const QStringList &a) { return kubeTargetRequested(a) ? runKubeRecover(a) : runRecover(a); }},
        {QStringLiteral("add-node"),
         QStringLiteral("add a node (a pod) as a master (slots rebalanced) or replica"),
         [](const QStringList &a) { return kubeTargetRequested(a) ? runKubeAddNode(a) : runAddNode(a); }},
        {QStringLiteral("remove-node"), QStringLiteral("drain, forget and reset a node (the highest pod)"),
         [](const QStringList &a) {
             return kubeTargetRequested(a) ? runKubeRemoveNode(a) : runRemoveNode(a);
         }},
        {QStringLiteral("rebalance"),
         QStringLiteral("even out the slots over the masters, sources in parallel"),
         [](const QStringList &a) { return kubeTargetRequested(a) ? runKubeRebalance(a) : runRebalance(a); }},
        {QStringLiteral("reshard"), QStringLiteral("move N slots to one master"), runReshard},
        {QStringLiteral("failover"), QStringLiteral("promote a replica and wait for the roles to swap"),
         [](const QStringList &a) { return kubeTargetRequested(a) ? runKubeFailover(a) : runFailover(a); }},
        {QStringLiteral("cleanup"), QStringLiteral("delete what deploy created (PVCs, namespace on request)"),
         runKubeCleanup},
        {QStringLiteral("sandbox"), QStringLiteral("start | stop | status of the local kube-sandbox"),
         runSandbox},
    };
    return list;
}

const Command *findCommand(const QString &name)
{
    for (const Command &command : commands()) {
        if (command.name == name)
            return &command;
    }
    return nullptr;
}

QString usageText()
{
    QString text = QStringLiteral("Usage: redis-cluster-studio [COMMAND [OPTIONS]]\n\n"
                                  "Without a command the desktop studio opens.\n\nCommands:\n");
    for (const Command &command : commands())
        text += QStringLiteral("  %1  %2\n").arg(command.name, -16).arg(command.summary);
    text += QStringLiteral("\nRun 'redis-cluster-studio COMMAND --help' for a command's options.\n");
    return text;
}

} // namespace rcs::cli
