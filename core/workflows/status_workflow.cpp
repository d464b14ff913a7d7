#include "status_workflow.h"

#include "kube_session.h"

namespace rcs {

StatusWorkflow::StatusWorkflow(KubeSession *session, QObject *parent)
    : Workflow(session, parent)
{
    setTitle(QStringLiteral("Status"));
}

void StatusWorkflow::doStart()
{
    inspect([this](const Deployment &deployment) {
        m_deployment = deployment;
        QList<PodState> withIp;
        for (const PodState &pod : deployment.pods) {
            if (!pod.info.ip.isEmpty() && !pod.terminating)
                withIp.append(pod);
        }
        if (withIp.isEmpty()) {
            conclude();
            return;
        }
        reach(withIp, [this, withIp](const QList<NodeAddress> &addresses) {
            scan(addresses, withIp, [this](const ClusterTopology &topology) {
                m_topology = topology;
                conclude();
            });
        });
    });
}

void StatusWorkflow::conclude()
{
    m_report = checkCluster(m_topology);
    m_assessment = assessSituation(m_deployment, m_topology, m_report, session()->ns());
    setChangedNothing(true);
    addResult(
        QStringLiteral("Situation: %1. %2").arg(situationName(m_assessment.situation), m_assessment.advice));
    succeed();
}

} // namespace rcs
