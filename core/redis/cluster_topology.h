#pragma once

#include "redis/cluster_node.h"
#include "redis/server_identity.h"

#include <QDateTime>
#include <QHash>
#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>

#include <optional>

namespace rcs {

// What one address told us: its CLUSTER NODES, CLUSTER INFO and INFO, or why it could not be asked.
struct NodeView {
    // The node's cluster address (pod IP:port), not a local tunnel endpoint: it is compared with the
    // addresses peers print.
    NodeAddress address;
    bool reachable = false;
    QString error;                        // why it is unreachable (connection refused, timeout, …)
    QList<ClusterNodeInfo> nodes;         // its CLUSTER NODES
    std::optional<ClusterInfo> info;      // its CLUSTER INFO
    QMap<QString, QString> serverInfo;    // INFO fields (redis_version, used_memory, db0, …), may be empty
    std::optional<ServerIdentity> server; // from its INFO, or as the pool knew it when INFO was not asked
    // Valkey only (CLUSTER SHARDS): the shard each node id is in, as this node sees it (an index into
    // its reply); empty when not asked. Valkey 8.0 persists a replica's shard id in nodes.conf and
    // refuses to start ("corrupted cluster config file") when it differs from its primary's, which
    // it does in a node's view until the replica's next ping tells it the new one.
    QHash<QString, int> shardOf;
    // TLS only: when the certificate the node presented to the studio's connection expires.
    std::optional<QDateTime> certificateExpiry;
    // A digest of the addresses of the askable peers it names (in any order), set where the views are
    // parsed (fetchViews, off the GUI thread); 0 when not computed. Views with the same digest name the
    // same peers, so a scan walks one of them only.
    quint64 peersDigest = 0;
};

// Kubernetes facts about the pod behind an address; absent on plain endpoints.
struct PodInfo {
    QString name;
    QString ip;
    QString kubeNode; // the Kubernetes node the pod runs on
    QString phase;    // Pending, Running, …
    bool ready = false;
    int restarts = 0;
};

enum class NodeRole { Master, Replica, Unknown };
QString nodeRoleName(NodeRole role); // "master", "replica", "unknown"

// One node of the cluster as the topology knows it, merged from every view.
struct TopologyNode {
    QString id;
    // Where the node is: the address we reached it at, else where its peers see it.
    NodeAddress address;
    quint16 busPort = 0;
    QString hostname;
    NodeRole role = NodeRole::Unknown;
    QString masterId;
    SlotSet slotSet;
    NodeFlags flags; // from the node's own myself line where reachable, else from a peer (myself cleared)
    QMap<int, QString> migrating;
    QMap<int, QString> importing;
    quint64 configEpoch = 0;
    bool reachable = false;
    // Every other reachable node that lists this one has a connected link to it.
    bool linkConnected = false;
    QStringList disconnectedFrom; // ids of reachable peers whose link to this node is down
    QStringList failReportedBy;   // ids of reachable peers flagging it fail or fail?
    // Some reachable peer lists this node at an address other than the one we reached it at (after
    // a pod restart with a new IP, until a MEET or PING tells them).
    bool staleAtPeers = false;
    QStringList staleAtPeerIds;
    // The node's own myself line shows another host than the one we reached (it learns its new IP
    // only from an incoming MEET).
    bool ownAddressStale = false;
    std::optional<QString> clusterState; // its cluster_state, when CLUSTER INFO was read
    std::optional<qint64> keyCount;
    std::optional<qint64> usedMemory;
    std::optional<ServerIdentity> server;       // which server it runs, when its INFO could be read
    std::optional<QDateTime> certificateExpiry; // TLS: the end of the certificate it serves
    std::optional<PodInfo> pod;
    QString hostGroup; // the Kubernetes node name if known, else the IP

