#include "slot_bar_item.h"

#include "theme.h"

#include <QApplication>
#include <QGraphicsSceneHoverEvent>
#include <QPainter>
#include <QPainterPath>

#include <algorithm>
#include <cmath>

namespace rcs::ui {

namespace {
constexpr qreal kLabelHeight = 22;
constexpr qreal kTicksHeight = 16;
constexpr qreal kHeatLabelHeight = 18;
constexpr qreal kHeatStripHeight = 12;
constexpr qreal kHeatGap = 4;

// Intensity of a count against the hottest slot: square root, so a few hot slots do not wash out the
// rest of the strip.
QColor heatColor(qint64 keys, qint64 hottest)
{
    const qreal t = hottest > 0 ? std::sqrt(qreal(std::max<qint64>(keys, 0)) / qreal(hottest)) : 0;
    const QColor cold = Theme::groupBackground();
    const QColor hot(214, 48, 39);
    return QColor::fromRgbF(cold.redF() + (hot.redF() - cold.redF()) * t,
                            cold.greenF() + (hot.greenF() - cold.greenF()) * t,
                            cold.blueF() + (hot.blueF() - cold.blueF()) * t);
}
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

void SlotBarItem::setHeat(std::vector<qint64> keys)
{
    prepareGeometryChange();
    m_heat = keys.size() == size_t(kSlots) ? std::move(keys) : std::vector<qint64>();
    m_hottest = m_heat.empty() ? 0 : std::max<qint64>(0, *std::max_element(m_heat.begin(), m_heat.end()));
    update();
}

qreal SlotBarItem::heatHeight() const
{
    return m_heat.empty() ? 0 : kHeatGap + kHeatLabelHeight + kHeatStripHeight;
}

QRectF SlotBarItem::boundingRect() const
{
    return QRectF(0, 0, m_width, kLabelHeight + kBarHeight + kTicksHeight + heatHeight());
}

void SlotBarItem::hoverMoveEvent(QGraphicsSceneHoverEvent *event)
{
    const int slot = qBound(0, int(event->pos().x() / m_width * kSlots), kSlots - 1);
    const QString owner = ownerOf(slot);
    if (!m_heat.empty() && event->pos().y() > kLabelHeight + kBarHeight + kTicksHeight) {
        const qint64 keys = m_heat[size_t(slot)];
        setToolTip(keys < 0 ? QObject::tr("Slot %1: keys not counted").arg(slot)
                            : QObject::tr("Slot %1: %2 keys, served by %3")
                                  .arg(slot)
                                  .arg(keys)
                                  .arg(owner.isEmpty() ? QObject::tr("no master") : owner));
        return;
    }
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
    if (!m_heat.empty())
        paintHeat(painter, kLabelHeight + kBarHeight + kTicksHeight + kHeatGap);
}

void SlotBarItem::paintHeat(QPainter *painter, qreal top) const
{
    QFont small = QApplication::font();
    small.setPointSizeF(small.pointSizeF() - 1);
    painter->setFont(small);
    painter->setPen(Theme::mutedText());
    qint64 total = 0;
    for (qint64 keys : m_heat)
        total += std::max<qint64>(keys, 0);
    painter->drawText(QRectF(0, top, m_width / 2, kHeatLabelHeight - 2), Qt::AlignLeft | Qt::AlignVCenter,
                      QObject::tr("Keys per slot (%1 keys)").arg(total));
    // Legend: a gradient from no key to the hottest slot's count.
    const qreal legendWidth = std::min<qreal>(120, m_width / 4);
    const QString maxText = QObject::tr("max %1").arg(m_hottest);
    const qreal maxWidth = QFontMetricsF(small).horizontalAdvance(maxText) + 4;
    const QRectF gradient(m_width - maxWidth - legendWidth, top + 4, legendWidth, kHeatLabelHeight - 10);
    for (int i = 0; i < int(gradient.width()); ++i) {
        const qint64 keys = qint64(m_hottest * (qreal(i) / gradient.width()) * (qreal(i) / gradient.width()));
        painter->fillRect(QRectF(gradient.left() + i, gradient.top(), 1, gradient.height()),
                          heatColor(keys, m_hottest));
    }
    painter->drawText(QRectF(gradient.left() - 24, top, 20, kHeatLabelHeight - 2),
                      Qt::AlignRight | Qt::AlignVCenter, QStringLiteral("0"));
    painter->drawText(QRectF(gradient.right() + 4, top, maxWidth, kHeatLabelHeight - 2),
                      Qt::AlignLeft | Qt::AlignVCenter, maxText);
    // One column per device pixel at most: each shows the hottest slot it covers.
    const QRectF strip(0, top + kHeatLabelHeight, m_width, kHeatStripHeight);
    const int columns = std::max(1, int(m_width));
    for (int c = 0; c < columns; ++c) {
        const int first = c * kSlots / columns;
        const int last = std::max(first, (c + 1) * kSlots / columns - 1);
        qint64 keys = -1;
        for (int slot = first; slot <= last; ++slot)
            keys = std::max(keys, m_heat[size_t(slot)]);
        const QRectF r(strip.left() + strip.width() * c / columns, strip.top(), strip.width() / columns + 0.5,
                       strip.height());
        if (keys < 0)
            painter->fillRect(r, QBrush(Theme::groupBorder(), Qt::BDiagPattern));
        else
            painter->fillRect(r, heatColor(keys, m_hottest));
    }
    painter->setPen(QPen(Theme::groupBorder(), 1));
    painter->setBrush(Qt::NoBrush);
    painter->drawRect(strip.adjusted(0.5, 0.5, -0.5, -0.5));
}

} // namespace rcs::ui
