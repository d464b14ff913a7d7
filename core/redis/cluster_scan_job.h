#pragma once

#include "common/job.h"
#include "redis/cluster_topology.h"
#include "redis/node_address.h"

#include <QHash>
#include <QList>
#include <QPointer>
#include <QSet>

namespace rcs {

class RedisPool;

// Reads the cluster as it is: connects to the seed addresses, discovers the other nodes from their
// CLUSTER NODES, reads every node's view with INFO (fetchViews) in parallel, and builds the
// ClusterTopology. One reachable seed is enough.
//
// Error behaviour: fails (ConnectionFailed, with the first node's reason) only when no address at all
// answered; unreachable nodes and malformed replies are recorded in the topology's views instead
// (NodeView::error), since a half-broken cluster is exactly what a scan must be able to show.
class ClusterScanJob final : public Job {
    Q_OBJECT
public:
    // pool: connections to reuse (and their credentials/timeouts); when null the job makes its own.
    ClusterScanJob(QList<NodeAddress> seeds, RedisPool *pool = nullptr, QObject *parent = nullptr);
    ~ClusterScanJob() override;

    // Follow the addresses the nodes list (default true); off: only the seeds are asked.
    void setDiscover(bool discover) { m_discover = discover; }

    // Kubernetes facts merged into the topology (ClusterTopology::fromViews), keyed by pod IP.
    void setPodsByIp(QMap<QString, PodInfo> podsByIp) { m_podsByIp = std::move(podsByIp); }

    const ClusterTopology &topology() const { return m_topology; }
    const QList<NodeView> &views() const { return m_views; }

protected:
    void doStart() override;
    void doCancel() override;

private:
    void ask(const NodeAddress &address);
    void collected(const NodeAddress &address, NodeView view);
    void finishScan();
    void merged();

    QList<NodeAddress> m_seeds;
    QPointer<RedisPool> m_pool;
    bool m_discover = true;
    QSet<NodeAddress> m_asked;
    QSet<quint64> m_walkedDigests; // NodeView::peersDigest of the views walked for peers
    QList<NodeAddress> m_order;
    QHash<NodeAddress, NodeView> m_collected;
    int m_outstanding = 0;
    QList<NodeView> m_views;
    QMap<QString, PodInfo> m_podsByIp;
    ClusterTopology m_topology;
};

} // namespace rcs
