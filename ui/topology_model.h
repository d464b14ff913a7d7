#pragma once

#include "node_card.h"

#include <QHash>
#include <QObject>

namespace rcs::ui {

// The widget-free model of the topology view. It receives whole snapshots (one per refresh) and turns
// them into fine-grained changes, so that views update only what changed: no flicker, selection and
// zoom survive a refresh. It includes nothing from QtWidgets on purpose (DESIGN §6.6).
class TopologyModel final : public QObject {
    Q_OBJECT
public:
    explicit TopologyModel(QObject *parent = nullptr);

    void setSnapshot(const TopologySnapshot &snapshot);
    void clear();

    const QList<NodeCard> &nodes() const { return m_nodes; }
    const NodeCard *node(const QString &key) const;
    bool isEmpty() const { return m_nodes.isEmpty(); }
    int masterCount() const;
    int replicaCount() const;

    Situation situation() const { return m_summary.situation; }
    const TopologySnapshot &summary() const { return m_summary; } // everything but the nodes

    QString selectedKey() const { return m_selectedKey; }
    void setSelectedKey(const QString &key);

Q_SIGNALS:
    void nodeAdded(const QString &key);
    void nodeRemoved(const QString &key);
    void nodeChanged(const QString &key);
    // Emitted after a snapshot whose structure changed (nodes added or removed, a role, master or
    // Kubernetes node changed): views re-place their items once.
    void structureChanged();
    void summaryChanged();
    void situationChanged(rcs::Situation situation);
    void selectionChanged(const QString &key);
    // Emitted once after each setSnapshot(), after the finer signals.
    void snapshotApplied();

private:
    QList<NodeCard> m_nodes;
    QHash<QString, qsizetype> m_index;
    TopologySnapshot m_summary;
    QString m_selectedKey;
};

} // namespace rcs::ui
