#pragma once

#include "redis/node_address.h"
#include "redis/redis_pool.h"

#include <QList>

namespace rcs::ops {

// Redis nodes at plain addresses (no Kubernetes): the seeds an operation starts from and how to log
// in to them. One reachable seed is enough where the operation discovers the others.
struct EndpointTarget {
    QList<NodeAddress> nodes;
    // Password and ACL user (AUTH) and the connection timeouts; the password is never logged.
    RedisConnectionOptions connection;
};

} // namespace rcs::ops
