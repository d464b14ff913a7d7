#pragma once

#include "redis/node_address.h"

#include <QList>

namespace rcs {
class RedisPool;
} // namespace rcs

namespace rcs::bench {

class Transport;

// One CLUSTER INFO round to every node (bounded): do all say cluster_state:ok?
bool allOk(RedisPool &pool, const QList<NodeAddress> &nodes);

// Our create (CreateClusterJob) in-process on nodes reached over transport: the ms from the job's start
// until every node reported cluster_state:ok (polled every ~5 ms), -1 when the job failed or that did
// not happen within timeoutMs (reason printed).
qint64 timeCreateInProcess(const QList<NodeAddress> &nodes, int replicas, int timeoutMs,
                           const Transport &transport);

} // namespace rcs::bench
