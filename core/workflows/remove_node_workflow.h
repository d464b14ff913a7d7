#pragma once

#include "redis/removal_plan.h"
#include "workflow.h"

namespace rcs {

// Removes the pod with the highest ordinal (a StatefulSet shrinks from the top) from a healthy
// cluster: its slots go to the other masters and its replicas follow other masters (RemoveNodeJob),
// every node forgets it and it is reset to blank, the StatefulSet is scaled down by one, and the run
// waits until the pod is gone. Its volume (PVC) is kept — named, with the command that deletes it —
// unless deletion was asked for or the StatefulSet's retention policy deletes it anyway. A blank pod on
// top (an add-node stopped after scaling) is no member: the StatefulSet is just scaled down.
// Without confirmation it only lists what would change, logs the equivalent commands and fails with
// Refused, so that nothing is removed by accident.
//
// Error behaviour: Refused when the cluster is not healthy, when the pod is a master whose removal
// would leave fewer than 3 masters (fail over to one of its replicas first), or without confirmation;
// RemoveNodeJob's errors; the scale or delete request's error; Timeout when the pod does not go;
// Unhealthy when the cluster is not healthy within kSettleTimeoutMs afterwards.
class RemoveNodeWorkflow final : public Workflow {
    Q_OBJECT
public:
    static constexpr int kMinimumMasters = 3;
    // How long the cluster may take to report healthy after the pod went.
    static constexpr int kSettleTimeoutMs = 15000;

    explicit RemoveNodeWorkflow(KubeSession *session, QObject *parent = nullptr);

    void setConfirmed(bool confirmed) { m_confirmed = confirmed; }
    // The pod the user confirmed; the run refuses, changing nothing, when the highest ordinal is
    // another one by the time it starts (the StatefulSet was scaled meanwhile).
    void setExpectedPodName(const QString &name) { m_expectedPod = name; }
    void setDeletePersistentVolumeClaim(bool remove) { m_deleteClaims = remove; }

    // Known once the cluster was read.
    QString podName() const { return m_podName; }
    QString nodeId() const { return m_nodeId; }
    // What the removal changes, one sentence each (also sent as info messages).
    QStringList plannedChanges() const { return m_planned; }
    // The pod's PersistentVolumeClaims.
    QStringList claims() const { return m_claims; }
    int slotsMoved() const { return m_slotsMoved; }

protected:
    void doStart() override;

private:
    bool plan(const ClusterSurvey &found);
    void logCommands(const ClusterSurvey &found);
    void leaveCluster(const ClusterSurvey &found);
    void scaleDown();
    void deleteClaim(int index);
    void verify();
    void verify(QDeadlineTimer deadline);

    bool m_confirmed = false;
    bool m_deleteClaims = false;
    bool m_claimsGoWithPod = false; // persistentVolumeClaimRetentionPolicy.whenScaled: Delete
    int m_count = 0;                // pods before the removal
    QString m_podName;
    QString m_expectedPod;
    QString m_nodeId;
    QStringList m_planned;
    QStringList m_claims;
    RemovalPlan m_removal; // of a member: the node and where its slots go
    int m_slotsMoved = 0;
};

} // namespace rcs
