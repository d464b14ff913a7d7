#include "slot_bar_item.h"

#include "theme.h"

#include <QApplication>
#include <QGraphicsSceneHoverEvent>
#include <QPainter>
#include <QPainterPath>

namespace rcs::ui {

namespace {
constexpr qreal kLabelHeight = 22;
constexpr qreal kTicksHeight = 16;
} // namespace

SlotBarItem::SlotBarItem()
{
    setAcceptHoverEvents(true);
}

void SlotBarItem::setWidth(qreal width)
{
    if (qFuzzyCompare(m_width, width))
        return;
    prepareGeometryChange();
    m_width = width;
}

void SlotBarItem::setSegments(const QList<Segment> &segments)
{
    m_segments = segments;
    update();
}

QString SlotBarItem::ownerOf(int slot) const
{
    for (const Segment &segment : m_segments) {
        if (slot >= segment.first && slot <= segment.last && !segment.moving)
            return segment.owner;
    }
    return {};
}

QRectF SlotBarItem::boundingRect() const
{
    return QRectF(0, 0, m_width, kLabelHeight + kBarHeight + kTicksHeight);
}

void SlotBarItem::hoverMoveEvent(QGraphicsSceneHoverEvent *event)
{
    const int slot = qBound(0, int(event->pos().x() / m_width * kSlots), kSlots - 1);
    const QString owner = ownerOf(slot);
    setToolTip(owner.isEmpty() ? QObject::tr("Slot %1: not assigned").arg(slot)
                               : QObject::tr("Slot %1: served by %2").arg(slot).arg(owner));
}

void SlotBarItem::paint(QPainter *painter, const QStyleOptionGraphicsItem *, QWidget *)
{
    painter->setRenderHint(QPainter::Antialiasing);
    const QColor text = QApplication::palette().color(QPalette::Text);
    const QColor muted = Theme::mutedText();

    int covered = 0;
    for (const Segment &segment : std::as_const(m_segments)) {
        if (!segment.moving)
            covered += segment.last - segment.first + 1;
    }
    QFont title = QApplication::font();
    title.setBold(true);
    painter->setFont(title);
    painter->setPen(text);
    painter->drawText(QRectF(0, 0, m_width / 2, kLabelHeight - 4), Qt::AlignLeft | Qt::AlignVCenter,
                      QObject::tr("Hash slots"));
    QFont small = QApplication::font();
    small.setPointSizeF(small.pointSizeF() - 1);
    painter->setFont(small);
    painter->setPen(covered == kSlots ? muted : Theme::stateColor(NodeCard::State::Fail));
    painter->drawText(QRectF(m_width / 2, 0, m_width / 2, kLabelHeight - 4),
                      Qt::AlignRight | Qt::AlignVCenter,
                      covered == kSlots ? QObject::tr("all 16384 slots assigned")
                                        : QObject::tr("%1 of 16384 slots assigned").arg(covered));

    const QRectF bar(0, kLabelHeight, m_width, kBarHeight);
    QPainterPath clip;
    clip.addRoundedRect(bar, 5, 5);
    painter->save();
    painter->setClipPath(clip);
    // Unassigned: hatched.
    painter->fillRect(bar, Theme::groupBackground());
    painter->fillRect(bar, QBrush(Theme::groupBorder(), Qt::BDiagPattern));
    for (const Segment &segment : std::as_const(m_segments)) {
        if (segment.moving)
            continue;
        const QRectF r(xOf(segment.first), bar.top(), xOf(segment.last + 1) - xOf(segment.first),
                       bar.height());
        painter->fillRect(r, segment.color);
    }
    for (const Segment &segment : std::as_const(m_segments)) {
        if (!segment.moving)
            continue;
        const QRectF r(xOf(segment.first), bar.top(), qMax(2.0, xOf(segment.last + 1) - xOf(segment.first)),
                       bar.height());
        painter->fillRect(r, QBrush(Theme::stateColor(NodeCard::State::Migrating), Qt::Dense4Pattern));
    }
    painter->restore();
    painter->setPen(QPen(Theme::groupBorder(), 1));
    painter->setBrush(Qt::NoBrush);
    painter->drawRoundedRect(bar.adjusted(0.5, 0.5, -0.5, -0.5), 5, 5);

    // Ticks at the quarters, labelled with slot numbers.
    painter->setFont(small);
    painter->setPen(muted);
    for (int slot : {0, 4096, 8192, 12288, 16383}) {
        const qreal x = xOf(slot == 16383 ? kSlots : slot);
        painter->drawLine(QPointF(x, bar.bottom() + 1), QPointF(x, bar.bottom() + 4));
        const Qt::Alignment align =
            slot == 0 ? Qt::AlignLeft : (slot == 16383 ? Qt::AlignRight : Qt::AlignHCenter);
        const QRectF label = slot == 0       ? QRectF(x, bar.bottom() + 3, 60, kTicksHeight - 3)
                             : slot == 16383 ? QRectF(x - 60, bar.bottom() + 3, 60, kTicksHeight - 3)
                                             : QRectF(x - 30, bar.bottom() + 3, 60, kTicksHeight - 3);
        painter->drawText(label, align | Qt::AlignVCenter, QString::number(slot));
    }
}

} // namespace rcs::ui
