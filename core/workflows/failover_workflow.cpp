#include "failover_workflow.h"

#include "kube_session.h"
#include "redis/redis_cli_line.h"
#include "redis/redis_pool.h"

namespace rcs {

FailoverWorkflow::FailoverWorkflow(KubeSession *session, QObject *parent)
    : Workflow(session, parent)
{
    setTitle(tr("Fail over"));
}

void FailoverWorkflow::doStart()
{
    if (m_mode == Mode::Default) {
        requireHealthy(tr("A failover"), [this](const ClusterSurvey &found) { promote(found); });
        return;
    }
    // FORCE / TAKEOVER exist for a master that is down: an unhealthy cluster is their point.
    survey([this](const ClusterSurvey &found) {
        if (!isClusterFormed(found.topology)) {
            fail(ErrorCode::Refused,
                 tr("There is no cluster to fail over in: it is %1. %2")
                     .arg(situationName(found.assessment.situation), phrasedAdvice(found.assessment)));
            return;
        }
        promote(found);
    });
}

void FailoverWorkflow::promote(const ClusterSurvey &found)
{
    const TopologyNode *node = found.nodeOfPod(m_podName);
    if (!node || !node->isReplica()) {
        QStringList replicas;
        for (const TopologyNode &candidate : found.topology.nodes()) {
            if (candidate.isReplica() && candidate.pod)
                replicas << candidate.pod->name;
        }
        replicas.sort();
        const QString what =
            !node ? tr("runs no node of the cluster (is the name right?)") : tr("runs a master");
        fail(ErrorCode::InvalidInput, tr("Pod '%1' %2; name a replica pod: %3.")
                                          .arg(m_podName, what, replicas.join(QLatin1String(", "))));
        return;
    }
    m_oldMasterPod = found.podName(node->masterId);
    info(tr("%1 (%2) takes over from its master %3.")
             .arg(m_podName, node->address.toString(), m_oldMasterPod));
    if (isDryRun()) {
        QStringList args{QStringLiteral("CLUSTER"), QStringLiteral("FAILOVER")};
        if (m_mode == Mode::Force)
            args << QStringLiteral("FORCE");
        else if (m_mode == Mode::Takeover)
            args << QStringLiteral("TAKEOVER");
        logCommand(QStringLiteral("redis"), tr("Promote %1").arg(m_podName),
                   redisCliLine(session()->pool(), node->address, args));
        setChangedNothing(true);
        addResult(tr("Dry run: %1 would become the master and %2 its replica; nothing was changed.")
                      .arg(m_podName, m_oldMasterPod));
        succeed();
        return;
    }
    auto *job = new FailoverJob(found.addresses, node->id, session()->pool());
    job->setMode(m_mode);
    job->setRoleTimeout(stepTimeout());
    runStep(
        tr("Promoting %1").arg(m_podName), job,
        [this](Job *) {
            addResult(tr("%1 is now the master; %2 follows it, and every node sees the swapped "
                         "roles.")
                          .arg(m_podName, m_oldMasterPod));
            succeed();
        },
        stepTimeout() + 5000);
}

} // namespace rcs
