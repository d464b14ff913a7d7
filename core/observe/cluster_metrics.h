#pragma once

#include "node_history.h"
#include "node_sample.h"
#include "redis/cluster_topology.h"
#include "redis/node_address.h"

#include <QHash>
#include <QList>
#include <QMap>
#include <QString>

namespace rcs::observe {

// A node to sample: its cluster address (what the pool routes) and, on Kubernetes, its pod.
struct SampledNode {
    NodeAddress address;
    QString id;
    QString pod;
};

// Every reachable node of the topology, with its pod on Kubernetes (what top and slowlog read).
QList<SampledNode> sampledNodesOf(const ClusterTopology &topology);

// One node's part of a cluster sample: its newest sample, or why it could not be read this round.
struct NodeMetrics {
    SampledNode node;
    bool read = false;
    QString error;
    NodeSample sample;
};

// The whole cluster at one sample: every node, and the sums the top line shows.
struct ClusterSample {
    qint64 atMs = 0;
    QList<NodeMetrics> nodes;
    // True when every node that was read has rates (none was read for the first time or restarted).
    bool hasRates = false;
    double opsPerSec = 0;
    double hitsPerSec = 0;
    double missesPerSec = 0;
    double netInPerSec = 0;
    double netOutPerSec = 0;
    double expiredPerSec = 0;
    double evictedPerSec = 0;
    double cpuPercent = 0;
    qint64 usedMemory = 0;
    qint64 maxMemory = 0; // sum over the nodes with a limit; 0 when none has one
    qint64 connectedClients = 0;
    qint64 keys = 0; // masters only: replicas hold the same keys
    int readNodes = 0;
    int unreadNodes = 0;
    qint64 maxLagBytes = -1; // the largest replica lag; -1 when no replica's is known
};

// The ring buffers of every node sampled, keyed by cluster address, and the sums of each round. Pure:
// the round's readings come in, the sample goes out (ClusterSampleJob and the studio's refresh feed it).
class ClusterMetrics final {
public:
    explicit ClusterMetrics(int periodMs = 2000);

    int periodMs() const { return m_periodMs; }
    // Readings of one round (a node with an error was not read); returns the cluster sample. Replica
    // lag comes from the master's reading of the same round. Nodes no longer in a round keep their
    // history until forget().
    ClusterSample add(const QList<SampledNode> &nodes, const QList<Result<InfoReading>> &readings,
                      qint64 atMs);
    // The INFO a status read already holds (each reachable view's serverInfo), as one round at atMs: the
    // studio's refresh feeds its history this way, with no command of its own. Views without INFO are
    // left out.
    ClusterSample addTopology(const ClusterTopology &topology, qint64 atMs);
    // Drops the history of the nodes not in keep (removed from the cluster).
    void forget(const QList<NodeAddress> &keep);

    const NodeHistory *history(const NodeAddress &address) const;
    // The cluster's sums of every round (ClusterSample as a NodeSample: rates only when every node read
    // had them, lag the largest replica's), so that the whole-cluster chart needs no pass over the nodes.
    const NodeHistory &clusterHistory() const { return m_cluster; }
    // The node's pod on Kubernetes as of its last round; empty elsewhere.
    QString podOf(const NodeAddress &address) const { return m_pods.value(address); }
    QList<NodeAddress> addresses() const { return m_histories.keys(); }

private:
    int m_periodMs;
    QHash<NodeAddress, NodeHistory> m_histories;
    NodeHistory m_cluster;
    QHash<NodeAddress, QString> m_pods;
};

} // namespace rcs::observe
