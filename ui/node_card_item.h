#pragma once

#include "node_card.h"

#include <QColor>
#include <QGraphicsItem>

namespace rcs::ui {

// One Redis node as a card: role, pod name, address, slots or master, keys and memory, state.
class NodeCardItem final : public QGraphicsItem {
public:
    static constexpr qreal kWidth = 236;
    static constexpr qreal kHeight = 112;
    enum { Type = UserType + 1 };

    explicit NodeCardItem(const NodeCard &card);

    const NodeCard &card() const { return m_card; }
    void setCard(const NodeCard &card);
    QString key() const { return m_card.key(); }
    // The owner colour of the master this card belongs to (itself for a master).
    void setOwnerColor(const QColor &color);
    // True when a master and one of its replicas share a Kubernetes node: one node loss takes both.
    void setColocated(bool colocated);
    bool isColocated() const { return m_colocated; }
    // After a language change: the tooltip and the cached picture hold the old words.
    void retranslate();

    int type() const override { return Type; }
    QRectF boundingRect() const override;
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *widget) override;

protected:
    QVariant itemChange(GraphicsItemChange change, const QVariant &value) override;

private:
    void updateToolTip();
    // The commands per second of the last refreshes (the card's opsHistory), in area; nothing before two.
    void paintSparkline(QPainter *painter, const QRectF &area, const QColor &muted) const;

    NodeCard m_card;
    QColor m_owner;
    bool m_colocated = false;
};

} // namespace rcs::ui
