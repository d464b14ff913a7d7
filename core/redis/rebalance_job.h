#pragma once

#include "common/job.h"
#include "redis/cluster_topology.h"
#include "redis/rebalance_planner.h"

#include <QDeadlineTimer>
#include <QHash>
#include <QList>
#include <QPointer>
#include <QTimer>

namespace rcs {

class NodeTimeoutOverride;
class RedisPool;

// Rebalance, reshard or drain a live cluster: scan it, refuse when it is not safe (unreachable or
// failing masters, slots left open by an interrupted run, nodes disagreeing about slot owners), plan
// with planRebalance / planReshard / planDrain, wait until every receiving master reports
// cluster_state:ok (a freshly added master reports fail for up to 5 s, and MIGRATE into it would fail
// with CLUSTERDOWN), run the SlotMigrationJob, then wait until every node (replicas too) agrees on the new
// owners. While it waits, the receiving masters' cluster-node-timeout is lowered to 1 s (NodeTimeoutOverride:
// each then pings every peer with its new slots at once; on Redis 5.0 the replicas otherwise learn them
// from gossip seconds later) and restored on every way out.
//
// Error behaviour: Refused naming the problem (run check / check --fix first); planner errors
// (InvalidInput); the migration's error (slots left open are named in detail()); Timeout when a target
// never reports ok or the masters do not agree within the bound.
class RebalanceJob final : public Job {
    Q_OBJECT
public:
    enum class Mode { Rebalance, Reshard, Drain };
    static constexpr int ReadyTimeoutMs = 30000;
    static constexpr int AgreementTimeoutMs = 30000;
    // How long a disagreement about slot owners may last before the job refuses (a node that just
    // joined needs a moment of gossip).
    static constexpr int SettleTimeoutMs = 15000;
    // The receiving masters' cluster-node-timeout while the nodes learn the new owners (paced by size).
    static constexpr int AgreementNodeTimeoutMs = 1000;

    RebalanceJob(QList<NodeAddress> seeds, RedisPool *pool = nullptr, QObject *parent = nullptr);
    ~RebalanceJob() override;

    void setRebalance(const RebalanceOptions &options);
    // sourceIds empty = every other master.
    void setReshard(const QStringList &sourceIds, const QString &targetId, int slotCount);
    void setDrain(const QString &nodeId);
    // Plan only; nothing changes (--dry-run).
    void setSimulate(bool simulate) { m_simulate = simulate; }

    Mode mode() const { return m_mode; }
    const SlotPlan &plan() const { return m_plan; }
    // The cluster as scanned before the moves.
    const ClusterTopology &topologyBefore() const { return m_before; }
    int slotsMoved() const { return m_slotsMoved; }
    qint64 keysMoved() const { return m_keysMoved; }

protected:
    void doStart() override;
    void doCancel() override;

private:
    void scan();
    void scanned(const ClusterTopology &topology);
    void waitForTargets();
    void migrate();
    void waitForAgreement();
    void restoreThenFail(const Error &error);

    QList<NodeAddress> m_seeds;
    QPointer<RedisPool> m_pool;
    Mode m_mode = Mode::Rebalance;
    RebalanceOptions m_rebalance;
    QStringList m_sourceIds;
    QString m_targetId;
    int m_slotCount = 0;
    QString m_drainId;
    bool m_simulate = false;
    ClusterTopology m_before;
    SlotPlan m_plan;
    QHash<QString, NodeAddress> m_addressById;
    QStringList m_masterIds;
    QPointer<Job> m_child;
    NodeTimeoutOverride *m_timeouts = nullptr;
    bool m_ending = false;    // the outcome is known; node timeouts are being restored
    bool m_reclaimed = false; // blind owners (findBlindOwners) were given their slots back once
    QDeadlineTimer m_deadline;
    QDeadlineTimer m_settleDeadline;
    int m_slotsMoved = 0;
    qint64 m_keysMoved = 0;
};

} // namespace rcs
