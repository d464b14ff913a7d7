#include "remove_node_job.h"

#include "common/confirmation.h"
#include "common/logger.h"
#include "redis/cluster_convergence.h"
#include "redis/cluster_info_parser.h"
#include "redis/cluster_scan_job.h"
#include "redis/lifecycle_support.h"
#include "redis/rebalance_job.h"
#include "redis/redis_pool.h"
#include "redis/replica_placement.h"

#include <QTimer>

#include <memory>

namespace rcs {

namespace {
// "127.0.0.1:7001 (1a2b3c4d)" for the plan's messages.
QString nodeName(const ClusterTopology &topology, const QString &id)
{
    const TopologyNode *node = topology.node(id);
    return node ? QStringLiteral("%1 (%2)").arg(node->address.toString(), id.left(8)) : id.left(8);
}
} // namespace

RemoveNodeJob::RemoveNodeJob(QList<NodeAddress> seeds, QString nodeId, RedisPool *pool, QObject *parent)
    : Job(parent)
    , m_seeds(std::move(seeds))
    , m_requested(std::move(nodeId))
    , m_pool(pool ? pool : new RedisPool(this))
{
    setTitle(tr("Remove a node"));
}

RemoveNodeJob::~RemoveNodeJob() = default;

void RemoveNodeJob::doStart()
{
    scan([this](const ClusterTopology &topology) { firstScan(topology); });
}

void RemoveNodeJob::scan(std::function<void(const ClusterTopology &)> next)
{
    setStep(tr("Reading the cluster"));
    // Seeds other than the node being removed: after its RESET it knows nobody.
    QList<NodeAddress> seeds = m_seeds;
    if (m_address.isValid() && seeds.size() > 1)
        seeds.removeAll(m_address);
    auto *job = new ClusterScanJob(seeds, m_pool, this);
    m_child = job;
    connect(job, &Job::finished, this, [this, job, next] {
        if (isFinished())
            return;
        if (job->hasError())
            return fail(job->error());
        next(job->topology());
    });
    job->start();
}

void RemoveNodeJob::firstScan(const ClusterTopology &topology)
{
    const Result<RemovalPlan> plan = planRemoval(topology, m_requested);
    if (!plan)
        return fail(plan.error());
    const TopologyNode &node = plan->node;
    m_id = node.id;
    m_address = node.address;
    m_reachable = node.reachable;
    // The plan is for the user who has not confirmed yet (a confirming caller showed its own).
    if (!m_confirmed)
        listPlan(topology, *plan);
    const auto logCommands = [this, &plan, &topology] {
        // A seed that stays a member: del-node and reshard talk to the cluster, not to the node.
        const NodeAddress seed = plan->forgetters.value(0, m_address);
        const auto name = [&topology](const QString &id) { return nodeName(topology, id); };
        m_plannedCommands = removalCommands(*plan, m_pool, seed, name);
        for (const EquivalentCommand &command : std::as_const(m_plannedCommands))
            Logger::instance().command(QStringLiteral("redis"), command.message, command.command);
    };
    if (const std::optional<Error> refusal = refusalUnlessConfirmed(
            m_confirmed,
            tr("remove-node would remove %1 (%2) as listed above").arg(m_address.toString(), m_id.left(8)),
            logCommands))
        return fail(*refusal);
    if (node.isMaster() && !node.slotSet.isEmpty()) {
        setStep(tr("Moving the slots of %1 to the other masters").arg(m_address.toString()));
        auto *drain = new RebalanceJob(m_seeds, m_pool, this);
        drain->setDrain(m_id);
        m_child = drain;
        connect(drain, &Job::progress, this, [this](qint64 done, qint64 total) { setProgress(done, total); });
        connect(drain, &Job::finished, this, [this, drain] {
            if (isFinished())
                return;
            m_slotsMoved = drain->slotsMoved();
            if (drain->hasError())
                return fail(drain->error().withContext(tr("Draining the node")));
            scan([this](const ClusterTopology &after) { repointReplicas(after); });
        });
        drain->start();
        return;
    }
    repointReplicas(topology);
}

void RemoveNodeJob::listPlan(const ClusterTopology &topology, const RemovalPlan &plan)
{
    const auto name = [&topology](const QString &id) { return nodeName(topology, id); };
    const TopologyNode &node = plan.node;
    if (!plan.drainTargets.isEmpty()) {
        QStringList targets;
        for (const auto &[target, count] : plan.drainTargets)
            targets << tr("%1 slots to %2").arg(count).arg(name(target));
        info(tr("%1 is a master with %2 slots; they move with their keys: %3.")
                 .arg(name(node.id))
                 .arg(node.slotSet.count())
                 .arg(targets.join(QLatin1String(", "))));
    } else if (node.isMaster()) {
        info(tr("%1 is a master without slots: no slot moves.").arg(name(node.id)));
    } else {
        info(tr("%1 is a replica of %2: no slot moves.").arg(name(node.id), name(node.masterId)));
    }
    QStringList replicas;
    for (const TopologyNode &replica : plan.replicas)
        replicas << name(replica.id);
    if (!replicas.isEmpty())
        info(tr("Its replicas %1 follow other masters.").arg(replicas.join(QLatin1String(", "))));
    QStringList forgetters;
    for (const NodeAddress &address : plan.forgetters)
        forgetters << address.toString();
    info(forgetters.isEmpty() ? tr("No other node has to forget %1.").arg(node.id.left(8))
                              : tr("%1 forget %2 (CLUSTER FORGET).")
                                    .arg(forgetters.join(QLatin1String(", ")), node.id.left(8)));
    if (node.reachable)
        info(tr("%1 is reset to a blank node with a new id (CLUSTER RESET HARD) and its data files are "
                "emptied (FLUSHALL), so that it restarts blank.")
                 .arg(name(node.id)));
}

void RemoveNodeJob::repointReplicas(const ClusterTopology &topology)
{
    m_others.clear();
    m_repointed.clear();
    for (const TopologyNode &node : topology.nodes()) {
        if (node.id != m_id && node.reachable)
            m_others.append(node.address);
    }
    const QList<TopologyNode> replicas = topology.replicasOf(m_id);
    auto remaining = std::make_shared<int>(static_cast<int>(replicas.size()));
    const auto next = [this, topology] { forget(topology); };
    if (*remaining == 0)
        return next();
    setStep(tr("Moving the replicas of %1 to other masters").arg(m_address.toString()));
    for (const TopologyNode &replica : replicas) {
        Result<QString> master = chooseMasterForReplica(topology, replica.hostGroup);
        if (!master || *master == m_id)
            return fail(ErrorCode::Refused,
                        tr("No other master can take the replica %1.").arg(replica.address.toString()));
        m_repointed.append({replica.id, *master});
        sendLogged(m_pool, replica.address, {"CLUSTER", "REPLICATE", master->toUtf8()},
                   tr("Make %1 a replica of %2").arg(replica.address.toString(), master->left(8)), this,
                   [this, remaining, next](Result<RedisReply> reply) {
                       if (isFinished())
                           return;
                       if (!reply)
                           return fail(reply.error());
                       if (--*remaining == 0)
                           next();
                   });
    }
}

void RemoveNodeJob::forget(const ClusterTopology &)
{
    setStep(tr("Making every node forget %1").arg(m_id.left(8)));
    auto remaining = std::make_shared<int>(static_cast<int>(m_others.size()));
    const auto afterForget = [this] {
        if (!m_reachable) {
            m_deadline = QDeadlineTimer(ForgetTimeoutMs);
            return waitUntilForgotten();
        }
        sendLogged(m_pool, m_address, {"CLUSTER", "RESET", "HARD"},
                   tr("Reset %1 so it forgets the cluster").arg(m_address.toString()), this,
                   [this](Result<RedisReply> reply) {
                       if (isFinished())
                           return;
                       if (!reply)
                           return fail(reply.error().withContext(
                               tr("Every node forgot it, but resetting it failed")));
                       emptyDataFiles();
                   });
    };
    if (*remaining == 0)
        return afterForget();
    for (const NodeAddress &address : std::as_const(m_others)) {
        sendLogged(m_pool, address, {"CLUSTER", "FORGET", m_id.toUtf8()},
                   tr("Make %1 forget %2").arg(address.toString(), m_id.left(8)), this,
                   [this, remaining, afterForget](Result<RedisReply> reply) {
                       if (isFinished())
                           return;
                       // A node that never knew it (or forgot it already) answers "Unknown node".
                       if (!reply && !reply.error().detail().contains(QLatin1String("Unknown node")))
                           return fail(reply.error());
                       if (--*remaining == 0)
                           afterForget();
                   });
    }
}

void RemoveNodeJob::emptyDataFiles()
{
    // CLUSTER RESET empties a replica's memory but not its AOF: restarted on its volume (a StatefulSet
    // scaled up again), the node would load its old master's keys and, finding them in slots it does
    // not own, take those slots over. Its memory is empty by now, so FLUSHALL only reaches the files.
    sendLogged(m_pool, m_address, {"FLUSHALL"},
               tr("Empty the data files of %1, so it restarts blank").arg(m_address.toString()), this,
               [this](Result<RedisReply> reply) {
                   if (isFinished())
                       return;
                   if (!reply)
                       return fail(reply.error().withContext(
                           tr("%1 was reset, but emptying its data files failed; run FLUSHALL on it before "
                              "it restarts")
                               .arg(m_address.toString())));
                   m_deadline = QDeadlineTimer(ForgetTimeoutMs);
                   waitForDataFiles();
               });
}

void RemoveNodeJob::waitForDataFiles()
{
    // A replica that has just synced writes its first AOF in the background; until that is done the
    // FLUSHALL is only in memory, and Redis refuses a SIGTERM ("Writing initial AOF, can't exit"): the
    // pod would be killed with the old file on its volume. "Can be shut down" waits for the file.
    m_pool->command(m_address, {"INFO", "persistence"}, this, [this](Result<RedisReply> reply) {
        if (isFinished())
            return;
        if (!reply)
            return fail(reply.error().withContext(tr("%1 was reset and emptied, but reading its persistence "
                                                     "state failed")
                                                      .arg(m_address.toString())));
        const QMap<QString, QString> fields = parseInfoFields(reply->bytes());
        const bool writing = fields.value(QStringLiteral("aof_rewrite_in_progress")) == QLatin1String("1") ||
                             fields.value(QStringLiteral("aof_rewrite_scheduled")) == QLatin1String("1");
        if (!writing)
            return waitUntilForgotten();
        if (m_deadline.hasExpired())
            return fail(ErrorCode::Timeout,
                        tr("%1 is still rewriting its AOF after %2 s; wait until INFO persistence shows "
                           "aof_rewrite_in_progress:0 before stopping it, or its old keys may come back.")
                            .arg(m_address.toString())
                            .arg(ForgetTimeoutMs / 1000));
        QTimer::singleShot(50, this, [this] { waitForDataFiles(); });
    });
}

void RemoveNodeJob::waitUntilForgotten()
{
    fetchViews(m_pool, m_others, NodeViewParts::Cluster, this, [this](QList<NodeView> views) {
        if (isFinished())
            return;
        QString listing;
        QString shard;
        for (const NodeView &view : views) {
            for (const ClusterNodeInfo &node : view.nodes) {
                if (node.id == m_id)
                    listing = view.address.toString();
            }
            for (const auto &[replica, master] : std::as_const(m_repointed)) {
                if (shard.isEmpty())
                    shard = shardGap(view, replica, master);
            }
        }
        if (listing.isEmpty() && shard.isEmpty()) {
            info(tr("%1 (%2) left the cluster; it is blank now and can be shut down.")
                     .arg(m_address.toString(), m_id.left(8)));
            return succeed();
        }
        if (m_deadline.hasExpired() && !listing.isEmpty())
            return fail(
                ErrorCode::Timeout,
                tr("%1 still lists the removed node after %2 s.").arg(listing).arg(ForgetTimeoutMs / 1000));
        if (m_deadline.hasExpired())
            return fail(ErrorCode::Timeout, tr("The moved replicas did not settle within %1 s: %2.")
                                                .arg(ForgetTimeoutMs / 1000)
                                                .arg(shard));
        QTimer::singleShot(50, this, [this] { waitUntilForgotten(); });
    });
}

void RemoveNodeJob::doCancel()
{
    if (m_child)
        m_child->cancel();
}

} // namespace rcs
