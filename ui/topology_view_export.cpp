// TopologyView's picture as a file: PNG at a chosen scale, or SVG with vector text.
#include "topology_view.h"

#include "host_group_item.h"
#include "legend_item.h"
#include "node_card_item.h"
#include "slot_bar_item.h"
#include "theme.h"
#include "topology_model.h"

#include <QFileInfo>
#include <QGraphicsScene>
#include <QImage>
#include <QPainter>
#include <QSvgGenerator>

namespace rcs::ui {

namespace {
// Cached items would be drawn as pixmaps of screen resolution; exports want them drawn afresh
// (vector text in SVG, full resolution in PNG).
class CacheSuspender final {
public:
    explicit CacheSuspender(QGraphicsScene *scene)
    {
        for (QGraphicsItem *item : scene->items()) {
            if (item->cacheMode() != QGraphicsItem::NoCache) {
                m_items.append({item, item->cacheMode()});
                item->setCacheMode(QGraphicsItem::NoCache);
            }
        }
    }
    ~CacheSuspender()
    {
        for (const auto &[item, mode] : m_items)
            item->setCacheMode(mode);
    }

private:
    QList<QPair<QGraphicsItem *, QGraphicsItem::CacheMode>> m_items;
};
} // namespace

void TopologyView::renderScene(QPainter *painter, const QRectF &target) const
{
    // A picture shows the cards, whatever the zoom on the screen.
    if (m_overview)
        showDetail(true);
    {
        const CacheSuspender suspender(m_scene);
        painter->fillRect(target, Theme::sceneBackground());
        m_scene->render(painter, target, m_scene->sceneRect());
    }
    if (m_overview)
        showDetail(false);
}

QImage TopologyView::renderImage(qreal scale) const
{
    const QSizeF size = m_scene->sceneRect().size() * scale;
    QImage image(size.toSize(), QImage::Format_ARGB32_Premultiplied);
    QPainter painter(&image);
    painter.setRenderHints(QPainter::Antialiasing | QPainter::TextAntialiasing);
    renderScene(&painter, QRectF(QPointF(0, 0), size));
    return image;
}

bool TopologyView::exportPicture(const QString &path, QString *error) const
{
    const QString suffix = QFileInfo(path).suffix().toLower();
    if (m_cards.isEmpty()) {
        if (error)
            *error = tr("There is no topology to export yet.");
        return false;
    }
    if (suffix == QLatin1String("svg")) {
        const QRectF source = m_scene->sceneRect();
        QSvgGenerator generator;
        generator.setFileName(path);
        generator.setSize(source.size().toSize());
        generator.setViewBox(QRectF(QPointF(0, 0), source.size()));
        generator.setTitle(tr("Redis Cluster topology"));
        generator.setDescription(tr("Exported by Redis Cluster Studio"));
        QPainter painter;
        if (!painter.begin(&generator)) {
            if (error)
                *error = tr("Could not write %1: check that the folder exists and is writable.").arg(path);
            return false;
        }
        renderScene(&painter, QRectF(QPointF(0, 0), source.size()));
        painter.end();
        return true;
    }
    if (suffix != QLatin1String("png")) {
        if (error)
            *error = tr("Choose a file name ending in .png or .svg.");
        return false;
    }
    // Twice the scene's size for crisp text, but bounded: readers refuse images beyond ~256 MB.
    const QSizeF size = m_scene->sceneRect().size();
    const qreal scale = std::min(2.0, 7000.0 / std::max(size.width(), size.height()));
    if (!renderImage(scale).save(path, "PNG")) {
        if (error)
            *error = tr("Could not write %1: check that the folder exists and is writable.").arg(path);
        return false;
    }
    return true;
}

} // namespace rcs::ui
