#pragma once

#include <QList>
#include <QString>

#include <optional>

namespace rcs {

struct ClusterSurvey;

// A replica pod that a stopped upgrade left not Ready (its new image does not start, say), with the
// cluster node it ran: the node keeps its id on the pod's volume and comes back under it.
struct StalledReplica {
    QString pod;
    QString nodeId;
    QString masterId;
};

// Pure: when the cluster's only problems are replica pods of a stopped upgrade (the StatefulSet still
// carries kPreviousStrategyAnnotation) that are not Ready, the pods with their nodes; otherwise nothing.
// Only then may an upgrade go on — the rollback is an upgrade back to the previous image — since every
// slot is served all the same:
//  - every pod of the StatefulSet exists, and at least one is not Ready;
//  - every one of the 16384 slots is owned by a reachable master, no slot is open, the reachable nodes
//    agree on the owners;
//  - every node that could not be asked is a replica, and each belongs to a pod that is not Ready:
//    by the pod's IP, or, for the one pod without a node and the one unreachable node without a pod
//    (the pod came back on a new IP), by elimination. More than one such pair cannot be told apart.
std::optional<QList<StalledReplica>> stalledRolloutReplicas(const ClusterSurvey &found);

} // namespace rcs
