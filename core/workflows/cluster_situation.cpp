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
        return {Situation::NotDeployed,
                Text::tr("Nothing is deployed in namespace %1: run 'redis-cluster-studio deploy'.").arg(ns)};
    }
    const int ready = deployment.readyCount();
    if (ready < deployment.replicas || deployment.pods.size() != deployment.replicas) {
        return {Situation::PodsNotReady,
                Text::tr("%1 of %2 pods are Ready: wait for them, or look at the pods listed above "
                         "('kubectl -n %3 describe pod NAME') and fix what keeps them from starting.")
                    .arg(ready)
                    .arg(deployment.replicas)
                    .arg(ns)};
    }
    if (!isClusterFormed(topology)) {
        bool anyReachable = false;
        for (const NodeView &view : topology.views())
            anyReachable = anyReachable || view.reachable;
        if (!anyReachable) {
            return {Situation::Degraded,
                    Text::tr("No pod answered on port 6379 from here: try '--access tunnel', or check "
                             "that redis-server runs in the pods.")};
        }
        return {Situation::NotCreated,
                Text::tr("The pods run but form no cluster yet: run 'redis-cluster-studio create'.")};
    }
    if (!topology.openSlots().isEmpty()) {
        return {Situation::OpenSlots,
                Text::tr("%1 slot(s) were left migrating or importing by an interrupted reshard: run "
                         "'redis-cluster-studio check --fix'.")
                    .arg(topology.openSlots().size())};
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
                Text::tr("Every pod came back with a new IP and the nodes cannot find each other "
                         "(no node hears any other, cluster_state:fail): run 'redis-cluster-studio "
                         "recover'; the data on "
                         "the volumes is kept.")};
    }
    if (report.isHealthy() && topology.allStatesOk() && !states.isEmpty()) {
        return {Situation::Healthy, Text::tr("The cluster is healthy; nothing to do.")};
    }
    if (stale) {
        return {Situation::Degraded,
                Text::tr("Some nodes still list peers at old addresses: wait a few seconds for gossip, "
                         "or run 'redis-cluster-studio recover'.")};
    }
    return {Situation::Degraded,
            Text::tr("The cluster has problems (see the findings): wait for a failover to settle, then run "
                     "'redis-cluster-studio check' again, or 'check --fix'.")};
}

} // namespace rcs
