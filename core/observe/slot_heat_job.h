#pragma once

#include "cluster_metrics.h"
#include "common/job.h"
#include "redis/slot_set.h"

#include <QPointer>

#include <vector>

namespace rcs {
class RedisPool;
}

namespace rcs::observe {

// A master and the slots it owns; slotStats: ask CLUSTER SLOT-STATS first (the node runs Valkey 8 or
// later, which has it).
struct HeatMaster {
    SampledNode node;
    SlotSet owned;
    bool slotStats = false;
};

// The reachable masters that own slots, with slot-stats asked of Valkey 8 and later.
QList<HeatMaster> heatMasters(const ClusterTopology &topology);

// How one master was counted: "slot-stats" or "countkeysinslot", or why it could not be.
struct HeatNode {
    SampledNode node;
    int slotCount = 0;
    qint64 keys = 0;
    QString method;
    QString error;
};

// Keys per slot of the whole cluster: keys[slot], -1 where no master's count was read (not owned, or
// its master failed).
struct SlotHeat {
    std::vector<qint64> keys = std::vector<qint64>(SlotSet::SlotCount, -1);
    QList<HeatNode> nodes;
    qint64 totalKeys() const;
    qint64 hottest() const; // the largest count (0 when none was read)
};

// Counts the keys of every slot on the master that owns it: one CLUSTER SLOT-STATS SLOTSRANGE 0 16383
// where the server has it (any error reply — an older server, an operator without the permission —
// falls back), else CLUSTER COUNTKEYSINSLOT for each owned slot, sent in pipelined batches (one round
// trip per batch, never one per slot). Masters are counted in parallel, on connections of the job's own;
// progress is slots counted out of slots owned. Changes nothing.
//
// Error behaviour: a master that fails keeps its error in heat().nodes (its slots stay -1); the job
// fails (ConnectionFailed) only when no master could be counted.
class SlotHeatJob final : public Job {
    Q_OBJECT
public:
    static constexpr int BatchSize = 512;

    SlotHeatJob(QList<HeatMaster> masters, RedisPool *pool, QObject *parent = nullptr);
    ~SlotHeatJob() override;

    const SlotHeat &heat() const { return m_heat; }

protected:
    void doStart() override;
    void doCancel() override;

private:
    void countWithSlotStats(int master);
    void countBatch(int master, int from);
    void masterDone(int master, const QString &error = {});
    void closeChannels();

    QList<HeatMaster> m_masters;
    std::vector<QList<int>> m_slots; // per master, its slots in order
    QPointer<RedisPool> m_pool;
    SlotHeat m_heat;
    int m_channel;
    int m_outstanding = 0;
    qint64 m_counted = 0;
    qint64 m_owned = 0;
    bool m_stopped = false;
};

} // namespace rcs::observe
