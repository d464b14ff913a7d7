#include "kube_command_support.h"

#include "cli_options.h"
#include "command_registry.h"
#include "job_runner.h"
#include "topology_output.h"

#include "common/logger.h"
#include "operations/operation_catalogue.h"
#include "operations/workflow_operation_job.h"
#include "workflows/sandbox_controller.h"

#include <cstdio>
#include <memory>
#include <optional>

namespace rcs::cli {

namespace {

const QString KubeconfigOption = QStringLiteral("kubeconfig");
const QString ContextOption = QStringLiteral("context");
const QString NamespaceOption = QStringLiteral("namespace");
const QString StatefulSetOption = QStringLiteral("statefulset");
const QString AccessOption = QStringLiteral("access");
const QString SandboxOption = QStringLiteral("sandbox");
const QString SandboxDirOption = QStringLiteral("sandbox-dir");

void print(const QString &text, FILE *stream)
{
    const QByteArray bytes = text.toUtf8() + '\n';
    std::fwrite(bytes.constData(), 1, size_t(bytes.size()), stream);
    std::fflush(stream);
}

} // namespace

WorkflowPrinter::WorkflowPrinter(Job *job, bool quiet)
{
    if (!quiet) {
        QObject::connect(job, &Job::infoMessage, &m_context,
                         [](const QString &message) { printOut(message); });
    }
    QObject::connect(&Logger::instance(), &Logger::entryAdded, &m_context, [quiet](const LogEntry &entry) {
        // The log writes what it echoes itself (--verbose: each command indented under its
        // description; warnings always): one writer per line.
        if (Logger::instance().echoes(entry.level))
            return;
        if (!entry.command.isEmpty()) {
            if (!quiet)
                printOut(QStringLiteral("$ ") + entry.command);
        } else if (entry.level >= LogLevel::Warning) {
            printErr(logLevelName(entry.level) + QStringLiteral(": ") + entry.message);
        }
    });
}

void printOut(const QString &text)
{
    print(text, stdout);
}

void printErr(const QString &text)
{
    print(text, stderr);
}

void addKubeOptions(CommandLine &line, bool changing, int timeoutSeconds)
{
    line.addOption({KubeconfigOption,
                    QStringLiteral("The kubeconfig file (default: KUBECONFIG, then ~/.kube/config)."),
                    QStringLiteral("FILE")});
    line.addOption({ContextOption, QStringLiteral("The kubeconfig context (default: the current one)."),
                    QStringLiteral("NAME")});
    line.addOption({SandboxOption, QStringLiteral("Act on the local sandbox (kube-sandbox, started when it "
                                                  "does not run) instead of a kubeconfig.")});
    line.addOption({SandboxDirOption,
                    QStringLiteral("The sandbox's folder (default %1); implies --sandbox.")
                        .arg(SandboxController::defaultDataDir()),
                    QStringLiteral("DIR")});
    line.addOption({{QStringLiteral("n"), NamespaceOption},
                    QStringLiteral("The namespace of the Redis cluster (default redis-cluster)."),
                    QStringLiteral("NAMESPACE"),
                    QStringLiteral("redis-cluster")});
    line.addOption({StatefulSetOption,
                    QStringLiteral("The StatefulSet of the Redis pods (default redis-app)."),
                    QStringLiteral("NAME"), QStringLiteral("redis-app")});
    line.addOption(
        {AccessOption,
         QStringLiteral("How to reach the pods: direct (pod IPs), tunnel (port-forward through the API), "
                        "or auto (direct, else tunnel; the default)."),
         QStringLiteral("MODE"), QStringLiteral("auto")});
    if (changing) {
        line.addOption(
            {DryRunOption,
             QStringLiteral("Print the equivalent kubectl / redis-cli commands; change nothing.")});
    }
    line.addTimeoutOption(timeoutSeconds);
    line.addVerboseOption();
}

TargetForm endpointsForm(int timeoutSeconds)
{
    return {[timeoutSeconds](CommandLine &line) { line.addEndpointOptions(timeoutSeconds); },
            [](const CommandLine &line, ops::Target &target) -> std::optional<int> {
                target = ops::Target::plainEndpoints({line.nodes(), line.connectionOptions()});
                return std::nullopt;
            }};
}

TargetForm kubernetesForm(int timeoutSeconds)
{
    return {[timeoutSeconds](CommandLine &line) {
                addKubeOptions(line, false, timeoutSeconds);
                line.addJsonOption();
            },
            readKubeTarget};
}

std::optional<int> readKubeTarget(const CommandLine &line, ops::Target &target)
{
    const bool sandbox = line.isSet(SandboxOption) || line.isSet(SandboxDirOption);
    if (sandbox && (line.isSet(KubeconfigOption) || line.isSet(ContextOption)))
        return line.usageError(QStringLiteral(
            "--sandbox uses the sandbox's own kubeconfig: leave out --kubeconfig and --context."));
    target.kind = sandbox ? ops::Target::Kind::Sandbox : ops::Target::Kind::Kubernetes;
    target.sandboxDataDir = line.value(SandboxDirOption);
    target.kube.kubeconfig = line.value(KubeconfigOption);
    target.kube.context = line.value(ContextOption);
    target.kube.ns = line.value(NamespaceOption);
    target.kube.statefulSet = line.value(StatefulSetOption);
    const std::optional<AccessMode> mode = parseAccessMode(line.value(AccessOption));
    if (!mode)
        return line.usageError(QStringLiteral("--access expects auto, direct or tunnel."));
    target.kube.access = *mode;
    return std::nullopt;
}

int runKubeOperation(const CommandLine &line, ops::OperationRequest request,
                     const std::function<int(ops::WorkflowOperationJob &)> &done, bool quiet)
{
    ops::Target target;
    if (const std::optional<int> stop = readKubeTarget(line, target))
        return *stop;
    request.dryRun = line.isSet(DryRunOption);
    request.timeoutMs = line.timeoutMs();
    const Result<ops::OperationJob *> made = ops::createOperation(target, request);
    if (!made)
        return line.usageError(made.error().message());
    const std::unique_ptr<ops::OperationJob> job(made.value());
    auto &operation = static_cast<ops::WorkflowOperationJob &>(*job);
    WorkflowPrinter printer(job.get(), quiet);
    const Error error = runJob(job.get());
    if (error.isError() && (!job->hasResult() || !done))
        return reportFailure(error);
    return done ? done(operation) : ExitSuccess;
}

int runKubeOperationWithJson(const CommandLine &line, const ops::OperationRequest &request)
{
    return runKubeOperation(
        line, request,
        [&line](ops::WorkflowOperationJob &job) -> int {
            if (line.json())
                printBytes(jsonLine(job.resultJson()));
            if (job.hasError())
                return reportFailure(job.error());
            return ExitSuccess;
        },
        line.json());
}

} // namespace rcs::cli
