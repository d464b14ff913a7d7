#pragma once

#include "common/result.h"
#include "redis/slot_set.h"

#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>

namespace rcs {

// A master as the slot planners see it.
struct MasterSlots {
    QString id;
    SlotSet slotSet;
};

// Move these slots from source to target (each slot with the full migration protocol).
struct SlotMove {
    QString sourceId;
    QString targetId;
    SlotSet slotSet;
    friend bool operator==(const SlotMove &, const SlotMove &) = default;
};

struct SlotPlan {
    QList<SlotMove> moves;
    // False when nothing has to move; reason then says why.
    bool needed = false;
    QString reason;

    int slotCount() const;
    // The moves grouped by source, in plan order: migrations from different sources can run in
    // parallel (each MIGRATE blocks only its own source), moves of one source run one after another.
    QMap<QString, QList<SlotMove>> movesBySource() const;
    // The slot counts every master ends with, given where they start.
    QMap<QString, int> resultingCounts(const QList<MasterSlots> &masters) const;
};

struct RebalanceOptions {
    // id → weight; masters not listed weigh 1. Weight 0 drains a master.
    QMap<QString, double> weights;
    // Percent: rebalance only when some master is further than this from its expected share.
    double thresholdPercent = 2.0;
    // Give slots to masters that have none (a freshly added master). redis-cli's default is no; ours yes:
    // that is what add-node needs.
    bool useEmptyMasters = true;
};

// redis-cli's rebalance (expected = (int)(16384 / total_weight * w), rounding pushed onto the masters
// that receive, then a two-pointer walk from the most overloaded to the most underloaded master; each
// move takes the source's lowest-numbered slots). Deterministic: ties are broken by id.
// Errors (InvalidInput): a weight for an id that is not a master, a negative weight, every weight zero.
Result<SlotPlan> planRebalance(const QList<MasterSlots> &masters, const RebalanceOptions &options = {});

// redis-cli's reshard table: sources sorted by slot count (descending), each giving its share of
// slotCount (rounded up for the first, down for the others), lowest-numbered slots first. An empty
// sourceIds means every master but the target.
// Errors (InvalidInput): unknown ids, the target among the sources, slotCount < 1 or more than the
// sources hold.
Result<SlotPlan> planReshard(const QList<MasterSlots> &masters, const QStringList &sourceIds,
                             const QString &targetId, int slotCount);

// Moves every slot of drainId to the other masters, filling the ones with the fewest slots first, so
// the cluster stays as even as it can without touching anything else (remove-node).
// Errors (InvalidInput): unknown id, or no other master to take the slots.
Result<SlotPlan> planDrain(const QList<MasterSlots> &masters, const QString &drainId);

} // namespace rcs
