#pragma once

#include "common/job.h"
#include "common/result.h"
#include "redis/cluster_topology.h"
#include "redis/node_address.h"
#include "redis/redis_reply.h"

#include <QByteArray>
#include <QList>

namespace rcs {
class RedisPool;
}

namespace rcs::test {

// Starts job and spins the event loop until it finishes (bounded); returns its error, or Timeout.
Error runJob(Job *job, int timeoutMs);
// Forms a cluster of addresses with CreateClusterJob (replicasPerMaster each), bounded to 2 minutes.
Error formCluster(const QList<NodeAddress> &addresses, int replicasPerMaster);
// One command on one node through pool, waited for (bounded to 15 s).
Result<RedisReply> ask(RedisPool &pool, const NodeAddress &address, const QList<QByteArray> &argv);
// A Lua script (EVAL it with 0 keys) that keeps the server busy for about 30 ms: a planted slow-log entry
// (DEBUG SLEEP is refused by default on 7.0+).
QByteArray spinScript();
// The cluster as seen from seed (bounded to 30 s).
ClusterTopology scan(RedisPool &pool, const NodeAddress &seed);
// "host: value" for every node whose cluster-node-timeout is not expectedMs (or unreadable); empty when
// all are (a job that lowers it for a moment must put it back).
QString nodeTimeoutsOtherThan(RedisPool &pool, const QList<NodeAddress> &addresses, int expectedMs);

} // namespace rcs::test
