#include "add_node_job.h"

#include "redis/cluster_convergence.h"
#include "redis/cluster_info_parser.h"
#include "redis/cluster_scan_job.h"
#include "redis/lifecycle_support.h"
#include "redis/rebalance_job.h"
#include "redis/redis_pool.h"
#include "redis/replica_placement.h"

#include <QTimer>

namespace rcs {

AddNodeJob::AddNodeJob(QList<NodeAddress> seeds, NodeAddress newNode, Role role, RedisPool *pool,
                       QObject *parent)
    : Job(parent)
    , m_seeds(std::move(seeds))
    , m_new(std::move(newNode))
    , m_role(role)
    , m_pool(pool ? pool : new RedisPool(this))
{
    setTitle(tr("Add a node"));
}

AddNodeJob::~AddNodeJob() = default;

void AddNodeJob::doStart()
{
    setStep(tr("Reading the cluster"));
    runChild(new ClusterScanJob(m_seeds, m_pool, this),
             [this](ClusterScanJob *scan) { scanned(scan->topology()); });
}

void AddNodeJob::scanned(const ClusterTopology &topology)
{
    m_topology = topology;
    for (const TopologyNode &node : m_topology.nodes()) {
        if (node.address == m_new) {
            return fail(
                ErrorCode::Refused,
                tr("%1 is already a member of the cluster (id %2).").arg(m_new.toString(), node.id.left(8)));
        }
        if (node.reachable) {
            m_memberAddresses.append(node.address);
            m_memberIds.append(node.id);
        }
    }
    setStep(tr("Checking that %1 is blank").arg(m_new.toString()));
    fetchViews(m_pool, {m_new}, NodeViewParts::WithServerInfo, this,
               [this](QList<NodeView> views) { checked(views.first()); });
}

void AddNodeJob::checked(const NodeView &view)
{
    if (!view.reachable)
        return fail(Error(ErrorCode::ConnectionFailed, view.error).withContext(tr("Checking the new node")));
    // Its keys are counted from INFO: without an answer, whether it is blank is unknown.
    if (view.serverInfo.isEmpty()) {
        return fail(ErrorCode::RedisError,
                    tr("%1 did not answer INFO, so whether it holds keys is unknown; check that the user "
                       "may run INFO and try again.")
                        .arg(m_new.toString()));
    }
    const ClusterNodeInfo *self = myselfIn(view);
    if (!self)
        return fail(ErrorCode::Protocol,
                    tr("%1 printed no 'myself' line in CLUSTER NODES.").arg(m_new.toString()));
    m_newId = self->id;
    if (m_memberIds.contains(m_newId)) {
        return fail(
            ErrorCode::Refused,
            tr("%1 is already a member of the cluster (id %2).").arg(m_new.toString(), m_newId.left(8)));
    }
    const qint64 keys = keyCountFromInfo(view.serverInfo);
    QString holds;
    if (keys > 0)
        holds = tr("%1 keys").arg(keys);
    else if (view.nodes.size() > 1)
        holds = tr("%1 other known nodes").arg(view.nodes.size() - 1);
    else if (!self->slotSet.isEmpty())
        holds = tr("slots %1").arg(self->slotSet.toString());
    if (!holds.isEmpty()) {
        return fail(ErrorCode::NotEmpty,
                    tr("%1 is not blank: it holds %2. Only a blank node can join; reset it (CLUSTER RESET "
                       "HARD after FLUSHALL) if its data is not needed.")
                        .arg(m_new.toString(), holds));
    }

    setStep(tr("Introducing %1 to the cluster").arg(m_new.toString()));
    for (const TopologyNode &member : m_topology.nodes()) {
        if (!member.reachable)
            continue;
        const quint16 bus =
            member.busPort != 0 ? member.busPort : static_cast<quint16>(member.address.port + 10000);
        sendLogged(m_pool, m_new,
                   {"CLUSTER", "MEET", member.address.host.toUtf8(), QByteArray::number(member.address.port),
                    QByteArray::number(bus)},
                   tr("Introduce %1 to %2").arg(m_new.toString(), member.address.toString()), this,
                   [this](Result<RedisReply> reply) {
                       if (!reply && !isFinished())
                           fail(reply.error());
                   });
    }
    m_deadline = QDeadlineTimer(JoinTimeoutMs);
    m_sinceMeet.start();
    waitForJoin();
}

void AddNodeJob::pollViews(const std::function<QString(const QList<NodeView> &)> &gapOf,
                           const QString &whatTimedOut, const std::function<void()> &done)
{
    QList<NodeAddress> everyone = m_memberAddresses;
    everyone.append(m_new);
    fetchViews(
        m_pool, everyone, NodeViewParts::Cluster, this,
        [this, gapOf, whatTimedOut, done](QList<NodeView> views) {
            if (isFinished())
                return;
            const QString gap = gapOf(views);
            if (gap.isEmpty())
                return done();
            if (m_deadline.hasExpired())
                return fail(ErrorCode::Timeout,
                            tr("%1 within %2 s: %3.").arg(whatTimedOut).arg(JoinTimeoutMs / 1000).arg(gap));
            QTimer::singleShot(50, this,
                               [this, gapOf, whatTimedOut, done] { pollViews(gapOf, whatTimedOut, done); });
        });
}

void AddNodeJob::waitForJoin()
{
    const auto gapOf = [this](const QList<NodeView> &views) {
        for (const NodeView &view : views) {
            if (!view.reachable)
                return tr("%1 does not answer").arg(view.address.toString());
            const bool isNew = view.address == m_new;
            for (const QString &id : isNew ? m_memberIds : QStringList{m_newId}) {
                const ClusterNodeInfo *line = nullptr;
                for (const ClusterNodeInfo &node : view.nodes) {
                    if (node.id == id)
                        line = &node;
                }
                const NodeFlags bad =
                    NodeFlags(NodeFlag::Fail) | NodeFlag::PFail | NodeFlag::Handshake | NodeFlag::NoAddr;
                if (!line || !line->linkConnected || (line->flags & bad)) {
                    if (!isNew && !line)
                        remeet(view.address);
                    return tr("%1 has not met %2 yet").arg(view.address.toString(), id.left(8));
                }
            }
        }
        return QString();
    };
    pollViews(gapOf, tr("The new node did not join"), [this] { afterJoin(); });
}

void AddNodeJob::remeet(const NodeAddress &member)
{
    // A MEET packet can be lost (a busy member, Valkey 8 under load): the member that still does not know
    // the new node is asked to start the handshake from its side.
    if (m_sinceMeet.elapsed() < RemeetIntervalMs)
        return;
    m_sinceMeet.start();
    sendLogged(m_pool, member,
               {"CLUSTER", "MEET", m_new.host.toUtf8(), QByteArray::number(m_new.port),
                QByteArray::number(m_new.port + 10000)},
               tr("Introduce %1 to %2 again, from its side").arg(m_new.toString(), member.toString()), this,
               [](Result<RedisReply>) {});
}

void AddNodeJob::afterJoin()
{
    if (m_role == Role::Master) {
        setStep(tr("Rebalancing slots onto the new master"));
        auto *rebalance = new RebalanceJob(m_seeds, m_pool, this);
        RebalanceOptions options;
        options.useEmptyMasters = true;
        rebalance->setRebalance(options);
        m_child = rebalance;
        connect(rebalance, &Job::progress, this,
                [this](qint64 done, qint64 total) { setProgress(done, total); });
        connect(rebalance, &Job::finished, this, [this, rebalance] {
            if (isFinished())
                return;
            m_slotsMoved = rebalance->slotsMoved();
            if (rebalance->hasError())
                return fail(rebalance->error().withContext(tr("The node joined, but the rebalance failed")));
            info(tr("%1 joined as a master with %2 slots.").arg(m_new.toString()).arg(m_slotsMoved));
            succeed();
        });
        rebalance->start();
        return;
    }
    if (m_requestedMaster.isEmpty()) {
        Result<QString> chosen =
            chooseMasterForReplica(m_topology, m_hostGroup.isEmpty() ? m_new.host : m_hostGroup);
        if (!chosen)
            return fail(chosen.error());
        m_masterId = *chosen;
    } else {
        QStringList matches;
        for (const TopologyNode &master : m_topology.masters()) {
            if (master.id.startsWith(m_requestedMaster))
                matches.append(master.id);
        }
        if (matches.size() != 1) {
            return fail(ErrorCode::InvalidInput,
                        tr("'%1' names %2 masters; give the id (or a unique prefix) of one master.")
                            .arg(m_requestedMaster)
                            .arg(matches.size()));
        }
        m_masterId = matches.first();
    }
    setStep(tr("Making %1 a replica of %2").arg(m_new.toString(), m_masterId.left(8)));
    sendLogged(m_pool, m_new, {"CLUSTER", "REPLICATE", m_masterId.toUtf8()},
               tr("Make %1 a replica of %2").arg(m_new.toString(), m_masterId.left(8)), this,
               [this](Result<RedisReply> reply) {
                   if (isFinished())
                       return;
                   if (!reply)
                       return fail(reply.error());
                   m_deadline = QDeadlineTimer(JoinTimeoutMs);
                   waitForReplica();
               });
}

void AddNodeJob::waitForReplica()
{
    const auto gapOf = [this](const QList<NodeView> &views) {
        for (const NodeView &view : views) {
            bool seen = false;
            for (const ClusterNodeInfo &node : view.nodes) {
                if (node.id == m_newId && node.isReplica() && node.masterId == m_masterId)
                    seen = true;
            }
            if (!seen)
                return tr("%1 does not see the new replica yet").arg(view.address.toString());
            const QString shard = shardGap(view, m_newId, m_masterId);
            if (!shard.isEmpty())
                return shard;
        }
        return QString();
    };
    pollViews(gapOf, tr("The replica role did not spread"), [this] {
        info(tr("%1 joined as a replica of %2.").arg(m_new.toString(), m_masterId.left(8)));
        succeed();
    });
}

void AddNodeJob::doCancel()
{
    if (m_child)
        m_child->cancel();
}

} // namespace rcs
