#pragma once

#include "redis/cluster_topology.h"
#include "redis/node_views.h"
#include "redis/rebalance_planner.h"
#include "redis/redis_connection.h"

#include <QHash>
#include <QList>
#include <QString>

#include <functional>

namespace rcs {

class RedisPool;

// Small helpers shared by the lifecycle jobs (recover, add/remove node, rebalance, failover, fix).

// The one helper that sends a command that changes something and logs it (category "redis") with its
// redis-cli equivalent (redisCliLine: valkey-cli for a Valkey node; CLUSTER ADDSLOTS of consecutive
// slots shown as a brace range {FIRST..LAST}).
void sendLogged(RedisPool *pool, const NodeAddress &address, const QList<QByteArray> &argv,
                const QString &what, const QObject *context, RedisConnection::Callback callback,
                int timeoutMs = 0);

// The receiving masters of the plan's moves, each once, in move order.
QList<NodeAddress> receivingMasters(const SlotPlan &plan, const QHash<QString, NodeAddress> &addressById);

// Every address's view (fetchViews); done gets the first address that does not report
// cluster_state:ok (or does not answer), empty when all do. Never called after context died.
void findNotOk(RedisPool *pool, const QList<NodeAddress> &addresses, const QObject *context,
               std::function<void(const QString &notReady)> done);

// The node's own line in a view, or null.
const ClusterNodeInfo *myselfIn(const NodeView &view);

} // namespace rcs
