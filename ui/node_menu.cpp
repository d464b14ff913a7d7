#include "node_menu.h"

namespace rcs::ui {

int podOrdinal(const QString &podName)
{
    const qsizetype dash = podName.lastIndexOf(QLatin1Char('-'));
    if (dash < 0)
        return -1;
    bool ok = false;
    const int ordinal = podName.mid(dash + 1).toInt(&ok);
    return ok && ordinal >= 0 ? ordinal : -1;
}

QList<NodeMenuAction> nodeMenuActions(const NodeCard &card, const QList<NodeCard> &nodes, bool onKubernetes)
{
    QList<NodeMenuAction> actions;
    if (!card.address.isEmpty())
        actions << NodeMenuAction::Console;
    if (card.role == NodeCard::Role::Replica)
        actions << NodeMenuAction::Failover;
    if (!onKubernetes) {
        if (!card.id.isEmpty())
            actions << NodeMenuAction::Remove;
        return actions;
    }
    // A StatefulSet scales down from its highest ordinal: no other pod can be the one to go.
    int highest = -1;
    for (const NodeCard &node : nodes)
        highest = std::max(highest, podOrdinal(node.podName));
    if (highest >= 0 && podOrdinal(card.podName) == highest)
        actions << NodeMenuAction::Remove;
    if (!card.podName.isEmpty())
        actions << NodeMenuAction::PodLog;
    return actions;
}

} // namespace rcs::ui
