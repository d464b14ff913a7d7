#include "status_workflow.h"

#include "kube_session.h"

namespace rcs {

StatusWorkflow::StatusWorkflow(KubeSession *session, QObject *parent)
    : Workflow(session, parent)
{
    setTitle(tr("Status"));
}

void StatusWorkflow::doStart()
{
    survey([this](const ClusterSurvey &found) {
        m_deployment = found.deployment;
        m_topology = found.topology;
        m_report = found.report;
        m_assessment = found.assessment;
        setChangedNothing(true);
        addResult(
            tr("Situation: %1. %2").arg(situationName(m_assessment.situation), phrasedAdvice(m_assessment)));
        succeed();
    });
}

} // namespace rcs
