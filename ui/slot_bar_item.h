#pragma once

#include <QColor>
#include <QGraphicsItem>
#include <QList>

namespace rcs::ui {

// The 16384 hash slots as one bar, each range coloured by the master that owns it; unassigned slots
// are hatched and ranges being migrated are marked, so coverage gaps are visible at a glance.
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

    QRectF boundingRect() const override;
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *widget) override;

protected:
    void hoverMoveEvent(QGraphicsSceneHoverEvent *event) override;

private:
    qreal xOf(int slot) const { return m_width * slot / kSlots; }

    qreal m_width = 800;
    QList<Segment> m_segments;
};

} // namespace rcs::ui
