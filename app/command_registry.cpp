#include "command_registry.h"

#include "commands/backup_command.h"
#include "commands/cluster_command.h"
#include "commands/demo_command.h"
#include "commands/exec_command.h"
#include "commands/kube_day2_command.h"
#include "commands/kube_upgrade_command.h"
#include "commands/kube_workflow_command.h"
#include "commands/lifecycle_command.h"
#include "commands/observe_command.h"
#include "commands/rotate_certificates_command.h"
#include "commands/rotate_password_command.h"

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

using Runner = std::function<int(const QStringList &)>;

// A verb with a Kubernetes form and a plain-endpoint form: --nodes picks the plain one. Each form's
// --help ends by pointing at the other, so that neither is hidden behind the default.
Runner bothForms(const QString &verb, Runner onKubernetes, Runner onNodes)
{
    return [verb, onKubernetes, onNodes](const QStringList &args) {
        const bool kube = kubeTargetRequested(args);
        const int code = kube ? onKubernetes(args) : onNodes(args);
        if (args.contains(QStringLiteral("--help")) || args.contains(QStringLiteral("-h"))) {
            const QString other =
                kube ? QStringLiteral("\nWith --nodes H:P,… it works on plain Redis nodes instead of a "
                                      "StatefulSet's pods: see 'redis-cluster-studio %1 --nodes= --help'.\n")
                     : QStringLiteral("\nWithout --nodes it works on the Redis pods of a Kubernetes "
                                      "StatefulSet: see 'redis-cluster-studio %1 --help'.\n");
            std::printf("%s", qPrintable(other.arg(verb)));
        }
        return code;
    };
}
} // namespace

// Commands are added here, one line each, as their implementations land in app/commands/.
const QList<Command> &commands()
{
    static const QList<Command> list = {
        {QStringLiteral("help"), QStringLiteral("show this overview"), runHelp},
        {QStringLiteral("version"), QStringLiteral("print the version"), runVersion},
        {QStringLiteral("demo"),
         QStringLiteral("the seed's story on a throw-away kube-sandbox: deploy, create, lose every pod, "
                        "recover"),
         runDemo},
        {QStringLiteral("create"), QStringLiteral("form a new cluster from blank nodes and verify it"),
         bothForms(QStringLiteral("create"), runKubeCreate, runCreate)},
        {QStringLiteral("status"), QStringLiteral("show the cluster: masters, replicas, slots, links"),
         bothForms(QStringLiteral("status"), runKubeStatus, runStatus)},
        {QStringLiteral("top"),
         QStringLiteral("live metrics of the whole cluster, one line per sample (like redis-cli --stat)"),
         bothForms(QStringLiteral("top"), runKubeTop, runTop)},
        {QStringLiteral("slowlog"), QStringLiteral("the slow logs and latency events of every node, merged"),
         bothForms(QStringLiteral("slowlog"), runKubeSlowLog, runSlowLog)},
        {QStringLiteral("exec"),
         QStringLiteral("one command through the console: follows MOVED/ASK like redis-cli -c, or --node"),
         bothForms(QStringLiteral("exec"), runKubeExec, runExec)},
        {QStringLiteral("bigkeys"), QStringLiteral("the biggest keys of the cluster (a paced, bounded scan)"),
         bothForms(QStringLiteral("bigkeys"), runKubeBigKeys, runBigKeys)},
        {QStringLiteral("hotkeys"), QStringLiteral("the most used keys of the cluster (LFU policy needed)"),
         bothForms(QStringLiteral("hotkeys"), runKubeHotKeys, runHotKeys)},
        {QStringLiteral("slot-heat"), QStringLiteral("the keys of every slot of the cluster"),
         bothForms(QStringLiteral("slot-heat"), runKubeSlotHeat, runSlotHeat)},
        {QStringLiteral("backup"),
         QStringLiteral("every master's data (RDB over SYNC) into one archive FILE; backup verify FILE"),
         bothForms(QStringLiteral("backup"), runKubeBackup, runBackup)},
        {QStringLiteral("restore"),
         QStringLiteral("a backup archive verified, then every key RESTOREd on the master of its slot"),
         bothForms(QStringLiteral("restore"), runKubeRestore, runRestore)},
        {QStringLiteral("check"),
         QStringLiteral("check the cluster like redis-cli --cluster check, and more"),
         bothForms(QStringLiteral("check"), runKubeCheck,
                   [](const QStringList &a) {
                       return a.contains(QStringLiteral("--fix")) ? runCheckFix(a) : runCheck(a);
                   })},
        {QStringLiteral("deploy"), QStringLiteral("deploy the Redis pods to Kubernetes and wait until Ready"),
         runKubeDeploy},
        {QStringLiteral("recover"), QStringLiteral("bring the cluster back after every pod got a new IP"),
         bothForms(QStringLiteral("recover"), runKubeRecover, runRecover)},
        {QStringLiteral("add-node"),
         QStringLiteral("add a node (a pod) as a master (slots rebalanced) or replica"),
         bothForms(QStringLiteral("add-node"), runKubeAddNode, runAddNode)},
        {QStringLiteral("remove-node"), QStringLiteral("drain, forget and reset a node (the highest pod)"),
         bothForms(QStringLiteral("remove-node"), runKubeRemoveNode, runRemoveNode)},
        {QStringLiteral("rebalance"),
         QStringLiteral("even out the slots over the masters, sources in parallel"),
         bothForms(QStringLiteral("rebalance"), runKubeRebalance, runRebalance)},
        {QStringLiteral("reshard"), QStringLiteral("move N slots to one master"),
         bothForms(QStringLiteral("reshard"), runKubeReshard, runReshard)},
        {QStringLiteral("failover"), QStringLiteral("promote a replica and wait for the roles to swap"),
         bothForms(QStringLiteral("failover"), runKubeFailover, runFailover)},
        {QStringLiteral("upgrade"),
         QStringLiteral("new image or resources, one pod at a time, masters handed over first"),
         runKubeUpgrade},
        {QStringLiteral("rolling-restart"),
         QStringLiteral("restart every pod one at a time, masters handed over first"), runKubeRollingRestart},
        {QStringLiteral("rotate-password"),
         QStringLiteral("a new password for a user, no replication link dropped"), runKubeRotatePassword},
        {QStringLiteral("rotate-certificates"),
         QStringLiteral("renew the TLS certificate (and CA) and load it live on every node"),
         runKubeRotateCertificates},
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
