#include "failover_workflow.h"

#include "kube_session.h"
#include "redis/redis_cli_line.h"
#include "redis/redis_pool.h"

namespace rcs {

FailoverWorkflow::FailoverWorkflow(KubeSession *session, QObject *parent)
    : Workflow(session, parent)
{
    setTitle(QStringLiteral("Fail over"));
}

void FailoverWorkflow::doStart()
{
    if (m_mode == Mode::Default) {
        requireHealthy(QStringLiteral("A failover"), [this](const ClusterSurvey &found) { promote(found); });
        return;
    }
    // FORCE / TAKEOVER exist for a master that is down: an unhealthy cluster is their point.
    survey([this](const ClusterSurvey &found) {
        if (!isClusterFormed(found.topology)) {
            fail(ErrorCode::Refused,
                 QStringLiteral("There is no cluster to fail over in: it is %1. %2")
                     .arg(situationName(found.assessment.situation), found.assessment.advice));
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
        const QString what = !node ? QStringLiteral("runs no node of the cluster (is the name right?)")
                                   : QStringLiteral("runs a master");
        fail(ErrorCode::InvalidInput, QStringLiteral("Pod '%1' %2; name a replica pod: %3.")
                                          .arg(m_podName, what, replicas.join(QLatin1String(", "))));
        return;
    }
    m_oldMasterPod = found.podName(node->masterId);
    info(QStringLiteral("%1 (%2) takes over from its master %3.")
             .arg(m_podName, node->address.toString(), m_oldMasterPod));
    if (isDryRun()) {
        QStringList args{QStringLiteral("CLUSTER"), QStringLiteral("FAILOVER")};
        if (m_mode == Mode::Force)
            args << QStringLiteral("FORCE");
        else if (m_mode == Mode::Takeover)
            args << QStringLiteral("TAKEOVER");
        logCommand(QStringLiteral("redis"), QStringLiteral("Promote %1").arg(m_podName),
                   redisCliLine(session()->pool(), node->address, args));
        setChangedNothing(true);
        addResult(
            QStringLiteral("Dry run: %1 would become the master and %2 its replica; nothing was changed.")
                .arg(m_podName, m_oldMasterPod));
        succeed();
        return;
    }
    auto *job = new FailoverJob(found.addresses, node->id, session()->pool());
    job->setMode(m_mode);
    job->setRoleTimeout(stepTimeout());
    runStep(
        QStringLiteral("Promoting %1").arg(m_podName), job,
        [this](Job *) {
            addResult(QStringLiteral("%1 is now the master; %2 follows it, and every node sees the swapped "
                                     "roles.")
                          .arg(m_podName, m_oldMasterPod));
            succeed();
        },
        stepTimeout() + 5000);
}

} // namespace rcs
