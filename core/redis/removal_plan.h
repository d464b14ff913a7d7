#pragma once

#include "common/result.h"
#include "redis/cluster_topology.h"

#include <QList>
#include <QPair>
#include <QString>

#include <functional>

namespace rcs {

class RedisPool;

// What removing one node does, read from the cluster before anything changes: the node, where its
// slots go (planDrain: the emptiest masters first), its replicas (they follow other masters) and the
// nodes that must forget it. RemoveNodeJob runs it; both remove-node forms list it before --yes.
struct RemovalPlan {
    TopologyNode node;
    QList<QPair<QString, int>> drainTargets; // receiving master id and slot count, by id
    QList<TopologyNode> replicas;
    QList<NodeAddress> forgetters; // every other reachable node: each sends CLUSTER FORGET
};

// The node is given by id or a unique prefix.
// Error behaviour: InvalidInput for an unknown or ambiguous id; Refused when it is the only master
// and holds slots; planDrain's errors.
Result<RemovalPlan> planRemoval(const ClusterTopology &topology, const QString &requestedId);

struct EquivalentCommand {
    QString message;
    QString command;
};

// The lines a person would type for the plan against seed (redis_cli_line's builder: valkey-cli for a
// Valkey node, the pool's credential options; pool may be null): one `--cluster reshard` per drain
// target, then `--cluster del-node`. `name` names a node id in the messages (a pod name, an address).
QList<EquivalentCommand> removalCommands(const RemovalPlan &plan, const RedisPool *pool,
                                         const NodeAddress &seed,
                                         const std::function<QString(const QString &id)> &name);

} // namespace rcs
