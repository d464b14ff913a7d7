#pragma once

#include <algorithm>

namespace rcs {

// How hard the jobs that form or mend a cluster may push its nodes, by cluster size. Every node runs
// a 10 Hz cron over all its peers, so a 100-node cluster on small machines answers slowly: polling all
// nodes every 50 ms and a 1 s cluster-node-timeout (links dropped after 500 ms without PONG, peers
// flagged failed, handshakes abandoned) then slow the formation down or break it, while at 6 or 30
// nodes they are what makes it fast. Measured in bench/RESULTS.md ("create and recover at 100 nodes").

// The interval between two polls of every node: the job's own interval, and 2 ms per node at least.
constexpr int pacedPollIntervalMs(int requestedMs, int nodes)
{
    return std::max(requestedMs, 2 * nodes);
}

// The cluster-node-timeout to use while nodes meet: the job's short value up to 25 nodes, then 40 ms
// per node, never above 5 s (redis-cli's own forming value).
constexpr int pacedNodeTimeoutMs(int shortMs, int nodes)
{
    return std::clamp(40 * nodes, shortMs, std::max(shortMs, 5000));
}

} // namespace rcs
