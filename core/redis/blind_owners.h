#pragma once

#include "common/result.h"
#include "redis/cluster_topology.h"

#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>

#include <functional>

class QObject;

namespace rcs {

class RedisPool;

// A master that, in its own CLUSTER NODES, does not hold slots that every other node that answered
// gives it. Redis keeps a node's own slot map only from what it was told and what won over its claim;
// nobody tells it back what it lost, so this never heals by gossip. Seen on real servers: a slot a
// rebalance moved to a master that, in its own view, fell back to the source (a claim with a higher
// config epoch) and then to nobody when the emptied source turned replica (that master then reports
// cluster_state:fail); a new master killed right after its SETSLOT NODE gossiped but before its
// nodes.conf was saved, which restarts without the slot the others give it.
struct BlindOwner {
    QString id;
    NodeAddress address;
    SlotSet lostSlots;
    // Per slot, whom its own view names as the owner instead (absent: nobody).
    QMap<int, QString> ownViewOwner;
    QMap<QString, NodeAddress> addressOf; // addresses of those others, from its view
};

// The blind owners among the reachable views. A slot counts only when at least one other reachable
// view exists and every one of them names this master; slots open (migrating or importing) on any
// master are left to the open-slot fix.
QList<BlindOwner> findBlindOwners(const QList<NodeView> &views);

// Gives each blind owner its slots back: CLUSTER SETSLOT <slot> NODE <its id> on it, then CLUSTER
// BUMPEPOCH so that its claim wins over any older one. A slot its own view gives to another node that
// still holds keys of it is not touched (where its keys belong is unclear) and named in the error.
// done gets one sentence per change, or the first error; never called after context is gone, and
// called at once when owners is empty.
void reclaimBlindSlots(RedisPool *pool, const QList<BlindOwner> &owners, const QObject *context,
                       std::function<void(Result<QStringList>)> done);

} // namespace rcs
