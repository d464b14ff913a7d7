#pragma once

#include "workflow.h"

namespace rcs {

// The seed's total-failure procedure, automated: waits (bounded) for every pod to be Ready, maps the
// node ids to the pods' current IPs, runs the engine's RecoverJob (MEETs so every node learns every
// peer's and its own new address, stale FAIL flags cleared), and verifies with a fresh scan and
// check. Nothing is reset; the data on the volumes is kept. A healthy cluster is left alone.
//
// Error behaviour: NotFound when nothing is deployed; Timeout naming the pods that are not Ready and
// why; Refused when the pods form no cluster (create it instead); RecoverJob's errors with the step.
class RecoverWorkflow final : public Workflow {
    Q_OBJECT
public:
    explicit RecoverWorkflow(KubeSession *session, QObject *parent = nullptr);

    const ClusterTopology &topology() const { return m_topology; }

protected:
    void doStart() override;

private:
    void recover(const Deployment &deployment, const QList<NodeAddress> &addresses);
    void verify(const Deployment &deployment, const QList<NodeAddress> &addresses);

    ClusterTopology m_topology;
};

} // namespace rcs
