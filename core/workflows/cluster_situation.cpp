#include "cluster_situation.h"

#include <QCoreApplication>

#include "workflow.h"

namespace rcs {

namespace {
// The translation context of this file's texts: the GUI shows them in its language, the
// headless commands (which load no translation) in English.
struct Text {
    Q_DECLARE_TR_FUNCTIONS(rcs::ClusterSituation)
};
} // namespace

QString situationName(Situation situation)
{
    switch (situation) {
    case Situation::Unknown:
        return QStringLiteral("unknown");
    case Situation::NotDeployed:
        return QStringLiteral("not-deployed");
    case Situation::PodsNotReady:
        return QStringLiteral("pods-not-ready");
    case Situation::NotCreated:
        return QStringLiteral("not-created");
    case Situation::Healthy:
        return QStringLiteral("healthy");
    case Situation::Degraded:
        return QStringLiteral("degraded");
    case Situation::TotalFailure:
        return QStringLiteral("total-failure");
    case Situation::OpenSlots:
        return QStringLiteral("open-slots");
    }
    return QStringLiteral("unknown");
}

QString suggestedOperationName(SuggestedOperation operation)
{
    switch (operation) {
    case SuggestedOperation::None:
        return {};
    case SuggestedOperation::Deploy:
        return QStringLiteral("deploy");
    case SuggestedOperation::Create:
        return QStringLiteral("create");
    case SuggestedOperation::Recover:
        return QStringLiteral("recover");
    case SuggestedOperation::Check:
        return QStringLiteral("check");
    case SuggestedOperation::CheckFix:
        return QStringLiteral("check --fix");
    case NextStep::Confirm:
    case NextStep::ShowStatus:
    case NextStep::ChooseKubeconfig:
    case NextStep::ChooseContext:
    case NextStep::NameNodes:
    case NextStep::ForceFailover:
    case NextStep::ChooseExisting:
        return {};
    }
    return {};
}

QString phrasedAdvice(const SituationAssessment &assessment, const NextStepPhrasing &phrase)
{
    return withNextStep(assessment.advice, assessment.next, phrase);
}

QString phrasedAdvice(const SituationAssessment &assessment)
{
    return withNextStep(assessment.advice, assessment.next);
}

namespace {
bool anyReachable(const ClusterTopology &topology)
{
    for (const NodeView &view : topology.views()) {
        if (view.reachable)
            return true;
    }
    return false;
}
} // namespace

bool isClusterFormed(const ClusterTopology &topology)
{
    for (const NodeView &view : topology.views()) {
        if (!view.reachable)
            continue;
        int known = 0;
        for (const ClusterNodeInfo &node : view.nodes) {
            if (!node.slotSet.isEmpty())
                return true;
            if (!node.isHandshake())
                ++known;
        }
        if (known > 1)
            return true;
    }
    return false;
}

SituationAssessment assessSituation(const Deployment &deployment, const ClusterTopology &topology,
                                    const ClusterCheckReport &report, const QString &ns)
{
    if (!deployment.namespaceExists || !deployment.statefulSetExists) {
        return {Situation::NotDeployed, Text::tr("Nothing is deployed in namespace %1.").arg(ns),
                SuggestedOperation::Deploy};
    }
    const int ready = deployment.readyCount();
    if (ready < deployment.replicas || deployment.pods.size() != deployment.replicas) {
        return {Situation::PodsNotReady,
                Text::tr("%1 of %2 pods are Ready: wait for them, or see what keeps a pod from starting "
                         "('kubectl -n %3 describe pod NAME').")
                    .arg(ready)
                    .arg(deployment.replicas)
                    .arg(ns),
                SuggestedOperation::None};
    }
    if (!isClusterFormed(topology) && !anyReachable(topology)) {
        return {Situation::Degraded,
                Text::tr("No pod answered on port 6379 from here: try the tunnel access, or check that "
                         "redis-server runs in the pods."),
                SuggestedOperation::None};
    }
    return assessClusterSituation(topology, report);
}

SituationAssessment assessClusterSituation(const ClusterTopology &topology, const ClusterCheckReport &report)
{
    if (topology.views().isEmpty())
        return {Situation::Unknown, Text::tr("No node was asked yet."), SuggestedOperation::None};
    if (!isClusterFormed(topology)) {
        if (!anyReachable(topology)) {
            return {Situation::Degraded,
                    Text::tr("No node answered from here: check the addresses, and that redis-server runs "
                             "there."),
                    SuggestedOperation::None};
        }
        return {Situation::NotCreated, Text::tr("The nodes run but form no cluster yet."),
                SuggestedOperation::Create};
    }
    if (!topology.openSlots().isEmpty()) {
        return {Situation::OpenSlots,
                Text::tr("%1 slot(s) were left migrating or importing by an interrupted reshard.")
                    .arg(topology.openSlots().size()),
                SuggestedOperation::CheckFix};
    }
    const QMap<QString, QString> states = topology.clusterStates();
    bool anyOk = false;
    for (const QString &state : states)
        anyOk = anyOk || state == QLatin1String("ok");
    bool stale = false;
    bool anyLink = false;
    for (const TopologyNode &node : topology.nodes()) {
        stale = stale || node.staleAtPeers || node.ownAddressStale;
        anyLink = anyLink || (node.reachable && node.linkConnected);
    }
    // A restarted node may report a stale cluster_state:ok for a moment; that nobody hears anybody
    // (no connected link anywhere) is the telling sign.
    if (stale && (!anyOk || !anyLink)) {
        return {Situation::TotalFailure,
                Text::tr("Every node came back with a new IP and they lost each other (no node hears any "
                         "other, cluster_state:fail); the data on the volumes is kept."),
                SuggestedOperation::Recover};
    }
    if (report.isHealthy() && topology.allStatesOk() && !states.isEmpty())
        return {Situation::Healthy, Text::tr("The cluster is healthy; nothing to do."),
                SuggestedOperation::None};
    if (stale) {
        return {Situation::Degraded,
                Text::tr("Some nodes still list peers at old addresses; gossip usually corrects that within "
                         "seconds."),
                SuggestedOperation::Recover};
    }
    return {Situation::Degraded,
            Text::tr("The cluster has problems (see the findings); a failover may still be settling."),
            SuggestedOperation::Check};
}

} // namespace rcs
