#include "kube_workflow_command.h"

#include "cli_options.h"
#include "command_registry.h"
#include "job_runner.h"
#include "kube_command_support.h"
#include "topology_output.h"

#include "common/logger.h"
#include "operations/connections.h"
#include "operations/operation_catalogue.h"
#include "operations/workflow_operation_job.h"
#include "workflows/sandbox_controller.h"

#include <QCoreApplication>
#include <QTimer>

#include <cstdio>
#include <memory>

namespace rcs::cli {

bool kubeTargetRequested(const QStringList &args)
{
    for (const QString &arg : args) {
        if (arg == QLatin1String("--nodes") || arg.startsWith(QLatin1String("--nodes=")))
            return false;
    }
    return true;
}

int runKubeDeploy(const QStringList &args)
{
    CommandLine line(
        QStringLiteral("deploy"),
        QStringLiteral("Deploys the Redis pods to Kubernetes (namespace, ConfigMap, Services, StatefulSet "
                       "with volumes), and follows them until every pod is Ready."));
    addKubeOptions(line, true, 300);
    line.addOption({QStringLiteral("replicas"), QStringLiteral("Number of pods (default 6)."),
                    QStringLiteral("N"), QStringLiteral("6")});
    line.addOption({QStringLiteral("image"),
                    QStringLiteral("Container image (default: the manifests', redis:5.0.5)."),
                    QStringLiteral("IMAGE")});
    line.addOption({QStringLiteral("storage-class"),
                    QStringLiteral("Storage class of the volumes (default: the cluster's default)."),
                    QStringLiteral("SC")});
    line.addOption({QStringLiteral("storage-size"), QStringLiteral("Volume size per pod (default 1Gi)."),
                    QStringLiteral("SIZE")});
    line.addOption({QStringLiteral("password"),
                    QStringLiteral("Protect Redis with a generated password, kept in a Secret.")});
    line.addOption(
        {QStringLiteral("operator-user"),
         QStringLiteral("Also make the studio's ACL user (studio-operator, Redis 6 and later; implies "
                        "--password). Default: on with --password when the image is Redis or Valkey "
                        "6 or later.")});
    line.addOption({QStringLiteral("no-operator-user"),
                    QStringLiteral("Keep --password without the operator user (the studio uses the default "
                                   "user).")});
    line.addOption({QStringLiteral("manifests"),
                    QStringLiteral("A folder of manifests instead of the built-in ones."),
                    QStringLiteral("DIR")});
    line.addOption(
        {QStringLiteral("tls"),
         QStringLiteral("TLS only, for clients, replication and the cluster bus (Redis 6.0 or later): "
                        "a new CA and server certificate, valid one year, kept in a Secret.")});
    line.addOption({QStringLiteral("tls-auth-clients"),
                    QStringLiteral("Whether the servers demand client certificates: no, optional or yes "
                                   "(default no)."),
                    QStringLiteral("MODE"), QStringLiteral("no")});
    line.addOption({QStringLiteral("tls-ca"),
                    QStringLiteral("Your own CA certificate (PEM) instead of a new one."),
                    QStringLiteral("FILE")});
    line.addOption({QStringLiteral("tls-cert"),
                    QStringLiteral("Your own server certificate (PEM), signed by --tls-ca."),
                    QStringLiteral("FILE")});
    line.addOption({QStringLiteral("tls-key"), QStringLiteral("The private key of --tls-cert (PEM)."),
                    QStringLiteral("FILE")});
    line.addOption({QStringLiteral("tls-secret"),
                    QStringLiteral("An existing Secret with ca.crt, tls.crt and tls.key to mount instead."),
                    QStringLiteral("NAME")});
    if (const std::optional<int> stop = line.parse(args))
        return *stop;
    const std::optional<int> replicas = line.intValue(QStringLiteral("replicas"), 1, 1000);
    if (!replicas)
        return ExitUsage;
    ops::OperationRequest request;
    request.kind = ops::OperationKind::Deploy;
    request.manifest.replicas = *replicas;
    request.manifest.image = line.value(QStringLiteral("image"));
    request.manifest.storageClass = line.value(QStringLiteral("storage-class"));
    request.manifest.storageSize = line.value(QStringLiteral("storage-size"));
    request.manifest.password = line.isSet(QStringLiteral("password"));
    if (line.isSet(QStringLiteral("operator-user")) && line.isSet(QStringLiteral("no-operator-user")))
        return line.usageError(QStringLiteral("Give --operator-user or --no-operator-user, not both."));
    if (line.isSet(QStringLiteral("operator-user")))
        request.manifest.operatorUser = true;
    else if (line.isSet(QStringLiteral("no-operator-user")))
        request.manifest.operatorUser = false;
    request.manifestDirectory = line.value(QStringLiteral("manifests"));
    TlsParameters &tls = request.manifest.tls;
    const bool tlsDetail = line.isSet(QStringLiteral("tls-auth-clients")) ||
                           line.isSet(QStringLiteral("tls-ca")) || line.isSet(QStringLiteral("tls-cert")) ||
                           line.isSet(QStringLiteral("tls-key")) || line.isSet(QStringLiteral("tls-secret"));
    tls.enabled = line.isSet(QStringLiteral("tls"));
    if (tlsDetail && !tls.enabled)
        return line.usageError(QStringLiteral("The --tls-… options apply only with --tls."));
    tls.authClients = line.value(QStringLiteral("tls-auth-clients"));
    tls.caFile = line.value(QStringLiteral("tls-ca"));
    tls.certificateFile = line.value(QStringLiteral("tls-cert"));
    tls.keyFile = line.value(QStringLiteral("tls-key"));
    tls.existingSecret = line.value(QStringLiteral("tls-secret"));
    if (!tls.existingSecret.isEmpty() &&
        (!tls.caFile.isEmpty() || !tls.certificateFile.isEmpty() || !tls.keyFile.isEmpty()))
        return line.usageError(
            QStringLiteral("Give either --tls-secret or the --tls-ca/--tls-cert/--tls-key files, not both."));
    return runKubeOperation(line, request, [&](ops::WorkflowOperationJob &job) {
        if (job.request().dryRun)
            printOut(job.resultJson().value(QLatin1String("manifests")).toString());
        return ExitSuccess;
    });
}

int runKubeCreate(const QStringList &args)
{
    CommandLine line(
        QStringLiteral("create"),
        QStringLiteral("Forms the Redis Cluster from the StatefulSet's pods, with replicas on another "
                       "Kubernetes node than their master, and verifies it."));
    addKubeOptions(line, true, 120);
    line.addOption({QStringLiteral("cluster-replicas"), QStringLiteral("Replicas per master (default 1)."),
                    QStringLiteral("N"), QString::number(ops::OperationRequest::DefaultReplicasPerMaster)});
    if (const std::optional<int> stop = line.parse(args))
        return *stop;
    const std::optional<int> replicas = line.intValue(QStringLiteral("cluster-replicas"), 0, 100);
    if (!replicas)
        return ExitUsage;
    ops::OperationRequest request;
    request.kind = ops::OperationKind::Create;
    request.replicasPerMaster = *replicas;
    return runKubeOperation(line, request);
}

int runKubeRecover(const QStringList &args)
{
    CommandLine line(
        QStringLiteral("recover"),
        QStringLiteral("Brings the cluster back after every pod restarted with a new IP: waits for the "
                       "pods, introduces every node to every other at its current address, verifies. "
                       "Changes nothing on a healthy cluster."));
    addKubeOptions(line, true, 180);
    if (const std::optional<int> stop = line.parse(args))
        return *stop;
    ops::OperationRequest request;
    request.kind = ops::OperationKind::Recover;
    return runKubeOperation(line, request);
}

int runKubeStatus(const QStringList &args)
{
    CommandLine line(
        QStringLiteral("status"),
        QStringLiteral("Shows the pods joined with the cluster topology and names the situation "
                       "(not-deployed, pods-not-ready, not-created, healthy, degraded, total-failure, "
                       "open-slots) with what to do."));
    addKubeOptions(line, false, 60);
    line.addJsonOption();
    line.addOption({QStringLiteral("watch"), QStringLiteral("Repeat every 2 seconds until interrupted.")});
    if (const std::optional<int> stop = line.parse(args))
        return *stop;
    ops::Target target;
    if (const std::optional<int> stop = readKubeTarget(line, target))
        return *stop;
    ops::OperationRequest request;
    request.kind = ops::OperationKind::Status;
    request.timeoutMs = line.timeoutMs();
    // One session for every round of --watch: its connections and tunnels stay open.
    ops::Connections connections;
    const bool watch = line.isSet(QStringLiteral("watch"));
    for (;;) {
        const Result<ops::OperationJob *> made = ops::createOperation(target, request, &connections);
        if (!made)
            return line.usageError(made.error().message());
        const std::unique_ptr<ops::OperationJob> job(made.value());
        WorkflowPrinter printer(job.get(), true);
        const Error error = runJob(job.get());
        if (error.isError()) {
            reportFailure(error);
            if (!watch)
                return ExitFailure;
        } else if (line.json()) {
            printBytes(jsonLine(job->resultJson()));
        } else {
            // --watch: a blank line between rounds.
            printBytes((job->resultText() + (watch ? QStringLiteral("\n") : QString())).toUtf8());
        }
        if (!watch)
            return ExitSuccess;
        QEventLoop pause;
        QTimer::singleShot(2000, &pause, &QEventLoop::quit);
        pause.exec();
    }
}

int runKubeCleanup(const QStringList &args)
{
    CommandLine line(
        QStringLiteral("cleanup"),
        QStringLiteral("Deletes what deploy created and waits until it is gone. Volumes (PVCs) and the "
                       "namespace only when asked. Without --yes it lists what would be deleted and "
                       "exits 1."));
    addKubeOptions(line, true, 180);
    line.addOption(
        {QStringLiteral("delete-pvcs"), QStringLiteral("Also delete the volumes: the data is lost.")});
    line.addOption({QStringLiteral("delete-namespace"), QStringLiteral("Also delete the namespace.")});
    line.addOption({QStringLiteral("yes"), QStringLiteral("Confirm the deletion.")});
    line.addOption({QStringLiteral("manifests"),
                    QStringLiteral("The manifests folder deploy used, if not the built-in one."),
                    QStringLiteral("DIR")});
    if (const std::optional<int> stop = line.parse(args))
        return *stop;
    ops::OperationRequest request;
    request.kind = ops::OperationKind::Cleanup;
    request.deletePvcs = line.isSet(QStringLiteral("delete-pvcs"));
    request.deleteNamespace = line.isSet(QStringLiteral("delete-namespace"));
    request.confirmed = line.isSet(QStringLiteral("yes"));
    request.manifestDirectory = line.value(QStringLiteral("manifests"));
    return runKubeOperation(line, request);
}

int runSandbox(const QStringList &args)
{
    CommandLine line(
        QStringLiteral("sandbox"),
        QStringLiteral("Runs kube-sandbox, a local Kubernetes API whose pods are real redis-server "
                       "processes, in the background. Actions: start, stop, status."));
    line.addOption(
        {QStringLiteral("data-dir"),
         QStringLiteral("The sandbox's folder (default %1).").arg(SandboxController::defaultDataDir()),
         QStringLiteral("DIR")});
    line.addOption({QStringLiteral("nodes"),
                    QStringLiteral("Simulated Kubernetes nodes at start (default 3)."), QStringLiteral("K"),
                    QStringLiteral("3")});
    line.addOption({QStringLiteral("pod-network"),
                    QStringLiteral("The loopback block of the pods' IPs (default 127.77.0.0/16); another "
                                   "one for a second sandbox."),
                    QStringLiteral("CIDR")});
    line.addOption({QStringLiteral("image-map"),
                    QStringLiteral("Which server binary a pod's container image runs, by exact image name: "
                                   "'redis:5.0.5=/path/to/redis-server,redis:7.0=/usr/bin/redis-server'; "
                                   "other images run the default server. Taken at start."),
                    QStringLiteral("IMAGE=PATH,...")});
    line.addTimeoutOption(60);
    line.addVerboseOption();
    // The action is positional; the shared parser takes options only.
    QString action;
    QStringList options = args;
    for (const QString &candidate :
         {QStringLiteral("start"), QStringLiteral("stop"), QStringLiteral("status")}) {
        if (options.contains(candidate)) {
            action = candidate;
            options.removeOne(candidate);
            break;
        }
    }
    if (const std::optional<int> stop = line.parse(options))
        return *stop;
    if (action.isEmpty())
        return line.usageError(QStringLiteral("say start, stop or status."));
    SandboxController controller(line.value(QStringLiteral("data-dir")));
    if (action == QLatin1String("status")) {
        if (const qint64 pid = controller.runningPid()) {
            printOut(QStringLiteral("running (pid %1), data in %2").arg(pid).arg(controller.dataDir()));
            printOut(QStringLiteral("kubeconfig: %1").arg(controller.kubeconfigPath()));
            return ExitSuccess;
        }
        printOut(QStringLiteral("not running (data folder %1)").arg(controller.dataDir()));
        return ExitFailure;
    }
    if (action == QLatin1String("stop")) {
        const qint64 pid = controller.runningPid();
        std::unique_ptr<Job> job(controller.stop(line.timeoutMs()));
        if (const Error error = runJob(job.get()); error.isError())
            return reportFailure(error);
        printOut(pid ? QStringLiteral("stopped (pid %1)").arg(pid) : QStringLiteral("not running"));
        return ExitSuccess;
    }
    const std::optional<int> nodes = line.intValue(QStringLiteral("nodes"), 1, 100);
    if (!nodes)
        return ExitUsage;
    QStringList extra{QStringLiteral("--nodes"), QString::number(*nodes)};
    if (line.isSet(QStringLiteral("pod-network")))
        extra << QStringLiteral("--pod-network") << line.value(QStringLiteral("pod-network"));
    if (line.isSet(QStringLiteral("image-map"))) {
        // A running sandbox keeps the map it started with: say so rather than pretend it changed.
        if (const qint64 running = controller.runningPid())
            return reportFailure(Error(ErrorCode::Refused,
                                       QStringLiteral("kube-sandbox already runs (pid %1) with the image map "
                                                      "it started with: stop it first ('sandbox stop'), "
                                                      "then start it with --image-map.")
                                           .arg(running)));
        extra << QStringLiteral("--image-map") << line.value(QStringLiteral("image-map"));
    }
    controller.setExtraArguments(extra);
    std::unique_ptr<Job> job(controller.start(line.timeoutMs()));
    if (const Error error = runJob(job.get()); error.isError())
        return reportFailure(error);
    printOut(QStringLiteral("kube-sandbox running (pid %1), data in %2")
                 .arg(controller.runningPid())
                 .arg(controller.dataDir()));
    printOut(QStringLiteral("kubeconfig: %1").arg(controller.kubeconfigPath()));
    printOut(
        QStringLiteral("try: redis-cluster-studio deploy --kubeconfig %1").arg(controller.kubeconfigPath()));
    return ExitSuccess;
}

} // namespace rcs::cli
