#pragma once

#include "common/job.h"
#include "endpoint_target.h"
#include "operation_request.h"
#include "redis/cluster_check.h"
#include "redis/cluster_topology.h"
#include "result_forms.h"

#include <QJsonObject>
#include <QPointer>
#include <QStringList>

#include <optional>

namespace rcs {
class RebalanceJob;
class RedisPool;
} // namespace rcs

namespace rcs::ops {

// One operation on plain endpoints, as both front ends run it: the engine's job for the request,
// then (for a change) the cluster read again, and the result in its JSON and text forms.
//
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
class OperationJob final : public Job {
    Q_OBJECT
public:
    // How long the re-read after a change (and recover's discovery) may take.
    static constexpr int ScanTimeoutMs = 30000;

    // pool: connections to share (whose options must be target.connection); null: the job opens its own.
    OperationJob(EndpointTarget target, OperationRequest request, RedisPool *pool = nullptr,
                 QObject *parent = nullptr);
    ~OperationJob() override;

    const OperationRequest &request() const { return m_request; }
    // The ordered steps with their equivalent commands, where the job has one (see above); empty else.
    const QList<PlanStep> &plan() const { return m_plan; }

    bool hasResult() const { return m_hasResult; }
    // What --json prints and what the text form says; the summary is the text's sentence.
    const QJsonObject &resultJson() const { return m_json; }
    const QString &resultText() const { return m_text; }
    const QString &summary() const { return m_summary; }
    // check, check --fix: the report.
    const std::optional<ClusterCheckReport> &checkReport() const { return m_report; }
    // recover: what the operator should know (ids no live node answers to, blank nodes left alone),
    // also after a failure; and the gaps still open when it failed.
    const QStringList &notes() const { return m_notes; }
    const QStringList &remainingGaps() const { return m_gaps; }

protected:
    void doStart() override;
    void doCancel() override;

private:
    void runEngine(Job *child, const std::function<void(Job *)> &done);
    void check(const QStringList &fixes);
    void recover(const QList<NodeAddress> &addresses);
    void rebalanced(const RebalanceJob &job);
    // Reads the cluster from seeds again, then finishes with the summary and fields (plus "topology").
    void readAfter(const QList<NodeAddress> &seeds, const QString &summary, QJsonObject fields);
    void finishWith(const QString &summary, const QJsonObject &json, const QString &text);

    EndpointTarget m_target;
    OperationRequest m_request;
    QPointer<RedisPool> m_pool;
    QPointer<Job> m_child;
    QList<PlanStep> m_plan;
    bool m_hasResult = false;
    QJsonObject m_json;
    QString m_text;
    QString m_summary;
    std::optional<ClusterCheckReport> m_report;
    QStringList m_notes;
    QStringList m_gaps;
};

} // namespace rcs::ops
