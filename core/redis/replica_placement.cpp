#include "replica_placement.h"

#include <QCoreApplication>

#include <tuple>

namespace rcs {

namespace {
// The translation context of this file's texts: the GUI shows them in its language, the
// headless commands (which load no translation) in English.
struct Text {
    Q_DECLARE_TR_FUNCTIONS(rcs::ReplicaPlacement)
};
} // namespace

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
        return Error(ErrorCode::Refused,
                     Text::tr("The cluster has no healthy master serving slots, so a replica has nothing to "
                              "follow; check the cluster first."));
    }
    return best->id;
}

} // namespace rcs
