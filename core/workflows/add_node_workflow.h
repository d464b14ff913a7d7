#pragma once

#include "redis/add_node_job.h"
#include "workflow.h"

#include <functional>

namespace rcs {

// Adds a pod to a healthy cluster: scales the StatefulSet by one, waits for the new pod to be Ready,
// then joins it (AddNodeJob) either as a master — the slots are rebalanced onto it — or as a replica
// of the master with the fewest replicas running on another Kubernetes node than the new pod (a named
// warning when every master shares its node). A blank pod on top of the StatefulSet (an add-node that
// stopped after scaling) is joined instead of adding another. In dry-run mode only the equivalent
// commands are logged.
//
// Error behaviour: Refused when the cluster is not healthy (with the situation's advice; nothing is
// changed); the scale request's error; Timeout naming the new pod and why it is not Ready (the
// StatefulSet stays scaled up; an info line says how to scale it back); AddNodeJob's errors.
class AddNodeWorkflow final : public Workflow {
    Q_OBJECT
public:
    using Role = AddNodeJob::Role;
    static constexpr int kOwnAddressTimeoutMs = 10000;

    explicit AddNodeWorkflow(KubeSession *session, QObject *parent = nullptr);

    void setRole(Role role) { m_role = role; }
    Role role() const { return m_role; }
    // For a replica: the master to follow (its node id) instead of the one the placement chooses.
    void setMasterId(const QString &id) { m_requestedMaster = id; }

    // Known once the run got that far.
    QString podName() const { return m_podName; }
    QString nodeId() const { return m_nodeId; }
    // For a replica: the pod of the master it follows.
    QString masterPodName() const { return m_masterPod; }
    int slotsMoved() const { return m_slotsMoved; }
    // The cluster after the node joined.
    const ClusterTopology &topology() const { return m_topology; }

protected:
    void doStart() override;

private:
    void logDryRun(const ClusterSurvey &found, bool scale);
    // pods / addresses: the members', then the new pod's last.
    // newIdentity: the pod is a leftover blank node (it may still carry a forgotten node id).
    void join(const ClusterSurvey &before, const QList<PodState> &pods, const QList<NodeAddress> &addresses,
              bool newIdentity = false);
    void waitUntilAlone(QDeadlineTimer deadline, std::function<void()> next, const NodeAddress &address);
    // One command to the new node as a step of its own; next() once it answered, failStep otherwise.
    void sendToNewNode(const NodeAddress &address, const QList<QByteArray> &argv, const QString &step,
                       const QString &what, std::function<void()> next);
    void joinCluster(const ClusterSurvey &before, const QList<PodState> &pods,
                     const QList<NodeAddress> &addresses);
    void verify(const QList<PodState> &pods, const QList<NodeAddress> &addresses);

    Role m_role = Role::Master;
    QString m_requestedMaster;
    QString m_podName;
    QString m_nodeId;
    QString m_masterPod;
    int m_slotsMoved = 0;
    ClusterTopology m_topology;
};

} // namespace rcs
