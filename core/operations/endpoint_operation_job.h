#pragma once

#include "endpoint_target.h"
#include "operation_job.h"
#include "redis/cluster_topology.h"

#include <QPointer>

namespace rcs {
class RebalanceJob;
class RedisPool;
} // namespace rcs

namespace rcs::ops {

// One operation on plain endpoints, as both front ends run it: core/redis's job for the request,
// then (for a change) the cluster read again, and the result in its JSON and text forms.
//
// - status: a scan from the seeds (the other nodes are discovered), the situation named by core's
//   assessor as for Kubernetes; changes nothing and lists no plan.
// - check: a scan judged like `redis-cli --cluster check`; check --fix closes open slots first.
// - recover: the given nodes plus every reachable node discovered from them, so that a caller who
//   knows one current address recovers every live node.
// - remove-node unconfirmed: the plan is listed (info messages, logged redis-cli lines, plan()) and
//   nothing changes (Refused).
// - rebalance / reshard with dryRun: the moves are planned, plan() holds them with their
//   `redis-cli --cluster reshard` lines (also logged), nothing changes.
// The child's steps, progress and info messages pass through; the summary sentence is the last info
// message.
//
// Error behaviour: the engine job's error (InvalidInput for what the request got wrong); a check that
// finds errors fails with Unhealthy and keeps its result (hasResult()), the findings in detail(). A
// failed re-read after a change leaves the topology out of the result and does not fail the job.
class EndpointOperationJob final : public OperationJob {
    Q_OBJECT
public:
    // How long the re-read after a change (and recover's discovery) may take.
    static constexpr int ScanTimeoutMs = 30000;

    // pool: connections to share (whose options must be target.connection); null: the job opens its own.
    EndpointOperationJob(EndpointTarget target, OperationRequest request, RedisPool *pool = nullptr,
                         QObject *parent = nullptr);
    ~EndpointOperationJob() override;

protected:
    void doStart() override;

private:
    void status();
    void check(const QStringList &fixes);
    void recover(const QList<NodeAddress> &addresses);
    void rebalanced(const RebalanceJob &job);
    // Reads the cluster from seeds again, then finishes with the summary and fields (plus "topology").
    void readAfter(const QList<NodeAddress> &seeds, const QString &summary, QJsonObject fields);

    EndpointTarget m_target;
    QPointer<RedisPool> m_pool;
};

} // namespace rcs::ops
