// CoreBackend's reading of the slow logs (the Slow log dock): apart from core_backend.cpp, which holds
// the actions, so that each stays readable.
#include "core_backend.h"

#include "operations/operation_job.h"

#include <QJsonArray>

namespace rcs::ui {

SlowLogReading slowLogReadingFromJson(const QJsonObject &json)
{
    SlowLogReading reading;
    const QJsonArray entries = json.value(QLatin1String("entries")).toArray();
    reading.rows.reserve(entries.size());
    for (const QJsonValue &value : entries) {
        const QJsonObject entry = value.toObject();
        const rcs::Result<rcs::NodeAddress> node =
            rcs::NodeAddress::parse(entry.value(QLatin1String("node")).toString());
        if (!node.ok())
            continue;
        rcs::observe::SlowLogRow row;
        row.timeUnix = entry.value(QLatin1String("time")).toInteger();
        row.node = node.value();
        row.pod = entry.value(QLatin1String("pod")).toString();
        row.durationUs = entry.value(QLatin1String("duration_us")).toInteger();
        // Already core's displayCommand(): the secrets are redacted there and are never re-read here.
        row.command = entry.value(QLatin1String("command")).toString();
        row.isLatencyEvent = entry.value(QLatin1String("latency_event")).toBool();
        reading.rows.append(row);
    }
    for (const QJsonValue &value : json.value(QLatin1String("unread")).toArray()) {
        const QJsonObject node = value.toObject();
        reading.unread.append(
            {node.value(QLatin1String("node")).toString(), node.value(QLatin1String("error")).toString()});
    }
    return reading;
}

rcs::Job *CoreBackend::createSlowLogJob(const StudioTarget &target, const rcs::ops::OperationRequest &request,
                                        const SlowLogCallback &onReading, QString *why)
{
    const std::optional<rcs::ops::Target> core = coreTarget(target, why);
    if (!core)
        return nullptr;
    // The catalogue's job, as every action's: createOperationJob makes only OperationJobs.
    auto *job = static_cast<rcs::ops::OperationJob *>(createOperationJob(*core, request, why));
    if (!job)
        return nullptr;
    connect(job, &rcs::Job::finished, this, [job, onReading] {
        if (job->hasResult() && onReading)
            onReading(slowLogReadingFromJson(job->resultJson()));
    });
    return job;
}

} // namespace rcs::ui
