#pragma once

#include "redis/create_planner.h"
#include "workflow.h"

namespace rcs {

// Forms the cluster from the StatefulSet's pods: waits for every pod to be Ready (bounded), groups
// them by Kubernetes node (spec.nodeName: a replica goes to another node than its master whenever
// there are enough nodes; a named warning otherwise), plans, runs the engine's CreateClusterJob through
// the node access, and verifies. On an already formed cluster it says so and changes nothing.
//
// Error behaviour: NotFound when nothing is deployed; Refused when some pods belong to a cluster and
// others do not (reset or redeploy them first); the engine's errors, named with the step.
class CreateWorkflow final : public Workflow {
    Q_OBJECT
public:
    CreateWorkflow(KubeSession *session, int replicasPerMaster = 1, QObject *parent = nullptr);

    const CreatePlan &plan() const { return m_plan; }
    const ClusterTopology &topology() const { return m_topology; }

protected:
    void doStart() override;

private:
    void created(const Deployment &deployment, const QList<NodeAddress> &addresses);

    int m_replicasPerMaster = 1;
    CreatePlan m_plan;
    ClusterTopology m_topology;
};

} // namespace rcs
