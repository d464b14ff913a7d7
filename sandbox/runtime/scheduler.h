#pragma once

#include <QJsonObject>
#include <QList>
#include <QStringList>

namespace sandbox {

struct SchedulingDecision {
    QString nodeName; // empty: the pod cannot be scheduled now
    QString message;  // why not, in the scheduler's words (for the PodScheduled condition)
};

// Picks a node for a pod among the ready simulated nodes: nodeSelector and required pod anti-affinity
// filter; preferred pod anti-affinity (weighted count of matching pods in the same topology domain)
// scores, lower is better; then the least-loaded node; ties go to the first name. Only the
// kubernetes.io/hostname topology distinguishes nodes (every simulated node is in one zone).
// existingPods: the pods already placed (spec.nodeName set), in any namespace.
SchedulingDecision schedulePod(const QJsonObject &pod, const QStringList &readyNodes,
                               const QList<QJsonObject> &existingPods, int totalNodes);

} // namespace sandbox
