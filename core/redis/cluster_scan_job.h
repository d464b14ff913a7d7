#pragma once

#include "common/job.h"
#include "redis/cluster_topology.h"
#include "redis/node_address.h"
#include "redis/redis_reply.h"

#include <QHash>
#include <QList>
#include <QPointer>
#include <QSet>

#include <functional>

namespace rcs {

class RedisPool;

// Reads the cluster as it is: connects to the seed addresses, discovers the other nodes from their
// CLUSTER NODES, asks every node for CLUSTER NODES, CLUSTER INFO and INFO in parallel (pipelined on one
// connection each), and builds the ClusterTopology. One reachable seed is enough.
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

    const ClusterTopology &topology() const { return m_topology; }
    const QList<NodeView> &views() const { return m_views; }

protected:
    void doStart() override;
    void doCancel() override;

private:
    void ask(const NodeAddress &address);
    void collected(const NodeAddress &address, NodeView view);
    void finishScan();

    QList<NodeAddress> m_seeds;
    QPointer<RedisPool> m_pool;
    bool m_discover = true;
    QSet<NodeAddress> m_asked;
    QList<NodeAddress> m_order;
    QHash<NodeAddress, NodeView> m_collected;
    int m_outstanding = 0;
    QList<NodeView> m_views;
    ClusterTopology m_topology;
};

// Builds a NodeView from the three replies; a missing or malformed CLUSTER NODES makes the view
// unreachable with the reason, a missing CLUSTER INFO or INFO only leaves those parts empty (and an INFO
// without a readable server identity leaves NodeView::server empty).
NodeView nodeViewFromReplies(const NodeAddress &address, const Result<RedisReply> &clusterNodes,
                             const Result<RedisReply> &clusterInfo, const Result<RedisReply> &info);

// Asks one node for CLUSTER NODES, CLUSTER INFO and (withServerInfo) INFO, pipelined, and hands the
// NodeView to done — unless context is destroyed first. The server identity read from INFO is
// remembered in the pool; without INFO the view carries the one the pool already knows.
void fetchNodeView(RedisPool *pool, const NodeAddress &address, bool withServerInfo, const QObject *context,
                   std::function<void(NodeView)> done);

} // namespace rcs
