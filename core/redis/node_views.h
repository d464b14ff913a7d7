#pragma once

#include "common/result.h"
#include "redis/cluster_topology.h"
#include "redis/node_address.h"
#include "redis/redis_reply.h"

#include <QList>

#include <functional>

class QObject;

namespace rcs {

class RedisPool;

// How much of each node a read asks for: the cluster's view (CLUSTER NODES and CLUSTER INFO), or that
// plus INFO (server identity, memory, keys), which a scan shows and a convergence poll does not need.
enum class NodeViewParts { Cluster, WithServerInfo };

// The one read of "every node's view", used by the scan, the lifecycle jobs' polls and the checks
// before a change: asks every address for CLUSTER NODES, CLUSTER INFO and (WithServerInfo) INFO,
// pipelined on each node's pooled connection and in parallel over nodes, with the pool's timeouts;
// on Valkey the polls (Cluster) also ask CLUSTER SHARDS (NodeView::shardOf).
// done gets one view per address, in the given order, once every node answered or failed (also for
// an empty list, from the event loop); it is never called after context (or the pool) is gone.
//
// Error behaviour: never fails as a whole; a node that does not answer CLUSTER NODES, or answers it
// with text that cannot be read, is unreachable with the reason in NodeView::error (see
// nodeViewFromReplies). The server identity read from INFO is remembered in the pool; without INFO
// each view carries the one the pool already knows.
void fetchViews(RedisPool *pool, const QList<NodeAddress> &addresses, NodeViewParts parts,
                const QObject *context, std::function<void(QList<NodeView>)> done);

// Builds a NodeView from the three replies; a missing or malformed CLUSTER NODES makes the view
// unreachable with the reason, a missing CLUSTER INFO or INFO only leaves those parts empty (and an INFO
// without a readable server identity leaves NodeView::server empty).
NodeView nodeViewFromReplies(const NodeAddress &address, const Result<RedisReply> &clusterNodes,
                             const Result<RedisReply> &clusterInfo, const Result<RedisReply> &info);

// Node id → shard index from a CLUSTER SHARDS reply (an array of shards, each a flat field/value
// array whose "nodes" is an array of flat field/value arrays with an "id"); empty when unreadable.
QHash<QString, int> shardsFromReply(const RedisReply &reply);

} // namespace rcs
