#include "failover_job.h"

#include "common/logger.h"
#include "common/next_step.h"
#include "redis/cluster_info_parser.h"
#include "redis/cluster_nodes_parser.h"
#include "redis/cluster_scan_job.h"
#include "redis/lifecycle_support.h"
#include "redis/node_timeout_override.h"
#include "redis/redis_cli_line.h"
#include "redis/redis_pool.h"

#include <QTimer>

namespace rcs {

namespace {

// A numeric field of INFO replication; -1 when it is missing.
qint64 replicationOffset(const RedisReply &reply, const char *field)
{
    bool ok = false;
    const qint64 value = parseInfoFields(reply.bytes()).value(QLatin1String(field)).toLongLong(&ok);
    return ok ? value : -1;
}

} // namespace

FailoverJob::FailoverJob(QList<NodeAddress> seeds, QString replicaId, RedisPool *pool, QObject *parent)
    : Job(parent)
    , m_seeds(std::move(seeds))
    , m_requestedId(std::move(replicaId))
    , m_pool(pool ? pool : new RedisPool(this))
    , m_timeouts(new NodeTimeoutOverride(m_pool, this))
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
    m_replicaAddress = replica.address;
    if (const TopologyNode *master = topology.node(replica.masterId); master && master->reachable)
        m_masterAddress = master->address;
    if (m_mode == Mode::Default && !m_masterAddress.host.isEmpty())
        return readMasterOffset();
    requestFailover();
}

void FailoverJob::readMasterOffset()
{
    setStep(tr("Reading the replication offset of %1").arg(m_masterAddress.toString()));
    m_pool->command(m_masterAddress, {"INFO", "replication"}, this, [this](Result<RedisReply> reply) {
        if (isFinished())
            return;
        // Unreadable: the failover itself will tell what is wrong with the master.
        if (reply && replicationOffset(reply.value(), "master_repl_offset") == 0)
            return advanceMasterOffset();
        requestFailover();
    });
}

void FailoverJob::advanceMasterOffset()
{
    Logger::instance().command(
        QStringLiteral("redis"),
        tr("Replicate an empty transaction from %1 so that its replication offset is not 0 "
           "(no key is written)")
            .arg(m_masterAddress.toString()),
        QStringLiteral("printf 'MULTI\\nPING\\nEXEC\\n' | ") +
            redisCliLine(m_pool, m_masterAddress, QStringList{}));
    // Issued back to back, so no other command on the shared connection can fall inside the transaction.
    m_pool->command(m_masterAddress, {"MULTI"}, this, [](Result<RedisReply>) {});
    m_pool->command(m_masterAddress, {"PING"}, this, [](Result<RedisReply>) {});
    m_pool->command(m_masterAddress, {"EXEC"}, this, [this](Result<RedisReply> exec) {
        if (isFinished())
            return;
        if (!exec)
            return fail(exec.error().withContext(tr("Moving the replication offset of %1 before the failover")
                                                     .arg(m_masterAddress.toString())));
        m_pool->command(m_masterAddress, {"INFO", "replication"}, this, [this](Result<RedisReply> reply) {
            if (isFinished())
                return;
            // Servers that handle offset 0 themselves (6.2 and newer) replicate nothing for it.
            const qint64 offset = reply ? replicationOffset(reply.value(), "master_repl_offset") : -1;
            if (offset > 0)
                info(tr("%1 had replicated nothing since its replica attached (offset 0, which "
                        "this server reads as no offset at all); an empty transaction moved "
                        "its offset to %2.")
                         .arg(m_masterAddress.toString())
                         .arg(offset));
            requestFailover();
        });
    });
}

void FailoverJob::requestFailover()
{
    QList<QByteArray> argv{"CLUSTER", "FAILOVER"};
    if (m_mode == Mode::Force)
        argv.append("FORCE");
    else if (m_mode == Mode::Takeover)
        argv.append("TAKEOVER");
    setStep(tr("Asking %1 to take over").arg(m_replicaAddress.toString()));
    sendLogged(m_pool, m_replicaAddress, argv,
               tr("Promote the replica %1 to master").arg(m_replicaAddress.toString()), this,
               [this](Result<RedisReply> reply) {
                   if (isFinished())
                       return;
                   if (!reply)
                       return fail(reply.error());
                   m_deadline = QDeadlineTimer(m_timeoutMs);
                   m_sinceRequest.start();
                   // A plain or TAKEOVER failover not done when the server's own bound has run out never
                   // will: say so then, with what the nodes tell, rather than wait out the overall bound.
                   // A FORCE failover may still win a later election, so it keeps the overall bound.
                   if (m_mode != Mode::Force)
                       QTimer::singleShot(ServerManualFailoverTimeoutMs + NotStartedMarginMs, this,
                                          [this] { checkStarted(); });
                   poll();
               });
}

