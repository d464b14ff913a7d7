#pragma once

#include "common/result.h"
#include "upgrade_planner.h"
#include "workflow.h"

#include <QJsonObject>

namespace rcs {

// `upgrade --temporary-replica`: a master without a replica is not refused. One extra pod (the
// StatefulSet scaled up by one; it starts at the new revision already) serves every such master in
// turn: it joins as the master's replica and syncs, takes the slots over (CLUSTER FAILOVER), the master's
// pod restarts as its replica and syncs, and a second failover hands the slots back; CLUSTER REPLICATE
// then points the extra pod at the next such master. At the end the extra pod, the highest ordinal, is
// removed (remove-node) and its volume deleted: it only ever held copies of shards served elsewhere.
//
// Its name is kept in this StatefulSet annotation from before it is created until it is gone, so a run
// that stopped or failed halfway is finished by a re-run (which hands the slots back first when the
// extra pod still serves them, then removes it), with or without the option.
inline constexpr const char *kTemporaryReplicaAnnotation = "redis-cluster-studio/temporary-replica";

// The pod named by the annotation, or empty.
QString temporaryReplicaPod(const QJsonObject &statefulSet);

// The planner's part (called by planUpgrade after the other steps): the steps for the masters in alone
// (not updated, no replica), in order, through one temporary pod — the one of nodes marked temporary,
// else a new one named newPod — ending with its removal. A temporary pod that serves slots (a run
// stopped between the two failovers) first gets its shard's original pod restarted (if not updated yet)
// and the slots handed back.
//
// Error behaviour: Refused when the temporary pod serves slots but no other pod follows it (nothing to
// hand them back to: a person has to look).
Result<void> planTemporaryReplica(const QList<UpgradeNode> &nodes, const QList<const UpgradeNode *> &alone,
                                  const QString &newPod, UpgradePlan &plan);

// The temporary pod the plan uses (it ends with its removal), or empty.
QString temporaryPodOf(const UpgradePlan &plan);
// The plan's failovers that hand a master's slots over before its restart; a temporary pod handing
// them back is not one.
int masterHandOvers(const UpgradePlan &plan);

// "Add pod redis-app-3 as a temporary replica of redis-app-0" and the other two kinds.
QString describeTemporaryReplicaStep(const UpgradeStep &step);

// The equivalent commands of a temporary-replica step, for the plan's listing: pods is the StatefulSet's
// pod count before the step, seed any member.
QString temporaryReplicaCommand(const KubeSession *session, const UpgradeStep &step,
                                const QJsonObject &statefulSet, int pods, const NodeAddress &seed);

// Runs AddTemporary (annotation, then AddNodeWorkflow joining the pod as a replica of the step's
// master) or RemoveTemporary (RemoveNodeWorkflow with the volume deleted, then the annotation goes).
//
// Error behaviour: those workflows' errors (named); Refused when the pod a scale-up created or the pod
// remove-node would take is not the step's (the StatefulSet was scaled meanwhile).
class TemporaryReplicaJob final : public Workflow {
    Q_OBJECT
public:
    TemporaryReplicaJob(KubeSession *session, const UpgradeStep &step, QObject *parent = nullptr);

    // AddTemporary: the node id of the joined pod.
    QString nodeId() const { return m_nodeId; }

protected:
    void doStart() override;

private:
    void annotate(const QJsonValue &value, std::function<void()> next);
    void add();
    void remove();

    UpgradeStep m_step;
    QString m_nodeId;
};

} // namespace rcs
