#include "node_card_item.h"

#include "theme.h"

#include <QApplication>
#include <QFontMetricsF>
#include <QPainter>
#include <QPainterPath>
#include <QStyleOptionGraphicsItem>

namespace rcs::ui {

namespace {
constexpr qreal kRadius = 8;
constexpr qreal kPad = 12;

QFont scaledFont(qreal pointDelta, bool bold = false, bool mono = false)
{
    QFont font = QApplication::font();
    if (mono) {
        font.setFamily(QStringLiteral("monospace"));
        font.setStyleHint(QFont::Monospace);
    }
    font.setPointSizeF(font.pointSizeF() + pointDelta);
    font.setBold(bold);
    return font;
}
} // namespace

NodeCardItem::NodeCardItem(const NodeCard &card)
    : m_card(card)
{
    setFlags(ItemIsSelectable);
    setAcceptHoverEvents(true);
    // Cards repaint only when their data changes; the cache keeps panning and zooming of 200 cards smooth.
    setCacheMode(DeviceCoordinateCache);
    updateToolTip();
}

void NodeCardItem::setCard(const NodeCard &card)
{
    if (m_card == card)
        return;
    m_card = card;
    updateToolTip();
    update();
}

void NodeCardItem::setOwnerColor(const QColor &color)
{
    if (m_owner == color)
        return;
    m_owner = color;
    update();
}

void NodeCardItem::setColocated(bool colocated)
{
    if (m_colocated == colocated)
        return;
    m_colocated = colocated;
    updateToolTip();
    update();
}

void NodeCardItem::retranslate()
{
    updateToolTip();
    update();
}

QRectF NodeCardItem::boundingRect() const
{
    return QRectF(-2, -2, kWidth + 4, kHeight + 4);
}

QVariant NodeCardItem::itemChange(GraphicsItemChange change, const QVariant &value)
{
    if (change == ItemSelectedHasChanged)
        update();
    return QGraphicsItem::itemChange(change, value);
}

void NodeCardItem::updateToolTip()
{
    QStringList lines;
    lines
        << QStringLiteral("<b>%1</b> — %2").arg(m_card.displayName().toHtmlEscaped(), roleName(m_card.role));
    if (!m_card.address.isEmpty())
        lines << QObject::tr("Address: %1").arg(m_card.address.toHtmlEscaped());
    if (!m_card.hostGroup.isEmpty())
        lines << QObject::tr("Kubernetes node: %1").arg(m_card.hostGroup.toHtmlEscaped());
    if (!m_card.id.isEmpty())
        lines << QObject::tr("Node id: <tt>%1</tt>").arg(m_card.id);
    if (m_card.isMaster())
        lines << QObject::tr("Slots: %1 (%2)")
                     .arg(m_card.slotsText.isEmpty() ? QObject::tr("none") : m_card.slotsText.toHtmlEscaped())
                     .arg(m_card.slotCount());
    else if (!m_card.masterName.isEmpty())
        lines << QObject::tr("Replica of %1").arg(m_card.masterName.toHtmlEscaped());
    lines << QObject::tr("State: %1").arg(nodeStateName(m_card.state));
    if (!m_card.flags.isEmpty())
        lines << QObject::tr("Flags: %1").arg(m_card.flags.toHtmlEscaped());
    if (!m_card.detail.isEmpty())
        lines << m_card.detail.toHtmlEscaped();
    if (m_colocated)
        lines << QObject::tr("<span style='color:#ef7d00'>⚠ A master and its replica run on the same "
                             "Kubernetes node: losing that node loses both.</span>");
    setToolTip(lines.join(QStringLiteral("<br>")));
}

void NodeCardItem::paintSparkline(QPainter *painter, const QRectF &area, const QColor &muted) const
{
    const QList<float> &ops = m_card.opsHistory;
    if (ops.size() < 2)
        return;
    // The latest rate as text, then the line of the last refreshes scaled to their own maximum (the
    // shape says whether the load rises or falls; the number says how much).
    painter->setFont(scaledFont(-2.5));
    painter->setPen(muted);
    const QString rate = QObject::tr("%1 ops/s").arg(formatCount(qint64(ops.last() + 0.5f)));
    const qreal textWidth = QFontMetricsF(painter->font()).horizontalAdvance(rate) + 4;
    painter->drawText(QRectF(area.left(), area.top(), textWidth, area.height()),
                      Qt::AlignVCenter | Qt::AlignLeft, rate);
    const QRectF line = area.adjusted(textWidth + 2, 2, 0, -2);
    if (line.width() < 12)
        return;
    const float top = std::max(1.0f, *std::max_element(ops.cbegin(), ops.cend()));
    QPolygonF points;
    const qreal step = line.width() / qreal(NodeCard::SparklineSamples - 1);
    const qreal start = line.right() - step * qreal(ops.size() - 1);
    for (qsizetype i = 0; i < ops.size(); ++i)
        points.append(
            QPointF(start + step * qreal(i), line.bottom() - line.height() * qreal(ops.at(i) / top)));
    QColor stroke = m_owner.isValid() ? m_owner : muted;
    painter->setPen(QPen(stroke, 1.3));
    painter->setBrush(Qt::NoBrush);
    painter->drawPolyline(points);
}

void NodeCardItem::paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *)
{
    painter->setRenderHint(QPainter::Antialiasing);
    const QRectF r(0, 0, kWidth, kHeight);
    const QColor stateColor = Theme::stateColor(m_card.state);
    const bool healthy = m_card.state == NodeCard::State::Connected;
    const QColor text = QApplication::palette().color(QPalette::Text);
    const QColor muted = Theme::mutedText();

    // Body with a soft shadow.
    QPainterPath body;
    body.addRoundedRect(r, kRadius, kRadius);
    painter->setPen(Qt::NoPen);
    painter->setBrush(QColor(0, 0, 0, Theme::isDark() ? 70 : 22));
    painter->drawPath(body.translated(0, 1.5));
    painter->setBrush(Theme::cardBackground());
    QPen border(healthy ? Theme::groupBorder() : stateColor, healthy ? 1.0 : 1.6);
    if (option->state & QStyle::State_Selected)
        border = QPen(QApplication::palette().color(QPalette::Highlight), 2.4);
    painter->setPen(border);
    painter->drawPath(body);

    // Owner stripe on the left: a master and its replicas share one colour.
    QPainterPath stripe;
    stripe.addRoundedRect(QRectF(0, 0, 12, kHeight), kRadius, kRadius);
    QPainterPath clip;
    clip.addRect(QRectF(0, 0, 5, kHeight));
    painter->setPen(Qt::NoPen);
    painter->setBrush(m_owner.isValid() ? m_owner : muted);
    painter->drawPath(stripe.intersected(clip).intersected(body));

    // Role badge.
    const bool master = m_card.isMaster();
    const QRectF badge(kPad, 10, 22, 20);
    painter->setBrush(master ? (m_owner.isValid() ? m_owner : muted) : Qt::transparent);
    painter->setPen(QPen(m_owner.isValid() ? m_owner : muted, 1.4));
    painter->drawRoundedRect(badge, 5, 5);
    painter->setFont(scaledFont(-1, true));
    painter->setPen(master ? QColor(Qt::white) : (m_owner.isValid() ? m_owner : muted));
    painter->drawText(
        badge, Qt::AlignCenter,
        master ? QStringLiteral("M")
               : (m_card.role == NodeCard::Role::Replica ? QStringLiteral("R") : QStringLiteral("?")));

    // Pod name, elided before the state chip.
    const QFont stateFont = scaledFont(-2, true);
    const QString stateText = nodeStateName(m_card.state);
    const qreal stateWidth = healthy ? 14 : QFontMetricsF(stateFont).horizontalAdvance(stateText) + 20;
    const QRectF stateRect(kWidth - kPad - stateWidth, 11, stateWidth, 18);
    const QFont nameFont = scaledFont(0.5, true);
    painter->setFont(nameFont);
    painter->setPen(text);
    const QRectF nameRect(badge.right() + 8, 9, stateRect.left() - badge.right() - 14, 22);
    painter->drawText(
        nameRect, Qt::AlignVCenter | Qt::AlignLeft,
        QFontMetricsF(nameFont).elidedText(m_card.displayName(), Qt::ElideMiddle, nameRect.width()));

    // State: a dot when all is well (the legend explains it), a tinted chip with a word otherwise.
    if (healthy) {
        painter->setPen(Qt::NoPen);
        painter->setBrush(stateColor);
        painter->drawEllipse(QPointF(stateRect.right() - 6, stateRect.center().y()), 4.5, 4.5);
    } else {
        QColor chip = stateColor;
        chip.setAlpha(Theme::isDark() ? 60 : 34);
        painter->setPen(Qt::NoPen);
        painter->setBrush(chip);
        painter->drawRoundedRect(stateRect, 9, 9);
        painter->setBrush(stateColor);
        painter->drawEllipse(QPointF(stateRect.left() + 9, stateRect.center().y()), 3.5, 3.5);
        painter->setFont(stateFont);
        painter->setPen(Theme::isDark() ? stateColor.lighter(130) : stateColor.darker(130));
        painter->drawText(stateRect.adjusted(15, 0, -4, 0), Qt::AlignVCenter | Qt::AlignLeft, stateText);
    }

    // Address.
    const QFont monoFont = scaledFont(-1.5, false, true);
    painter->setFont(monoFont);
    painter->setPen(muted);
    const QRectF addressRect(kPad, 35, kWidth - 2 * kPad, 16);
    // Under a pod name the address; when the address is the name already, the node id.
    QString second = m_card.address.isEmpty() ? QObject::tr("no address") : m_card.address;
    if (m_card.podName.isEmpty())
        second = m_card.id.isEmpty() ? QObject::tr("node id unknown")
                                     : QObject::tr("id %1…").arg(m_card.id.left(12));
    painter->drawText(addressRect, Qt::AlignVCenter | Qt::AlignLeft, second);

    // Slots (master) or whom it replicates.
    const QFont smallFont = scaledFont(-1);
    painter->setFont(smallFont);
    painter->setPen(text);
    const QRectF slotRect(kPad, 54, kWidth - 2 * kPad, 18);
    QString line;
    if (master) {
        line = m_card.slotsText.isEmpty()
                   ? QObject::tr("no slots")
                   : QObject::tr("slots %1 · %2").arg(m_card.slotsText).arg(m_card.slotCount());
    } else if (m_card.role == NodeCard::Role::Replica) {
        line = QObject::tr("replica of %1")
                   .arg(m_card.masterName.isEmpty() ? QObject::tr("?") : m_card.masterName);
    } else {
        line = m_card.podPhase.isEmpty() ? QObject::tr("not in a cluster") : m_card.podPhase;
    }
    painter->drawText(slotRect, Qt::AlignVCenter | Qt::AlignLeft,
                      QFontMetricsF(smallFont).elidedText(line, Qt::ElideRight, slotRect.width()));

    // Keys, memory, migrations.
    painter->setPen(muted);
    QString stats =
        QObject::tr("%1 keys · %2").arg(formatCount(m_card.keys), formatBytes(m_card.memoryBytes));
    if (!m_card.server.isEmpty())
        stats += QStringLiteral(" · ") + m_card.server; // which server, e.g. in a mixed cluster mid-upgrade
    const QRectF statsRect(kPad, 74, kWidth - 2 * kPad, 18);
    QString moving;
    if (m_card.migratingSlots > 0 || m_card.importingSlots > 0)
        moving = m_card.migratingSlots > 0 ? QObject::tr("⇢ %1 out").arg(m_card.migratingSlots)
                                           : QObject::tr("⇠ %1 in").arg(m_card.importingSlots);
    const QFontMetricsF statsMetrics(painter->font());
    const qreal movingWidth = moving.isEmpty() ? 0 : statsMetrics.horizontalAdvance(moving) + kPad;
    painter->drawText(statsRect, Qt::AlignVCenter | Qt::AlignLeft,
                      statsMetrics.elidedText(stats, Qt::ElideRight, statsRect.width() - movingWidth));
    if (!moving.isEmpty()) {
        painter->setPen(Theme::stateColor(NodeCard::State::Migrating));
        painter->drawText(statsRect, Qt::AlignVCenter | Qt::AlignRight, moving);
    }

    // Pod line: not ready / restarts on the left; during a rollout, on the right, whether the pod
    // already runs the new revision (an upgrade half done shows which pods are left).
    const QRectF podRect(kPad, 92, kWidth - 2 * kPad, 16);
    qreal sparkRight = podRect.right();
    if (m_card.revisionState != NodeCard::Revision::Current) {
        const bool old = m_card.revisionState == NodeCard::Revision::Old;
        const QString revision = old ? QObject::tr("old revision") : QObject::tr("new revision");
        painter->setPen(old ? Theme::stateColor(NodeCard::State::StaleAddress) : muted);
        painter->drawText(podRect, Qt::AlignVCenter | Qt::AlignRight, revision);
        sparkRight -= QFontMetricsF(painter->font()).horizontalAdvance(revision) + 8;
    }
    paintSparkline(painter, QRectF(sparkRight - 110, podRect.top(), 110, podRect.height()), muted);
    if (!m_card.podReady || m_card.restarts > 0) {
        painter->setPen(m_card.podReady ? muted : Theme::stateColor(NodeCard::State::PFail));
        const QString pod = m_card.podReady ? countOf(m_card.restarts, QObject::tr("restart", "count"),
                                                      QObject::tr("restarts", "count"))
                                            : QObject::tr("pod %1, not ready").arg(m_card.podPhase.toLower());
        painter->drawText(podRect, Qt::AlignVCenter | Qt::AlignLeft, pod);
    }

    // Warning badge: master and replica on one Kubernetes node.
    if (m_colocated) {
        const QColor warn = Theme::stateColor(NodeCard::State::StaleAddress);
        const QPointF c(kWidth - 14, kHeight - 14);
        QPainterPath triangle;
        triangle.moveTo(c + QPointF(0, -8));
        triangle.lineTo(c + QPointF(8, 6));
        triangle.lineTo(c + QPointF(-8, 6));
        triangle.closeSubpath();
        painter->setPen(Qt::NoPen);
        painter->setBrush(warn);
        painter->drawPath(triangle);
        painter->setPen(Qt::white);
        painter->setFont(scaledFont(-3, true));
        painter->drawText(QRectF(c.x() - 8, c.y() - 6, 16, 13), Qt::AlignCenter, QStringLiteral("!"));
    }
}

} // namespace rcs::ui
