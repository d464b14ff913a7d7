#pragma once

#include "node_card.h"

#include <QList>

namespace rcs::ui {

// What a node card's context menu offers.
enum class NodeMenuAction {
    Console,  // the console dock, sending to this node
    Failover, // replicas only: the failover flow with this replica selected
    Remove,   // the remove-node flow with its confirmation; on Kubernetes only the highest ordinal,
              // the pod a scale-down removes
    PodLog,   // Kubernetes: the pod's last log lines
};

// The actions for card among nodes (the picture's cards), in menu order. Pure, for the tests.
QList<NodeMenuAction> nodeMenuActions(const NodeCard &card, const QList<NodeCard> &nodes, bool onKubernetes);

// The pod ordinal of "redis-app-3" (3); -1 without one.
int podOrdinal(const QString &podName);

} // namespace rcs::ui
