#include "host_group_item.h"

#include "node_card.h"
#include "theme.h"

#include <QApplication>
#include <QPainter>

namespace rcs::ui {

HostGroupItem::HostGroupItem(const QString &name)
    : m_name(name)
{
    setZValue(-1);
    setCacheMode(DeviceCoordinateCache);
}

void HostGroupItem::setSize(const QSizeF &size)
{
    if (m_size == size)
        return;
    prepareGeometryChange();
    m_size = size;
}

void HostGroupItem::setCounts(int masters, int replicas, bool warning)
{
    if (m_masters == masters && m_replicas == replicas && m_warning == warning)
        return;
    m_masters = masters;
    m_replicas = replicas;
    m_warning = warning;
    update();
}

namespace {
QString countsText(int masters, int replicas)
{
    return countOf(masters, QObject::tr("master", "count"), QObject::tr("masters", "count")) +
           QStringLiteral(" · ") +
           countOf(replicas, QObject::tr("replica", "count"), QObject::tr("replicas", "count"));
}

QFont titleFont()
{
    QFont font = QApplication::font();
    font.setBold(true);
    return font;
}

QFont countsFont()
{
    QFont font = QApplication::font();
    font.setPointSizeF(font.pointSizeF() - 1);
    return font;
}
} // namespace

qreal HostGroupItem::titleWidth(const QString &name, int masters, int replicas)
{
    return kPadding + 14 + 8 + QFontMetricsF(titleFont()).horizontalAdvance(name) + 16 +
           QFontMetricsF(countsFont()).horizontalAdvance(countsText(masters, replicas)) + 4 + kPadding;
}

QRectF HostGroupItem::boundingRect() const
{
    return QRectF(QPointF(0, 0), m_size);
}

void HostGroupItem::paint(QPainter *painter, const QStyleOptionGraphicsItem *, QWidget *)
{
    painter->setRenderHint(QPainter::Antialiasing);
    const QRectF r = boundingRect().adjusted(0.5, 0.5, -0.5, -0.5);
    painter->setPen(QPen(Theme::groupBorder(), 1));
    painter->setBrush(Theme::groupBackground());
    painter->drawRoundedRect(r, 12, 12);

    // A small server glyph, then the node name and what runs on it.
    const QColor muted = Theme::mutedText();
    const QRectF glyph(kPadding, 11, 14, 13);
    painter->setPen(QPen(muted, 1.3));
    painter->setBrush(Qt::NoBrush);
    painter->drawRoundedRect(QRectF(glyph.left(), glyph.top(), glyph.width(), 5.5), 1.5, 1.5);
    painter->drawRoundedRect(QRectF(glyph.left(), glyph.top() + 7.5, glyph.width(), 5.5), 1.5, 1.5);

    const QFont title = titleFont();
    painter->setFont(title);
    painter->setPen(QApplication::palette().color(QPalette::Text));
    const QRectF titleRect(glyph.right() + 8, 6, r.width() - glyph.right() - 8 - kPadding, 24);
    const QString counts = countsText(m_masters, m_replicas);
    const QFont small = countsFont();
    const qreal countsWidth = QFontMetricsF(small).horizontalAdvance(counts) + 4;
    painter->drawText(
        titleRect.adjusted(0, 0, -countsWidth - 8, 0), Qt::AlignVCenter | Qt::AlignLeft,
        QFontMetricsF(title).elidedText(m_name, Qt::ElideMiddle, titleRect.width() - countsWidth - 8));
    painter->setFont(small);
    painter->setPen(m_warning ? Theme::stateColor(NodeCard::State::StaleAddress) : muted);
    painter->drawText(titleRect, Qt::AlignVCenter | Qt::AlignRight, counts);
}

} // namespace rcs::ui
