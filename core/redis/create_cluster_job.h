#pragma once

#include "common/job.h"
#include "redis/cluster_convergence.h"
#include "redis/cluster_topology.h"
#include "redis/create_planner.h"
#include "redis/redis_reply.h"

#include <QDeadlineTimer>
#include <QList>
#include <QPointer>
#include <QTimer>

#include <functional>

namespace rcs {

class RedisPool;

// Forms a new cluster from blank nodes, then waits until it is really formed.
//
// 1. Plans with planCreate() (masters = N/(replicas+1), at least 3; redis-cli's slot split;
//    anti-affinity by host group).
// 2. Checks every node in parallel: reachable, cluster-enabled, and blank — no keys, no other known
//    node, no assigned slot — and refuses naming the first node that is not.
// 3. Pipelined on all nodes at once: ADDSLOTSRANGE (7.0+, ADDSLOTS before) on the masters and a distinct
//    SET-CONFIG-EPOCH 1..N everywhere; then, once all answered, a full-mesh CLUSTER MEET.
//    While the cluster forms, cluster-node-timeout is shortened to 1 s on every node (more on large
//    clusters, see cluster_pacing.h) and restored
//    afterwards: a master reports cluster_state:ok only min(node-timeout, 5 s) after it last counted
//    itself in a minority, which a slotless node does until its first ADDSLOTS.
// 4. Polls CLUSTER NODES + CLUSTER INFO of every node every pollInterval (paced), sends CLUSTER REPLICATE to
// a
//    replica as soon as it knows its master, and succeeds when convergenceGaps() is empty: every node
//    cluster_state:ok, agreeing on every node's slots and role, listing every peer at its address,
//    connected.
// Every changing command is logged (Logger, category "redis") with its redis-cli equivalent.
//
// Error behaviour: planner errors (InvalidInput) before any connection; NotEmpty / Refused naming the
// node from step 2; the node's error reply (RedisError) if a command is rejected; Timeout with the
// first remaining gap when the cluster does not settle within timeout(). A failed create can leave
// nodes half-joined: the message says so, and they must be reset before a retry.
class CreateClusterJob final : public Job {
    Q_OBJECT
public:
    static constexpr int DefaultTimeoutMs = 60000;
    static constexpr int DefaultPollIntervalMs = 50;
    // The cluster-node-timeout used while the cluster forms (the rejoin delay follows it, 500 ms at least).
    static constexpr int FormingNodeTimeoutMs = 1000;

    CreateClusterJob(QList<PlannedNodeInput> nodes, int replicasPerMaster, RedisPool *pool = nullptr,
                     QObject *parent = nullptr);
    ~CreateClusterJob() override;

    // Overall bound from start to the verified cluster (default 60 s).
    void setConvergenceTimeout(int ms) { m_timeoutMs = ms; }
    void setPollInterval(int ms) { m_pollIntervalMs = ms; }

    const CreatePlan &plan() const { return m_plan; }
    // The cluster as the last poll saw it (the formed cluster after success).
    const ClusterTopology &topology() const { return m_topology; }

protected:
    void doStart() override;
    void doCancel() override;

private:
    struct Member {
        NodeAddress address;
        QString id;
        quint16 busPort = 0;
        bool supportsSlotRanges = false;
        bool master = false;
        int planIndex = 0; // into plan().masters or plan().replicas
        QString masterId;  // replicas, once known
        bool replicateSent = false;
        int nodeTimeoutMs = 0; // cluster-node-timeout before the create; 0 when CONFIG GET failed
        bool nodeTimeoutShortened = false;
        QByteArray noFailover; // a replica's cluster-replica-no-failover before; empty when unread
        bool noFailoverSet = false;
    };

    QList<NodeAddress> memberAddresses() const;
    void checkNodes();
    void nodesChecked(const QList<NodeView> &views);
    void assignSlotsAndEpochs();
    void meetEveryone();
    void poll();
    void polled(const QList<NodeView> &views);
    void replicateWhereReady(const QList<NodeView> &views);
    // Sends one changing command with sendLogged (its redis-cli equivalent in the log) and remembers
    // that the job changed something; calls done with the reply.
    void change(const Member &member, const QList<QByteArray> &argv, const QString &what,
                std::function<void(Result<RedisReply>)> done);
    // Runs sends in parallel and calls next when all succeeded; fails the job on the first error.
    void afterAll(int count, const QString &context, std::function<void()> next,
                  std::function<void(int, std::function<void(Result<RedisReply>)>)> send);
    void failHalfDone(const Error &error);
    // What the nodes run with while the cluster forms (create_cluster_forming.cpp): a shorter
    // cluster-node-timeout, and replicas that do not fail over. Then put back, then done (also on errors).
    void addFormingSettings(int member, const std::function<void(QList<QByteArray>, QString)> &send);
    void restoreFormingSettings(std::function<void()> done);

    QList<PlannedNodeInput> m_inputs;
    int m_replicasPerMaster = 0;
    QPointer<RedisPool> m_pool;
    CreatePlan m_plan;
    QList<Member> m_members;
    QList<ExpectedNode> m_expected;
    ClusterTopology m_topology;
    QDeadlineTimer m_deadline;
    QTimer m_pollTimer;
    int m_timeoutMs = DefaultTimeoutMs;
    int m_pollIntervalMs = DefaultPollIntervalMs;
    int m_rounds = 0;
    bool m_changedSomething = false;
};

} // namespace rcs
