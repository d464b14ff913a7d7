#pragma once

#include "common/job.h"
#include "redis/cluster_topology.h"
#include "redis/redis_reply.h"

#include <QDeadlineTimer>
#include <QElapsedTimer>
#include <QList>
#include <QPointer>

#include <functional>

namespace rcs {

class RedisPool;

// Adds a blank node to a running cluster.
// 1. Scans the cluster; checks that the new node is blank (no keys, knows no other node, no slots) and
//    not already a member.
// 2. The new node MEETs every reachable member (pipelined); waits until every member lists it connected
//    and it lists every member.
// 3. As a master: rebalances slots onto it (RebalanceJob with empty masters, which first waits for its
//    cluster_state:ok). As a replica: CLUSTER REPLICATE to the given master, or to the master with the
//    fewest replicas in another host group, then waits until every member sees it as that master's
//    replica.
//
// Error behaviour: NotEmpty naming the node and what it holds; Refused when it is already a member;
// InvalidInput for an unknown master id; the rebalance's errors; Timeout when the join does not settle.
class AddNodeJob final : public Job {
    Q_OBJECT
public:
    enum class Role { Master, Replica };
    static constexpr int JoinTimeoutMs = 30000;
    // A member that has not met the new node this long after its MEET is asked to meet it itself.
    static constexpr int RemeetIntervalMs = 3000;

    AddNodeJob(QList<NodeAddress> seeds, NodeAddress newNode, Role role, RedisPool *pool = nullptr,
               QObject *parent = nullptr);
    ~AddNodeJob() override;

    // For Role::Replica: the master to follow (full id or unique prefix); empty = choose.
    void setMasterId(const QString &id) { m_requestedMaster = id; }
    // The host group of the new node (Kubernetes node name); empty = its IP.
    void setHostGroup(const QString &group) { m_hostGroup = group; }

    QString newNodeId() const { return m_newId; }
    QString masterId() const { return m_masterId; }
    int slotsMoved() const { return m_slotsMoved; }

protected:
    void doStart() override;
    void doCancel() override;

private:
    void scanned(const ClusterTopology &topology);
    void checked(const NodeView &view);
    // Fetches every node's view (members and the new node) every 50 ms until gapOf() finds nothing
    // missing, then calls done; fails (Timeout) with "<whatTimedOut> within N s: <gap>." at m_deadline.
    void pollViews(const std::function<QString(const QList<NodeView> &)> &gapOf, const QString &whatTimedOut,
                   const std::function<void()> &done);
    void waitForJoin();
    void remeet(const NodeAddress &member);
    void afterJoin();
    void waitForReplica();

    QList<NodeAddress> m_seeds;
    NodeAddress m_new;
    Role m_role;
    QPointer<RedisPool> m_pool;
    QString m_requestedMaster;
    QString m_hostGroup;
    ClusterTopology m_topology;
    QList<NodeAddress> m_memberAddresses;
    QStringList m_memberIds;
    QString m_newId;
    QString m_masterId;
    QPointer<Job> m_child;
    QDeadlineTimer m_deadline;
    QElapsedTimer m_sinceMeet; // since the new node was last introduced to a member that has not met it
    int m_slotsMoved = 0;
};

} // namespace rcs
