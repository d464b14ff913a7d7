#include "day2_options.h"

#include "cli_options.h"
#include "command_registry.h"

namespace rcs::cli {

void addRebalanceOptions(CommandLine &line, const QString &subject)
{
    line.addOption(
        {QStringLiteral("weight"),
         QStringLiteral("Weights as %1=W,… (%2); 0 drains a master.")
             .arg(subject, subject == QLatin1String("POD") ? QStringLiteral("a pod name or node id")
                                                           : QStringLiteral("id or unique prefix")),
         subject + QStringLiteral("=W,…")});
    line.addOption({QStringLiteral("threshold"),
                    QStringLiteral("Only rebalance when a master is more than P% off its share (default 2)."),
                    QStringLiteral("P"), QStringLiteral("2")});
}

std::optional<int> readRebalanceOptions(const CommandLine &line, RebalanceOptions &options)
{
    bool ok = false;
    options.thresholdPercent = line.value(QStringLiteral("threshold")).toDouble(&ok);
    if (!ok || options.thresholdPercent < 0)
        return line.usageError(QStringLiteral("--threshold must be a percentage of 0 or more."));
    const QStringList weights =
        line.value(QStringLiteral("weight")).split(QLatin1Char(','), Qt::SkipEmptyParts);
    for (const QString &item : weights) {
        const qsizetype equals = item.indexOf(QLatin1Char('='));
        const double weight = equals > 0 ? item.mid(equals + 1).toDouble(&ok) : 0;
        if (equals <= 0 || !ok || weight < 0)
            return line.usageError(
                QStringLiteral("--weight items look like NAME=W with W >= 0, not '%1'.").arg(item));
        options.weights.insert(item.left(equals), weight);
    }
    return std::nullopt;
}

void addReshardOptions(CommandLine &line, const QString &subject)
{
    const bool pods = subject == QLatin1String("POD");
    line.addOption({QStringLiteral("to"),
                    pods ? QStringLiteral("The receiving master: its pod name (or node id).")
                         : QStringLiteral("The receiving master (id or unique prefix)."),
                    subject});
    line.addOption({QStringLiteral("slots"), QStringLiteral("How many slots to move."), QStringLiteral("N")});
    line.addOption({QStringLiteral("from"),
                    pods ? QStringLiteral("Source masters as POD,… (or node ids), or 'all' (default).")
                         : QStringLiteral("Source masters as ID,… or 'all' (default)."),
                    subject + QStringLiteral("S"), QStringLiteral("all")});
}

std::optional<int> readReshardOptions(const CommandLine &line, ReshardRequest &request)
{
    request.target = line.value(QStringLiteral("to"));
    if (request.target.isEmpty())
        return line.usageError(QStringLiteral("--to needs the receiving master."));
    const std::optional<int> slotCount = line.intValue(QStringLiteral("slots"), 1, 16384);
    if (!slotCount)
        return ExitUsage;
    request.slotCount = *slotCount;
    const QString from = line.value(QStringLiteral("from"));
    request.sources =
        from == QLatin1String("all") ? QStringList() : from.split(QLatin1Char(','), Qt::SkipEmptyParts);
    return std::nullopt;
}

void addFailoverModeOptions(CommandLine &line)
{
    line.addOption(
        {QStringLiteral("force"), QStringLiteral("Do not wait for the master (use when it is down).")});
    line.addOption(
        {QStringLiteral("takeover"), QStringLiteral("Take over without the other masters' agreement.")});
}

std::optional<int> readFailoverMode(const CommandLine &line, FailoverJob::Mode &mode)
{
    const bool force = line.isSet(QStringLiteral("force"));
    const bool takeover = line.isSet(QStringLiteral("takeover"));
    if (force && takeover)
        return line.usageError(QStringLiteral("--force and --takeover exclude each other."));
    mode = force      ? FailoverJob::Mode::Force
           : takeover ? FailoverJob::Mode::Takeover
                      : FailoverJob::Mode::Default;
    return std::nullopt;
}

} // namespace rcs::cli
