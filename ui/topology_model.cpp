#include "topology_model.h"

#include <algorithm>

namespace rcs::ui {

namespace {
// A change to one of these moves the card to another place in the layout.
bool placementDiffers(const NodeCard &a, const NodeCard &b)
{
    return a.hostGroup != b.hostGroup || a.role != b.role || a.masterId != b.masterId;
}

bool summaryDiffers(const TopologySnapshot &a, const TopologySnapshot &b)
{
    return a.situation != b.situation || a.clusterState != b.clusterState || a.slotsOk != b.slotsOk ||
           a.slotsAssigned != b.slotsAssigned || a.knownNodes != b.knownNodes ||
           a.currentEpoch != b.currentEpoch || a.message != b.message;
}
} // namespace

TopologyModel::TopologyModel(QObject *parent)
    : QObject(parent)
{}

const NodeCard *TopologyModel::node(const QString &key) const
{
    const auto it = m_index.constFind(key);
    return it == m_index.constEnd() ? nullptr : &m_nodes.at(*it);
}

int TopologyModel::masterCount() const
{
    return int(
        std::count_if(m_nodes.cbegin(), m_nodes.cend(), [](const NodeCard &n) { return n.isMaster(); }));
}

int TopologyModel::replicaCount() const
{
    return int(std::count_if(m_nodes.cbegin(), m_nodes.cend(),
                             [](const NodeCard &n) { return n.role == NodeCard::Role::Replica; }));
}

void TopologyModel::setSnapshot(const TopologySnapshot &snapshot)
{
    const QList<NodeCard> old = m_nodes;
    const QHash<QString, qsizetype> oldIndex = m_index;

    m_nodes.clear();
    m_index.clear();
    m_nodes.reserve(snapshot.nodes.size());
    for (const NodeCard &card : snapshot.nodes) {
        const QString key = card.key();
        if (key.isEmpty() || m_index.contains(key))
            continue; // a duplicate would make two items fight for one key
        m_index.insert(key, m_nodes.size());
        m_nodes.append(card);
    }

    TopologySnapshot summary = snapshot;
    summary.nodes.clear();
    const bool summaryChange = summaryDiffers(summary, m_summary);
    const bool situationChange = summary.situation != m_summary.situation;
    m_summary = summary;

    bool structural = false;
    QStringList removed;
    for (const NodeCard &card : old) {
        if (!m_index.contains(card.key()))
            removed.append(card.key());
    }
    for (const QString &key : std::as_const(removed)) {
        structural = true;
        Q_EMIT nodeRemoved(key);
    }
    for (const NodeCard &card : std::as_const(m_nodes)) {
        const auto it = oldIndex.constFind(card.key());
        if (it == oldIndex.constEnd()) {
            structural = true;
            Q_EMIT nodeAdded(card.key());
        } else if (!(old.at(*it) == card)) {
            structural = structural || placementDiffers(old.at(*it), card);
            Q_EMIT nodeChanged(card.key());
        }
    }
    if (structural)
        Q_EMIT structureChanged();
    if (summaryChange)
        Q_EMIT summaryChanged();
    if (situationChange)
        Q_EMIT situationChanged(m_summary.situation);
    if (!m_selectedKey.isEmpty() && !m_index.contains(m_selectedKey))
        setSelectedKey({});
    Q_EMIT snapshotApplied();
}

void TopologyModel::clear()
{
    TopologySnapshot empty;
    empty.situation = Situation::Unknown;
    setSnapshot(empty);
}

void TopologyModel::setSelectedKey(const QString &key)
{
    const QString effective = m_index.contains(key) ? key : QString();
    if (effective == m_selectedKey)
        return;
    m_selectedKey = effective;
    Q_EMIT selectionChanged(m_selectedKey);
}

} // namespace rcs::ui