void FailoverJob::poll()
{
    fetchViews(m_pool, m_reachable, NodeViewParts::Cluster, this, [this](QList<NodeView> views) {
        if (isFinished())
            return;
        QString gap;
        for (const NodeView &view : views) {
            if (!view.reachable)
                continue; // the old master may be the reason for the failover
            const ClusterNodeInfo *self = myselfIn(view);
            if (self && self->id == m_oldMasterId && self->isReplica() && self->masterId == m_replicaId)
                m_timeouts->lower(view.address, DemotedNodeTimeoutMs,
                                  tr("Lower the node timeout of %1 for a moment so every node hears at once "
                                     "that it is now a replica")
                                      .arg(view.address.toString()));
            bool oldMasterDemoted = false;
            for (const ClusterNodeInfo &node : view.nodes) {
                if (node.id == m_replicaId && !node.isMaster())
                    gap = tr("%1 does not see the new master yet").arg(view.address.toString());
                if (node.id == m_oldMasterId && node.isReplica() && node.masterId == m_replicaId)
                    oldMasterDemoted = true;
                if (node.id == m_oldMasterId && !node.isFail() &&
                    !(node.isReplica() && node.masterId == m_replicaId))
                    gap = tr("%1 does not see the old master as a replica yet").arg(view.address.toString());
            }
            // Another replica of the old master normally follows the new one by itself. Redis 5.0 may
            // miss it: a replica that hears first that its master became a replica drops that master's
            // slots from its view, then takes the new master's claim without noticing it was its own
            // master's, and stays a replica of a replica (seen in an upgrade on 5.0.5). It is told.
            if (self && self->isReplica() && self->masterId == m_oldMasterId && self->id != m_oldMasterId &&
                oldMasterDemoted) {
                if (!m_repointed.contains(self->id)) {
                    m_repointed.insert(self->id);
                    sendLogged(m_pool, view.address, {"CLUSTER", "REPLICATE", m_replicaId.toUtf8()},
                               tr("Make %1, still a replica of the old master, a replica of the new one")
                                   .arg(view.address.toString()),
                               this, [](Result<RedisReply>) {}); // the poll sees whether it took
                }
                gap = tr("%1 still replicates the old master").arg(view.address.toString());
            }
            if (!gap.isEmpty())
                break;
        }
        if (gap.isEmpty()) {
            info(tr("%1 is now a master.").arg(m_replicaId.left(8)));
            m_ending = true;
            return m_timeouts->restore([this] { succeed(); });
        }
        if (m_deadline.hasExpired()) {
            return restoreThenFail(Error(
                ErrorCode::Timeout,
                withNextStep(tr("The roles did not swap within %1 s: %2.").arg(m_timeoutMs / 1000).arg(gap),
                             NextStep::ForceFailover)));
        }
        QTimer::singleShot(50, this, [this] { poll(); });
    });
}

void FailoverJob::checkStarted()
{
    // Asked of the replica alone: a view poll may be waiting on an unresponsive master.
    m_pool->command(m_replicaAddress, {"CLUSTER", "NODES"}, this, [this](Result<RedisReply> reply) {
        if (isFinished() || m_ending || !reply)
            return;
        const Result<QList<ClusterNodeInfo>> nodes = parseClusterNodes(reply->bytes());
        if (!nodes)
            return;
        for (const ClusterNodeInfo &node : nodes.value()) {
            if (node.isMyself() && node.isReplica())
                return reportNotStarted();
        }
    });
}

void FailoverJob::reportNotStarted()
{
    const double waited = m_sinceRequest.elapsed() / 1000.0;
    QList<NodeAddress> asked{m_replicaAddress};
    if (!m_masterAddress.host.isEmpty())
        asked.append(m_masterAddress);
    m_pool->commandAll(
        asked, {"INFO", "replication"}, this,
        [this, waited](QList<NodeReply> replies) {
            if (isFinished())
                return;
            const auto offsetOf = [&replies](qsizetype i, const char *field) {
                if (i >= replies.size() || !replies.at(i).reply)
                    return tr("unknown (it does not answer)");
                const qint64 offset = replicationOffset(replies.at(i).reply.value(), field);
                return offset < 0 ? QStringLiteral("unknown") : QString::number(offset);
            };
            restoreThenFail(Error(
                ErrorCode::Timeout,
                tr("The failover did not happen: after %1 s %2 (%3) is still a replica of %4. Its master's "
                   "replication offset is %5 and the replica has processed %6. A replica takes over only "
                   "once it has processed everything its paused master sent and a majority of the masters "
                   "voted for it, and gives up after %7 s (its log then says \"Manual failover timed "
                   "out\"). Check that every master is reachable and try again.")
                    .arg(QString::number(waited, 'f', 1), m_replicaAddress.toString(), m_replicaId.left(8),
                         m_masterAddress.host.isEmpty() ? m_oldMasterId.left(8) : m_masterAddress.toString(),
                         m_masterAddress.host.isEmpty() ? tr("unknown (it is unreachable)")
                                                        : offsetOf(1, "master_repl_offset"),
                         offsetOf(0, "slave_repl_offset"))
                    .arg(ServerManualFailoverTimeoutMs / 1000)));
        },
        2000);
}

void FailoverJob::restoreThenFail(const Error &error)
{
    if (m_ending)
        return;
    m_ending = true;
    m_timeouts->restore([this, error] { fail(error); });
}

void FailoverJob::doCancel()
{
    m_timeouts->restoreNow();
    if (m_child)
        m_child->cancel();
}

} // namespace rcs
