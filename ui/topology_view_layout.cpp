// Where TopologyView puts things: cards grouped by host (Kubernetes node) in boxes, masters with their
// replicas, the slot bar and the legend, and the edges from replicas to their masters.
#include "topology_view.h"

#include "host_group_item.h"
#include "legend_item.h"
#include "node_card_item.h"
#include "slot_bar_item.h"
#include "theme.h"
#include "topology_model.h"

#include <QApplication>
#include <QCollator>
#include <QGraphicsPathItem>
#include <QGraphicsScene>
#include <QSet>

#include <algorithm>
#include <cmath>

namespace rcs::ui {

namespace {
constexpr qreal kGap = 12;      // between cards
constexpr qreal kGroupGap = 20; // between Kubernetes node boxes
constexpr qreal kExportMargin = 24;

QString groupName(const NodeCard &card)
{
    return card.hostGroup.isEmpty() ? QObject::tr("unknown node") : card.hostGroup;
}

int firstSlot(const NodeCard &card)
{
    return card.slotRanges.isEmpty() ? 1 << 20 : card.slotRanges.first().first;
}
} // namespace

void TopologyView::relayout()
{
    const QList<NodeCard> &nodes = m_model->nodes();

    // Owner colours: masters in slot order, so the slot bar reads left to right like the cards.
    QList<const NodeCard *> masters;
    for (const NodeCard &card : nodes) {
        if (card.isMaster())
            masters.append(&card);
    }
    std::stable_sort(masters.begin(), masters.end(), [](const NodeCard *a, const NodeCard *b) {
        return firstSlot(*a) != firstSlot(*b) ? firstSlot(*a) < firstSlot(*b)
                                              : a->displayName() < b->displayName();
    });
    QHash<QString, QColor> ownerColor;
    QHash<QString, int> masterOrder;
    QList<SlotBarItem::Segment> segments;
    for (int i = 0; i < masters.size(); ++i) {
        const QColor color = Theme::ownerColor(i);
        ownerColor.insert(masters[i]->id, color);
        masterOrder.insert(masters[i]->key(), i);
        for (const auto &range : masters[i]->slotRanges)
            segments.append({range.first, range.second, color, masters[i]->displayName(), false});
    }

    // Group the cards by Kubernetes node; a master heads a unit followed by its replicas on the same node.
    QHash<QString, QList<const NodeCard *>> byGroup;
    for (const NodeCard &card : nodes)
        byGroup[groupName(card)].append(&card);
    QStringList groupNames = byGroup.keys();
    QCollator collator;
    collator.setNumericMode(true);
    std::sort(groupNames.begin(), groupNames.end(),
              [&](const QString &a, const QString &b) { return collator.compare(a, b) < 0; });

    for (auto it = m_groups.begin(); it != m_groups.end();) {
        if (!byGroup.contains(it.key())) {
            delete it.value();
            it = m_groups.erase(it);
        } else {
            ++it;
        }
    }

    struct Placed {
        HostGroupItem *group;
        QSizeF size;
        QList<QList<const NodeCard *>> lines;
    };
    QList<Placed> placed;
    qreal widest = 0;
    QSet<QString> colocated;
    for (const QString &name : std::as_const(groupNames)) {
        QList<const NodeCard *> members = byGroup.value(name);
        std::stable_sort(members.begin(), members.end(), [&](const NodeCard *a, const NodeCard *b) {
            const int oa = masterOrder.value(a->key(), 1 << 20);
            const int ob = masterOrder.value(b->key(), 1 << 20);
            return oa != ob ? oa < ob : collator.compare(a->displayName(), b->displayName()) < 0;
        });
        QList<QList<const NodeCard *>> units;
        QSet<QString> used;
        for (const NodeCard *member : std::as_const(members)) {
            if (!member->isMaster())
                continue;
            QList<const NodeCard *> unit{member};
            used.insert(member->key());
            for (const NodeCard *other : std::as_const(members)) {
                if (!other->isMaster() && !other->masterId.isEmpty() && other->masterId == member->id) {
                    unit.append(other);
                    used.insert(other->key());
                    colocated.insert(other->key());
                    colocated.insert(member->key());
                }
            }
            units.append(unit);
        }
        for (const NodeCard *member : std::as_const(members)) {
            if (!used.contains(member->key()))
                units.append({member});
        }
        // Roughly square boxes: many pods on one node wrap into several lines.
        const int perLine = std::max(2, int(std::ceil(std::sqrt(members.size() * 0.6))));
        QList<QList<const NodeCard *>> lines;
        for (const auto &unit : std::as_const(units)) {
            if (!lines.isEmpty() && lines.last().size() + unit.size() <= perLine)
                lines.last().append(unit);
            else
                lines.append(unit);
        }
        qsizetype longest = 1;
        for (const auto &line : std::as_const(lines))
            longest = std::max(longest, line.size());
        int groupMasters = 0;
        int groupReplicas = 0;
        bool warning = false;
        for (const NodeCard *member : std::as_const(members)) {
            groupMasters += member->isMaster() ? 1 : 0;
            groupReplicas += member->role == NodeCard::Role::Replica ? 1 : 0;
            warning = warning || colocated.contains(member->key());
        }
        // Wide enough for the title, up to two cards: a long node name is elided beyond that.
        const qreal cardsWidth =
            2 * HostGroupItem::kPadding + longest * NodeCardItem::kWidth + (longest - 1) * kGap;
        const qreal titleWidth = std::min(HostGroupItem::titleWidth(name, groupMasters, groupReplicas),
                                          2 * HostGroupItem::kPadding + 2 * NodeCardItem::kWidth + kGap);
        const QSizeF size(std::max(cardsWidth, titleWidth),
                          HostGroupItem::kTitleHeight + lines.size() * (NodeCardItem::kHeight + kGap) - kGap +
                              HostGroupItem::kPadding);
        HostGroupItem *group = m_groups.value(name);
        if (!group) {
            group = new HostGroupItem(name);
            group->setOverview(m_overview);
            m_scene->addItem(group);
            m_groups.insert(name, group);
        }
        group->setSize(size);
        group->setCounts(groupMasters, groupReplicas, warning);
        HostGroupSummary summary;
        for (const auto &line : std::as_const(lines)) {
            for (const NodeCard *card : line) {
                summary.members.append({ownerColor.value(card->isMaster() ? card->id : card->masterId),
                                        card->isMaster(), card->state});
                summary.slotCount += card->isMaster() ? card->slotCount() : 0;
            }
        }
        group->setSummary(summary);
        placed.append({group, size, lines});
        widest = std::max(widest, size.width());
    }

    // Flow the boxes into rows; the row width is chosen so that the whole picture fits the viewport
    // at the largest scale (ties go to the wider layout, which reads better on wide screens).
    const qreal top = 104 + m_slotBar->heatHeight();
    const auto flowSize = [&](qreal targetWidth) {
        qreal fx = 0;
        qreal fy = 0;
        qreal frow = 0;
        qreal fwidth = 0;
        for (const Placed &p : std::as_const(placed)) {
            if (fx > 0 && fx + p.size.width() > targetWidth + 1) {
                fx = 0;
                fy += frow + kGroupGap;
                frow = 0;
            }
            fx += p.size.width() + kGroupGap;
            fwidth = std::max(fwidth, fx - kGroupGap);
            frow = std::max(frow, p.size.height());
        }
        return QSizeF(fwidth, fy + frow);
    };
    const QSizeF viewportSize(std::max(200, viewport()->width()), std::max(200, viewport()->height()));
    qreal targetWidth = widest;
    qreal bestScore = -1;
    for (qsizetype columns = 1; columns <= placed.size(); ++columns) {
        const qreal candidate = columns * (widest + kGroupGap);
        const QSizeF size = flowSize(candidate);
        const qreal scale = std::min((viewportSize.width() - 2 * kExportMargin) / size.width(),
                                     (viewportSize.height() - 2 * kExportMargin) / (size.height() + top));
        const qreal score = std::min(scale, 1.3); // the fit zoom limit
        if (score >= bestScore - 1e-6) {
            bestScore = score;
            targetWidth = candidate;
        }
    }
    qreal x = 0;
    qreal y = top;
    qreal rowHeight = 0;
    qreal contentWidth = 0;
    for (const Placed &p : std::as_const(placed)) {
        if (x > 0 && x + p.size.width() > targetWidth + 1) {
            x = 0;
            y += rowHeight + kGroupGap;
            rowHeight = 0;
        }
        p.group->setPos(x, y);
        qreal cy = y + HostGroupItem::kTitleHeight;
        for (const auto &line : p.lines) {
            qreal cx = x + HostGroupItem::kPadding;
            for (const NodeCard *card : line) {
                if (NodeCardItem *item = m_cards.value(card->key())) {
                    item->setPos(cx, cy);
                    item->setOwnerColor(card->isMaster() ? ownerColor.value(card->id)
                                                         : ownerColor.value(card->masterId));
                    item->setColocated(colocated.contains(card->key()));
                }
                cx += NodeCardItem::kWidth + kGap;
            }
            cy += NodeCardItem::kHeight + kGap;
        }
        x += p.size.width() + kGroupGap;
        contentWidth = std::max(contentWidth, x - kGroupGap);
        rowHeight = std::max(rowHeight, p.size.height());
    }

    const bool any = !nodes.isEmpty();
    m_slotBar->setVisible(any);
    m_legend->setVisible(any);
    contentWidth = std::max(contentWidth, std::min(m_legend->boundingRect().width(), qreal(1400)));
    m_slotBar->setWidth(contentWidth);
    m_slotBar->setSegments(segments);
    m_slotBar->setPos(0, 0);
    m_legend->setPos(0, 64 + m_slotBar->heatHeight());
    updateEdges();

    m_scene->setSceneRect(
        contentRect().adjusted(-kExportMargin, -kExportMargin, kExportMargin, kExportMargin));
    if (!m_userZoomed)
        fitToView();
    viewport()->update();
}

QRectF TopologyView::contentRect() const
{
    QRectF rect;
    for (QGraphicsItem *item : m_scene->items()) {
        if (item->isVisible())
            rect |= item->sceneBoundingRect();
    }
    return rect;
}

void TopologyView::updateEdges()
{
    qDeleteAll(m_edges);
    m_edges.clear();
    const NodeCard *selected = m_model->node(m_model->selectedKey());
    if (!selected)
        return;
    // Replication lines for the selected node only: with all of them drawn, 200 nodes become a hairball.
    const QString masterId = selected->isMaster() ? selected->id : selected->masterId;
    NodeCardItem *master = nullptr;
    for (NodeCardItem *item : std::as_const(m_cards)) {
        if (item->card().isMaster() && item->card().id == masterId && !masterId.isEmpty())
            master = item;
    }
    if (!master)
        return;
    for (NodeCardItem *item : std::as_const(m_cards)) {
        if (item->card().isMaster() || item->card().masterId != masterId)
            continue;
        const QPointF from = master->sceneBoundingRect().center();
        const QPointF to = item->sceneBoundingRect().center();
        QPainterPath path(from);
        const QPointF mid = (from + to) / 2 + QPointF(0, -std::min(80.0, QLineF(from, to).length() / 4));
        path.quadTo(mid, to);
        QColor color = QApplication::palette().color(QPalette::Highlight);
        auto *edge = m_scene->addPath(path, QPen(color, 2.2, Qt::DashLine, Qt::RoundCap));
        edge->setZValue(5);
        edge->setOpacity(0.85);
        edge->setVisible(!m_overview);
        m_edges.append(edge);
    }
}

} // namespace rcs::ui
