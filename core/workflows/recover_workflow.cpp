#include "recover_workflow.h"

#include "cluster_situation.h"
#include "kube_session.h"
#include "redis/cluster_check.h"
#include "redis/recover_job.h"
#include "redis/redis_cli_line.h"

namespace rcs {

RecoverWorkflow::RecoverWorkflow(KubeSession *session, QObject *parent)
    : Workflow(session, parent)
{
    setTitle(tr("Recover"));
}

void RecoverWorkflow::doStart()
{
    scanReadyPods(
        tr("nothing to recover."), NextStep::None,
        [this](const Deployment &ready, const QList<NodeAddress> &addresses,
               const ClusterTopology &topology) {
            if (!isClusterFormed(topology)) {
                fail(ErrorCode::Refused, withNextStep(tr("The pods form no cluster, so there is nothing to "
                                                         "recover."),
                                                      SuggestedOperation::Create));
                return;
            }
            const ClusterCheckReport report = checkCluster(topology);
            const SituationAssessment assessment = assessSituation(ready, topology, report, session()->ns());
            if (assessment.situation == Situation::Healthy) {
                m_topology = topology;
                setChangedNothing(true);
                addResult(tr("The cluster is healthy: every node is at its current "
                             "address and reports cluster_state:ok; nothing was "
                             "changed."));
                succeed();
                return;
            }
            recover(ready, addresses);
        });
}

void RecoverWorkflow::recover(const Deployment &deployment, const QList<NodeAddress> &addresses)
{
    if (isDryRun()) {
        for (const NodeAddress &address : addresses) {
            for (const NodeAddress &peer : addresses) {
                if (peer == address)
                    continue;
                logCommand(QStringLiteral("redis"),
                           tr("Introduce %1 to %2").arg(peer.toString(), address.toString()),
                           redisCliLine(session()->pool(), address,
                                        QStringList{QStringLiteral("CLUSTER"), QStringLiteral("MEET"),
                                                    peer.host, QString::number(peer.port)}));
            }
        }
        addResult(tr("Dry run: the %1 pods would be introduced to each other at their current "
                     "addresses; nothing was changed.")
                      .arg(addresses.size()));
        setChangedNothing(true);
        succeed();
        return;
    }
    auto *job = new RecoverJob(addresses, session()->pool());
    job->setConvergenceTimeout(stepTimeout());
    runStep(
        tr("Recovering the cluster"), job,
        [this, deployment, addresses](Job *child) {
            auto *recoverJob = static_cast<RecoverJob *>(child);
            for (const QString &note : recoverJob->plan().notes)
                addResult(note);
            addResult(tr("Sent %1 CLUSTER MEET commands.").arg(recoverJob->meetsSent()));
            verify(deployment, addresses);
        },
        stepTimeout() + 5000);
}

void RecoverWorkflow::verify(const Deployment &deployment, const QList<NodeAddress> &addresses)
{
    scan(addresses, deployment.pods, [this, deployment](const ClusterTopology &topology) {
        m_topology = topology;
        const ClusterCheckReport report = checkCluster(topology);
        const SituationAssessment assessment = assessSituation(deployment, topology, report, session()->ns());
        if (assessment.situation != Situation::Healthy) {
            QStringList problems;
            for (const CheckFinding &finding : report.findings) {
                if (finding.severity == CheckSeverity::Error)
                    problems << finding.text;
            }
            fail(ErrorCode::Unhealthy,
                 tr("Verifying the recovered cluster: it is %1: %2")
                     .arg(situationName(assessment.situation), problems.join(QLatin1Char(' '))));
            return;
        }
        addResult(tr("Recovered: every node lists every peer at its current address and reports "
                     "cluster_state:ok."));
        succeed();
    });
}

} // namespace rcs
