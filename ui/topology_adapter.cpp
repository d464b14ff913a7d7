#include "topology_adapter.h"

#include "observe/cluster_metrics.h"
#include "operations/status_result.h"
#include "redis/cluster_check.h"
#include "redis/cluster_topology.h"
#include "workflows/cluster_situation.h"
#include "workflows/pod_state.h"

#include <QHash>
#include <QSet>

namespace rcs::ui {

namespace {
NodeCard::State stateOf(const rcs::TopologyNode &node)
{
    if (node.pod && (!node.pod->ready || node.pod->phase != QLatin1String("Running")))
        return NodeCard::State::PodDown;
    if (node.flags.testFlag(rcs::NodeFlag::Fail))
        return NodeCard::State::Fail;
    if (node.flags.testFlag(rcs::NodeFlag::PFail))
        return NodeCard::State::PFail;
    if (!node.reachable)
        return NodeCard::State::Disconnected;
    if (node.flags.testFlag(rcs::NodeFlag::Handshake))
        return NodeCard::State::Handshake;
    if (node.staleAtPeers || node.ownAddressStale)
        return NodeCard::State::StaleAddress;
    if (!node.linkConnected)
        return NodeCard::State::Disconnected;
    if (!node.migrating.isEmpty() || !node.importing.isEmpty())
        return NodeCard::State::Migrating;
    return NodeCard::State::Connected;
}

QString detailOf(const rcs::TopologyNode &node, const rcs::ClusterTopology &topology)
{
    if (node.pod && !node.pod->ready)
        return QObject::tr("Pod %1 is %2 and not ready.").arg(node.pod->name, node.pod->phase);
    if (!node.reachable) {
        for (const rcs::NodeView &view : topology.views()) {
            if (view.address == node.address && !view.error.isEmpty())
                return QObject::tr("Not reachable: %1").arg(view.error);
        }
        return QObject::tr("Not reachable from the studio; shown as its peers see it.");
    }
    if (node.ownAddressStale)
        return QObject::tr("The node still believes in its old IP: it learns the new one only from an "
                           "incoming CLUSTER MEET (Recover sends it).");
    if (node.staleAtPeers)
        return node.staleAtPeerIds.size() == 1
                   ? QObject::tr("One peer still lists this node at an old address.")
                   : QObject::tr("%1 peers still list this node at an old address.")
                         .arg(node.staleAtPeerIds.size());
    if (!node.failReportedBy.isEmpty())
        return node.failReportedBy.size() == 1
                   ? QObject::tr("One peer reports this node as failing.")
                   : QObject::tr("%1 peers report this node as failing.").arg(node.failReportedBy.size());
    if (!node.disconnectedFrom.isEmpty())
        return node.disconnectedFrom.size() == 1
                   ? QObject::tr("One peer has no link to this node.")
                   : QObject::tr("%1 peers have no link to this node.").arg(node.disconnectedFrom.size());
    return {};
}
} // namespace

void setAssessment(TopologySnapshot &snapshot, const rcs::SituationAssessment &assessment)
{
    snapshot.situation = assessment.situation;
    snapshot.advice = assessment.advice;
    snapshot.next = assessment.next;
}

QString adviceText(const TopologySnapshot &snapshot)
{
    if (snapshot.advice.isEmpty())
        return situationAdvice(snapshot.situation);
    return rcs::phrasedAdvice({snapshot.situation, snapshot.advice, snapshot.next}, &suggestionText);
}

TopologySnapshot snapshotFromTopology(const rcs::ClusterTopology &topology)
{
    TopologySnapshot snapshot;
    snapshot.takenAt = QDateTime::currentDateTime();
    const QList<rcs::TopologyNode> &nodes = topology.nodes();
    snapshot.nodes.reserve(nodes.size());
    for (const rcs::TopologyNode &node : nodes) {
        NodeCard card;
        card.id = node.id;
        card.podName = node.pod ? node.pod->name : QString();
        card.address = node.address.isValid() ? node.address.toString() : QString();
        card.hostGroup = node.hostGroup;
        card.role = node.isMaster()    ? NodeCard::Role::Master
                    : node.isReplica() ? NodeCard::Role::Replica
                                       : NodeCard::Role::Unknown;
        card.masterId = node.masterId;
        if (const rcs::TopologyNode *master = topology.node(node.masterId)) {
            card.masterName = master->pod
                                  ? master->pod->name
                                  : (master->address.isValid() ? master->address.toString() : QString());
        }
        for (const rcs::SlotRange &range : node.slotSet.ranges())
            card.slotRanges.append({range.first, range.last});
        card.slotsText = node.slotSet.toString();
        card.migratingSlots = int(node.migrating.size());
        card.importingSlots = int(node.importing.size());
        card.keys = node.keyCount.value_or(-1);
        card.memoryBytes = node.usedMemory.value_or(-1);
        card.server = node.server ? node.server->toString() : QString();
        card.state = stateOf(node);
        card.flags = rcs::nodeFlagsToString(node.flags);
        if (node.pod) {
            card.podPhase = node.pod->phase;
            card.podReady = node.pod->ready;
            card.restarts = node.pod->restarts;
        }
        card.configEpoch = qint64(node.configEpoch);
        card.detail = detailOf(node, topology);
        snapshot.nodes.append(card);
    }

    // The summary line: the states agree or not; the counters come from the node that knows the most.
    const QMap<QString, QString> states = topology.clusterStates();
    if (!states.isEmpty())
        snapshot.clusterState = topology.allStatesOk() ? QStringLiteral("ok") : QStringLiteral("fail");
    for (const rcs::NodeView &view : topology.views()) {
        if (!view.info)
            continue;
        snapshot.currentEpoch = std::max<qint64>(snapshot.currentEpoch, qint64(view.info->currentEpoch));
        if (view.info->knownNodes > snapshot.knownNodes) {
            snapshot.knownNodes = view.info->knownNodes;
            snapshot.slotsOk = view.info->slotsOk;
            snapshot.slotsAssigned = view.info->slotsAssigned;
        }
    }
    setAssessment(snapshot, rcs::assessClusterSituation(topology, rcs::checkCluster(topology)));
    const QList<rcs::NodeAddress> unreachable = topology.unreachableAddresses();
    if (!unreachable.isEmpty())
        snapshot.message = QObject::tr("%1 did not answer.")
                               .arg(countOf(unreachable.size(), QObject::tr("address", "count"),
                                            QObject::tr("addresses", "count")));
    return snapshot;
}

TopologySnapshot snapshotFromStatus(const rcs::ops::StatusReport &status)
{
    TopologySnapshot snapshot = snapshotFromTopology(status.topology);
    setAssessment(snapshot, status.assessment);
    const rcs::ops::Rollout rollout = rcs::ops::rolloutOf(status);
    QHash<QString, QString> revisions;
    for (const rcs::PodState &pod : status.deployment.pods)
        revisions.insert(pod.info.name, pod.revision);
    const auto setRevision = [&](NodeCard &card) {
        card.revision = revisions.value(card.podName);
        card.revisionState = !rollout.inProgress()                   ? NodeCard::Revision::Current
                             : rollout.behind.contains(card.podName) ? NodeCard::Revision::Old
                                                                     : NodeCard::Revision::New;
    };
    QSet<QString> shown;
    for (NodeCard &card : snapshot.nodes) {
        shown.insert(card.podName);
        if (!card.podName.isEmpty())
            setRevision(card);
    }
    for (const rcs::PodState &pod : status.deployment.pods) {
        if (shown.contains(pod.info.name))
            continue;
        NodeCard card;
        card.podName = pod.info.name;
        card.address = pod.info.ip.isEmpty() ? QString() : pod.info.ip + QStringLiteral(":6379");
        card.hostGroup = pod.info.kubeNode;
        card.podPhase = pod.info.phase;
        card.podReady = pod.info.ready;
        card.restarts = pod.info.restarts;
        card.state = NodeCard::State::PodDown;
        card.detail = rcs::describePod(pod);
        setRevision(card);
        snapshot.nodes.append(card);
    }
    return snapshot;
}

void addMetrics(TopologySnapshot &snapshot, rcs::observe::ClusterMetrics &metrics,
                const rcs::ClusterTopology &topology, qint64 atMs)
{
    metrics.addTopology(topology, atMs);
    QList<rcs::NodeAddress> present;
    for (const rcs::NodeView &view : topology.views())
        present.append(view.address);
    metrics.forget(present); // nodes gone from the cluster take their history with them
    for (NodeCard &card : snapshot.nodes) {
        const rcs::Result<rcs::NodeAddress> address = rcs::NodeAddress::parse(card.address);
        const rcs::observe::NodeHistory *history = address.ok() ? metrics.history(address.value()) : nullptr;
        if (!history)
            continue;
        for (int i = std::max(0, history->size() - NodeCard::SparklineSamples); i < history->size(); ++i) {
            if (history->at(i).hasRates)
                card.opsHistory.append(history->at(i).opsPerSec);
        }
    }
}

} // namespace rcs::ui
