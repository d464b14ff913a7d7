#include "rebalance_planner.h"

#include <QCoreApplication>
#include <QSet>

#include <algorithm>
#include <cmath>

namespace rcs {

namespace {
// The translation context of this file's texts: the GUI shows them in its language, the
// headless commands (which load no translation) in English.
struct Text {
    Q_DECLARE_TR_FUNCTIONS(rcs::RebalancePlanner)
};
} // namespace

namespace {

Error unknownMaster(const QString &id)
{
    return Error(
        ErrorCode::InvalidInput,
        Text::tr("%1 is not a master of this cluster; give the id of a master (see status).").arg(id));
}

const MasterSlots *findMaster(const QList<MasterSlots> &masters, const QString &id)
{
    for (const MasterSlots &master : masters) {
        if (master.id == id)
            return &master;
    }
    return nullptr;
}

} // namespace

int SlotPlan::slotCount() const
{
    int total = 0;
    for (const SlotMove &move : moves)
        total += move.slotSet.count();
    return total;
}

QMap<QString, QList<SlotMove>> SlotPlan::movesBySource() const
{
    QMap<QString, QList<SlotMove>> bySource;
    for (const SlotMove &move : moves)
        bySource[move.sourceId].append(move);
    return bySource;
}

QMap<QString, int> SlotPlan::resultingCounts(const QList<MasterSlots> &masters) const
{
    QMap<QString, int> counts;
    for (const MasterSlots &master : masters)
        counts.insert(master.id, master.slotSet.count());
    for (const SlotMove &move : moves) {
        counts[move.sourceId] -= move.slotSet.count();
        counts[move.targetId] += move.slotSet.count();
    }
    return counts;
}

Result<SlotPlan> planRebalance(const QList<MasterSlots> &masters, const RebalanceOptions &options)
{
    for (auto it = options.weights.cbegin(); it != options.weights.cend(); ++it) {
        if (!findMaster(masters, it.key()))
            return unknownMaster(it.key());
        if (it.value() < 0 || !std::isfinite(it.value())) {
            return Error(
                ErrorCode::InvalidInput,
                Text::tr("The weight of %1 must be 0 or more, not %2.").arg(it.key()).arg(it.value()));
        }
    }

    struct Entry {
        QString id;
        SlotSet slotSet;
        float weight = 1.0f;
        int balance = 0; // slots to give away (> 0) or to receive (< 0)
    };
    QList<Entry> entries;
    float totalWeight = 0.0f;
    for (const MasterSlots &master : masters) {
        // Like redis-cli, masters without slots take part only when empty masters are used.
        if (!options.useEmptyMasters && master.slotSet.isEmpty())
            continue;
        const float weight = static_cast<float>(options.weights.value(master.id, 1.0));
        entries.append({master.id, master.slotSet, weight, 0});
        totalWeight += weight;
    }
    if (totalWeight <= 0.0f) {
        return Error(ErrorCode::InvalidInput,
                     Text::tr("Every master taking part has weight 0, so there is nowhere to put the slots; "
                              "give at least one master a positive weight."));
    }

    // redis-cli computes in single precision; doing the same keeps our plans identical to its plans.
    bool thresholdReached = false;
    int totalBalance = 0;
    const float threshold = static_cast<float>(options.thresholdPercent);
    for (Entry &entry : entries) {
        const int expected =
            static_cast<int>(static_cast<float>(SlotSet::SlotCount) / totalWeight * entry.weight);
        const int count = entry.slotSet.count();
        entry.balance = count - expected;
        totalBalance += entry.balance;
        if (threshold > 0) {
            if (count > 0) {
                const float errorPercent =
                    std::fabs(100.0f - (100.0f * static_cast<float>(expected) / static_cast<float>(count)));
                thresholdReached = thresholdReached || errorPercent > threshold;
            } else if (expected > 1) {
                thresholdReached = true;
            }
        } else if (entry.balance != 0) {
            thresholdReached = true;
        }
    }
    SlotPlan plan;
    if (!thresholdReached) {
        plan.reason = Text::tr("No rebalancing needed: every master is within %1% of its share.")
                          .arg(options.thresholdPercent);
        return plan;
    }
    // Rounding leaves slots nobody is expected to hold: push them onto the receivers.
    while (totalBalance > 0) {
        for (Entry &entry : entries) {
            if (entry.balance <= 0 && totalBalance > 0) {
                --entry.balance;
                --totalBalance;
            }
        }
    }
    std::sort(entries.begin(), entries.end(), [](const Entry &a, const Entry &b) {
        return a.balance != b.balance ? a.balance < b.balance : a.id < b.id;
    });
    qsizetype dst = 0;
    qsizetype src = entries.size() - 1;
    while (dst < src) {
        Entry &target = entries[dst];
        Entry &source = entries[src];
        const int moving = std::min(std::abs(target.balance), std::abs(source.balance));
        if (moving > 0) {
            const SlotSet moved = source.slotSet.lowest(moving);
            source.slotSet -= moved;
            plan.moves.append({source.id, target.id, moved});
        }
        target.balance += moving;
        source.balance -= moving;
        if (target.balance == 0)
            ++dst;
        if (source.balance == 0)
            --src;
    }
    plan.needed = !plan.moves.isEmpty();
    if (!plan.needed)
        plan.reason = Text::tr("No rebalancing needed: the masters already hold their shares.");
    return plan;
}

Result<SlotPlan> planReshard(const QList<MasterSlots> &masters, const QStringList &sourceIds,
                             const QString &targetId, int slotCount)
{
    if (!findMaster(masters, targetId))
        return unknownMaster(targetId);
    QList<MasterSlots> sources;
    if (sourceIds.isEmpty()) {
        for (const MasterSlots &master : masters) {
            if (master.id != targetId)
                sources.append(master);
        }
    } else {
        QSet<QString> seen;
        for (const QString &id : sourceIds) {
            const MasterSlots *master = findMaster(masters, id);
            if (!master)
                return unknownMaster(id);
            if (id == targetId) {
                return Error(ErrorCode::InvalidInput,
                             Text::tr("The target %1 is also a source; a master cannot move slots to itself.")
                                 .arg(id));
            }
            if (!seen.contains(id))
                sources.append(*master);
            seen.insert(id);
        }
    }
    int available = 0;
    for (const MasterSlots &source : std::as_const(sources))
        available += source.slotSet.count();
    if (slotCount < 1 || slotCount > available) {
        return Error(ErrorCode::InvalidInput,
                     Text::tr("Cannot move %1 slots: give a number from 1 to %2, the slots the sources hold.")
                         .arg(slotCount)
                         .arg(available));
    }
    std::stable_sort(sources.begin(), sources.end(), [](const MasterSlots &a, const MasterSlots &b) {
        const int ca = a.slotSet.count();
        const int cb = b.slotSet.count();
        return ca != cb ? ca > cb : a.id < b.id;
    });
    SlotPlan plan;
    int moved = 0;
    for (qsizetype i = 0; i < sources.size(); ++i) {
        const MasterSlots &source = sources.at(i);
        float share = static_cast<float>(slotCount) / static_cast<float>(available) *
                      static_cast<float>(source.slotSet.count());
        share = i == 0 ? std::ceil(share) : std::floor(share);
        const int take = std::min(static_cast<int>(share), slotCount - moved);
        if (take <= 0)
            continue;
        plan.moves.append({source.id, targetId, source.slotSet.lowest(take)});
        moved += take;
    }
    plan.needed = !plan.moves.isEmpty();
    return plan;
}

Result<SlotPlan> planDrain(const QList<MasterSlots> &masters, const QString &drainId)
{
    const MasterSlots *victim = findMaster(masters, drainId);
    if (!victim)
        return unknownMaster(drainId);
    QList<MasterSlots> others;
    for (const MasterSlots &master : masters) {
        if (master.id != drainId)
            others.append(master);
    }
    SlotPlan plan;
    if (victim->slotSet.isEmpty()) {
        plan.reason = Text::tr("%1 holds no slots; nothing to move.").arg(drainId);
        return plan;
    }
    if (others.isEmpty()) {
        return Error(ErrorCode::InvalidInput,
                     Text::tr("%1 is the only master; its slots have nowhere to go. Add a master first.")
                         .arg(drainId));
    }
    // Water-filling: each slot goes to the master that would then hold the fewest.
    QList<int> counts;
    for (const MasterSlots &master : std::as_const(others))
        counts.append(master.slotSet.count());
    QList<int> quota(others.size(), 0);
    for (int given = 0; given < victim->slotSet.count(); ++given) {
        qsizetype best = 0;
        for (qsizetype i = 1; i < counts.size(); ++i) {
            if (counts.at(i) < counts.at(best))
                best = i;
        }
        ++counts[best];
        ++quota[best];
    }
    SlotSet remaining = victim->slotSet;
    for (qsizetype i = 0; i < others.size(); ++i) {
        if (quota.at(i) == 0)
            continue;
        const SlotSet moved = remaining.lowest(quota.at(i));
        remaining -= moved;
        plan.moves.append({drainId, others.at(i).id, moved});
    }
    plan.needed = true;
    return plan;
}

} // namespace rcs
