#pragma once

#include "check_result.h"
#include "common/job.h"
#include "observe/cluster_metrics.h"
#include "observe/key_scan.h"
#include "observe/slot_heat_job.h"
#include "operation_request.h"
#include "redis/cluster_check.h"
#include "result_forms.h"
#include "status_result.h"

#include <QJsonObject>
#include <QPointer>
#include <QStringList>

#include <functional>
#include <optional>

namespace rcs {
class RedisPool;
}

namespace rcs::ops {

// One operation as both front ends run it, whatever the target kind: the request, the plan (the
// ordered steps with their equivalent commands, for a dry run or an unconfirmed destructive verb:
// what --dry-run prints and what a confirmation shows), and the result in one JSON and one text form.
// EndpointOperationJob runs it on plain endpoints, WorkflowOperationJob on Kubernetes and the sandbox;
// createOperation() makes the right one.
//
// Error behaviour: the engine's error (InvalidInput for what the request got wrong, Refused for an
// unconfirmed destructive verb, after its plan was listed); a check that finds errors fails with
// Unhealthy and keeps its result (hasResult()), the findings in detail().
class OperationJob : public Job {
    Q_OBJECT
public:
    ~OperationJob() override;

    const OperationRequest &request() const { return m_request; }
    // The ordered steps with their equivalent commands, where the run listed them instead of making
    // the changes (dry run, unconfirmed); empty else.
    const QList<PlanStep> &plan() const { return m_plan; }

    bool hasResult() const { return m_hasResult; }
    // What --json prints and what the text form says; the summary is the text's sentence.
    const QJsonObject &resultJson() const;
    const QString &resultText() const;
    const QString &summary() const { return m_summary; }
    // check, check --fix: the report.
    const std::optional<ClusterCheckReport> &checkReport() const { return m_report; }
    // status: what was read (the studio's picture is drawn from it).
    const std::optional<StatusReport> &statusReport() const { return m_status; }
    // recover: what the operator should know (ids no live node answers to, blank nodes left alone),
    // also after a failure; and the gaps still open when it failed.
    const QStringList &notes() const { return m_notes; }
    const QStringList &remainingGaps() const { return m_gaps; }

    // top: the newest sample.
    const std::optional<observe::ClusterSample> &lastSample() const { return m_sample; }
    // bigkeys, hotkeys: the ranked keys and each master's scan; slot-heat: the keys per slot.
    const std::optional<observe::KeyScanResult> &keyScan() const { return m_keyScan; }
    const std::optional<observe::SlotHeat> &slotHeat() const { return m_slotHeat; }

    // Asks the run to end at its next safe point and go on until then (an upgrade: after the pod being
    // restarted, the cluster healthy); true when the operation has one and will stop there (ending
    // Cancelled), false when only cancel() stops it.
    virtual bool stopAtSafePoint() { return false; }

    // "deploy works on a StatefulSet: …", for a verb asked of plain endpoints that needs Kubernetes.
    static QString needsStatefulSet(OperationKind kind);

Q_SIGNALS:
    // top: every sample as it is taken (the command line prints a line each, the studio may chart it).
    void sampled(const rcs::observe::ClusterSample &sample);

protected:
    explicit OperationJob(OperationRequest request, QObject *parent = nullptr);

    void doCancel() override;
    // Runs child as this job's step: its steps, progress and info messages pass through.
    void runEngine(Job *child, const std::function<void(Job *)> &done);
    // Succeeds with the result; announce: the summary is also the last info message (not for an
    // engine that said its result lines itself).
    void finishWith(const QString &summary, const QJsonObject &json, const QString &text,
                    bool announce = true);
    // A result kept with a failure (a check that found errors).
    void keepResult(const QJsonObject &json, const QString &text);
    void buildStatusForms() const;
    // Succeeds with status's result (its JSON and text forms built when first asked), the situation
    // sentence as summary (not announced: the studio refreshes every few seconds). The observe verbs go
    // on from there with the nodes it found, over pool (the target's connections, with their routes).
    void finishWithStatus(StatusReport status, RedisPool *pool);
    // Ends a check in its JSON and text forms: succeeds with summary when healthy, else fails with
    // Unhealthy and summary, the findings in the details, the result kept. announce: as finishWith.
    void finishWithCheck(const CheckResult &check, const QString &summary, bool announce = true);

    OperationRequest m_request;
    QPointer<Job> m_child;
    QList<PlanStep> m_plan;
    std::optional<ClusterCheckReport> m_report;
    std::optional<StatusReport> m_status;
    std::optional<observe::ClusterSample> m_sample;
    std::optional<observe::KeyScanResult> m_keyScan;
    std::optional<observe::SlotHeat> m_slotHeat;
    QStringList m_notes;
    QStringList m_gaps;

private:
    // top, slowlog, bigkeys, hotkeys, slot-heat (observe_operation.cpp).
    void observeAfterStatus(StatusReport status, RedisPool *pool);
    void backupAfterStatus(StatusReport status, RedisPool *pool);  // backup_operation.cpp
    void restoreAfterStatus(StatusReport status, RedisPool *pool); // backup_operation.cpp
    // exec (exec_operation.cpp).
    void execAfterStatus(StatusReport status, RedisPool *pool);
    void scanKeys(const ClusterTopology &topology, RedisPool *pool);
    void countSlots(const ClusterTopology &topology, RedisPool *pool);

    bool m_hasResult = false;
    // status builds its forms when first asked: the studio's refresh never asks, and at 250 nodes they
    // were a quarter of the GUI thread's time per refresh.
    mutable bool m_formsFromStatus = false;
    mutable QJsonObject m_json;
    mutable QString m_text;
    QString m_summary;
};

} // namespace rcs::ops
