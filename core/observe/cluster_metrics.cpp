#include "cluster_metrics.h"

#include <QSet>

namespace rcs::observe {

QList<SampledNode> sampledNodesOf(const ClusterTopology &topology)
{
    QList<SampledNode> nodes;
    for (const TopologyNode &node : topology.nodes()) {
        if (node.reachable)
            nodes.append({node.address, node.id, node.pod ? node.pod->name : QString()});
    }
    return nodes;
}

ClusterMetrics::ClusterMetrics(int periodMs)
    : m_periodMs(periodMs)
    , m_cluster(periodMs)
{}

ClusterSample ClusterMetrics::add(const QList<SampledNode> &nodes, const QList<Result<InfoReading>> &readings,
                                  qint64 atMs)
{
    Q_ASSERT(nodes.size() == readings.size());
    ClusterSample cluster;
    cluster.atMs = atMs;
    cluster.hasRates = true;
    NodeSample totals; // the cluster's round as one sample, for clusterHistory()
    QHash<NodeAddress, const InfoReading *> byAddress;
    for (qsizetype i = 0; i < nodes.size(); ++i) {
        NodeMetrics metrics{nodes.at(i), false, {}, {}};
        if (!readings.at(i).ok()) {
            metrics.error = readings.at(i).error().message();
            ++cluster.unreadNodes;
            cluster.nodes.append(metrics);
            continue;
        }
        const NodeAddress &address = nodes.at(i).address;
        auto it = m_histories.find(address);
        if (it == m_histories.end())
            it = m_histories.insert(address, NodeHistory(m_periodMs));
        metrics.read = true;
        metrics.sample = it->add(readings.at(i).value());
        if (!nodes.at(i).pod.isEmpty())
            m_pods.insert(address, nodes.at(i).pod);
        byAddress.insert(address, &readings.at(i).value());
        cluster.nodes.append(metrics);
    }
    // Replica lag: the master's offset of the same round against the replica's.
    for (qsizetype i = 0; i < cluster.nodes.size(); ++i) {
        NodeMetrics &metrics = cluster.nodes[i];
        if (!metrics.read || !metrics.sample.isReplica)
            continue;
        const InfoReading &replica = readings.at(i).value();
        const InfoReading *master =
            byAddress.value(NodeAddress{replica.masterHost, quint16(replica.masterPort)});
        if (!master)
            continue;
        fillReplicaLag(metrics.sample, replica, metrics.node.address.host, metrics.node.address.port,
                       *master);
        m_histories[metrics.node.address].replaceLast(metrics.sample);
    }
    for (const NodeMetrics &metrics : std::as_const(cluster.nodes)) {
        if (!metrics.read)
            continue;
        const NodeSample &s = metrics.sample;
        ++cluster.readNodes;
        cluster.hasRates = cluster.hasRates && s.hasRates;
        cluster.opsPerSec += s.opsPerSec;
        cluster.hitsPerSec += s.hitsPerSec;
        cluster.missesPerSec += s.missesPerSec;
        cluster.netInPerSec += s.netInPerSec;
        cluster.netOutPerSec += s.netOutPerSec;
        cluster.expiredPerSec += s.expiredPerSec;
        cluster.evictedPerSec += s.evictedPerSec;
        cluster.cpuPercent += s.cpuPercent;
        cluster.usedMemory += s.usedMemory;
        cluster.maxMemory += s.maxMemory;
        cluster.connectedClients += s.connectedClients;
        if (!s.isReplica)
            cluster.keys += s.keys;
        cluster.maxLagBytes = std::max(cluster.maxLagBytes, s.lagBytes);
        totals.lagSeconds = std::max(totals.lagSeconds, s.lagSeconds);
        totals.keyspaceHits += s.keyspaceHits;
        totals.keyspaceMisses += s.keyspaceMisses;
    }
    if (cluster.readNodes == 0)
        cluster.hasRates = false;
    totals.atMs = atMs;
    totals.hasRates = cluster.hasRates;
    totals.opsPerSec = float(cluster.opsPerSec);
    totals.hitsPerSec = float(cluster.hitsPerSec);
    totals.missesPerSec = float(cluster.missesPerSec);
    totals.netInPerSec = float(cluster.netInPerSec);
    totals.netOutPerSec = float(cluster.netOutPerSec);
    totals.expiredPerSec = float(cluster.expiredPerSec);
    totals.evictedPerSec = float(cluster.evictedPerSec);
    totals.cpuPercent = float(cluster.cpuPercent);
    totals.usedMemory = cluster.usedMemory;
    totals.maxMemory = cluster.maxMemory;
    totals.connectedClients = qint32(cluster.connectedClients);
    totals.keys = cluster.keys;
    totals.lagBytes = cluster.maxLagBytes;
    if (cluster.readNodes > 0)
        m_cluster.addSample(totals);
    return cluster;
}

ClusterSample ClusterMetrics::addTopology(const ClusterTopology &topology, qint64 atMs)
{
    QList<SampledNode> nodes;
    QList<Result<InfoReading>> readings;
    for (const NodeView &view : topology.views()) {
        if (!view.reachable || view.serverInfo.isEmpty())
            continue;
        const TopologyNode *node = topology.nodeAt(view.address);
        nodes.append(
            {view.address, node ? node->id : QString(), node && node->pod ? node->pod->name : QString()});
        readings.append(readingFromFields(view.serverInfo, atMs));
    }
    return add(nodes, readings, atMs);
}

void ClusterMetrics::forget(const QList<NodeAddress> &keep)
{
    // A set: at 250 nodes, looking each history up in the list cost 250 × 250 comparisons per refresh.
    const QSet<NodeAddress> kept(keep.cbegin(), keep.cend());
    for (auto it = m_histories.begin(); it != m_histories.end();) {
        if (kept.contains(it.key())) {
            ++it;
        } else {
            m_pods.remove(it.key());
            it = m_histories.erase(it);
        }
    }
}

const NodeHistory *ClusterMetrics::history(const NodeAddress &address) const
{
    const auto it = m_histories.constFind(address);
    return it == m_histories.cend() ? nullptr : &*it;
}

} // namespace rcs::observe
