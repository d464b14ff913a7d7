#include "cluster_convergence.h"

#include <QCoreApplication>
#include <QHash>

namespace rcs {

namespace {
// The translation context of this file's texts: the GUI shows them in its language, the
// headless commands (which load no translation) in English.
struct Text {
    Q_DECLARE_TR_FUNCTIONS(rcs::ClusterConvergence)
};
} // namespace

namespace {
QString shortId(const QString &id)
{
    return id.left(8);
}

// The gaps in one node's view of one expected node.
void compareLine(const NodeView &view, const ExpectedNode &node, const ClusterNodeInfo &line,
                 QStringList *gaps)
{
    const QString viewer = view.address.toString();
    const QString who = QStringLiteral("%1 (%2)").arg(node.address.toString(), shortId(node.id));
    if (line.address != node.address) {
        gaps->append(
            Text::tr("%1 lists %2 at %3")
                .arg(viewer, who, line.hasAddress() ? line.address.toString() : Text::tr("no address")));
    }
    if (!line.isMyself() && !line.linkConnected)
        gaps->append(Text::tr("%1 has no connected link to %2").arg(viewer, who));
    if (line.isFail() || line.isPfail() || line.isNoAddr())
        gaps->append(Text::tr("%1 flags %2 as %3").arg(viewer, who, nodeFlagsToString(line.flags)));
    if (node.master) {
        if (!line.isMaster())
            gaps->append(Text::tr("%1 does not see %2 as a master yet").arg(viewer, who));
        if (line.slotSet != node.slotSet) {
            gaps->append(Text::tr("%1 sees %2 with slots '%3' instead of '%4'")
                             .arg(viewer, who, line.slotSet.toString(), node.slotSet.toString()));
        }
    } else if (!line.isReplica() || line.masterId != node.masterId) {
        gaps->append(
            Text::tr("%1 does not see %2 as a replica of %3 yet").arg(viewer, who, shortId(node.masterId)));
    }
}
} // namespace

QStringList convergenceGaps(const QList<ExpectedNode> &expected, const QList<NodeView> &views)
{
    QStringList gaps;
    QHash<NodeAddress, const NodeView *> viewAt;
    for (const NodeView &view : views)
        viewAt.insert(view.address, &view);
    QHash<QString, const ExpectedNode *> expectedById;
    for (const ExpectedNode &node : expected)
        expectedById.insert(node.id, &node);

    for (const ExpectedNode &viewerNode : expected) {
        const NodeView *view = viewAt.value(viewerNode.address);
        const QString viewer = viewerNode.address.toString();
        if (!view) {
            gaps.append(Text::tr("%1 was not asked").arg(viewer));
            continue;
        }
        if (!view->reachable) {
            gaps.append(Text::tr("%1 did not answer (%2)").arg(viewer, view->error));
            continue;
        }
        if (!view->info || !view->info->isOk()) {
            gaps.append(Text::tr("%1 reports cluster_state:%2")
                            .arg(viewer, view->info ? view->info->state : QStringLiteral("unknown")));
        }
        QHash<QString, const ClusterNodeInfo *> lines;
        for (const ClusterNodeInfo &line : view->nodes) {
            if (line.isMyself() && line.id != viewerNode.id) {
                gaps.append(Text::tr("%1 answers with the node id %2, not %3")
                                .arg(viewer, shortId(line.id), shortId(viewerNode.id)));
                continue;
            }
            if (line.isHandshake()) {
                gaps.append(
                    Text::tr("%1 is still in a handshake with %2").arg(viewer, line.address.toString()));
                continue;
            }
            if (!expectedById.contains(line.id)) {
                gaps.append(Text::tr("%1 knows a node that is not part of the cluster: %2 at %3")
                                .arg(viewer, shortId(line.id), line.address.toString()));
                continue;
            }
            lines.insert(line.id, &line);
        }
        for (const ExpectedNode &node : expected) {
            const ClusterNodeInfo *line = lines.value(node.id);
            if (!line) {
                gaps.append(Text::tr("%1 does not know %2 (%3) yet")
                                .arg(viewer, node.address.toString(), shortId(node.id)));
                continue;
            }
            compareLine(*view, node, *line, &gaps);
            const QString shard = node.master ? QString() : shardGap(*view, node.id, node.masterId);
            if (!shard.isEmpty())
                gaps.append(shard);
        }
    }
    return gaps;
}

QString shardGap(const NodeView &view, const QString &replicaId, const QString &masterId)
{
    // Valkey: until the viewer places the replica in its master's shard, a restart of the viewer would
    // find its own nodes.conf "corrupted" (see NodeView::shardOf).
    if (view.shardOf.isEmpty() || view.shardOf.value(replicaId, -1) == view.shardOf.value(masterId, -2))
        return QString();
    return Text::tr("%1 does not yet place replica %2 in the shard of its master %3")
        .arg(view.address.toString(), shortId(replicaId), shortId(masterId));
}

} // namespace rcs
