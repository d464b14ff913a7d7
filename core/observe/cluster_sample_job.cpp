#include "cluster_sample_job.h"

#include "redis/redis_pool.h"
#include "redis/redis_reply.h"

#include <QDateTime>

namespace rcs::observe {

ClusterSampleJob::ClusterSampleJob(QList<SampledNode> nodes, RedisPool *pool, ClusterMetrics *metrics,
                                   QObject *parent)
    : Job(parent)
    , m_nodes(std::move(nodes))
    , m_pool(pool)
    , m_metrics(metrics)
{
    if (!m_metrics) {
        m_ownMetrics = std::make_unique<ClusterMetrics>();
        m_metrics = m_ownMetrics.get();
    }
    setTitle(tr("Sampling the cluster"));
    m_next.setSingleShot(true);
    connect(&m_next, &QTimer::timeout, this, &ClusterSampleJob::round);
}

ClusterSampleJob::~ClusterSampleJob() = default;

void ClusterSampleJob::doStart()
{
    if (m_nodes.isEmpty())
        return fail(ErrorCode::InvalidInput,
                    tr("There is no node to sample: the cluster has no reachable node."));
    if (!m_pool)
        return fail(ErrorCode::Cancelled, tr("The connections were closed before the sampling began."));
    setStep(tr("Reading INFO of every node (%1)").arg(m_nodes.size()));
    round();
}

void ClusterSampleJob::doCancel()
{
    m_next.stop();
}

void ClusterSampleJob::round()
{
    if (isFinished() || !m_pool)
        return;
    m_roundClock.start();
    m_readings.clear();
    m_readings.resize(m_nodes.size());
    m_outstanding = int(m_nodes.size());
    for (qsizetype i = 0; i < m_nodes.size(); ++i) {
        m_pool->command(m_nodes.at(i).address, {"INFO"}, this, [this, i](Result<RedisReply> reply) {
            const qint64 now = QDateTime::currentMSecsSinceEpoch();
            if (!reply.ok())
                m_readings[i].emplace(reply.error());
            else
                m_readings[i].emplace(parseInfoReading(reply.value().bytes(), now));
            if (--m_outstanding == 0)
                roundDone();
        });
    }
}

void ClusterSampleJob::roundDone()
{
    if (isFinished())
        return;
    std::optional<Error> firstError;
    bool anyRead = false;
    QList<Result<InfoReading>> readings;
    readings.reserve(qsizetype(m_readings.size()));
    for (std::optional<Result<InfoReading>> &slot : m_readings) {
        readings.append(std::move(*slot));
        const Result<InfoReading> &reading = readings.constLast();
        anyRead = anyRead || reading.ok();
        if (!reading.ok() && !firstError)
            firstError = reading.error();
    }
    if (!anyRead) {
        return fail(ErrorCode::ConnectionFailed,
                    tr("No node answered INFO: %1").arg(firstError ? firstError->message() : QString()));
    }
    const ClusterSample sample = m_metrics->add(m_nodes, readings, QDateTime::currentMSecsSinceEpoch());
    const bool baselineOnly =
        m_emitted == 0 && std::none_of(sample.nodes.cbegin(), sample.nodes.cend(),
                                       [](const NodeMetrics &node) { return node.sample.hasRates; });
    if (!baselineOnly) {
        m_last = sample;
        ++m_emitted;
        Q_EMIT sampled(sample);
        if (m_rounds > 0 && m_emitted >= m_rounds)
            return succeed();
    }
    m_next.start(std::max<qint64>(0, m_intervalMs - m_roundClock.elapsed()));
}

} // namespace rcs::observe
