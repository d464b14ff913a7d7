#include "upgrade_temporary_replica.h"

#include "add_node_workflow.h"
#include "kube/kube_client.h"
#include "kube_session.h"
#include "redis/redis_cli_line.h"
#include "remove_node_workflow.h"

#include <QCoreApplication>
#include <QJsonArray>

namespace rcs {

namespace {
struct Text {
    Q_DECLARE_TR_FUNCTIONS(rcs::UpgradePlanner)
};

using Kind = UpgradeStep::Kind;
} // namespace

QString temporaryReplicaPod(const QJsonObject &statefulSet)
{
    return statefulSet.value(QLatin1String("metadata"))
        .toObject()
        .value(QLatin1String("annotations"))
        .toObject()
        .value(QLatin1String(kTemporaryReplicaAnnotation))
        .toString();
}

Result<void> planTemporaryReplica(const QList<UpgradeNode> &nodes, const QList<const UpgradeNode *> &alone,
                                  const QString &newPod, UpgradePlan &plan)
{
    const UpgradeNode *temporary = nullptr;
    for (const UpgradeNode &node : nodes) {
        if (node.temporary)
            temporary = &node;
    }
    if (!temporary && alone.isEmpty())
        return {};
    const QString pod = temporary ? temporary->pod : newPod;
    const QString id = temporary ? temporary->nodeId : QString();
    QString following = temporary && !temporary->master ? temporary->masterId : QString();
    QString followingPod;
    for (const UpgradeNode &node : nodes) {
        if (!following.isEmpty() && node.nodeId == following)
            followingPod = node.pod;
    }
    if (temporary && temporary->master) {
        // A run stopped between the two failovers: the shard goes back to its own pod first.
        const UpgradeNode *original = nullptr;
        for (const UpgradeNode &node : nodes) {
            if (!original && !node.temporary && !node.master && node.masterId == temporary->nodeId)
                original = &node;
        }
        if (!original) {
            return Error(ErrorCode::Refused,
                         Text::tr("Refused: %1, the temporary pod of an earlier upgrade, serves slots as a "
                                  "master and no other pod follows it, so there is no pod to hand them back "
                                  "to. Give it a replica (add-node --role replica), fail over to that one, "
                                  "and run the upgrade again. Nothing was changed.")
                             .arg(pod));
        }
        if (!original->updated)
            plan.steps.append({Kind::Restart, original->pod, original->nodeId, pod, id});
        plan.steps.append({Kind::Failover, original->pod, original->nodeId, pod, id});
        following = original->nodeId;
        followingPod = original->pod;
    }
    bool present = temporary != nullptr;
    for (const UpgradeNode *master : alone) {
        if (!present)
            plan.steps.append({Kind::AddTemporary, pod, id, master->pod, master->nodeId});
        else if (following != master->nodeId)
            plan.steps.append({Kind::Replicate, pod, id, master->pod, master->nodeId});
        present = true;
        plan.steps.append({Kind::Failover, pod, id, master->pod, master->nodeId});
        plan.steps.append({Kind::Restart, master->pod, master->nodeId, pod, id});
        plan.steps.append({Kind::Failover, master->pod, master->nodeId, pod, id});
        following = master->nodeId;
        followingPod = master->pod;
    }
    plan.steps.append({Kind::RemoveTemporary, pod, id, followingPod, following});
    return {};
}

QString temporaryPodOf(const UpgradePlan &plan)
{
    return !plan.steps.isEmpty() && plan.steps.last().kind == Kind::RemoveTemporary ? plan.steps.last().pod
                                                                                    : QString();
}

int masterHandOvers(const UpgradePlan &plan)
{
    const QString temporary = temporaryPodOf(plan);
    int count = 0;
    for (const UpgradeStep &step : plan.steps)
        count += step.kind == Kind::Failover && (temporary.isEmpty() || step.masterPod != temporary) ? 1 : 0;
    return count;
}

QString describeTemporaryReplicaStep(const UpgradeStep &step)
{
    switch (step.kind) {
    case Kind::AddTemporary:
        return Text::tr("Add pod %1 (at the new revision) as a temporary replica of %2")
            .arg(step.pod, step.masterPod);
    case Kind::Replicate:
        return Text::tr("Make the temporary pod %1 a replica of %2").arg(step.pod, step.masterPod);
    case Kind::RemoveTemporary:
        return Text::tr("Remove the temporary pod %1 and its volume (remove-node)").arg(step.pod);
    case Kind::Restart:
    case Kind::Failover:
        break;
    }
    return {};
}

QString temporaryReplicaCommand(const KubeSession *session, const UpgradeStep &step,
                                const QJsonObject &statefulSet, int pods, const NodeAddress &seed)
{
    const QString kubectl = session->kubectl();
    const QString set = session->target().statefulSet;
    // The pod's IP is known only once it runs; the line reads it the way a person would.
    const QString podIp =
        QStringLiteral("$(%1 get pod %2 -o jsonpath='{.status.podIP}')").arg(kubectl, step.pod);
    const QString masterId =
        step.masterId.isEmpty() ? QStringLiteral("<id of %1>").arg(step.masterPod) : step.masterId;
    QStringList lines;
    switch (step.kind) {
    case Kind::AddTemporary:
        lines << QStringLiteral("%1 annotate statefulset %2 %3=%4")
                     .arg(kubectl, set, QLatin1String(kTemporaryReplicaAnnotation), step.pod)
              << QStringLiteral("%1 scale statefulset %2 --replicas=%3").arg(kubectl, set).arg(pods + 1)
              << redisCliClusterLine(session->pool(), seed, QStringLiteral("add-node"),
                                     {podIp + QStringLiteral(":6379"), seed.toString(),
                                      QStringLiteral("--cluster-slave"),
                                      QStringLiteral("--cluster-master-id"), masterId});
        break;
    case Kind::Replicate:
        // A placeholder host replaced by the substitution: redisCliLine would quote it.
        lines << redisCliLine(session->pool(), NodeAddress{QStringLiteral("PODIP"), seed.port},
                              QStringList{QStringLiteral("CLUSTER"), QStringLiteral("REPLICATE"), masterId})
                     .replace(QLatin1String("PODIP"), podIp);
        break;
    case Kind::RemoveTemporary: {
        const QString nodeId =
            step.nodeId.isEmpty() ? QStringLiteral("<id of %1>").arg(step.pod) : step.nodeId;
        lines << redisCliClusterLine(session->pool(), seed, QStringLiteral("del-node"),
                                     {seed.toString(), nodeId})
              << QStringLiteral("%1 scale statefulset %2 --replicas=%3").arg(kubectl, set).arg(pods - 1);
        const QJsonArray claims = statefulSet.value(QLatin1String("spec"))
                                      .toObject()
                                      .value(QLatin1String("volumeClaimTemplates"))
                                      .toArray();
        for (const QJsonValue &claim : claims)
            lines << QStringLiteral("%1 delete pvc %2-%3")
                         .arg(kubectl, claim[QLatin1String("metadata")][QLatin1String("name")].toString(),
                              step.pod);
        lines << QStringLiteral("%1 annotate statefulset %2 %3-")
                     .arg(kubectl, set, QLatin1String(kTemporaryReplicaAnnotation));
        break;
    }
    case Kind::Restart:
    case Kind::Failover:
        break;
    }
    return lines.join(QLatin1String(" && "));
}

TemporaryReplicaJob::TemporaryReplicaJob(KubeSession *session, const UpgradeStep &step, QObject *parent)
    : Workflow(session, parent)
    , m_step(step)
{
    setTitle(describeTemporaryReplicaStep(step));
}

void TemporaryReplicaJob::doStart()
{
    if (m_step.kind == Kind::AddTemporary)
        annotate(m_step.pod, [this] { add(); });
    else
        remove();
}

void TemporaryReplicaJob::annotate(const QJsonValue &value, std::function<void()> next)
{
    const QJsonObject patch{
        {QStringLiteral("metadata"),
         QJsonObject{{QStringLiteral("annotations"),
                      QJsonObject{{QLatin1String(kTemporaryReplicaAnnotation), value}}}}}};
    const QString set = session()->target().statefulSet;
    runStep(value.isNull() ? tr("Forgetting the temporary pod in %1's annotations").arg(set)
                           : tr("Naming the temporary pod %1 in %2's annotations").arg(m_step.pod, set),
            session()->client()->patch(
                session()->statefulSetRef(), patch,
                value.isNull()
                    ? tr("%1 no longer names a temporary pod").arg(set)
                    : tr("%1 names its temporary pod %2 (a re-run finishes with it)").arg(set, m_step.pod)),
            [next](Job *) { next(); });
}

void TemporaryReplicaJob::add()
{
    auto *add = new AddNodeWorkflow(session(), this);
    add->setAutoDelete(false);
    add->setRole(AddNodeWorkflow::Role::Replica);
    add->setMasterId(m_step.masterId);
    add->setStepTimeout(stepTimeout());
    add->setPodTimeout(podTimeout());
    runStep(
        tr("Adding %1 as a replica of %2").arg(m_step.pod, m_step.masterPod), add,
        [this](Job *job) {
            auto *added = static_cast<AddNodeWorkflow *>(job);
            if (added->podName() != m_step.pod) {
                fail(ErrorCode::Refused,
                     tr("The temporary pod was to be %1, but add-node added %2 (the StatefulSet was scaled "
                        "meanwhile). Remove it with remove-node and run the upgrade again.")
                         .arg(m_step.pod, added->podName()));
                return;
            }
            m_nodeId = added->nodeId();
            succeed();
        },
        podTimeout() + 2 * stepTimeout());
}

void TemporaryReplicaJob::remove()
{
    auto *removal = new RemoveNodeWorkflow(session(), this);
    removal->setAutoDelete(false);
    removal->setConfirmed(true); // the upgrade's confirmation named this step
    removal->setExpectedPodName(m_step.pod);
    // It only ever held copies of shards served elsewhere; a kept volume would give a later scale-up
    // its stale files.
    removal->setDeletePersistentVolumeClaim(true);
    removal->setStepTimeout(stepTimeout());
    removal->setPodTimeout(podTimeout());
    runStep(
        tr("Removing the temporary pod %1").arg(m_step.pod), removal,
        [this](Job *) { annotate(QJsonValue::Null, [this] { succeed(); }); },
        podTimeout() + 2 * stepTimeout() + RemoveNodeWorkflow::kSettleTimeoutMs);
}

} // namespace rcs
