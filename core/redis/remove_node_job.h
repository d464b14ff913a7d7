#pragma once

#include "common/job.h"
#include "redis/cluster_topology.h"
#include "redis/removal_plan.h"

#include <QDeadlineTimer>
#include <QList>
#include <QPointer>

#include <functional>
#include <utility>

namespace rcs {

class RedisPool;

// Removes a node from a running cluster without losing a key.
// 1. Scans; the node is given by id (or a unique prefix). Unless confirmed, the job lists the plan
//    (planRemoval) as info messages, logs its redis-cli lines and stops there (Refused), changing
//    nothing.
// 2. A master with slots is drained first (RebalanceJob in drain mode: its slots go to the other
//    masters, the emptiest first); the cluster is then scanned again.
// 3. Its replicas follow the master with the fewest replicas in another host group (CLUSTER REPLICATE),
//    so no node refuses FORGET with "Can't forget my master!".
// 4. CLUSTER FORGET on every other reachable node at once — well inside the 60 s blacklist window, so
//    no node re-learns it from another's gossip — then CLUSTER RESET HARD on the node itself (when
//    reachable), which leaves it blank, with a new id, ready to be shut down or reused. A new id
//    because Valkey 8 spreads every forgotten id in its pings for 60 s (the FORGOTTEN_NODE extension):
//    a node that came back under its old id within that minute (a StatefulSet scaled up again onto
//    the kept volume) would be joined and dropped again by every member. Then FLUSHALL on it: the
//    reset empties a replica's memory but not its AOF, which would bring keys back at a restart; and
//    waits until a background AOF rewrite (a replica's first AOF after a sync) has written it.
// 5. Waits until no remaining node lists it.
//
// Error behaviour: InvalidInput for an unknown or ambiguous id; Refused when it is the last master or
// without confirmation; the drain's errors; the node's error replies; Timeout when it keeps being
// listed.
class RemoveNodeJob final : public Job {
    Q_OBJECT
public:
    static constexpr int ForgetTimeoutMs = 30000;

    RemoveNodeJob(QList<NodeAddress> seeds, QString nodeId, RedisPool *pool = nullptr,
                  QObject *parent = nullptr);
    ~RemoveNodeJob() override;

    // Callers that asked the user already (the GUI's dialog, remove-node --yes) confirm; default: not.
    void setConfirmed(bool confirmed) { m_confirmed = confirmed; }

    QString removedId() const { return m_id; }
    int slotsMoved() const { return m_slotsMoved; }
    // Unconfirmed: the equivalent commands of the plan it listed (and logged) before refusing.
    const QList<EquivalentCommand> &plannedCommands() const { return m_plannedCommands; }

protected:
    void doStart() override;
    void doCancel() override;

private:
    void scan(std::function<void(const ClusterTopology &)> next);
    void firstScan(const ClusterTopology &topology);
    void listPlan(const ClusterTopology &topology, const RemovalPlan &plan);
    void repointReplicas(const ClusterTopology &topology);
    void forget(const ClusterTopology &topology);

    void emptyDataFiles();
    void waitForDataFiles();
    void waitUntilForgotten();

    QList<NodeAddress> m_seeds;
    QString m_requested;
    bool m_confirmed = false;
    QPointer<RedisPool> m_pool;
    QString m_id;
    NodeAddress m_address;
    bool m_reachable = false;
    QList<NodeAddress> m_others;
    QList<std::pair<QString, QString>> m_repointed; // replica id, its new master's id
    QPointer<Job> m_child;
    QDeadlineTimer m_deadline;
    int m_slotsMoved = 0;
    QList<EquivalentCommand> m_plannedCommands;
};

} // namespace rcs
