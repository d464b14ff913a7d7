#include "replica_placement.h"

#include <tuple>

namespace rcs {

Result<QString> chooseMasterForReplica(const ClusterTopology &topology, const QString &hostGroup)
{
    const TopologyNode *best = nullptr;
    std::tuple<bool, qsizetype> bestKey;
    // masters() is ordered by lowest slot, so the first of equal keys wins the tie.
    const QList<TopologyNode> masters = topology.masters();
    for (const TopologyNode &master : masters) {
        if (master.slotSet.isEmpty() || master.flags.testFlag(NodeFlag::Fail))
            continue;
        const std::tuple<bool, qsizetype> key{master.hostGroup == hostGroup,
                                              topology.replicasOf(master.id).size()};
        if (!best || key < bestKey) {
            best = topology.node(master.id);
            bestKey = key;
        }
    }
    if (!best) {
        return Error(
            ErrorCode::Refused,
            QStringLiteral("The cluster has no healthy master serving slots, so a replica has nothing to "
                           "follow; check the cluster first."));
    }
    return best->id;
}

} // namespace rcs
