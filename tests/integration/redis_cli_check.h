#pragma once

#include "common/result.h"
#include "redis/cluster_check.h"
#include "redis/cluster_topology.h"
#include "redis/node_address.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace rcs::test {

// One node as `redis-cli --cluster check` lists it under "Performing Cluster Check".
struct RedisCliCheckNode {
    QString id;
    QString address; // ip:port
    bool master = false;
    QString slotRanges; // our text form ("0-5460,5462"), empty when none
    QString masterId;   // for a replica
};

// What the real `redis-cli --cluster check` said about a cluster: its verdict and the nodes it loaded. It
// drops nodes flagged fail, disconnected or noaddr, and nodes it cannot connect to, without listing them.
struct RedisCliCheck {
    int exitCode = -1;
    QList<RedisCliCheckNode> nodes;
    QString output; // stdout and stderr, colour codes removed

    // redis-cli exits 1 after any [ERR]; both are required, in case a version ever prints one and exits 0.
    bool healthy() const { return exitCode == 0 && !output.contains(QLatin1String("[ERR]")); }
    const RedisCliCheckNode *node(const QString &id) const;
};

// Runs `redis-cli --cluster check seed` (bounded) and reads its node list. NotFound when redis-cli (Debian
// package redis-tools) is not installed. The password, if any, goes on its command line (tests only).
Result<RedisCliCheck> runRedisCliCheck(const NodeAddress &seed, const QString &password = {});

// How redis-cli's node list differs from our topology (ids, addresses, roles, slots, masters), leaving
// out the nodes in leftOut; empty when it does not.
QString nodeListDifference(const RedisCliCheck &theirs, const ClusterTopology &ours,
                           const QStringList &leftOut = {});

// Empty when redis-cli and our check reach the same verdict and, when both call the cluster healthy,
// list the same nodes the same way; otherwise what differs, with both reports.
QString disagreement(const RedisCliCheck &theirs, const ClusterCheckReport &ours,
                     const ClusterTopology &topology);

// Scans the cluster from seed, checks it with our check and with redis-cli's, and compares them: the
// one call an integration test makes after every cluster our create forms. Empty when they agree.
QString redisCliDisagreement(const NodeAddress &seed);

} // namespace rcs::test
