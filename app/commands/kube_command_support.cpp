#include "kube_command_support.h"

#include "cli_options.h"
#include "command_registry.h"
#include "job_runner.h"

#include "common/logger.h"
#include "workflows/kube_session.h"
#include "workflows/workflow.h"

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

std::optional<int> openKubeSession(const CommandLine &line, std::unique_ptr<KubeSession> &session)
{
    ClusterTarget target;
    target.kubeconfig = line.value(KubeconfigOption);
    target.context = line.value(ContextOption);
    target.ns = line.value(NamespaceOption);
    target.statefulSet = line.value(StatefulSetOption);
    const std::optional<AccessMode> mode = parseAccessMode(line.value(AccessOption));
    if (!mode)
        return line.usageError(QStringLiteral("--access expects auto, direct or tunnel."));
    target.access = *mode;
    Result<KubeSession *> opened = KubeSession::open(target);
    if (!opened)
        return reportFailure(opened.error());
    session.reset(*opened);
    return std::nullopt;
}

int runKubeWorkflow(const CommandLine &line, const std::function<Workflow *(KubeSession *)> &make,
                    const std::function<int(Workflow *)> &done, bool quiet)
{
    std::unique_ptr<KubeSession> session;
    if (const std::optional<int> stop = openKubeSession(line, session))
        return *stop;
    const std::unique_ptr<Workflow> workflow(make(session.get()));
    workflow->setDryRun(line.isSet(DryRunOption));
    if (line.timeoutMs() > 0) {
        workflow->setStepTimeout(line.timeoutMs());
        workflow->setPodTimeout(line.timeoutMs());
    }
    WorkflowPrinter printer(workflow.get(), quiet);
    if (const Error error = runJob(workflow.get()); error.isError())
        return reportFailure(error);
    return done ? done(workflow.get()) : ExitSuccess;
}

} // namespace rcs::cli
