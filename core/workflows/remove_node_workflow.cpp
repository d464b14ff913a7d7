#include "remove_node_workflow.h"

#include "kube/kube_client.h"
#include "kube/kube_request.h"
#include "kube_session.h"
#include "redis/removal_plan.h"
#include "redis/remove_node_job.h"

#include <QJsonArray>
#include <QTimer>

namespace rcs {

RemoveNodeWorkflow::RemoveNodeWorkflow(KubeSession *session, QObject *parent)
    : Workflow(session, parent)
{
    setTitle(tr("Remove a node"));
}

void RemoveNodeWorkflow::doStart()
{
    survey([this](const ClusterSurvey &all) {
        // A blank pod on top (an add-node stopped after scaling) is no member: the cluster is judged
        // without it, and removing it is only scaling down.
        ClusterSurvey found = all.withoutBlankTopPods();
        if (refuseUnlessHealthy(tr("Removing a node"), found))
            return;
        found.deployment = all.deployment;
        if (!plan(found))
            return;
        for (const QString &line : std::as_const(m_planned))
            info(line);
        if (!proceedIfConfirmed(m_confirmed,
                                tr("remove-node would remove pod %1 as listed above").arg(m_podName),
                                tr("Dry run: %1 would be removed; nothing was changed.").arg(m_podName),
                                [this, &found] { logCommands(found); }))
            return;
        leaveCluster(found);
    });
}

bool RemoveNodeWorkflow::plan(const ClusterSurvey &found)
{
    const QString step = tr("Planning the removal");
    setStep(step);
    m_count = found.deployment.replicas;
    const QString statefulSet = session()->target().statefulSet;
    m_podName = QStringLiteral("%1-%2").arg(statefulSet).arg(m_count - 1);
    if (!m_expectedPod.isEmpty() && m_expectedPod != m_podName) {
        fail(ErrorCode::Refused,
             tr("You confirmed the removal of %1, but the pod to remove is now %2 (StatefulSet %3 "
                "has %4 pods). Nothing was changed: look at the cluster again and confirm anew.")
                 .arg(m_expectedPod, m_podName, statefulSet)
                 .arg(m_count));
        return false;
    }
    if (m_count <= 1) {
        fail(ErrorCode::Refused,
             tr("StatefulSet %1 has only %2 pod; there is nothing to remove. Use cleanup to "
                "delete the deployment.")
                 .arg(statefulSet)
                 .arg(m_count));
        return false;
    }
    const TopologyNode *node = found.nodeOfPod(m_podName);
    if (!node) {
        m_planned << tr("%1 is not a member of the cluster: only the pod goes.").arg(m_podName);
    } else {
        m_nodeId = node->id;
        m_removal.node = *node;
        const QList<TopologyNode> masters = found.topology.masters();
        if (node->isMaster() && !node->slotSet.isEmpty()) {
            int serving = 0;
            for (const TopologyNode &master : masters)
                serving += master.slotSet.isEmpty() ? 0 : 1;
            if (serving - 1 < kMinimumMasters) {
                QStringList replicas;
                for (const TopologyNode &replica : found.topology.replicasOf(node->id))
                    replicas << found.podName(replica.id);
                fail(ErrorCode::Refused,
                     tr("%1 is one of %2 masters; removing it would leave fewer than %3. %4 "
                        "Nothing was changed.")
                         .arg(m_podName)
                         .arg(serving)
                         .arg(kMinimumMasters)
                         .arg(replicas.isEmpty()
                                  ? tr("Add a master first.")
                                  : tr("Fail over to its replica %1 first, so that the highest "
                                       "pod is a replica.")
                                        .arg(replicas.first())));
                return false;
            }
            const Result<RemovalPlan> removal = planRemoval(found.topology, node->id);
            if (!removal) {
                failStep(step, removal.error());
                return false;
            }
            m_removal.drainTargets = removal->drainTargets;
            QStringList targets;
            for (const auto &[target, count] : std::as_const(m_removal.drainTargets))
                targets << tr("%1 slots to %2").arg(count).arg(found.podName(target));
            m_planned << tr("%1 is a master with %2 slots; they move with their keys: %3.")
                             .arg(m_podName)
                             .arg(node->slotSet.count())
                             .arg(targets.join(QLatin1String(", ")));
        } else if (node->isMaster()) {
            m_planned << tr("%1 is a master without slots: no slot moves.").arg(m_podName);
        } else {
            const QString master = found.podName(node->masterId);
            m_planned << tr("%1 is a replica of %2: no slot moves.").arg(m_podName, master);
            if (found.topology.replicasOf(node->masterId).size() <= 1)
                m_planned << tr("%1 is left without a replica.").arg(master);
        }
        QStringList replicas;
        for (const TopologyNode &replica : found.topology.replicasOf(node->id))
            replicas << found.podName(replica.id);
        if (!replicas.isEmpty())
            m_planned << tr("Its replicas %1 follow other masters.").arg(replicas.join(QLatin1String(", ")));
        m_planned << tr("Every other node forgets %1 (CLUSTER FORGET) and it is reset to a blank "
                        "node (CLUSTER RESET HARD) with empty data files (FLUSHALL).")
                         .arg(node->id.left(8));
    }
    m_planned << tr("StatefulSet %1 is scaled from %2 to %3 pods: pod %4 is deleted.")
                     .arg(statefulSet)
                     .arg(m_count)
                     .arg(m_count - 1)
                     .arg(m_podName);

    const QJsonObject spec = found.deployment.statefulSet.value(QLatin1String("spec")).toObject();
    for (const QJsonValue &claim : spec.value(QLatin1String("volumeClaimTemplates")).toArray()) {
        m_claims << claim[QLatin1String("metadata")][QLatin1String("name")].toString() + QLatin1Char('-') +
                        m_podName;
    }
    m_claimsGoWithPod = spec.value(QLatin1String("persistentVolumeClaimRetentionPolicy"))
                            .toObject()
                            .value(QLatin1String("whenScaled"))
                            .toString() == QLatin1String("Delete");
    for (const QString &claim : std::as_const(m_claims)) {
        if (m_claimsGoWithPod)
            m_planned << tr("Volume pvc/%1 is deleted by Kubernetes with the pod (retention "
                            "policy whenScaled: Delete).")
                             .arg(claim);
        else if (m_deleteClaims)
            m_planned << tr("Volume pvc/%1 is deleted (its data is lost).").arg(claim);
        else
            m_planned << tr("Volume pvc/%1 is kept (a later scale-up gives it back to %2); delete "
                            "it with: %3 delete pvc %1")
                             .arg(claim, m_podName, session()->kubectl());
    }
    return true;
}

void RemoveNodeWorkflow::logCommands(const ClusterSurvey &found)
{
    if (!m_nodeId.isEmpty()) {
        const QList<EquivalentCommand> commands =
            removalCommands(m_removal, session()->pool(), found.addresses.value(0),
                            [&found](const QString &id) { return found.podName(id); });
        for (const EquivalentCommand &command : commands)
            logCommand(QStringLiteral("redis"), command.message, command.command);
    }
    logCommand(QStringLiteral("kube"), tr("Delete pod %1").arg(m_podName),
               QStringLiteral("%1 scale statefulset %2 --replicas=%3")
                   .arg(session()->kubectl(), session()->target().statefulSet)
                   .arg(m_count - 1));
    if (m_deleteClaims && !m_claimsGoWithPod) {
        for (const QString &claim : std::as_const(m_claims))
            logCommand(QStringLiteral("kube"), tr("Delete volume %1").arg(claim),
                       QStringLiteral("%1 delete pvc %2").arg(session()->kubectl(), claim));
    }
}

void RemoveNodeWorkflow::leaveCluster(const ClusterSurvey &found)
{
    if (m_nodeId.isEmpty()) {
        scaleDown();
        return;
    }
    auto *job = new RemoveNodeJob(found.addresses, m_nodeId, session()->pool());
    job->setConfirmed(true); // confirmed above, with the pod's name
    runStep(tr("Removing %1 from the cluster").arg(m_podName), job, [this](Job *child) {
        m_slotsMoved = static_cast<RemoveNodeJob *>(child)->slotsMoved();
        addResult(tr("%1 left the cluster%2; every other node forgot it.")
                      .arg(m_podName, m_slotsMoved > 0
                                          ? tr(" (%1 slots moved to the other masters)").arg(m_slotsMoved)
                                          : QString()));
        scaleDown();
    });
}

void RemoveNodeWorkflow::scaleDown()
{
    runStep(tr("Scaling StatefulSet %1 to %2 pods").arg(session()->target().statefulSet).arg(m_count - 1),
            session()->client()->scale(session()->statefulSetRef(), m_count - 1), [this](Job *) {
                waitForPods(m_count - 1, tr("Waiting for pod %1 to go").arg(m_podName),
                            [this](const Deployment &) {
                                addResult(tr("Pod %1 is gone; StatefulSet %2 has %3 pods.")
                                              .arg(m_podName, session()->target().statefulSet)
                                              .arg(m_count - 1));
                                deleteClaim(0);
                            });
            });
}

void RemoveNodeWorkflow::deleteClaim(int index)
{
    if (index >= m_claims.size()) {
        verify();
        return;
    }
    const QString claim = m_claims.at(index);
    if (m_claimsGoWithPod || !m_deleteClaims) {
        addResult(
            m_claimsGoWithPod
                ? tr("Volume pvc/%1 goes with the pod (retention policy whenScaled: Delete).").arg(claim)
                : tr("Volume pvc/%1 was kept: a later scale-up gives it back to %2 as a "
                     "blank node. Delete it with: %3 delete pvc %1")
                      .arg(claim, m_podName, session()->kubectl()));
        deleteClaim(index + 1);
        return;
    }
    const KubeObjectRef ref{QStringLiteral("v1"), QStringLiteral("PersistentVolumeClaim"), session()->ns(),
                            claim};
    runStep(tr("Deleting volume pvc/%1").arg(claim), allowNotFound(session()->client()->remove(ref)),
            [this, index, claim](Job *) {
                addResult(tr("Volume pvc/%1 was deleted.").arg(claim));
                deleteClaim(index + 1);
            });
}

void RemoveNodeWorkflow::verify()
{
    // Gossip may need a moment to settle (a re-pointed replica, a node that just forgot); a cluster
    // still unhealthy after the bound is reported.
    verify(QDeadlineTimer(kSettleTimeoutMs));
}

void RemoveNodeWorkflow::verify(QDeadlineTimer deadline)
{
    survey([this, deadline](const ClusterSurvey &after) {
        if (after.assessment.situation != Situation::Healthy) {
            if (!deadline.hasExpired()) {
                QTimer::singleShot(kPodPollIntervalMs, this, [this, deadline] { verify(deadline); });
                return;
            }
            fail(ErrorCode::Unhealthy,
                 tr("Verifying: %1 was removed, but after %2 s the cluster is %3: %4")
                     .arg(m_podName)
                     .arg(kSettleTimeoutMs / 1000)
                     .arg(situationName(after.assessment.situation), phrasedAdvice(after.assessment)));
            return;
        }
        addResult(tr("The cluster is healthy: %1 masters over %2 pods, every slot served.")
                      .arg(after.topology.masters().size())
                      .arg(after.deployment.pods.size()));
        succeed();
    });
}

} // namespace rcs
