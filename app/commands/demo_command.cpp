#include "demo_command.h"

#include "cli_options.h"
#include "command_registry.h"
#include "job_runner.h"
#include "kube_command_support.h"

#include "kube/kube_client.h"
#include "operations/connections.h"
#include "operations/operation_catalogue.h"
#include "operations/operation_job.h"
#include "workflows/cluster_situation.h"
#include "workflows/kube_session.h"
#include "workflows/sandbox_controller.h"

#include <QDeadlineTimer>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QHostAddress>
#include <QScopeGuard>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTimer>

#include <functional>
#include <memory>

namespace rcs::cli {

namespace {

constexpr int kPodsBackTimeoutMs = 180000;
const QString kPodSelector = QStringLiteral("app=redis"); // the StatefulSet's pod labels (manifests/)

struct StepTime {
    QString title;
    double seconds = 0;
    int exitCode = 0;
};

// A pod network that no other sandbox uses: the default 127.77.0.0/16 may belong to a sandbox the user
// keeps running, and a second sandbox's pods would crash-loop there on "Address already in use". A
// block is taken when its first pod address is free (pods are numbered from .0.2).
QString freePodNetwork()
{
    for (int block = 78; block < 127; ++block) {
        QTcpServer probe;
        if (probe.listen(QHostAddress(QStringLiteral("127.%1.0.2").arg(block)), 6379))
            return QStringLiteral("127.%1.0.0/16").arg(block);
    }
    return {};
}

// Runs one headless command in this process, exactly as `redis-cluster-studio NAME ARGS` would.
int runCommand(const QString &name, const QStringList &args)
{
    const Command *command = findCommand(name);
    return command ? command->run(args) : ExitUsage;
}

// The situation the catalogue's status names, read without printing (empty when the status could not
// be read); connections keeps the session from one read to the next.
QString currentSituation(const ops::Target &target, ops::Connections &connections)
{
    ops::OperationRequest request;
    request.kind = ops::OperationKind::Status;
    const Result<ops::OperationJob *> made = ops::createOperation(target, request, &connections);
    if (!made)
        return {};
    const std::unique_ptr<ops::OperationJob> status(made.value());
    status->setAutoDelete(false);
    if (runJob(status.get()).isError() || !status->statusReport())
        return {};
    return situationName(status->statusReport()->assessment.situation);
}

// Waits (bounded) until status names the expected situation; prints what it sees while it waits.
bool waitForSituation(const ops::Target &target, ops::Connections &connections, const QString &expected,
                      int timeoutMs)
{
    const QDeadlineTimer deadline(timeoutMs);
    QString last;
    while (!deadline.hasExpired()) {
        const QString now = currentSituation(target, connections);
        if (now == expected)
            return true;
        if (now != last && !now.isEmpty())
            printOut(QStringLiteral("   … %1 (waiting for %2)").arg(now, expected));
        last = now;
        QEventLoop pause;
        QTimer::singleShot(1000, &pause, &QEventLoop::quit);
        pause.exec();
    }
    printErr(QStringLiteral("demo: the cluster did not reach %1 within %2 s (last seen: %3).")
                 .arg(expected)
                 .arg(timeoutMs / 1000)
                 .arg(last.isEmpty() ? QStringLiteral("no status") : last));
    return false;
}

} // namespace

int runDemo(const QStringList &args)
{
    CommandLine line(QStringLiteral("demo"),
                     QStringLiteral("Tells the seed's story headless on a throw-away kube-sandbox: deploy, "
                                    "create, status, every pod deleted at once, status (total failure), "
                                    "recover, status, each step with its equivalent commands and its time; "
                                    "then the sandbox is stopped."));
    line.addOption({QStringLiteral("data-dir"),
                    QStringLiteral("Keep the sandbox's folder here (default: a temporary folder, removed at "
                                   "the end)."),
                    QStringLiteral("DIR")});
    line.addVerboseOption();
    if (const std::optional<int> stop = line.parse(args))
        return *stop;
    // The pods are redis-server processes: say so in one sentence before anything starts.
    if (QStandardPaths::findExecutable(QStringLiteral("redis-server")).isEmpty()) {
        printErr(QStringLiteral("redis-server was not found on PATH; install the redis-server package "
                                "(scripts/install-deps.sh)."));
        return ExitFailure;
    }
    QTemporaryDir temporary;
    const QString dataDir =
        line.isSet(QStringLiteral("data-dir")) ? line.value(QStringLiteral("data-dir")) : temporary.path();
    if (dataDir.isEmpty()) {
        printErr(QStringLiteral("demo: no temporary folder could be created; give one with --data-dir."));
        return ExitFailure;
    }
    const QString podNetwork = freePodNetwork();
    if (podNetwork.isEmpty()) {
        printErr(QStringLiteral("demo: every loopback block from 127.78 to 127.126 is in use; stop the "
                                "sandboxes or servers that hold them and run demo again."));
        return ExitFailure;
    }
    SandboxController sandbox(dataDir);
    const QString kubeconfig = sandbox.kubeconfigPath();
    const QStringList target{QStringLiteral("--kubeconfig"), kubeconfig};
    const QString studio = QStringLiteral("redis-cluster-studio ");

    QList<StepTime> times;
    QElapsedTimer total;
    total.start();
    const auto step = [&times](const QString &title, const QString &command,
                               const std::function<int()> &run) {
        printOut(QStringLiteral("\n== %1. %2").arg(times.size() + 1).arg(title));
        if (!command.isEmpty())
            printOut(QStringLiteral("$ ") + command);
        QElapsedTimer clock;
        clock.start();
        const int code = run();
        times.append({title, clock.elapsed() / 1000.0, code});
        printOut(code == 0 ? QStringLiteral("-- done in %1 s").arg(times.last().seconds, 0, 'f', 2)
                           : QStringLiteral("-- failed (exit %1) after %2 s")
                                 .arg(code)
                                 .arg(times.last().seconds, 0, 'f', 2));
        return code;
    };
    // However the story ends, the sandbox and its pods stop (before the temporary folder goes).
    bool stopped = false;
    const auto stopSandbox = [&] {
        if (stopped)
            return;
        stopped = true;
        const QStringList stopArgs{QStringLiteral("stop"), QStringLiteral("--data-dir"), dataDir};
        step(QStringLiteral("Stop kube-sandbox"),
             studio + QStringLiteral("sandbox ") + stopArgs.join(QLatin1Char(' ')),
             [&] { return runCommand(QStringLiteral("sandbox"), stopArgs); });
    };
    const auto stopOnExit = qScopeGuard(stopSandbox);

    const QStringList startArgs{QStringLiteral("start"), QStringLiteral("--data-dir"), dataDir,
                                QStringLiteral("--pod-network"), podNetwork};
    if (step(QStringLiteral(
                 "Start kube-sandbox (a local Kubernetes API whose pods are redis-server processes)"),
             studio + QStringLiteral("sandbox ") + startArgs.join(QLatin1Char(' ')),
             [&] { return runCommand(QStringLiteral("sandbox"), startArgs); }) != 0)
        return ExitFailure;
    const auto run = [&](const QString &title, const QString &name) {
        return step(title, studio + name + QLatin1Char(' ') + target.join(QLatin1Char(' ')),
                    [&] { return runCommand(name, target); });
    };
    if (run(QStringLiteral("Deploy the Redis pods"), QStringLiteral("deploy")) != 0 ||
        run(QStringLiteral("Create the cluster"), QStringLiteral("create")) != 0 ||
        run(QStringLiteral("Status"), QStringLiteral("status")) != 0)
        return ExitFailure;

    ClusterTarget clusterTarget;
    clusterTarget.kubeconfig = kubeconfig;
    const ops::Target kube = ops::Target::kubernetes(clusterTarget);
    // One session for the deletion and every status read after it.
    ops::Connections connections;
    Result<KubeSession *> opened = connections.session(kube);
    if (!opened)
        return reportFailure(opened.error());
    KubeSession *session = opened.value();
    const QString deleteLine = session->kubectl() + QStringLiteral(" delete pod -l ") + kPodSelector;
    if (step(QStringLiteral(
                 "Every pod deleted at once (the seed's total failure): the StatefulSet brings them "
                 "back with new IPs"),
             deleteLine, [&] {
                 Job *remove = session->client()->removeByLabel(QStringLiteral("v1"), QStringLiteral("Pod"),
                                                                session->ns(), kPodSelector);
                 const Error error = runJob(remove);
                 if (error.isError())
                     return reportFailure(error);
                 return waitForSituation(kube, connections, QStringLiteral("total-failure"),
                                         kPodsBackTimeoutMs)
                            ? int(ExitSuccess)
                            : int(ExitFailure);
             }) != 0)
        return ExitFailure;
    if (run(QStringLiteral("Status: every node restarted with a new IP and finds no peer"),
            QStringLiteral("status")) != 0 ||
        run(QStringLiteral("Recover"), QStringLiteral("recover")) != 0 ||
        run(QStringLiteral("Status after the recovery"), QStringLiteral("status")) != 0)
        return ExitFailure;
    const QString end = currentSituation(kube, connections);
    stopSandbox();

    printOut(QStringLiteral("\nThe story in %1 s:").arg(total.elapsed() / 1000.0, 0, 'f', 1));
    for (const StepTime &time : std::as_const(times))
        printOut(QStringLiteral("  %1 s  %2").arg(time.seconds, 6, 'f', 2).arg(time.title));
    printOut(end == QLatin1String("healthy") ? QStringLiteral("The cluster is healthy again.")
                                             : QStringLiteral("The cluster ended %1, not healthy.").arg(end));
    return end == QLatin1String("healthy") ? ExitSuccess : ExitFailure;
}

} // namespace rcs::cli
