#pragma once

#include "common/job.h"
#include "redis/cluster_topology.h"

#include <QDeadlineTimer>
#include <QList>
#include <QPointer>

namespace rcs {

class RedisPool;

// A manual failover: CLUSTER FAILOVER [FORCE|TAKEOVER] on a replica, then waits until every reachable
// node sees the replica as the master of its old master's slots and the old master (when reachable)
// as its replica.
//
// Error behaviour: InvalidInput when the id (or unique id prefix) is unknown or not a replica;
// the node's error reply (RedisError); Timeout when the roles do not swap within the bound (default
// 30 s; a plain failover needs the master reachable — try --force when it is not).
class FailoverJob final : public Job {
    Q_OBJECT
public:
    enum class Mode { Default, Force, Takeover };
    static constexpr int DefaultTimeoutMs = 30000;

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
    void poll();

    QList<NodeAddress> m_seeds;
    QString m_requestedId;
    QPointer<RedisPool> m_pool;
    Mode m_mode = Mode::Default;
    int m_timeoutMs = DefaultTimeoutMs;
    QString m_replicaId;
    QString m_oldMasterId;
    QList<NodeAddress> m_reachable;
    QPointer<Job> m_child;
    QDeadlineTimer m_deadline;
};

} // namespace rcs
