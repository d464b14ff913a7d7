#pragma once

#include "common/job.h"
#include "redis/blind_owners.h"
#include "redis/cluster_topology.h"
#include "redis/rebalance_planner.h"

#include <QDeadlineTimer>
#include <QHash>
#include <QList>
#include <QPointer>
#include <QStringList>

#include <functional>
#include <utility>

namespace rcs {

class RedisPool;

// check --fix for slots an interrupted migration left open ("[slot->-id]" / "[slot-<-id]"), losing no
// key. Per open slot:
// - a node migrating it to B (with or without B importing): the move is finished — keys still on the
//   source go to B, then SETSLOT NODE B (target, source, others);
// - B importing it from A with no node migrating: if B holds no key of the slot, SETSLOT STABLE on B
//   (nothing had moved yet); otherwise the move A → B is finished, since keys already live on both;
// - anything else (several migrating nodes, an importer naming an unknown source): left alone and
//   reported, like redis-cli's "can't fix this slot yet".
// Besides open slots: a master that lost slots in its own view only, while every other node still names
// it as their owner (a "blind owner", see findBlindOwners), gets them back (SETSLOT NODE on it, then
// BUMPEPOCH) before anything else, unless another node it names still holds keys of them.
// Only the masters' open slots count: Valkey 8 replicates SETSLOT, so its replicas show their master's
// state as well. A slot open on a replica but not on its master (a SETSLOT that ran out of time
// waiting for the replicas) is cleared with SETSLOT STABLE on the master, which replicates it.
// Moves run through SlotMigrationJob (sources in parallel, never REPLACE), once every receiving master
// reports cluster_state:ok: a master that was just restarted (the usual reason a slot was left open)
// answers CLUSTERDOWN for up to 5 s, and a MIGRATE into it would fail. Finally the job waits until no
// master reports an open slot and every reachable node, replicas included, agrees on the slot owners; a
// master that still shows an open slot (a SETSLOT of the interrupted run that it applied only after the
// scan, as Valkey does once its replicas acknowledged) is fixed in another round, at most MaxRounds.
//
// Error behaviour: Refused when a master is unreachable (its view of the slot is unknown) or a slot
// cannot be fixed automatically (named); the migration's error; Timeout if a receiving master never
// reports ok, slots stay open or the nodes do not agree within SettleTimeoutMs.
class FixOpenSlotsJob final : public Job {
    Q_OBJECT
public:
    static constexpr int SettleTimeoutMs = 30000;
    static constexpr int ReadyTimeoutMs = 30000;
    // Scans and fixes again when a master still shows an open slot after the moves.
    static constexpr int MaxRounds = 2;

    FixOpenSlotsJob(QList<NodeAddress> seeds, RedisPool *pool = nullptr, QObject *parent = nullptr);
    ~FixOpenSlotsJob() override;

    // What was done, one sentence per slot.
    const QStringList &actions() const { return m_actions; }
    int slotsFixed() const { return m_slotsFixed; }

protected:
    void doStart() override;
    void doCancel() override;

private:
    void scanned(const ClusterTopology &topology);
    void counted(const QList<int> &emptyImports, const SlotPlan &moves);
    void waitForTargets(const SlotPlan &moves);
    void runMoves(const SlotPlan &moves);
    void verify();
    // Gives masters back the slots they lost in their own view only (findBlindOwners), then runs then.
    void reclaim(const QList<BlindOwner> &owners, std::function<void()> then);

    QList<NodeAddress> m_seeds;
    QPointer<RedisPool> m_pool;
    ClusterTopology m_topology;
    QHash<QString, NodeAddress> m_addressById;
    QStringList m_masterIds;
    QStringList m_actions;
    QList<std::pair<QString, int>> m_strayReplicaSlots; // (master id, slot) open only on its replicas
    QPointer<Job> m_child;
    QDeadlineTimer m_deadline;
    int m_slotsFixed = 0;
    int m_round = 0;
    int m_reclaims = 0;
};

} // namespace rcs
