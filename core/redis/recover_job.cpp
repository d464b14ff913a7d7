#include "recover_job.h"

#include "cluster_pacing.h"

#include "common/logger.h"
#include "redis/lifecycle_support.h"
#include "redis/node_timeout_override.h"
#include "redis/redis_pool.h"

#include <memory>

namespace rcs {

namespace {

const NodeFlags BadFlags =
    NodeFlags(NodeFlag::Fail) | NodeFlag::PFail | NodeFlag::Handshake | NodeFlag::NoAddr;

QList<QByteArray> meetArgv(const MeetCommand &meet)
{
    return {"CLUSTER", "MEET", meet.target.host.toUtf8(), QByteArray::number(meet.target.port),
            QByteArray::number(meet.busPort)};
}

} // namespace

RecoverJob::RecoverJob(QList<NodeAddress> addresses, RedisPool *pool, QObject *parent)
    : Job(parent)
    , m_addresses(std::move(addresses))
    , m_pool(pool ? pool : new RedisPool(this))
    , m_timeouts(new NodeTimeoutOverride(m_pool, this))
{
    setTitle(tr("Recover the cluster"));
    m_pollTimer.setSingleShot(true);
    connect(&m_pollTimer, &QTimer::timeout, this, &RecoverJob::poll);
}

RecoverJob::~RecoverJob() = default;

void RecoverJob::doStart()
{
    m_deadline = QDeadlineTimer(m_timeoutMs);
    setStep(tr("Identifying the nodes (CLUSTER MYID)"));
    if (m_addresses.isEmpty()) {
        fail(ErrorCode::InvalidInput, tr("Recovery needs the current address of every node."));
        return;
    }
    // Four reads of every node, each in parallel over the nodes: its view, its id and the two settings
    // the recovery lowers or reads.
    struct Collect {
        QList<NodeView> views;
        QList<NodeReply> ids;
        QList<NodeReply> timeouts;
        QList<NodeReply> noFailover;
        int remaining = 4;
    };
    auto collect = std::make_shared<Collect>();
    const auto done = [this, collect] {
        if (--collect->remaining > 0)
            return;
        QList<RecoveryNodeInput> inputs;
        QList<int> timeouts;
        m_noFailover.clear();
        for (qsizetype i = 0; i < m_addresses.size(); ++i) {
            const NodeView &view = collect->views.at(i);
            const Result<RedisReply> &id = collect->ids.at(i).reply;
            if (!view.reachable || !id) {
                fail(ErrorCode::ConnectionFailed,
                     tr("Cannot identify the node at %1: %2 Recovery needs every live node; give only "
                        "the current addresses of running nodes.")
                         .arg(m_addresses.at(i).toString(),
                              view.reachable ? id.error().message() : view.error));
                return;
            }
            inputs.append({m_addresses.at(i), id->text().trimmed(), view.nodes});
            const auto setting = [](const Result<RedisReply> &reply) {
                return reply && reply->elements().size() == 2 ? reply->elements().at(1).text() : QString();
            };
            timeouts.append(setting(collect->timeouts.at(i).reply).toInt());
            // Unknown counts as set: a setting that could not be read is never touched.
            m_noFailover.append(setting(collect->noFailover.at(i).reply) != QLatin1String("no"));
        }
        identified(inputs, timeouts);
    };
    fetchViews(m_pool, m_addresses, NodeViewParts::Cluster, this, [collect, done](QList<NodeView> views) {
        collect->views = std::move(views);
        done();
    });
    const auto into = [done](QList<NodeReply> &replies) {
        return [&replies, done](QList<NodeReply> all) {
            replies = std::move(all);
            done();
        };
    };
    m_pool->commandAll(m_addresses, {"CLUSTER", "MYID"}, this, into(collect->ids));
    m_pool->commandAll(m_addresses, {"CONFIG", "GET", "cluster-node-timeout"}, this, into(collect->timeouts));
    m_pool->commandAll(m_addresses, {"CONFIG", "GET", "cluster-replica-no-failover"}, this,
                       into(collect->noFailover));
}

void RecoverJob::identified(const QList<RecoveryNodeInput> &inputs, const QList<int> &nodeTimeouts)
{
    m_inputs = inputs;
    m_originalNodeTimeouts = nodeTimeouts;
    Result<RecoveryPlan> plan = planRecovery(inputs, m_fullMeshLimit);
    if (!plan) {
        fail(plan.error());
        return;
    }
    m_plan = std::move(plan).value();
    for (const QString &note : std::as_const(m_plan.notes))
        Logger::instance().warning(QStringLiteral("redis"), note);
    info(tr("Recovery plan: %1.").arg(m_plan.schemeDescription));

    const auto meet = [this] {
        setStep(tr("Introducing the nodes to each other (CLUSTER MEET)"));
        sendMeets(m_plan.meets);
        poll();
    };
    holdFailovers(true, [this, meet] {
        if (m_plan.staleFailFlags && m_fastFailClear)
            lowerNodeTimeouts();
        meet();
    });
}

void RecoverJob::holdFailovers(bool hold, std::function<void()> then)
{
    // While the nodes meet again, each still flags the peers it cannot reach at their old addresses, and
    // a majority of masters soon agrees that a master has failed: its replica, already replicating from
    // it at its new address, would then win an election and swap roles in a cluster where every node is
    // alive. So replicas whose master is among the members may not start a failover until the cluster
    // has recovered (a manual CLUSTER FAILOVER still works).
    if (hold && !m_plan.isNoop()) {
        QSet<QString> memberIds;
        for (const int member : std::as_const(m_plan.members))
            memberIds.insert(m_inputs.at(member).myId);
        for (const int member : std::as_const(m_plan.members)) {
            const RecoveryNodeInput &input = m_inputs.at(member);
            for (const ClusterNodeInfo &node : input.nodes) {
                if (node.isMyself() && node.isReplica() && memberIds.contains(node.masterId) &&
                    !m_noFailover.value(member, true))
                    m_failoversHeld.append(member);
            }
        }
    }
    const QList<int> members = m_failoversHeld;
    if (!hold)
        m_failoversHeld.clear();
    if (members.isEmpty())
        return then();
    auto remaining = std::make_shared<qsizetype>(members.size());
    for (const int member : members) {
        const NodeAddress address = m_inputs.at(member).address;
        sendLogged(m_pool, address, {"CONFIG", "SET", "cluster-replica-no-failover", hold ? "yes" : "no"},
                   hold ? tr("Keep the replica %1 from failing over while the nodes meet again")
                              .arg(address.toString())
                        : tr("Let the replica %1 fail over again").arg(address.toString()),
                   this, [remaining, then](Result<RedisReply>) {
                       if (--*remaining == 0)
                           then();
                   });
    }
}

void RecoverJob::sendMeets(const QList<MeetCommand> &meets)
{
    m_sinceMeets.start();
    for (const MeetCommand &meet : meets) {
        const RecoveryNodeInput &from = m_inputs.at(meet.from);
        ++m_meetsSent;
        sendLogged(
            m_pool, from.address, meetArgv(meet),
            tr("Tell %1 that %2 is at %3")
                .arg(from.address.toString(), m_inputs.at(meet.to).myId.left(8), meet.target.toString()),
            this, [this, from](Result<RedisReply> reply) {
                if (reply || isFinished())
                    return;
                // A node that rejects the MEET is an error; one that answers late or not at all (a
                // busy node in a large cluster) gets the MEET again with the next round of re-sends,
                // within the job's deadline.
                const ErrorCode code = reply.error().code();
                if (code == ErrorCode::Timeout || code == ErrorCode::ConnectionFailed) {
                    Logger::instance().warning(
                        QStringLiteral("redis"),
                        tr("CLUSTER MEET on %1 got no answer (%2); it is sent again if still "
                           "needed.")
                            .arg(from.address.toString(), reply.error().message()));
                    return;
                }
                failAfterRestore(
                    reply.error().withContext(tr("CLUSTER MEET on %1 failed").arg(from.address.toString())));
            });
    }
}

void RecoverJob::poll()
{
    if (isFinished() || m_restoring)
        return;
    if (m_deadline.hasExpired()) {
        const QStringList shown = m_gaps.mid(0, 3);
        failAfterRestore(
            Error(ErrorCode::Timeout,
                  tr("The cluster did not recover within %1 s: %2")
                      .arg(m_timeoutMs / 1000)
                      .arg(shown.isEmpty() ? tr("no answer from the nodes.") : shown.join(QLatin1Char(' '))),
                  m_gaps.join(QLatin1Char('\n'))));
        return;
    }
    QList<NodeAddress> addresses;
    for (const int member : std::as_const(m_plan.members))
        addresses.append(m_inputs.at(member).address);
    fetchViews(m_pool, addresses, NodeViewParts::Cluster, this,
               [this](QList<NodeView> views) { polled(views); });
}

void RecoverJob::polled(const QList<NodeView> &views)
{
    if (isFinished() || m_restoring)
        return;
    m_topology = ClusterTopology::fromViews(views);
    QList<MeetCommand> remeets;
    m_gaps = gapsIn(views, &remeets);
    setProgress(qMax<qint64>(0, 100 - m_gaps.size()), 100);

    if (m_timeouts->anyLowered() && !anyMemberFlagged(views)) {
        m_timeouts->restore(
            [this] { m_pollTimer.start(pacedPollIntervalMs(m_pollIntervalMs, int(m_plan.members.size()))); });
        return;
    }
    if (m_gaps.isEmpty() && !m_timeouts->anyLowered()) {
        m_restoring = true;
        holdFailovers(false, [this] {
            info(tr("Every node lists every peer at its current address and reports cluster_state:ok."));
            succeed();
        });
        return;
    }
    if (!remeets.isEmpty() && m_sinceMeets.elapsed() >= RemeetIntervalMs) {
        setStep(tr("Re-introducing nodes that have not met yet"));
        sendMeets(remeets);
    }
    m_pollTimer.start(pacedPollIntervalMs(m_pollIntervalMs, int(m_plan.members.size())));
}

QStringList RecoverJob::gapsIn(const QList<NodeView> &views, QList<MeetCommand> *remeets) const
{
    QStringList gaps;
    QList<bool> ownStale(views.size(), false);
    for (qsizetype v = 0; v < views.size(); ++v) {
        const NodeView &view = views.at(v);
        const int from = m_plan.members.at(v);
        const RecoveryNodeInput &self = m_inputs.at(from);
        const QString name = self.address.toString();
        if (!view.reachable) {
            gaps.append(tr("%1 does not answer (%2).").arg(name, view.error));
            continue;
        }
        const ClusterNodeInfo *own = myselfIn(view);
        if (!own || own->address.host != self.address.host) {
            ownStale[v] = true;
            gaps.append(tr("%1 still believes it is at '%2'.")
                            .arg(name, own ? own->address.toString() : QStringLiteral("?")));
        }
        for (const int to : std::as_const(m_plan.members)) {
            if (to == from)
                continue;
            const RecoveryNodeInput &peer = m_inputs.at(to);
            const ClusterNodeInfo *line = nullptr;
            for (const ClusterNodeInfo &node : view.nodes) {
                if (node.id == peer.myId)
                    line = &node;
            }
            const auto remeet = [&] {
                quint16 bus = static_cast<quint16>(peer.address.port + 10000);
                for (const MeetCommand &meet : m_plan.meets) {
                    if (meet.to == to)
                        bus = meet.busPort;
                }
                remeets->append({from, to, peer.address, bus});
            };
            if (!line) {
                gaps.append(tr("%1 does not know %2.").arg(name, peer.address.toString()));
                remeet();
            } else if (line->address != peer.address) {
                gaps.append(tr("%1 lists %2 at its old address %3.")
                                .arg(name, peer.address.toString(), line->address.toString()));
                remeet();
            } else if (!line->linkConnected) {
                gaps.append(tr("%1 has no link to %2 yet.").arg(name, peer.address.toString()));
            } else if (line->flags & BadFlags) {
                gaps.append(
                    tr("%1 flags %2 as %3.")
                        .arg(name, peer.address.toString(), nodeFlagsToString(line->flags & BadFlags)));
            }
        }
        for (const ClusterNodeInfo &node : view.nodes) {
            if (node.isHandshake())
                gaps.append(tr("%1 is still in a handshake with %2.").arg(name, node.address.toString()));
        }
        if (!view.info)
            gaps.append(tr("%1 did not answer CLUSTER INFO.").arg(name));
        else if (!view.info->isOk())
            gaps.append(tr("%1 reports cluster_state:%2.").arg(name, view.info->state));
    }
    // A node that still has its old address in its own line needs an incoming MEET.
    for (qsizetype v = 0; v < views.size() && m_plan.members.size() > 1; ++v) {
        if (!ownStale.at(v))
            continue;
        const int to = m_plan.members.at(v);
        const int from = m_plan.members.at(v == 0 ? 1 : 0);
        const bool queued = std::any_of(remeets->cbegin(), remeets->cend(),
                                        [to](const MeetCommand &m) { return m.to == to; });
        if (!queued)
            remeets->append({from, to, m_inputs.at(to).address,
                             static_cast<quint16>(m_inputs.at(to).address.port + 10000)});
    }
    return gaps;
}

bool RecoverJob::anyMemberFlagged(const QList<NodeView> &views) const
{
    QSet<QString> memberIds;
    for (const int member : std::as_const(m_plan.members))
        memberIds.insert(m_inputs.at(member).myId);
    for (const NodeView &view : views) {
        for (const ClusterNodeInfo &node : view.nodes) {
            if (!node.isMyself() && memberIds.contains(node.id) && (node.isFail() || node.isPfail()))
                return true;
        }
    }
    return false;
}

void RecoverJob::lowerNodeTimeouts()
{
    const int fast = pacedNodeTimeoutMs(FastNodeTimeoutMs, int(m_plan.members.size()));
    for (const int member : std::as_const(m_plan.members)) {
        const int original = m_originalNodeTimeouts.value(member);
        if (original <= 0)
            continue; // unknown: leave the node alone rather than guess its setting
        const NodeAddress address = m_inputs.at(member).address;
        m_timeouts->lower(
            address, fast,
            tr("Lower the node timeout of %1 for a moment so stale FAIL flags clear").arg(address.toString()),
            original);
    }
}

void RecoverJob::failAfterRestore(const Error &error)
{
    if (isFinished() || m_restoring)
        return;
    m_pollTimer.stop();
    m_restoring = true;
    const auto failovers = [this, error] { holdFailovers(false, [this, error] { fail(error); }); };
    m_timeouts->restore(failovers);
}

void RecoverJob::doCancel()
{
    m_pollTimer.stop();
    m_timeouts->restoreNow();
    for (const int member : std::as_const(m_failoversHeld))
        m_pool->command(m_inputs.at(member).address, {"CONFIG", "SET", "cluster-replica-no-failover", "no"},
                        m_pool, [](Result<RedisReply>) {});
    m_failoversHeld.clear();
}

} // namespace rcs
