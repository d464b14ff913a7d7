#pragma once

#include "common/result.h"
#include "redis/cluster_topology.h"

namespace rcs {

// The master a new replica in host group `hostGroup` should follow: among masters serving slots, the
// one with the fewest replicas in a different host group; only if every such master shares the group,
// the one with the fewest replicas overall. Ties go to the master with the lowest slot.
// Errors (Refused): the topology has no master serving slots.
Result<QString> chooseMasterForReplica(const ClusterTopology &topology, const QString &hostGroup);

} // namespace rcs
