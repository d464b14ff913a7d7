#include "legend_item.h"

#include "node_card.h"
#include "theme.h"

#include <QApplication>
#include <QFontMetricsF>
#include <QPainter>
#include <QPainterPath>

namespace rcs::ui {

namespace {
constexpr qreal kHeight = 24;
}

LegendItem::LegendItem()
{
    setCacheMode(DeviceCoordinateCache);
}

void LegendItem::retranslate()
{
    prepareGeometryChange();
    update();
}

QRectF LegendItem::boundingRect() const
{
    return QRectF(0, 0, draw(nullptr), kHeight);
}

void LegendItem::paint(QPainter *painter, const QStyleOptionGraphicsItem *, QWidget *)
{
    painter->setRenderHint(QPainter::Antialiasing);
    draw(painter);
}

qreal LegendItem::draw(QPainter *painter)
{
    QFont font = QApplication::font();
    font.setPointSizeF(font.pointSizeF() - 1);
    QFont bold = font;
    bold.setBold(true);
    const QFontMetricsF metrics(font);
    const QColor muted = Theme::mutedText();
    const qreal cy = kHeight / 2;
    qreal x = 0;
    if (painter)
        painter->setFont(font);

    const auto label = [&](const QString &text) {
        const qreal w = metrics.horizontalAdvance(text);
        if (painter) {
            painter->setPen(muted);
            painter->drawText(QRectF(x, 0, w + 2, kHeight), Qt::AlignVCenter | Qt::AlignLeft, text);
        }
        x += w + 16;
    };
    const auto badge = [&](bool filled, const QString &letter) {
        const QColor role = Theme::ownerColor(0);
        if (painter) {
            painter->setPen(QPen(role, 1.2));
            painter->setBrush(filled ? QBrush(role) : QBrush(Qt::NoBrush));
            painter->drawRoundedRect(QRectF(x, cy - 7, 16, 14), 3, 3);
            painter->setFont(bold);
            painter->setPen(filled ? QColor(Qt::white) : role);
            painter->drawText(QRectF(x, cy - 7, 16, 14), Qt::AlignCenter, letter);
            painter->setFont(font);
        }
        x += 21;
    };

    using S = NodeCard::State;
    for (S state : {S::Connected, S::PFail, S::Fail, S::Handshake, S::StaleAddress, S::Migrating,
                    S::Disconnected, S::PodDown}) {
        if (painter) {
            painter->setPen(Qt::NoPen);
            painter->setBrush(Theme::stateColor(state));
            painter->drawEllipse(QPointF(x + 5, cy), 4.5, 4.5);
        }
        x += 14;
        label(nodeStateName(state));
    }
    x += 6;
    badge(true, QStringLiteral("M"));
    label(QObject::tr("master"));
    badge(false, QStringLiteral("R"));
    label(QObject::tr("replica, in its master's colour"));
    if (painter) {
        QPainterPath triangle;
        triangle.moveTo(x + 7, cy - 7);
        triangle.lineTo(x + 14, cy + 6);
        triangle.lineTo(x, cy + 6);
        triangle.closeSubpath();
        painter->setPen(Qt::NoPen);
        painter->setBrush(Theme::stateColor(S::StaleAddress));
        painter->drawPath(triangle);
    }
    x += 20;
    label(QObject::tr("master and replica on one Kubernetes node"));
    return x;
}

} // namespace rcs::ui
