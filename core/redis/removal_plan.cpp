#include "removal_plan.h"

#include "redis/rebalance_planner.h"
#include "redis/redis_cli_line.h"

#include <QCoreApplication>
#include <QMap>

namespace rcs {

namespace {
struct Text {
    Q_DECLARE_TR_FUNCTIONS(rcs::RemovalPlan)
};
} // namespace

Result<RemovalPlan> planRemoval(const ClusterTopology &topology, const QString &requestedId)
{
    QList<const TopologyNode *> matches;
    for (const TopologyNode &node : topology.nodes()) {
        if (!requestedId.isEmpty() && node.id.startsWith(requestedId))
            matches.append(&node);
    }
    if (matches.size() != 1) {
        return Error(
            ErrorCode::InvalidInput,
            matches.isEmpty()
                ? Text::tr("No node of the cluster has the id '%1'; see status for the ids.").arg(requestedId)
                : Text::tr("'%1' matches %2 nodes; give more of the id.")
                      .arg(requestedId)
                      .arg(matches.size()));
    }
    RemovalPlan plan;
    plan.node = *matches.first();
    const QString id = plan.node.id;
    if (plan.node.isMaster() && !plan.node.slotSet.isEmpty()) {
        QList<MasterSlots> owned;
        for (const TopologyNode &master : topology.masters())
            owned.append(MasterSlots{master.id, master.slotSet});
        if (owned.size() == 1)
            return Error(ErrorCode::Refused,
                         Text::tr("%1 is the only master; add another master before removing it.")
                             .arg(plan.node.address.toString()));
        const Result<SlotPlan> drain = planDrain(owned, id);
        if (!drain)
            return drain.error();
        QMap<QString, int> byTarget;
        for (const SlotMove &move : drain->moves)
            byTarget[move.targetId] += move.slotSet.count();
        for (auto it = byTarget.cbegin(); it != byTarget.cend(); ++it)
            plan.drainTargets.append({it.key(), it.value()});
    }
    plan.replicas = topology.replicasOf(id);
    for (const TopologyNode &node : topology.nodes()) {
        if (node.id != id && node.reachable)
            plan.forgetters.append(node.address);
    }
    return plan;
}

QList<EquivalentCommand> removalCommands(const RemovalPlan &plan, const RedisPool *pool,
                                         const NodeAddress &seed,
                                         const std::function<QString(const QString &id)> &name)
{
    const QString id = plan.node.id;
    QList<EquivalentCommand> commands;
    for (const auto &[target, count] : plan.drainTargets) {
        commands.append({Text::tr("Move %1 slots from %2 to %3").arg(count).arg(name(id), name(target)),
                         reshardLine(pool, seed, id, target, count)});
    }
    commands.append({Text::tr("Remove %1 from the cluster").arg(name(id)),
                     redisCliClusterLine(pool, seed, QStringLiteral("del-node"), {seed.toString(), id})});
    return commands;
}

} // namespace rcs