    bool isMaster() const { return role == NodeRole::Master; }
    bool isReplica() const { return role == NodeRole::Replica; }
    bool isFailing() const { return flags.testFlag(NodeFlag::Fail) || flags.testFlag(NodeFlag::PFail); }
};

// A slot in migration on one node ("[slot->-id]" or "[slot-<-id]" on its myself line).
struct OpenSlot {
    int slot = 0;
    QString nodeId;
    bool migrating = false; // false: importing
    QString peerId;         // the target (migrating) or the source (importing)
    friend bool operator==(const OpenSlot &, const OpenSlot &) = default;
};

// The cluster as a set of views saw it. An immutable value: build it with fromViews(); nothing
// changes it afterwards, so views and planners can share it freely.
class ClusterTopology final {
public:
    ClusterTopology() = default;

    // Merges the views (at most one per address; a later view of an id already seen is ignored) and
    // the pod facts, keyed by pod IP. Nodes seen only in handshake are left out (their ids are
    // temporary); their addresses are listed in pendingHandshakes().
    static ClusterTopology fromViews(const QList<NodeView> &views,
                                     const QMap<QString, PodInfo> &podsByIp = {});

    const QList<NodeView> &views() const { return m_views; }
    // Masters by their lowest slot (slotless masters after, by address), each followed by its replicas;
    // then nodes of unknown role.
    const QList<TopologyNode> &nodes() const { return m_nodes; }
    const TopologyNode *node(const QString &id) const;
    const TopologyNode *nodeAt(const NodeAddress &address) const;
    QList<TopologyNode> masters() const;
    QList<TopologyNode> replicasOf(const QString &masterId) const;
    QString hostGroup(const QString &id) const;
    bool isEmpty() const { return m_nodes.isEmpty(); }

    // --- state summary (what redis-cli --cluster check looks at, and more) ---
    // cluster_state per node id, for the nodes whose CLUSTER INFO was read.
    QMap<QString, QString> clusterStates() const;
    bool allStatesOk() const;
    // Every reachable node sees the same slot owners (redis-cli's config signature: "id:ranges" of
    // every node with slots, sorted).
    bool slotsAgree() const { return m_disagreements.isEmpty(); }
    // One sentence per view that differs from the first reachable one.
    const QStringList &disagreements() const { return m_disagreements; }
    // Slots in migration on a master (its "[slot->-id]" / "[slot-<-id]" entries).
    const QList<OpenSlot> &openSlots() const { return m_openSlots; }
    // Open slots a replica shows that its reachable master does not. Valkey 8 replicates SETSLOT to the
    // replicas before the master applies it, so a SETSLOT that ran out of time waiting for them leaves
    // a replica ahead of its master; a failover would hand that state to the cluster.
    const QList<OpenSlot> &replicaOnlyOpenSlots() const { return m_replicaOnlyOpenSlots; }
    SlotSet coveredSlots() const { return m_covered; }
    SlotSet uncoveredSlots() const { return m_covered.complement(); }
    // Slots claimed by more than one master.
    SlotSet contestedSlots() const { return m_contested; }
    // Whether the node viewerId, in its own CLUSTER NODES, lists otherId past the handshake (false when
    // the viewer was not reached). A master that does not know a node yet answers "I don't know about
    // node" to a SETSLOT naming it.
    bool knows(const QString &viewerId, const QString &otherId) const;
    // Ids of known nodes we could not reach.
    QStringList unreachableNodeIds() const;
    // Addresses that did not answer (whether or not we know their ids).
    QList<NodeAddress> unreachableAddresses() const;
    QList<NodeAddress> pendingHandshakes() const { return m_handshakes; }

private:
    QList<NodeView> m_views;
    QList<TopologyNode> m_nodes;
    QStringList m_disagreements;
    QList<OpenSlot> m_openSlots;
    QList<OpenSlot> m_replicaOnlyOpenSlots;
    SlotSet m_covered;
    SlotSet m_contested;
    QList<NodeAddress> m_handshakes;
};

} // namespace rcs
