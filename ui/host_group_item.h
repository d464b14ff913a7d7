#pragma once

#include "node_card.h"

#include <QColor>
#include <QGraphicsItem>
#include <QList>

namespace rcs::ui {

// What a box shows in place of its cards when the view is zoomed out too far to read them.
struct HostGroupSummary {
    struct Member {
        QColor owner; // the colour its master has in the slot bar
        bool master = false;
        NodeCard::State state = NodeCard::State::Connected;
        bool operator==(const Member &) const = default;
    };
    QList<Member> members; // in the order the cards have
    int slotCount = 0;     // the slots its masters serve
    bool operator==(const HostGroupSummary &) const = default;
};

// A Kubernetes node (or a host on plain endpoints): a titled box behind the cards that run on it. In
// the overview (the view zoomed out past reading, its cards hidden) the box itself says what runs
// there: the counts, its share of the slots, its health and a dot per node, in text sized for the screen.
class HostGroupItem final : public QGraphicsItem {
public:
    enum { Type = UserType + 2 };
    static constexpr qreal kTitleHeight = 34;
    static constexpr qreal kPadding = 14;

    explicit HostGroupItem(const QString &name);

    QString name() const { return m_name; }
    // The width the title needs to show the name and the counts without eliding.
    static qreal titleWidth(const QString &name, int masters, int replicas);
    void setSize(const QSizeF &size);
    void setCounts(int masters, int replicas, bool warning);
    void setSummary(const HostGroupSummary &summary);
    void setOverview(bool overview);
    bool overview() const { return m_overview; }

    int type() const override { return Type; }
    QRectF boundingRect() const override;
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *widget) override;

private:
    QString m_name;
    QSizeF m_size;
    int m_masters = 0;
    int m_replicas = 0;
    bool m_warning = false;
    bool m_overview = false;
    HostGroupSummary m_summary;

    void paintOverview(QPainter *painter, const QRectF &r, qreal lod) const;
};

} // namespace rcs::ui
