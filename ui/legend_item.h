#pragma once

#include <QGraphicsItem>

namespace rcs::ui {

// The key to the colours and badges of the topology view; part of the scene so exports carry it.
class LegendItem final : public QGraphicsItem {
public:
    LegendItem();
    // After a language change: the words, and so the width, are new.
    void retranslate();

    QRectF boundingRect() const override;
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *widget) override;

private:
    // Lays the legend out; draws when painter is set. Returns the width used.
    static qreal draw(QPainter *painter);
};

} // namespace rcs::ui
