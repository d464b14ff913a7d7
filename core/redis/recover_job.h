#pragma once

#include "common/job.h"
#include "redis/cluster_topology.h"
#include "redis/recovery_planner.h"

#include <QDeadlineTimer>
#include <QElapsedTimer>
#include <QHash>
#include <QList>
#include <QPointer>
#include <QTimer>

namespace rcs {

class NodeTimeoutOverride;
class RedisPool;

// Brings a cluster back after its nodes restarted on new addresses (every pod rescheduled), without
// resetting anything: the data and the node ids on the volumes survive.
//
// 1. Asks every given address for CLUSTER MYID, CLUSTER NODES, its cluster-node-timeout and its
//    cluster-replica-no-failover.
// 2. planRecovery(): the MEETs that make every node hear from every peer at its new address (and every
//    node receive one, since a node learns its own new address only from an incoming MEET).
// 3. Unless nothing is to be done, sets cluster-replica-no-failover on every replica whose master is a
//    member (and that allowed failovers), so that fail flags raised while the nodes meet again cannot
//    swap roles, and clears it again when the job ends, however it ends.
// 4. If some node still flags a live peer fail/fail?, lowers cluster-node-timeout to 1 s on the members
//    (a FAIL master is otherwise cleared only after 2 × node timeout) and restores every node's own value
//    as soon as no flag is left — and on every way out of the job.
// 5. Sends the MEETs (pipelined per node, all nodes at once), then polls CLUSTER NODES + CLUSTER INFO every
//    pollInterval and re-sends a MEET for any pair still unresolved every 2 s.
// Succeeds when every member lists itself and every other member at its current address, connected,
// without fail/fail?/handshake/noaddr flags, with no handshake in progress, and reports cluster_state:ok.
// Ids no live node answers to (lost data folders) are reported in plan().notes and not waited for.
//
// Error behaviour: ConnectionFailed naming an address that does not answer (recovery needs every live
// node); planner errors (InvalidInput); RedisError if a node rejects a MEET; Timeout with the remaining
// gaps (first three) when the cluster does not settle within the timeout (default 60 s).
class RecoverJob final : public Job {
    Q_OBJECT
public:
    static constexpr int DefaultTimeoutMs = 60000;
    static constexpr int DefaultPollIntervalMs = 50;
    static constexpr int FastNodeTimeoutMs = 1000;
    static constexpr int RemeetIntervalMs = 2000;

    RecoverJob(QList<NodeAddress> addresses, RedisPool *pool = nullptr, QObject *parent = nullptr);
    ~RecoverJob() override;

    void setConvergenceTimeout(int ms) { m_timeoutMs = ms; }
    void setPollInterval(int ms) { m_pollIntervalMs = ms; }
    // Lower cluster-node-timeout while stale FAIL flags clear (default true).
    void setFastFailClear(bool enabled) { m_fastFailClear = enabled; }
    void setFullMeshLimit(int members) { m_fullMeshLimit = members; }

    const RecoveryPlan &plan() const { return m_plan; }
    // The members as the last poll saw them.
    const ClusterTopology &topology() const { return m_topology; }
    // What was still wrong at the last poll (empty after success).
    const QStringList &remainingGaps() const { return m_gaps; }
    int meetsSent() const { return m_meetsSent; }

protected:
    void doStart() override;
    void doCancel() override;

private:
    void identified(const QList<RecoveryNodeInput> &inputs, const QList<int> &nodeTimeouts);
    void sendMeets(const QList<MeetCommand> &meets);
    void poll();
    void polled(const QList<NodeView> &views);
    QStringList gapsIn(const QList<NodeView> &views, QList<MeetCommand> *remeets) const;
    bool anyMemberFlagged(const QList<NodeView> &views) const;
    void lowerNodeTimeouts();
    void holdFailovers(bool hold, std::function<void()> then);
    void failAfterRestore(const Error &error);

    QList<NodeAddress> m_addresses;
    QPointer<RedisPool> m_pool;
    NodeTimeoutOverride *m_timeouts = nullptr;
    QList<RecoveryNodeInput> m_inputs;
    QList<int> m_originalNodeTimeouts; // per input, ms
    QList<bool> m_noFailover;          // per input: cluster-replica-no-failover was already set (or unknown)
    QList<int> m_failoversHeld;        // members whose failovers this job holds
    RecoveryPlan m_plan;
    ClusterTopology m_topology;
    QStringList m_gaps;
    QDeadlineTimer m_deadline;
    QElapsedTimer m_sinceMeets;
    QTimer m_pollTimer;
    int m_timeoutMs = DefaultTimeoutMs;
    int m_pollIntervalMs = DefaultPollIntervalMs;
    int m_fullMeshLimit = 100;
    int m_meetsSent = 0;
    bool m_fastFailClear = true;
    bool m_restoring = false;
};

} // namespace rcs
