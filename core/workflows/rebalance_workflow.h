#pragma once

#include "redis/rebalance_planner.h"
#include "workflow.h"

namespace rcs {

// Evens out the slots over the masters of a healthy cluster on Kubernetes (RebalanceJob: sources in
// parallel, no key overwritten), or, after setReshard(), moves a number of slots to one master (like
// redis-cli reshard). Weights, the target and the sources may name pods ("redis-app-3") or node ids. In
// dry-run mode the plan is computed and its moves logged as redis-cli commands; nothing moves.
//
// Error behaviour: Refused when the cluster is not healthy; InvalidInput for a weight, target or source
// naming neither a pod nor a master; RebalanceJob's errors.
class RebalanceWorkflow final : public Workflow {
    Q_OBJECT
public:
    explicit RebalanceWorkflow(KubeSession *session, QObject *parent = nullptr);

    // Weights keyed by pod name or node id (prefix); other masters weigh 1.
    void setOptions(const RebalanceOptions &options) { m_options = options; }
    const RebalanceOptions &options() const { return m_options; }
    // Reshard instead: slotCount slots to target, taken from sources (empty: every other master).
    void setReshard(const QStringList &sources, const QString &target, int slotCount);

    // Known once planned: the moves (by node id) and what they did.
    const SlotPlan &plan() const { return m_plan; }
    int slotsMoved() const { return m_slotsMoved; }
    qint64 keysMoved() const { return m_keysMoved; }

protected:
    void doStart() override;

private:
    void report(const ClusterSurvey &found);

    RebalanceOptions m_options;
    bool m_reshard = false;
    QStringList m_sources;
    QString m_target;
    int m_slotCount = 0;
    SlotPlan m_plan;
    int m_slotsMoved = 0;
    qint64 m_keysMoved = 0;
};

} // namespace rcs
