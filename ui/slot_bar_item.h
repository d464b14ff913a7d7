#pragma once

#include <QColor>
#include <QGraphicsItem>
#include <QList>

#include <vector>

namespace rcs::ui {

// The 16384 hash slots as one bar, each range coloured by the master that owns it; unassigned slots
// are hatched and ranges being migrated are marked, so coverage gaps are visible at a glance. Under it,
// once a slot-heat run filled it, a heat strip: each slot's key count as colour intensity, with a legend.
class SlotBarItem final : public QGraphicsItem {
public:
    static constexpr int kSlots = 16384;
    static constexpr qreal kBarHeight = 18;

    struct Segment {
        int first = 0;
        int last = 0;
        QColor color;
        QString owner;
        bool moving = false;
    };

    SlotBarItem();

    void setWidth(qreal width);
    void setSegments(const QList<Segment> &segments);
    // The owner of a slot, or an empty string when unassigned.
    QString ownerOf(int slot) const;
    // Keys per slot (kSlots counts, -1 where not read); an empty list removes the strip.
    void setHeat(std::vector<qint64> keys);
    const std::vector<qint64> &heat() const { return m_heat; }
    // The height the heat strip and its legend add below the bar (0 without heat).
    qreal heatHeight() const;

    QRectF boundingRect() const override;
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *widget) override;

protected:
    void hoverMoveEvent(QGraphicsSceneHoverEvent *event) override;

private:
    qreal xOf(int slot) const { return m_width * slot / kSlots; }
    void paintHeat(QPainter *painter, qreal top) const;

    qreal m_width = 800;
    QList<Segment> m_segments;
    std::vector<qint64> m_heat;
    qint64 m_hottest = 0;
};

} // namespace rcs::ui
