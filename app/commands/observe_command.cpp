#include "observe_command.h"

#include "cli_options.h"
#include "command_registry.h"
#include "job_runner.h"
#include "kube_command_support.h"
#include "topology_output.h"

#include "observe/metrics_csv.h"
#include "operations/observe_result.h"
#include "operations/operation_catalogue.h"
#include "operations/operation_job.h"

#include <QJsonDocument>

#include <functional>
#include <memory>

namespace rcs::cli {

namespace {
const QString IntervalOption = QStringLiteral("interval");
const QString CountOption = QStringLiteral("count");
const QString CsvOption = QStringLiteral("csv");
// Like redis-cli --stat: the header again every so many lines, so that it stays on screen.
constexpr int HeaderEvery = 20;

const QString TopDescription = QStringLiteral(
    "Samples INFO of every node (one round trip per node per sample) and prints one line per sample for "
    "the whole cluster, like redis-cli --stat: nodes read (!unread), keys, memory (/maxmemory), clients, "
    "commands, keyspace hits and misses, network in and out per second, CPU (percent of one core, summed) "
    "and the largest replica lag. A restarted node's counters start a new baseline, never a negative "
    "rate. With --count the per-node table of the last sample follows; with --csv one row per node per "
    "sample instead, after a header.");
const QString SlowLogDescription = QStringLiteral(
    "Reads SLOWLOG GET and LATENCY LATEST of every node and prints them merged, newest first: time, node, "
    "pod, duration, command. Arguments are shortened; passwords (AUTH, HELLO AUTH, MIGRATE AUTH, ACL "
    "SETUSER, CONFIG SET requirepass/masterauth/masteruser) are never shown.");

void addTopOptions(CommandLine &line)
{
    line.addOption({IntervalOption, QStringLiteral("Seconds between samples (default 1)."),
                    QStringLiteral("S"), QStringLiteral("1")});
    line.addOption({CountOption, QStringLiteral("Stop after N samples (default: until interrupted)."),
                    QStringLiteral("N"), QStringLiteral("0")});
    line.addOption(
        {CsvOption, QStringLiteral("CSV instead of text: a header, then one row per node per sample "
                                   "(the studio's Metrics export format); no table at the end.")});
}

// Fills the request's interval and count; an exit code on a usage error.
std::optional<int> readTopOptions(const CommandLine &line, ops::OperationRequest &request)
{
    bool ok = false;
    const double seconds = line.value(IntervalOption).toDouble(&ok);
    if (!ok || seconds < 0.1 || seconds > 3600)
        return line.usageError(QStringLiteral("--interval takes seconds from 0.1 to 3600."));
    const std::optional<int> count = line.intValue(CountOption, 0, 1000000);
    if (!count)
        return ExitUsage;
    request.sampleIntervalMs = int(seconds * 1000);
    request.sampleCount = *count;
    return std::nullopt;
}

int runObserve(const CommandLine &line, const ops::Target &target, const ops::OperationRequest &request)
{
    const Result<ops::OperationJob *> made = ops::createOperation(target, request);
    if (!made)
        return line.usageError(made.error().message());
    const std::unique_ptr<ops::OperationJob> job(made.value());
    // Progress of the status read would interleave with the table: only warnings (stderr) are shown.
    WorkflowPrinter printer(job.get(), true);
    int lines = 0;
    const bool json = line.json();
    const bool csv = request.kind == ops::OperationKind::Top && line.isSet(CsvOption);
    if (csv && json)
        return line.usageError(QStringLiteral("--csv and --json are two formats: choose one."));
    if (csv)
        printBytes(observe::metricsCsvHeader().toUtf8() + '\n');
    QObject::connect(job.get(), &ops::OperationJob::sampled, job.get(),
                     [json, csv, &lines](const observe::ClusterSample &sample) {
                         if (csv)
                             return printBytes(ops::sampleToCsv(sample).toUtf8());
                         // One compact line per sample: a consumer reads it line by line.
                         if (json)
                             return printBytes(
                                 QJsonDocument(ops::sampleToJson(sample)).toJson(QJsonDocument::Compact) +
                                 '\n');
                         if (lines++ % HeaderEvery == 0)
                             printBytes(ops::sampleHeader().toUtf8());
                         printBytes(ops::sampleToLine(sample).toUtf8());
                     });
    const Error error = runJob(job.get());
    if (error.isError())
        return reportFailure(error);
    if (request.kind == ops::OperationKind::Top) {
        // --json: the lines were the output. Text: the per-node table of the last sample.
        if (!json && !csv)
            printBytes(QByteArray("\n") + job->resultText().toUtf8());
        return ExitSuccess;
    }
    printBytes(json ? jsonLine(job->resultJson()) : job->resultText().toUtf8());
    return ExitSuccess;
}

// One body for both forms: the form's options (addTarget) and target (readTarget) differ, the rest not.
int runObserveCommand(const QStringList &args, ops::OperationKind kind,
                      const std::function<void(CommandLine &)> &addTarget,
                      const std::function<std::optional<int>(const CommandLine &, ops::Target &)> &readTarget)
{
    const bool top = kind == ops::OperationKind::Top;
    CommandLine line(top ? QStringLiteral("top") : QStringLiteral("slowlog"),
                     top ? TopDescription : SlowLogDescription);
    addTarget(line);
    if (top)
        addTopOptions(line);
    if (const std::optional<int> stop = line.parse(args))
        return *stop;
    ops::Target target;
    if (const std::optional<int> stop = readTarget(line, target))
        return *stop;
    ops::OperationRequest request;
    request.kind = kind;
    // top runs until its count (or Ctrl-C): --timeout bounds the status read and each command only.
    request.timeoutMs = top ? 0 : line.timeoutMs();
    if (top) {
        if (const std::optional<int> stop = readTopOptions(line, request))
            return *stop;
    }
    return runObserve(line, target, request);
}

int runOnNodes(const QStringList &args, ops::OperationKind kind)
{
    return runObserveCommand(
        args, kind, [](CommandLine &line) { line.addEndpointOptions(30); },
        [](const CommandLine &line, ops::Target &target) -> std::optional<int> {
            target = ops::Target::plainEndpoints({line.nodes(), line.connectionOptions()});
            return std::nullopt;
        });
}

int runOnKubernetes(const QStringList &args, ops::OperationKind kind)
{
    return runObserveCommand(
        args, kind,
        [](CommandLine &line) {
            addKubeOptions(line, false, 60);
            line.addJsonOption();
        },
        readKubeTarget);
}
} // namespace

int runTop(const QStringList &args)
{
    return runOnNodes(args, ops::OperationKind::Top);
}

int runKubeTop(const QStringList &args)
{
    return runOnKubernetes(args, ops::OperationKind::Top);
}

int runSlowLog(const QStringList &args)
{
    return runOnNodes(args, ops::OperationKind::SlowLog);
}

int runKubeSlowLog(const QStringList &args)
{
    return runOnKubernetes(args, ops::OperationKind::SlowLog);
}

} // namespace rcs::cli
