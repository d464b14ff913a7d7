#include "topology_view.h"

#include "host_group_item.h"
#include "legend_item.h"
#include "node_card_item.h"
#include "slot_bar_item.h"
#include "theme.h"
#include "topology_model.h"

#include <QApplication>
#include <QContextMenuEvent>
#include <QGraphicsScene>
#include <QPainter>
#include <QTimer>
#include <QWheelEvent>

#include <algorithm>

namespace rcs::ui {

namespace {
constexpr qreal kMinZoom = 0.08;
constexpr qreal kMaxZoom = 4.0;
} // namespace

bool TopologyView::relayoutPending() const
{
    return m_relayoutTimer->isActive();
}

TopologyView::TopologyView(TopologyModel *model, QWidget *parent)
    : QGraphicsView(parent)
    , m_model(model)
    , m_scene(new QGraphicsScene(this))
    , m_slotBar(new SlotBarItem)
    , m_legend(new LegendItem)
    , m_relayoutTimer(new QTimer(this))
{
    setScene(m_scene);
    setRenderHints(QPainter::Antialiasing | QPainter::TextAntialiasing | QPainter::SmoothPixmapTransform);
    setDragMode(ScrollHandDrag);
    setTransformationAnchor(AnchorUnderMouse);
    setResizeAnchor(AnchorViewCenter);
    setViewportUpdateMode(SmartViewportUpdate);
    setFrameShape(QFrame::NoFrame);
    setAlignment(Qt::AlignHCenter | Qt::AlignTop);
    setBackgroundBrush(Theme::sceneBackground());
    m_scene->setItemIndexMethod(QGraphicsScene::BspTreeIndex);
    m_scene->addItem(m_slotBar);
    m_scene->addItem(m_legend);
    m_slotBar->setVisible(false);
    m_legend->setVisible(false);
    m_placeholder = tr("No cluster to show yet."); // the window replaces it with what it knows
    m_relayoutTimer->setSingleShot(true);
    m_relayoutTimer->setInterval(150);
    connect(m_relayoutTimer, &QTimer::timeout, this, &TopologyView::relayout);

    connect(m_scene, &QGraphicsScene::selectionChanged, this, &TopologyView::onSceneSelectionChanged);
    connect(model, &TopologyModel::nodeAdded, this, &TopologyView::addCard);
    connect(model, &TopologyModel::nodeRemoved, this, &TopologyView::removeCard);
    connect(model, &TopologyModel::nodeChanged, this, &TopologyView::updateCard);
    connect(model, &TopologyModel::snapshotApplied, this, &TopologyView::relayout);
    connect(model, &TopologyModel::selectionChanged, this, &TopologyView::onModelSelectionChanged);
    for (const NodeCard &card : model->nodes())
        addCard(card.key());
    relayout();
}

TopologyView::~TopologyView()
{
    // The scene dies after this body; deleting a selected card then must not call back into a view
    // that is half gone.
    m_scene->disconnect(this);
    m_relayoutTimer->stop();
}

qreal TopologyView::zoom() const
{
    return transform().m11();
}

void TopologyView::setSlotHeat(std::vector<qint64> keys)
{
    m_slotBar->setHeat(std::move(keys));
    relayout();
}

void TopologyView::setPlaceholderText(const QString &text)
{
    m_placeholder = text;
    viewport()->update();
}

void TopologyView::addCard(const QString &key)
{
    const NodeCard *card = m_model->node(key);
    if (!card || m_cards.contains(key))
        return;
    auto *item = new NodeCardItem(*card);
    item->setVisible(!m_overview);
    m_scene->addItem(item);
    m_cards.insert(key, item);
}

void TopologyView::removeCard(const QString &key)
{
    delete m_cards.take(key);
}

void TopologyView::updateCard(const QString &key)
{
    if (NodeCardItem *item = m_cards.value(key)) {
        if (const NodeCard *card = m_model->node(key))
            item->setCard(*card);
    }
}

void TopologyView::onSceneSelectionChanged()
{
    if (m_syncingSelection)
        return;
    QString key;
    for (QGraphicsItem *item : m_scene->selectedItems()) {
        if (item->type() == NodeCardItem::Type) {
            key = static_cast<NodeCardItem *>(item)->key();
            break;
        }
    }
    m_syncingSelection = true;
    m_model->setSelectedKey(key);
    m_syncingSelection = false;
    updateEdges();
}

void TopologyView::onModelSelectionChanged(const QString &key)
{
    if (m_syncingSelection)
        return;
    m_syncingSelection = true;
    m_scene->clearSelection();
    if (NodeCardItem *item = m_cards.value(key)) {
        item->setSelected(true);
        ensureVisible(item, 40, 40);
    }
    m_syncingSelection = false;
    updateEdges();
}

void TopologyView::scaleBy(qreal factor)
{
    const qreal target = std::clamp(zoom() * factor, kMinZoom, kMaxZoom);
    if (qFuzzyCompare(target, zoom()))
        return;
    const qreal applied = target / zoom();
    scale(applied, applied);
    applyDetailLevel();
}

void TopologyView::applyDetailLevel()
{
    const bool overview = zoom() < kOverviewZoom;
    if (overview != m_overview) {
        m_overview = overview;
        showDetail(!overview);
    }
    Q_EMIT zoomChanged(zoom());
}

void TopologyView::showDetail(bool detail) const
{
    for (NodeCardItem *card : std::as_const(m_cards))
        card->setVisible(detail);
    for (QGraphicsPathItem *edge : std::as_const(m_edges))
        edge->setVisible(detail);
    for (HostGroupItem *group : std::as_const(m_groups))
        group->setOverview(!detail);
}

void TopologyView::zoomInto(const QRectF &rect)
{
    m_userZoomed = true;
    fitInView(rect.adjusted(-24, -24, 24, 24), Qt::KeepAspectRatio);
    // A box too large to read when fitted is shown from its top left at the smallest readable zoom.
    if (zoom() < kOverviewZoom) {
        setTransform(QTransform::fromScale(kOverviewZoom, kOverviewZoom));
        centerOn(rect.topLeft() + QPointF(viewport()->width(), viewport()->height()) / (2 * kOverviewZoom));
    }
    applyDetailLevel();
}

void TopologyView::zoomIn()
{
    m_userZoomed = true;
    scaleBy(1.25);
}

void TopologyView::zoomOut()
{
    m_userZoomed = true;
    scaleBy(1 / 1.25);
}

void TopologyView::resetZoom()
{
    m_userZoomed = true;
    setTransform(QTransform());
    applyDetailLevel();
}

void TopologyView::fitToView()
{
    const QRectF rect = m_scene->sceneRect();
    if (rect.isEmpty() || m_cards.isEmpty())
        return;
    fitInView(rect, Qt::KeepAspectRatio);
    // A small cluster may grow a little to fill the window, not more: cards stay card-sized.
    constexpr qreal kMaxFitZoom = 1.3;
    if (zoom() > kMaxFitZoom)
        setTransform(QTransform::fromScale(kMaxFitZoom, kMaxFitZoom));
    applyDetailLevel();
}

void TopologyView::wheelEvent(QWheelEvent *event)
{
    if (event->modifiers() & Qt::ControlModifier) {
        m_userZoomed = true;
        scaleBy(std::pow(1.0015, event->angleDelta().y()));
        event->accept();
        return;
    }
    QGraphicsView::wheelEvent(event);
}

void TopologyView::resizeEvent(QResizeEvent *event)
{
    QGraphicsView::resizeEvent(event);
    // The arrangement of the boxes follows the viewport's shape; settle once the resizing pauses.
    m_relayoutTimer->start();
    if (!m_userZoomed)
        fitToView();
}

void TopologyView::mouseDoubleClickEvent(QMouseEvent *event)
{
    QGraphicsView::mouseDoubleClickEvent(event);
    if (QGraphicsItem *item = itemAt(event->position().toPoint())) {
        if (item->type() == NodeCardItem::Type)
            Q_EMIT cardActivated(static_cast<NodeCardItem *>(item)->key());
        else if (m_overview && item->type() == HostGroupItem::Type) {
            zoomInto(item->sceneBoundingRect());
            event->accept();
        }
    }
}

void TopologyView::contextMenuEvent(QContextMenuEvent *event)
{
    if (QGraphicsItem *item = itemAt(event->pos()); item && item->type() == NodeCardItem::Type) {
        Q_EMIT cardMenuRequested(static_cast<NodeCardItem *>(item)->key(), event->globalPos());
        return event->accept();
    }
    QGraphicsView::contextMenuEvent(event);
}

void TopologyView::changeEvent(QEvent *event)
{
    QGraphicsView::changeEvent(event);
    if (event->type() == QEvent::PaletteChange) {
        // Theme switch: cached card pixmaps hold the old colours.
        setBackgroundBrush(Theme::sceneBackground());
        for (QGraphicsItem *item : m_scene->items())
            item->update();
        relayout();
    } else if (event->type() == QEvent::LanguageChange) {
        // The cached pictures hold the old words, and the legend and box titles change their widths.
        for (NodeCardItem *card : std::as_const(m_cards))
            card->retranslate();
        m_legend->retranslate();
        for (QGraphicsItem *item : m_scene->items())
            item->update();
        relayout();
    }
}

void TopologyView::drawForeground(QPainter *painter, const QRectF &rect)
{
    QGraphicsView::drawForeground(painter, rect);
    if (!m_cards.isEmpty() || m_placeholder.isEmpty())
        return;
    painter->save();
    painter->resetTransform();
    QFont font = this->font();
    font.setPointSizeF(font.pointSizeF() + 2);
    painter->setFont(font);
    painter->setPen(Theme::mutedText());
    painter->drawText(viewport()->rect().adjusted(40, 40, -40, -40), Qt::AlignCenter | Qt::TextWordWrap,
                      m_placeholder);
    painter->restore();
}

} // namespace rcs::ui
