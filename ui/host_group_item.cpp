#include "host_group_item.h"

#include "node_card.h"
#include "theme.h"

#include <QApplication>
#include <QPainter>
#include <QStyleOptionGraphicsItem>

#include <algorithm>
#include <cmath>

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

void HostGroupItem::setSummary(const HostGroupSummary &summary)
{
    if (m_summary == summary)
        return;
    m_summary = summary;
    if (m_overview)
        update();
}

void HostGroupItem::setOverview(bool overview)
{
    if (m_overview == overview)
        return;
    m_overview = overview;
    setToolTip(overview ? QObject::tr("Double-click to zoom in on %1").arg(m_name) : QString());
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
    if (m_overview)
        return paintOverview(painter, r,
                             QStyleOptionGraphicsItem::levelOfDetailFromTransform(painter->worldTransform()));

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

void HostGroupItem::paintOverview(QPainter *painter, const QRectF &r, qreal lod) const
{
    // Sizes in screen pixels: u is one of them in scene units. A box too small for the text at that
    // size gets it smaller rather than cut.
    qreal u = 1.0 / std::max(lod, 0.01);
    const qreal needed = (16 + 3 * 13 + 5 * 6 + 2 * 10) * u;
    const qreal room = std::min(r.height() / needed, r.width() / (240 * u));
    u *= std::clamp(room, 0.1, 1.5); // larger where the box has room, never cut
    const auto font = [u](qreal pixels, bool bold) {
        QFont f = QApplication::font();
        f.setPixelSize(std::max(1, int(std::lround(pixels * u))));
        f.setBold(bold);
        return f;
    };
    const qreal pad = 10 * u;
    qreal y = r.top() + pad;
    const auto line = [&](const QString &text, const QFont &f, const QColor &color) {
        painter->setFont(f);
        painter->setPen(color);
        const qreal height = QFontMetricsF(f).height();
        const QRectF at(r.left() + pad, y, r.width() - 2 * pad, height);
        painter->drawText(at, Qt::AlignVCenter | Qt::AlignLeft,
                          QFontMetricsF(f).elidedText(text, Qt::ElideMiddle, at.width()));
        y += height + 4 * u;
    };
    const QColor muted = Theme::mutedText();
    line(m_name, font(16, true), QApplication::palette().color(QPalette::Text));
    line(countsText(m_masters, m_replicas), font(13, false),
         m_warning ? Theme::stateColor(NodeCard::State::StaleAddress) : muted);
    line(QObject::tr("%1 % of the slots").arg(QString::number(100.0 * m_summary.slotCount / 16384, 'f', 1)),
         font(13, false), muted);
    int unhealthy = 0;
    NodeCard::State worst = NodeCard::State::Connected;
    for (const HostGroupSummary::Member &member : m_summary.members) {
        if (member.state != NodeCard::State::Connected) {
            ++unhealthy;
            worst = std::max(worst, member.state);
        }
    }
    line(unhealthy == 0 ? QObject::tr("all healthy")
                        : countOf(unhealthy, QObject::tr("node not healthy", "count"),
                                  QObject::tr("nodes not healthy", "count")),
         font(13, true), Theme::stateColor(worst));

    // A dot per node in its master's colour (filled: a master; a ring: a replica); a node that is not
    // healthy gets a thick ring in its state's colour.
    const qreal dot = 10 * u;
    const qreal step = dot + 5 * u;
    const int perRow = std::max(1, int((r.width() - 2 * pad + 5 * u) / step));
    y += 2 * u;
    for (qsizetype i = 0; i < m_summary.members.size(); ++i) {
        const HostGroupSummary::Member &member = m_summary.members.at(i);
        const QRectF at(r.left() + pad + (i % perRow) * step, y + (i / perRow) * step, dot, dot);
        if (at.bottom() > r.bottom() - u)
            break; // more nodes than the box has room for at this size: the counts above say how many
        const QColor owner = member.owner.isValid() ? member.owner : muted;
        if (member.state != NodeCard::State::Connected) {
            painter->setPen(QPen(Theme::stateColor(member.state), 3 * u));
            painter->setBrush(member.master ? owner : Qt::transparent);
        } else {
            painter->setPen(QPen(owner, 1.6 * u));
            painter->setBrush(member.master ? owner : Qt::transparent);
        }
        painter->drawEllipse(at);
    }
}

} // namespace rcs::ui
