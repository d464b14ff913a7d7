// top, slowlog, bigkeys, hotkeys and slot-heat as OperationJob steps: they run after the status read of
// either target kind (the nodes it found, over the target's pool and its routes), so both kinds share
// this one piece.
#include "operation_job.h"

#include "key_result.h"
#include "observe/cluster_sample_job.h"
#include "observe/key_scan_job.h"
#include "observe/slow_log_job.h"
#include "observe_result.h"

namespace rcs::ops {

void OperationJob::observeAfterStatus(StatusReport status, RedisPool *pool)
{
    if (m_request.kind == OperationKind::BigKeys || m_request.kind == OperationKind::HotKeys) {
        const ClusterTopology topology = status.topology;
        m_status = std::move(status);
        return scanKeys(topology, pool);
    }
    if (m_request.kind == OperationKind::SlotHeat) {
        const ClusterTopology topology = status.topology;
        m_status = std::move(status);
        return countSlots(topology, pool);
    }
    const QList<observe::SampledNode> nodes = observe::sampledNodesOf(status.topology);
    m_status = std::move(status);
    if (m_request.kind == OperationKind::SlowLog) {
        auto *slowLog = new observe::SlowLogJob(nodes, pool, this);
        return runEngine(slowLog, [this](Job *done) {
            const auto *job = static_cast<observe::SlowLogJob *>(done);
            finishWith(tr("Slow-log entries: %1.").arg(job->rows().size()),
                       slowLogToJson(job->rows(), job->unreadNodes()),
                       slowLogToText(job->rows(), job->unreadNodes()), false);
        });
    }
    auto *sampler = new observe::ClusterSampleJob(nodes, pool, nullptr, this);
    sampler->setIntervalMs(m_request.sampleIntervalMs);
    sampler->setRounds(m_request.sampleCount);
    connect(sampler, &observe::ClusterSampleJob::sampled, this, [this](const observe::ClusterSample &sample) {
        m_sample = sample;
        Q_EMIT sampled(sample);
    });
    runEngine(sampler, [this](Job *done) {
        const int taken = static_cast<observe::ClusterSampleJob *>(done)->emitted();
        finishWith(tr("Samples taken: %1.").arg(taken), m_sample ? sampleToJson(*m_sample) : QJsonObject(),
                   m_sample ? sampleToTable(*m_sample) : QString(), false);
    });
}

void OperationJob::scanKeys(const ClusterTopology &topology, RedisPool *pool)
{
    observe::KeyScanOptions options = m_request.keyScan;
    options.mode = m_request.kind == OperationKind::BigKeys ? observe::KeyScanMode::BigKeys
                                                            : observe::KeyScanMode::HotKeys;
    auto *scan = new observe::KeyScanJob(observe::keyScanMasters(topology), pool, options, this);
    runEngine(scan, [this](Job *done) {
        m_keyScan = static_cast<observe::KeyScanJob *>(done)->result();
        finishWith(keyScanSummary(*m_keyScan), keyScanToJson(*m_keyScan), keyScanToText(*m_keyScan), false);
    });
}

void OperationJob::countSlots(const ClusterTopology &topology, RedisPool *pool)
{
    auto *count = new observe::SlotHeatJob(observe::heatMasters(topology), pool, this);
    runEngine(count, [this](Job *done) {
        m_slotHeat = static_cast<observe::SlotHeatJob *>(done)->heat();
        finishWith(slotHeatSummary(*m_slotHeat), slotHeatToJson(*m_slotHeat), slotHeatToText(*m_slotHeat),
                   false);
    });
}

} // namespace rcs::ops
