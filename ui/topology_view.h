#pragma once

#include <QGraphicsView>
#include <QHash>
#include <QPointer>

#include <vector>

class QGraphicsPathItem;
class QTimer;

namespace rcs::ui {

class HostGroupItem;
class LegendItem;
class NodeCardItem;
class SlotBarItem;
class TopologyModel;

// Draws a TopologyModel: Kubernetes nodes as boxes holding the cards of the Redis nodes that run on
// them, a master followed by the replicas that share its Kubernetes node, the slot bar on top and a
// legend. Items are created, updated and removed from the model's fine-grained signals, so a refresh
// neither flickers nor loses the selection or the zoom.
class TopologyView final : public QGraphicsView {
    Q_OBJECT
public:
    // True while a relayout is scheduled (it coalesces bursts of model changes); tests wait on it.
    bool relayoutPending() const;
    explicit TopologyView(TopologyModel *model, QWidget *parent = nullptr);
    ~TopologyView() override;

    TopologyModel *model() const { return m_model; }
    NodeCardItem *cardItem(const QString &key) const { return m_cards.value(key); }
    int cardCount() const { return int(m_cards.size()); }
    int groupCount() const { return int(m_groups.size()); }
    qreal zoom() const;
    // Below this zoom the cards are too small to read: the boxes show what runs in them instead (the
    // overview), and painting a refresh costs a dozen boxes instead of hundreds of cards.
    static constexpr qreal kOverviewZoom = 0.45;
    bool overview() const { return m_overview; }
    // The text shown while there is nothing to draw.
    void setPlaceholderText(const QString &text);

    // Renders the whole topology (not just the visible part) at the given scale.
    QImage renderImage(qreal scale = 2.0) const;
    // The heat strip under the slot bar: keys per slot from a slot-heat run (-1 where not read); an
    // empty list removes it.
    void setSlotHeat(std::vector<qint64> keys);
    // Writes a PNG or an SVG, chosen by the file suffix; on failure returns false with a sentence in *error.
    bool exportPicture(const QString &path, QString *error) const;

public Q_SLOTS:
    void zoomIn();
    void zoomOut();
    void resetZoom();
    void fitToView();

Q_SIGNALS:
    void zoomChanged(qreal zoom);
    // Double-click on a card, e.g. to open the details.
    void cardActivated(const QString &key);
    // Right click (or the menu key) on a card: the window offers the node's actions at globalPos.
    void cardMenuRequested(const QString &key, const QPoint &globalPos);

protected:
    void wheelEvent(QWheelEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void drawForeground(QPainter *painter, const QRectF &rect) override;
    void mouseDoubleClickEvent(QMouseEvent *event) override;
    void contextMenuEvent(QContextMenuEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    void addCard(const QString &key);
    void removeCard(const QString &key);
    void updateCard(const QString &key);
    void relayout();
    void updateEdges();
    void onSceneSelectionChanged();
    void onModelSelectionChanged(const QString &key);
    void scaleBy(qreal factor);
    // Cards or the boxes' summaries, after the zoom changed or items were added; then zoomChanged.
    void applyDetailLevel();
    void showDetail(bool detail) const; // the items change, not the view
    // The whole scene with its cards into target (a picture), with the scene's background.
    void renderScene(QPainter *painter, const QRectF &target) const;
    void zoomInto(const QRectF &rect);
    QRectF contentRect() const;

    QPointer<TopologyModel> m_model;
    QGraphicsScene *m_scene;
    QHash<QString, NodeCardItem *> m_cards;
    QHash<QString, HostGroupItem *> m_groups;
    QList<QGraphicsPathItem *> m_edges;
    SlotBarItem *m_slotBar;
    LegendItem *m_legend;
    QTimer *m_relayoutTimer;
    QString m_placeholder;
    bool m_userZoomed = false;
    bool m_syncingSelection = false;
    bool m_overview = false;
};

} // namespace rcs::ui
