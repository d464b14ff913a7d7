#include "cluster_topology.h"

#include "redis/cluster_info_parser.h"

#include <QCoreApplication>
#include <QHash>
#include <QSet>

#include <algorithm>
#include <tuple>

namespace rcs {

namespace {
// The translation context of this file's texts: the GUI shows them in its language, the
// headless commands (which load no translation) in English.
struct Text {
    Q_DECLARE_TR_FUNCTIONS(rcs::ClusterTopology)
};
} // namespace

namespace {

// How one reachable view lists a node other than itself. Points into the views, which outlive it: a
// copy of each line (its 2 KB slot bitmap) for every viewer made the merge of 200 views slow.
struct Sighting {
    QString viewerId;
    NodeAddress viewerAddress;
    const ClusterNodeInfo *info;
};

const ClusterNodeInfo *myselfLine(const NodeView &view)
{
    for (const ClusterNodeInfo &node : view.nodes) {
        if (node.isMyself())
            return &node;
    }
    return nullptr;
}

QMap<QString, SlotSet> slotOwners(const NodeView &view)
{
    QMap<QString, SlotSet> owners;
    for (const ClusterNodeInfo &node : view.nodes) {
        if (!node.slotSet.isEmpty())
            owners.insert(node.id, node.slotSet);
    }
    return owners;
}

QString shortId(const QString &id)
{
    return id.left(8);
}

// A sentence saying how `view` differs from `reference` about slot owners, or "" when it does not.
QString describeDisagreement(const NodeView &reference, const QMap<QString, SlotSet> &expected,
                             const NodeView &view)
{
    const QMap<QString, SlotSet> actual = slotOwners(view);
    if (expected == actual)
        return {};
    QStringList ids = expected.keys() + actual.keys();
    ids.removeDuplicates();
    ids.sort();
    int differing = 0;
    QString first;
    for (const QString &id : std::as_const(ids)) {
        const SlotSet a = expected.value(id);
        const SlotSet b = actual.value(id);
        if (a == b)
            continue;
        if (differing++ == 0) {
            const auto shown = [](const SlotSet &set) {
                return set.isEmpty() ? Text::tr("no slots") : Text::tr("slots %1").arg(set.toString());
            };
            first = Text::tr("node %1 has %2 there but %3 at %4")
                        .arg(shortId(id), shown(b), shown(a), reference.address.toString());
        }
    }
    return Text::tr("%1 disagrees about slot owners: %2%3.")
        .arg(view.address.toString(), first,
             differing > 1 ? Text::tr(" (and %1 more nodes)").arg(differing - 1) : QString());
}

std::optional<qint64> numberField(const QMap<QString, QString> &fields, const QString &key)
{
    if (!fields.contains(key))
        return std::nullopt;
    bool ok = false;
    const qint64 value = fields.value(key).toLongLong(&ok);
    return ok ? std::optional<qint64>(value) : std::nullopt;
}

bool addressLess(const NodeAddress &a, const NodeAddress &b)
{
    return std::tie(a.host, a.port) < std::tie(b.host, b.port);
}

} // namespace

QString nodeRoleName(NodeRole role)
{
    switch (role) {
    case NodeRole::Master:
        return QStringLiteral("master");
    case NodeRole::Replica:
        return QStringLiteral("replica");
    case NodeRole::Unknown:
        break;
    }
    return QStringLiteral("unknown");
}

ClusterTopology ClusterTopology::fromViews(const QList<NodeView> &views,
                                           const QMap<QString, PodInfo> &podsByIp)
{
    ClusterTopology topology;
    topology.m_views = views;

    // The node's own view, per id (the first view that reached it wins).
    QMap<QString, int> ownView;
    QStringList order; // ids in order of discovery, for stable output before sorting
    QSet<QString> ordered;
    const auto discover = [&](const QString &id) {
        if (!ordered.contains(id)) {
            ordered.insert(id);
            order.append(id);
        }
    };
    QHash<QString, QList<Sighting>> sightings;
    QSet<NodeAddress> handshakeSet;
    QStringList reachableSelfIds;
    QList<OpenSlot> replicaOpen;

    for (int v = 0; v < views.size(); ++v) {
        const NodeView &view = views.at(v);
        if (!view.reachable)
            continue;
        const ClusterNodeInfo *self = myselfLine(view);
        if (self && ownView.contains(self->id))
            continue; // the same node reached through a second address
        const QString viewerId = self ? self->id : QString();
        if (self) {
            ownView.insert(self->id, v);
            reachableSelfIds.append(self->id);
            discover(self->id);
            // A migration is the masters' state. Valkey 8 replicates SETSLOT, so a replica shows its
            // master's open slots as well: counted again they would read as two migrations of one slot.
            for (auto it = self->migrating.cbegin(); it != self->migrating.cend(); ++it)
                (self->isMaster() ? topology.m_openSlots : replicaOpen)
                    .append({it.key(), self->id, true, it.value()});
            for (auto it = self->importing.cbegin(); it != self->importing.cend(); ++it)
                (self->isMaster() ? topology.m_openSlots : replicaOpen)
                    .append({it.key(), self->id, false, it.value()});
        }
        for (const ClusterNodeInfo &info : view.nodes) {
            if (info.isMyself())
                continue;
            if (info.isHandshake()) {
                if (info.hasAddress() && !handshakeSet.contains(info.address)) {
                    handshakeSet.insert(info.address);
                    topology.m_handshakes.append(info.address);
                }
                continue;
            }
            sightings[info.id].append({viewerId, view.address, &info});
            discover(info.id);
        }
    }

    for (const QString &id : std::as_const(order)) {
        TopologyNode node;
        node.id = id;
        const QList<Sighting> &seen = sightings[id];
        const bool own = ownView.contains(id);
        const NodeView *view = own ? &views.at(ownView.value(id)) : nullptr;
        const ClusterNodeInfo &base = own ? *myselfLine(*view) : *seen.first().info;

        node.address = own ? view->address : base.address;
        node.busPort = base.busPort;
        node.hostname = base.hostname;
        node.flags = base.flags & ~NodeFlags(NodeFlag::Myself);
        node.role = base.isMaster()    ? NodeRole::Master
                    : base.isReplica() ? NodeRole::Replica
                                       : NodeRole::Unknown;
        node.masterId = base.masterId;
        node.slotSet = base.slotSet;
        node.migrating = base.migrating;
        node.importing = base.importing;
        node.configEpoch = base.configEpoch;
        node.reachable = own;
        if (own && base.hasAddress() && base.address.host != view->address.host)
            node.ownAddressStale = true;

        QSet<QString> listedConnectedBy;
        for (const Sighting &sighting : seen) {
            const QString viewer =
                sighting.viewerId.isEmpty() ? sighting.viewerAddress.toString() : sighting.viewerId;
            if (sighting.info->isFail() || sighting.info->isPfail())
                node.failReportedBy.append(viewer);
            if (!sighting.info->linkConnected)
                node.disconnectedFrom.append(viewer);
            else
                listedConnectedBy.insert(sighting.viewerId);
            if (own && sighting.info->address != node.address) {
                node.staleAtPeers = true;
                node.staleAtPeerIds.append(viewer);
            }
        }
        node.linkConnected =
            std::all_of(reachableSelfIds.cbegin(), reachableSelfIds.cend(),
                        [&](const QString &peer) { return peer == id || listedConnectedBy.contains(peer); });

        if (view) {
            if (view->info)
                node.clusterState = view->info->state;
            if (!view->serverInfo.isEmpty()) {
                node.keyCount = keyCountFromInfo(view->serverInfo);
                node.usedMemory = numberField(view->serverInfo, QStringLiteral("used_memory"));
            }
            node.server = view->server;
            node.certificateExpiry = view->certificateExpiry;
        }
        if (podsByIp.contains(node.address.host))
            node.pod = podsByIp.value(node.address.host);
        node.hostGroup = node.pod && !node.pod->kubeNode.isEmpty() ? node.pod->kubeNode : node.address.host;
        topology.m_nodes.append(node);
    }

    // A replica's open slot is its master's unless the master (reachable, so its state is known) does
    // not show it.
    for (const OpenSlot &open : std::as_const(replicaOpen)) {
        const auto self = std::find_if(topology.m_nodes.cbegin(), topology.m_nodes.cend(),
                                       [&](const TopologyNode &n) { return n.id == open.nodeId; });
        const QString masterId = self != topology.m_nodes.cend() ? self->masterId : QString();
        if (masterId.isEmpty() || !ownView.contains(masterId))
            continue;
        OpenSlot onMaster = open;
        onMaster.nodeId = masterId;
        if (!topology.m_openSlots.contains(onMaster))
            topology.m_replicaOnlyOpenSlots.append(open);
    }

    // Coverage and double claims, from the masters' own (or best known) slot lists.
    for (const TopologyNode &node : std::as_const(topology.m_nodes)) {
        if (!node.isMaster())
            continue;
        topology.m_contested |= topology.m_covered & node.slotSet;
        topology.m_covered |= node.slotSet;
    }

    // Agreement: every reachable view against the first reachable one.
    const NodeView *reference = nullptr;
    QMap<QString, SlotSet> expected;
    for (const NodeView &view : views) {
        if (!view.reachable)
            continue;
        if (!reference) {
            reference = &view;
            expected = slotOwners(view);
            continue;
        }
        const QString sentence = describeDisagreement(*reference, expected, view);
        if (!sentence.isEmpty())
            topology.m_disagreements.append(sentence);
    }

    // Order: masters by lowest slot (slotless ones by address), each followed by its replicas.
    QList<TopologyNode> masters;
    QList<TopologyNode> others;
    for (const TopologyNode &node : std::as_const(topology.m_nodes))
        (node.isMaster() ? masters : others).append(node);
    std::stable_sort(masters.begin(), masters.end(), [](const TopologyNode &a, const TopologyNode &b) {
        const int fa = a.slotSet.isEmpty() ? SlotSet::SlotCount : a.slotSet.first();
        const int fb = b.slotSet.isEmpty() ? SlotSet::SlotCount : b.slotSet.first();
        if (fa != fb)
            return fa < fb;
        return addressLess(a.address, b.address);
    });
    std::stable_sort(others.begin(), others.end(), [](const TopologyNode &a, const TopologyNode &b) {
        return addressLess(a.address, b.address);
    });
    QList<TopologyNode> sorted;
    for (const TopologyNode &master : std::as_const(masters)) {
        sorted.append(master);
        for (const TopologyNode &other : std::as_const(others)) {
            if (other.isReplica() && other.masterId == master.id)
                sorted.append(other);
        }
    }
    for (const TopologyNode &other : std::as_const(others)) {
        const bool placed =
            other.isReplica() && std::any_of(masters.cbegin(), masters.cend(),
                                             [&](const TopologyNode &m) { return m.id == other.masterId; });
        if (!placed)
            sorted.append(other);
    }
    topology.m_nodes = sorted;
    return topology;
}

const TopologyNode *ClusterTopology::node(const QString &id) const
{
    for (const TopologyNode &node : m_nodes) {
        if (node.id == id)
            return &node;
    }
    return nullptr;
}

const TopologyNode *ClusterTopology::nodeAt(const NodeAddress &address) const
{
    for (const TopologyNode &node : m_nodes) {
        if (node.address == address)
            return &node;
    }
    return nullptr;
}

QList<TopologyNode> ClusterTopology::masters() const
{
    QList<TopologyNode> result;
    for (const TopologyNode &node : m_nodes) {
        if (node.isMaster())
            result.append(node);
    }
    return result;
}

QList<TopologyNode> ClusterTopology::replicasOf(const QString &masterId) const
{
    QList<TopologyNode> result;
    for (const TopologyNode &node : m_nodes) {
        if (node.isReplica() && node.masterId == masterId)
            result.append(node);
    }
    return result;
}

QString ClusterTopology::hostGroup(const QString &id) const
{
    const TopologyNode *found = node(id);
    return found ? found->hostGroup : QString();
}

QMap<QString, QString> ClusterTopology::clusterStates() const
{
    QMap<QString, QString> states;
    for (const TopologyNode &node : m_nodes) {
        if (node.clusterState)
            states.insert(node.id, *node.clusterState);
    }
    return states;
}

bool ClusterTopology::allStatesOk() const
{
    const QMap<QString, QString> states = clusterStates();
    return !states.isEmpty() && std::all_of(states.cbegin(), states.cend(),
                                            [](const QString &s) { return s == QLatin1String("ok"); });
}

bool ClusterTopology::knows(const QString &viewerId, const QString &otherId) const
{
    for (const NodeView &view : m_views) {
        const ClusterNodeInfo *self = view.reachable ? myselfLine(view) : nullptr;
        if (!self || self->id != viewerId)
            continue;
        return std::any_of(view.nodes.cbegin(), view.nodes.cend(), [&](const ClusterNodeInfo &node) {
            return node.id == otherId && !node.isHandshake();
        });
    }
    return false;
}

QStringList ClusterTopology::unreachableNodeIds() const
{
    QStringList ids;
    for (const TopologyNode &node : m_nodes) {
        if (!node.reachable)
            ids.append(node.id);
    }
    return ids;
}

QList<NodeAddress> ClusterTopology::unreachableAddresses() const
{
    QList<NodeAddress> addresses;
    for (const NodeView &view : m_views) {
        if (!view.reachable)
            addresses.append(view.address);
    }
    return addresses;
}

} // namespace rcs
