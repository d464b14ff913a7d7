#pragma once

#include "redis/cluster_topology.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace rcs {

// How one node must look, in every node's CLUSTER NODES, for a cluster to count as formed.
struct ExpectedNode {
    QString id;
    NodeAddress address; // the address its peers must list (pod IP:port)
    bool master = true;
    QString masterId; // replicas only
    SlotSet slotSet;  // masters only; replicas own none
};

// What is still missing before the views show the expected cluster, one sentence per gap, empty when
// converged. Converged means, on every expected node: it answered; cluster_state:ok; it lists every
// expected node (itself included) at the expected address, peers with a connected link, none flagged
// fail, fail? or noaddr, each with the expected role, master and slots; and it knows no other node
// and has no handshake in progress; on Valkey, it places every replica in its master's shard. (redis-cli's
// join check only compares slot owners; replicas, addresses and links matter just as much to a client.) Views
// are matched to nodes by address.
QStringList convergenceGaps(const QList<ExpectedNode> &expected, const QList<NodeView> &views);

// On Valkey (views that carry shardOf): the sentence saying that view does not yet place the replica in
// its master's shard, empty when it does or when the view has no shard ids (other servers).
QString shardGap(const NodeView &view, const QString &replicaId, const QString &masterId);

} // namespace rcs
