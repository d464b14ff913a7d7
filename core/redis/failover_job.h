#pragma once

#include "common/job.h"
#include "redis/cluster_topology.h"

#include <QDeadlineTimer>
#include <QElapsedTimer>
#include <QList>
#include <QPointer>
#include <QSet>

namespace rcs {

class NodeTimeoutOverride;
class RedisPool;

// A manual failover: CLUSTER FAILOVER [FORCE|TAKEOVER] on a replica, then waits until every reachable
// node sees the replica as the master of its old master's slots and the old master (when reachable)
// as its replica.
//
// A plain failover first reads the master's replication offset: a master that has not replicated a
// byte since its replica attached is at offset 0, which Redis before 6.2 reads as "no offset received
// yet", so the replica waits for one until the server gives up. An empty transaction (MULTI, PING, EXEC:
// no key is written) is then replicated first and moves the offset.
//
// Once the old master calls itself a replica of the new one, its cluster-node-timeout is lowered to
// 1 s until every node has seen the swap (NodeTimeoutOverride: it then pings each peer with its new role
// at once instead of over the next seconds of gossip), and restored on every way out.
//
// Error behaviour: InvalidInput when the id (or unique id prefix) is unknown or not a replica;
// the node's error reply (RedisError); Timeout when a plain or TAKEOVER failover did not happen within
// the servers' own manual-failover bound (5 s) plus a margin — the message names the replica that is
// still a replica, its master's replication offset and the replica's, and how long it waited — or when
// the roles do not swap within the overall bound (default 30 s; a plain failover needs the master
// reachable — try --force when it is not).
class FailoverJob final : public Job {
    Q_OBJECT
public:
    enum class Mode { Default, Force, Takeover };
    static constexpr int DefaultTimeoutMs = 30000;
    // CLUSTER_MF_TIMEOUT of Redis 5.0 to 7.x and Valkey 8.0: a manual failover not done by then is
    // abandoned by the replica; the margin covers the election that may still be counting votes.
    static constexpr int ServerManualFailoverTimeoutMs = 5000;
    static constexpr int NotStartedMarginMs = 1500;
    // The old master's cluster-node-timeout once it is a replica, until every node saw the swap.
    static constexpr int DemotedNodeTimeoutMs = 1000;

    FailoverJob(QList<NodeAddress> seeds, QString replicaId, RedisPool *pool = nullptr,
                QObject *parent = nullptr);
    ~FailoverJob() override;

    void setMode(Mode mode) { m_mode = mode; }
    void setRoleTimeout(int ms) { m_timeoutMs = ms; }

    // The promoted node's full id and the old master's, once known.
    QString replicaId() const { return m_replicaId; }
    QString oldMasterId() const { return m_oldMasterId; }

protected:
    void doStart() override;
    void doCancel() override;

private:
    void scanned(const ClusterTopology &topology);
    void readMasterOffset();
    void advanceMasterOffset();
    void requestFailover();
    void poll();
    void checkStarted();
    void reportNotStarted();
    void restoreThenFail(const Error &error);

    QList<NodeAddress> m_seeds;
    QString m_requestedId;
    QPointer<RedisPool> m_pool;
    Mode m_mode = Mode::Default;
    int m_timeoutMs = DefaultTimeoutMs;
    QString m_replicaId;
    QString m_oldMasterId;
    QSet<QString> m_repointed; // other replicas of the old master told to follow the new one
    NodeAddress m_replicaAddress;
    NodeAddress m_masterAddress; // empty host when the master is not reachable
    QList<NodeAddress> m_reachable;
    QPointer<Job> m_child;
    NodeTimeoutOverride *m_timeouts = nullptr;
    bool m_ending = false; // the outcome is known; the node timeout is being restored
    QDeadlineTimer m_deadline;
    QElapsedTimer m_sinceRequest;
};

} // namespace rcs
