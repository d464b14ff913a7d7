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

const QString TopOption = QStringLiteral("top");
const QString RateOption = QStringLiteral("rate");
const QString MaxSecondsOption = QStringLiteral("max-seconds");

const QString BigKeysDescription = QStringLiteral(
    "Scans every master (SCAN with COUNT, then TYPE and MEMORY USAGE of each key, pipelined) and prints "
    "the biggest keys of the cluster with their node, pod, type and bytes, like redis-cli --memkeys. The "
    "scan is paced (--rate SCAN calls per second per node) and bounded (--max-seconds, then the partial "
    "result, said partial). Changes nothing.");
const QString HotKeysDescription = QStringLiteral(
    "Scans every master (SCAN with COUNT, then TYPE and OBJECT FREQ of each key, pipelined) and prints the "
    "most used keys of the cluster, like redis-cli --hotkeys. Needs maxmemory-policy allkeys-lfu or "
    "volatile-lfu: a node with another policy is not scanned and says how to set it. Paced and bounded "
    "like bigkeys. Changes nothing.");
const QString SlotHeatDescription = QStringLiteral(
    "Counts the keys of every slot on the master that owns it (CLUSTER SLOT-STATS on Valkey 8, else CLUSTER "
    "COUNTKEYSINSLOT in pipelined batches) and prints the keys per master and the hottest slots; --json "
    "gives all 16384 counts. Changes nothing.");

void addScanOptions(CommandLine &line)
{
    line.addOption({CountOption,
                    QStringLiteral("SCAN's COUNT: keys asked per call (default %1).")
                        .arg(observe::KeyScanOptions::DefaultCount),
                    QStringLiteral("N"), QString::number(observe::KeyScanOptions::DefaultCount)});
    line.addOption(
        {TopOption,
         QStringLiteral("How many keys to list (default %1).").arg(observe::KeyScanOptions::DefaultTop),
         QStringLiteral("N"), QString::number(observe::KeyScanOptions::DefaultTop)});
    line.addOption({RateOption,
                    QStringLiteral("At most N SCAN calls per second per node (default %1).")
                        .arg(observe::KeyScanOptions::DefaultRate),
                    QStringLiteral("N"), QString::number(observe::KeyScanOptions::DefaultRate)});
    line.addOption({MaxSecondsOption,
                    QStringLiteral("Stop after S seconds with the partial result (default %1).")
                        .arg(observe::KeyScanOptions::DefaultMaxSeconds),
                    QStringLiteral("S"), QString::number(observe::KeyScanOptions::DefaultMaxSeconds)});
}

std::optional<int> readScanOptions(const CommandLine &line, observe::KeyScanOptions &options)
{
    const std::optional<int> count = line.intValue(CountOption, 1, 100000);
    const std::optional<int> top = count ? line.intValue(TopOption, 1, 100000) : std::nullopt;
    const std::optional<int> rate = top ? line.intValue(RateOption, 1, 100000) : std::nullopt;
    const std::optional<int> seconds = rate ? line.intValue(MaxSecondsOption, 1, 86400) : std::nullopt;
    if (!seconds)
        return ExitUsage;
    options.count = *count;
    options.top = *top;
    options.rate = *rate;
    options.maxSeconds = *seconds;
    return std::nullopt;
}

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

QString descriptionOf(ops::OperationKind kind)
{
    switch (kind) {
    case ops::OperationKind::Top:
        return TopDescription;
    case ops::OperationKind::BigKeys:
        return BigKeysDescription;
    case ops::OperationKind::HotKeys:
        return HotKeysDescription;
    case ops::OperationKind::SlotHeat:
        return SlotHeatDescription;
    default:
        return SlowLogDescription;
    }
}

// One body for both forms: the form's options (addTarget) and target (readTarget) differ, the rest not.
int runObserveCommand(const QStringList &args, ops::OperationKind kind,
                      const std::function<void(CommandLine &)> &addTarget,
                      const std::function<std::optional<int>(const CommandLine &, ops::Target &)> &readTarget)
{
    const bool top = kind == ops::OperationKind::Top;
    const bool scan = kind == ops::OperationKind::BigKeys || kind == ops::OperationKind::HotKeys;
    CommandLine line(ops::operationName(kind), descriptionOf(kind));
    addTarget(line);
    if (top)
        addTopOptions(line);
    if (scan)
        addScanOptions(line);
    if (const std::optional<int> stop = line.parse(args))
        return *stop;
    ops::Target target;
    if (const std::optional<int> stop = readTarget(line, target))
        return *stop;
    ops::OperationRequest request;
    request.kind = kind;
    // top runs until its count (or Ctrl-C), a key scan until --max-seconds (then a partial result):
    // --timeout bounds the status read and each command only.
    request.timeoutMs = top || scan ? 0 : line.timeoutMs();
    if (top) {
        if (const std::optional<int> stop = readTopOptions(line, request))
            return *stop;
    }
    if (scan) {
        if (const std::optional<int> stop = readScanOptions(line, request.keyScan))
            return *stop;
    }
    return runObserve(line, target, request);
}

int runOnNodes(const QStringList &args, ops::OperationKind kind)
{
    const TargetForm form = endpointsForm(30);
    return runObserveCommand(args, kind, form.addOptions, form.readTarget);
}

int runOnKubernetes(const QStringList &args, ops::OperationKind kind)
{
    const TargetForm form = kubernetesForm(60);
    return runObserveCommand(args, kind, form.addOptions, form.readTarget);
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

int runBigKeys(const QStringList &args)
{
    return runOnNodes(args, ops::OperationKind::BigKeys);
}

int runKubeBigKeys(const QStringList &args)
{
    return runOnKubernetes(args, ops::OperationKind::BigKeys);
}

int runHotKeys(const QStringList &args)
{
    return runOnNodes(args, ops::OperationKind::HotKeys);
}

int runKubeHotKeys(const QStringList &args)
{
    return runOnKubernetes(args, ops::OperationKind::HotKeys);
}

int runSlotHeat(const QStringList &args)
{
    return runOnNodes(args, ops::OperationKind::SlotHeat);
}

int runKubeSlotHeat(const QStringList &args)
{
    return runOnKubernetes(args, ops::OperationKind::SlotHeat);
}

} // namespace rcs::cli
