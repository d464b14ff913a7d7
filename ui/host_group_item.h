#pragma once

#include <QGraphicsItem>

namespace rcs::ui {

// A Kubernetes node (or a host on plain endpoints): a titled box behind the cards that run on it.
class HostGroupItem final : public QGraphicsItem {
public:
    static constexpr qreal kTitleHeight = 34;
    static constexpr qreal kPadding = 14;

    explicit HostGroupItem(const QString &name);

    QString name() const { return m_name; }
    // The width the title needs to show the name and the counts without eliding.
    static qreal titleWidth(const QString &name, int masters, int replicas);
    void setSize(const QSizeF &size);
    void setCounts(int masters, int replicas, bool warning);

    QRectF boundingRect() const override;
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *widget) override;

private:
    QString m_name;
    QSizeF m_size;
    int m_masters = 0;
    int m_replicas = 0;
    bool m_warning = false;
};

} // namespace rcs::ui
