#include "exec_command.h"

#include "cli_options.h"
#include "command_registry.h"
#include "job_runner.h"
#include "kube_command_support.h"
#include "topology_output.h"

#include "operations/operation_catalogue.h"
#include "operations/operation_job.h"

#include <cstdio>
#include <functional>
#include <memory>

namespace rcs::cli {

namespace {
const QString NodeOption = QStringLiteral("node");
const QString YesOption = QStringLiteral("yes");

const QString ExecDescription = QStringLiteral(
    "Sends one command, given after --, and prints the reply like redis-cli. Without --node it goes to the "
    "master of its key's slot and follows MOVED and ASK redirects like redis-cli -c (each one printed); with "
    "--node (an id, a unique id prefix, a pod name or HOST:PORT) it goes to that node only and a MOVED is "
    "the reply. "
    "FLUSHALL, FLUSHDB, CLUSTER RESET, SHUTDOWN, DEBUG and KEYS run only with --yes. Passwords in the "
    "command are redacted in the log. Exit code 1 when the server answers an error (NOPERM, WRONGTYPE …).");

int runExecCommand(const QStringList &args, const std::function<void(CommandLine &)> &addTarget,
                   const std::function<std::optional<int>(const CommandLine &, ops::Target &)> &readTarget)
{
    const qsizetype separator = args.indexOf(QStringLiteral("--"));
    const QStringList options = separator < 0 ? args : args.first(separator);
    CommandLine line(QStringLiteral("exec"), ExecDescription);
    addTarget(line);
    line.addOption({NodeOption,
                    QStringLiteral("Send to this node only (id, id prefix, pod name or HOST:PORT)."),
                    QStringLiteral("ID")});
    line.addOption({YesOption, QStringLiteral("Confirm a destructive command (FLUSHALL, SHUTDOWN …).")});
    if (const std::optional<int> stop = line.parse(options))
        return *stop;
    if (separator < 0 || separator + 1 >= args.size())
        return line.usageError(
            QStringLiteral("Give the command after --, e.g. exec --nodes H:P -- GET key."));
    ops::Target target;
    if (const std::optional<int> stop = readTarget(line, target))
        return *stop;
    ops::OperationRequest request;
    request.kind = ops::OperationKind::Exec;
    request.timeoutMs = line.timeoutMs();
    request.nodeId = line.value(NodeOption);
    request.confirmed = line.isSet(YesOption);
    for (qsizetype i = separator + 1; i < args.size(); ++i)
        request.commandWords.append(args.at(i).toLocal8Bit());
    const Result<ops::OperationJob *> made = ops::createOperation(target, request);
    if (!made)
        return made.error().code() == ErrorCode::Refused ? reportFailure(made.error())
                                                         : line.usageError(made.error().message());
    const std::unique_ptr<ops::OperationJob> job(made.value());
    // The status read's progress would mix with the reply: only warnings (stderr) are shown.
    WorkflowPrinter printer(job.get(), true);
    const Error error = runJob(job.get());
    // An error reply is still the command's output (the server's words); the exit code says it failed.
    if (job->hasResult())
        printBytes(line.json() ? jsonLine(job->resultJson()) : job->resultText().toUtf8());
    if (error.isError())
        return job->hasResult() ? ExitFailure : reportFailure(error);
    return ExitSuccess;
}
} // namespace

int runExec(const QStringList &args)
{
    const TargetForm form = endpointsForm(30);
    return runExecCommand(args, form.addOptions, form.readTarget);
}

int runKubeExec(const QStringList &args)
{
    const TargetForm form = kubernetesForm(60);
    return runExecCommand(args, form.addOptions, form.readTarget);
}

} // namespace rcs::cli
