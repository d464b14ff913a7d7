#pragma once

#include "cluster_situation.h"
#include "workflow.h"

namespace rcs {

// Reads the deployment, the pods and (through the node access) every pod's view of the cluster, and
// names the situation. Changes nothing. Fails only when the API cannot be read (unreachable server,
// no permission); a missing namespace is the situation not-deployed.
class StatusWorkflow final : public Workflow {
    Q_OBJECT
public:
    explicit StatusWorkflow(KubeSession *session, QObject *parent = nullptr);

    const Deployment &deployment() const { return m_deployment; }
    const ClusterTopology &topology() const { return m_topology; }
    const ClusterCheckReport &report() const { return m_report; }
    const SituationAssessment &assessment() const { return m_assessment; }

protected:
    void doStart() override;

private:
    Deployment m_deployment;
    ClusterTopology m_topology;
    ClusterCheckReport m_report;
    SituationAssessment m_assessment;
};

} // namespace rcs
