#pragma once

#include "cluster_metrics.h"
#include "common/job.h"

#include <QElapsedTimer>
#include <QPointer>
#include <QTimer>

#include <memory>
#include <optional>
#include <vector>

namespace rcs {
class RedisPool;
}

namespace rcs::observe {

// Samples the cluster: one INFO per node per round, sent to every node at once (each node's reply
// timed as it arrives, so that a slow node does not skew the others' rates), fed to a ClusterMetrics.
// Rounds start every intervalMs (measured from the start of the previous round; a round that takes
// longer starts the next one as soon as it ends). Asynchronous: nothing waits, the GUI thread may run it.
//
// The first round of nodes the metrics know nothing of only sets the baseline (no rates yet): it is not
// emitted and not counted. A node that does not answer is in the sample with its error; the job only
// fails when no node answered in a round (ConnectionFailed, with the first node's reason).
class ClusterSampleJob final : public Job {
    Q_OBJECT
public:
    // metrics: kept by the caller across jobs (the studio's history); null: the job keeps its own.
    ClusterSampleJob(QList<SampledNode> nodes, RedisPool *pool, ClusterMetrics *metrics = nullptr,
                     QObject *parent = nullptr);
    ~ClusterSampleJob() override;

    // 0: until cancelled.
    void setRounds(int rounds) { m_rounds = rounds; }
    void setIntervalMs(int ms) { m_intervalMs = ms; }

    const ClusterSample &lastSample() const { return m_last; }
    int emitted() const { return m_emitted; }
    ClusterMetrics *metrics() const { return m_metrics; }

Q_SIGNALS:
    void sampled(const rcs::observe::ClusterSample &sample);

protected:
    void doStart() override;
    void doCancel() override;

private:
    void round();
    void roundDone();

    QList<SampledNode> m_nodes;
    QPointer<RedisPool> m_pool;
    std::unique_ptr<ClusterMetrics> m_ownMetrics;
    ClusterMetrics *m_metrics;
    int m_rounds = 1;
    int m_intervalMs = 1000;
    int m_emitted = 0;
    int m_outstanding = 0;
    // Filled in place as replies arrive (emplace: no Result assigned over another).
    std::vector<std::optional<Result<InfoReading>>> m_readings;
    QElapsedTimer m_roundClock;
    QTimer m_next;
    ClusterSample m_last;
};

} // namespace rcs::observe
