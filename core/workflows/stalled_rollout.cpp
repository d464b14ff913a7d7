#include "stalled_rollout.h"

#include "upgrade_planner.h"
#include "workflow.h"

#include <algorithm>

namespace rcs {

std::optional<QList<StalledReplica>> stalledRolloutReplicas(const ClusterSurvey &found)
{
    const Deployment &deployment = found.deployment;
    const bool rolloutStopped = deployment.statefulSet.value(QLatin1String("metadata"))
                                    .toObject()
                                    .value(QLatin1String("annotations"))
                                    .toObject()
                                    .contains(QLatin1String(kPreviousStrategyAnnotation));
    if (!deployment.statefulSetExists || !rolloutStopped || deployment.pods.size() != deployment.replicas)
        return std::nullopt;
    const ClusterTopology &topology = found.topology;
    if (topology.isEmpty() || !topology.uncoveredSlots().isEmpty() || !topology.contestedSlots().isEmpty() ||
        !topology.openSlots().isEmpty() || !topology.slotsAgree() || !topology.pendingHandshakes().isEmpty())
        return std::nullopt;

    QList<StalledReplica> stalled;
    QStringList podsWithoutNode;
    for (const PodState &pod : deployment.pods) {
        if (pod.isReady())
            continue;
        const TopologyNode *node = found.nodeOfPod(pod.info.name);
        if (node && !node->isReplica())
            return std::nullopt;
        if (node)
            stalled.append({pod.info.name, node->id, node->masterId});
        else
            podsWithoutNode.append(pod.info.name);
    }
    if (stalled.isEmpty() && podsWithoutNode.isEmpty())
        return std::nullopt;
    QList<const TopologyNode *> nodesWithoutPod;
    for (const TopologyNode &node : topology.nodes()) {
        const bool stalledNode = std::any_of(stalled.cbegin(), stalled.cend(),
                                             [&](const StalledReplica &s) { return s.nodeId == node.id; });
        if (stalledNode)
            continue;
        if (node.isMaster() && (!node.reachable || node.isFailing()))
            return std::nullopt; // a master down: its slots are not served
        if (node.reachable && !node.isFailing())
            continue;
        if (!node.isReplica() || node.pod)
            return std::nullopt; // a problem that is not a pod of the rollout
        nodesWithoutPod.append(&node);
    }
    if (podsWithoutNode.size() != nodesWithoutPod.size() || podsWithoutNode.size() > 1)
        return std::nullopt;
    if (!podsWithoutNode.isEmpty())
        stalled.append(
            {podsWithoutNode.first(), nodesWithoutPod.first()->id, nodesWithoutPod.first()->masterId});
    return stalled;
}

} // namespace rcs
