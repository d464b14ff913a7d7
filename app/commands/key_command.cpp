#include "key_command.h"

#include "cli_options.h"
#include "command_registry.h"
#include "job_runner.h"
#include "kube_command_support.h"
#include "topology_output.h"

#include "operations/operation_catalogue.h"
#include "operations/operation_job.h"

#include <functional>
#include <memory>

namespace rcs::cli {

namespace {
const QString CountOption = QStringLiteral("count");
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

int runKeyCommand(const QStringList &args, ops::OperationKind kind,
                  const std::function<void(CommandLine &)> &addTarget,
                  const std::function<std::optional<int>(const CommandLine &, ops::Target &)> &readTarget)
{
    const bool heat = kind == ops::OperationKind::SlotHeat;
    CommandLine line(ops::operationName(kind), kind == ops::OperationKind::BigKeys   ? BigKeysDescription
                                               : kind == ops::OperationKind::HotKeys ? HotKeysDescription
                                                                                     : SlotHeatDescription);
    addTarget(line);
    if (!heat)
        addScanOptions(line);
    if (const std::optional<int> stop = line.parse(args))
        return *stop;
    ops::Target target;
    if (const std::optional<int> stop = readTarget(line, target))
        return *stop;
    ops::OperationRequest request;
    request.kind = kind;
    // A key scan has its own bound (--max-seconds, then a partial result): --timeout bounds the status
    // read and each command, not the scan.
    request.timeoutMs = heat ? line.timeoutMs() : 0;
    if (!heat) {
        if (const std::optional<int> stop = readScanOptions(line, request.keyScan))
            return *stop;
    }
    const Result<ops::OperationJob *> made = ops::createOperation(target, request);
    if (!made)
        return line.usageError(made.error().message());
    const std::unique_ptr<ops::OperationJob> job(made.value());
    WorkflowPrinter printer(job.get(), true);
    const Error error = runJob(job.get());
    if (error.isError())
        return reportFailure(error);
    printBytes(line.json() ? jsonLine(job->resultJson()) : job->resultText().toUtf8());
    return ExitSuccess;
}

int onNodes(const QStringList &args, ops::OperationKind kind)
{
    return runKeyCommand(
        args, kind, [](CommandLine &line) { line.addEndpointOptions(30); },
        [](const CommandLine &line, ops::Target &target) -> std::optional<int> {
            target = ops::Target::plainEndpoints({line.nodes(), line.connectionOptions()});
            return std::nullopt;
        });
}

int onKubernetes(const QStringList &args, ops::OperationKind kind)
{
    return runKeyCommand(
        args, kind,
        [](CommandLine &line) {
            addKubeOptions(line, false, 60);
            line.addJsonOption();
        },
        readKubeTarget);
}
} // namespace

int runBigKeys(const QStringList &args)
{
    return onNodes(args, ops::OperationKind::BigKeys);
}

int runKubeBigKeys(const QStringList &args)
{
    return onKubernetes(args, ops::OperationKind::BigKeys);
}

int runHotKeys(const QStringList &args)
{
    return onNodes(args, ops::OperationKind::HotKeys);
}

int runKubeHotKeys(const QStringList &args)
{
    return onKubernetes(args, ops::OperationKind::HotKeys);
}

int runSlotHeat(const QStringList &args)
{
    return onNodes(args, ops::OperationKind::SlotHeat);
}

int runKubeSlotHeat(const QStringList &args)
{
    return onKubernetes(args, ops::OperationKind::SlotHeat);
}

} // namespace rcs::cli
