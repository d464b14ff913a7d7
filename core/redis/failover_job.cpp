#include "failover_job.h"

#include "redis/cluster_scan_job.h"
#include "redis/lifecycle_support.h"
#include "redis/redis_pool.h"

#include <QTimer>

namespace rcs {

FailoverJob::FailoverJob(QList<NodeAddress> seeds, QString replicaId, RedisPool *pool, QObject *parent)
    : Job(parent)
    , m_seeds(std::move(seeds))
    , m_requestedId(std::move(replicaId))
    , m_pool(pool ? pool : new RedisPool(this))
{
    setTitle(tr("Fail over to a replica"));
}

FailoverJob::~FailoverJob() = default;

void FailoverJob::doStart()
{
    setStep(tr("Reading the cluster"));
    runChild(new ClusterScanJob(m_seeds, m_pool, this),
             [this](ClusterScanJob *scan) { scanned(scan->topology()); });
}

void FailoverJob::scanned(const ClusterTopology &topology)
{
    QList<const TopologyNode *> matches;
    for (const TopologyNode &node : topology.nodes()) {
        if (!m_requestedId.isEmpty() && node.id.startsWith(m_requestedId))
            matches.append(&node);
        if (node.reachable)
            m_reachable.append(node.address);
    }
    if (matches.size() != 1) {
        return fail(
            ErrorCode::InvalidInput,
            matches.isEmpty()
                ? tr("No node of the cluster has the id '%1'; see status for the ids.").arg(m_requestedId)
                : tr("'%1' matches %2 nodes; give more of the id.").arg(m_requestedId).arg(matches.size()));
    }
    const TopologyNode &replica = *matches.first();
    if (!replica.isReplica()) {
        return fail(ErrorCode::InvalidInput,
                    tr("%1 (%2) is not a replica, so it cannot take over; give the id of a replica.")
                        .arg(replica.address.toString(), replica.id.left(8)));
    }
    if (!replica.reachable) {
        return fail(
            ErrorCode::ConnectionFailed,
            tr("The replica %1 does not answer, so it cannot take over.").arg(replica.address.toString()));
    }
    m_replicaId = replica.id;
    m_oldMasterId = replica.masterId;
    QList<QByteArray> argv{"CLUSTER", "FAILOVER"};
    if (m_mode == Mode::Force)
        argv.append("FORCE");
    else if (m_mode == Mode::Takeover)
        argv.append("TAKEOVER");
    setStep(tr("Asking %1 to take over").arg(replica.address.toString()));
    sendLogged(m_pool, replica.address, argv,
               tr("Promote the replica %1 to master").arg(replica.address.toString()), this,
               [this](Result<RedisReply> reply) {
                   if (isFinished())
                       return;
                   if (!reply)
                       return fail(reply.error());
                   m_deadline = QDeadlineTimer(m_timeoutMs);
                   poll();
               });
}

void FailoverJob::poll()
{
    fetchViews(m_pool, m_reachable, this, [this](QList<NodeView> views) {
        if (isFinished())
            return;
        QString gap;
        for (const NodeView &view : views) {
            if (!view.reachable)
                continue; // the old master may be the reason for the failover
            for (const ClusterNodeInfo &node : view.nodes) {
                if (node.id == m_replicaId && !node.isMaster())
                    gap = tr("%1 does not see the new master yet").arg(view.address.toString());
                if (node.id == m_oldMasterId && !node.isFail() &&
                    !(node.isReplica() && node.masterId == m_replicaId))
                    gap = tr("%1 does not see the old master as a replica yet").arg(view.address.toString());
            }
            if (!gap.isEmpty())
                break;
        }
        if (gap.isEmpty()) {
            info(tr("%1 is now a master.").arg(m_replicaId.left(8)));
            return succeed();
        }
        if (m_deadline.hasExpired()) {
            return fail(ErrorCode::Timeout,
                        tr("The roles did not swap within %1 s: %2. If the master is down, try --force.")
                            .arg(m_timeoutMs / 1000)
                            .arg(gap));
        }
        QTimer::singleShot(50, this, [this] { poll(); });
    });
}

void FailoverJob::doCancel()
{
    if (m_child)
        m_child->cancel();
}

} // namespace rcs
