#include "create_cluster_job.h"

#include "cluster_pacing.h"

#include "common/logger.h"
#include "common/logging.h"
#include "redis/cluster_info_parser.h"
#include "redis/lifecycle_support.h"
#include "redis/node_views.h"
#include "redis/redis_pool.h"

#include <QCoreApplication>
#include <QHostAddress>
#include <QSet>
#include <QVersionNumber>

#include <memory>
#include <optional>

namespace rcs {

namespace {
// The translation context of this file's texts: the GUI shows them in its language, the
// headless commands (which load no translation) in English.
struct Text {
    Q_DECLARE_TR_FUNCTIONS(rcs::CreateClusterJob)
};
} // namespace

namespace {
const QString LogCategory = QStringLiteral("redis");

QByteArray number(qint64 value)
{
    return QByteArray::number(value);
}

// The list of gaps as one readable sentence: the first few, then a count.
QString describeGaps(const QStringList &gaps)
{
    constexpr int Shown = 3;
    QString text = gaps.mid(0, Shown).join(QStringLiteral("; "));
    if (gaps.size() > Shown)
        text += Text::tr(" (and %1 more)").arg(gaps.size() - Shown);
    return text;
}
} // namespace

CreateClusterJob::CreateClusterJob(QList<PlannedNodeInput> nodes, int replicasPerMaster, RedisPool *pool,
                                   QObject *parent)
    : Job(parent)
    , m_inputs(std::move(nodes))
    , m_replicasPerMaster(replicasPerMaster)
    , m_pool(pool)
{
    setTitle(tr("Creating the cluster"));
    if (!m_pool)
        m_pool = new RedisPool(this);
    m_pollTimer.setSingleShot(true);
    connect(&m_pollTimer, &QTimer::timeout, this, &CreateClusterJob::poll);
}

CreateClusterJob::~CreateClusterJob() = default;

void CreateClusterJob::doStart()
{
    m_deadline = QDeadlineTimer(m_timeoutMs);
    Result<CreatePlan> plan = planCreate(m_inputs, m_replicasPerMaster);
    if (!plan) {
        fail(plan.error());
        return;
    }
    m_plan = plan.value();
    for (const PlannedNodeInput &input : std::as_const(m_inputs)) {
        // CLUSTER MEET takes an IP: the nodes must be named the way their peers reach them.
        if (QHostAddress(input.address.host).isNull()) {
            fail(ErrorCode::InvalidInput,
                 tr("%1 is not an IP address; CLUSTER MEET needs the IP the nodes reach each "
                    "other at, so give the nodes as IP:PORT.")
                     .arg(input.address.toString()));
            return;
        }
    }
    for (int i = 0; i < m_plan.masters.size(); ++i) {
        Member member;
        member.address = m_plan.masters.at(i).address;
        member.master = true;
        member.planIndex = i;
        m_members.append(member);
    }
    for (int i = 0; i < m_plan.replicas.size(); ++i) {
        Member member;
        member.address = m_plan.replicas.at(i).address;
        member.planIndex = i;
        m_members.append(member);
    }
    for (const QString &warning : std::as_const(m_plan.warnings))
        Logger::instance().warning(LogCategory, warning);
    checkNodes();
}

void CreateClusterJob::doCancel()
{
    m_pollTimer.stop();
}

QList<NodeAddress> CreateClusterJob::memberAddresses() const
{
    QList<NodeAddress> addresses;
    for (const Member &member : m_members)
        addresses.append(member.address);
    return addresses;
}

void CreateClusterJob::checkNodes()
{
    setStep(tr("checking that the %1 nodes are blank").arg(m_members.size()));
    const QList<NodeAddress> addresses = memberAddresses();
    // Three answers: every node's view, its cluster-node-timeout and its cluster-replica-no-failover.
    auto views = std::make_shared<QList<NodeView>>();
    auto pending = std::make_shared<int>(3);
    const auto answered = [this, views, pending] {
        if (--*pending == 0)
            nodesChecked(*views);
    };
    fetchViews(m_pool, addresses, NodeViewParts::WithServerInfo, this,
               [views, answered](QList<NodeView> read) {
                   *views = std::move(read);
                   answered();
               });
    // CONFIG may be renamed away; the create then just waits the full rejoin delay, and replicas keep
    // what they had.
    const auto readConfig = [&](const QByteArray &name,
                                std::function<void(Member &, const QByteArray &)> keep) {
        m_pool->commandAll(addresses, {"CONFIG", "GET", name}, this,
                           [this, keep, answered](QList<NodeReply> replies) {
                               for (qsizetype i = 0; i < replies.size(); ++i) {
                                   const Result<RedisReply> &reply = replies.at(i).reply;
                                   if (reply && reply.value().elements().size() == 2)
                                       keep(m_members[i], reply.value().elements().at(1).text().toLatin1());
                               }
                               answered();
                           });
    };
    readConfig("cluster-node-timeout",
               [](Member &member, const QByteArray &value) { member.nodeTimeoutMs = value.toInt(); });
    readConfig("cluster-replica-no-failover",
               [](Member &member, const QByteArray &value) { member.noFailover = value; });
}

void CreateClusterJob::nodesChecked(const QList<NodeView> &views)
{
    if (isFinished())
        return;
    QStringList problems;
    Error first;
    const auto refuse = [&](ErrorCode code, const QString &message) {
        if (!first.isError())
            first = Error(code, message);
        problems.append(message);
    };
    QHash<QString, NodeAddress> seenIds;
    for (int i = 0; i < views.size(); ++i) {
        const NodeView &view = views.at(i);
        Member &member = m_members[i];
        const QString node = member.address.toString();
        if (!view.reachable) {
            refuse(ErrorCode::ConnectionFailed, view.error);
            continue;
        }
        if (view.serverInfo.value(QStringLiteral("cluster_enabled")) != QLatin1String("1")) {
            refuse(ErrorCode::Refused, tr("%1 is not running in cluster mode; start it with "
                                          "'cluster-enabled yes'.")
                                           .arg(node));
            continue;
        }
        const ClusterNodeInfo *myself = nullptr;
        for (const ClusterNodeInfo &line : view.nodes) {
            if (line.isMyself())
                myself = &line;
        }
        if (!myself) {
            refuse(ErrorCode::Protocol, tr("%1 does not list itself in CLUSTER NODES.").arg(node));
            continue;
        }
        const qint64 keys = keyCountFromInfo(view.serverInfo);
        const int knownNodes = view.info ? view.info->knownNodes : static_cast<int>(view.nodes.size());
        const int assigned = view.info ? view.info->slotsAssigned : myself->slotSet.count();
        const QString reset = tr(" Creating a cluster needs blank nodes: use another node, or "
                                 "reset this one (FLUSHALL, CLUSTER RESET) if its data is disposable.");
        if (keys > 0)
            refuse(ErrorCode::NotEmpty, tr("%1 is not empty: it holds %2 keys.").arg(node).arg(keys) + reset);
        else if (knownNodes > 1)
            refuse(ErrorCode::NotEmpty,
                   tr("%1 is not empty: it already knows %2 other nodes (it is part of a cluster).")
                           .arg(node)
                           .arg(knownNodes - 1) +
                       reset);
        else if (assigned > 0 || !myself->slotSet.isEmpty())
            refuse(ErrorCode::NotEmpty,
                   tr("%1 is not empty: it already has %2 hash slots assigned.").arg(node).arg(assigned) +
                       reset);
        if (seenIds.contains(myself->id)) {
            refuse(ErrorCode::InvalidInput, tr("%1 and %2 are the same node (id %3); list every node once.")
                                                .arg(seenIds.value(myself->id).toString(), node, myself->id));
        }
        seenIds.insert(myself->id, member.address);
        member.id = myself->id;
        member.busPort =
            myself->busPort != 0 ? myself->busPort : static_cast<quint16>(member.address.port + 10000);
        member.supportsSlotRanges = view.server && view.server->redisVersion >= QVersionNumber(7, 0, 0);
    }
    if (first.isError()) {
        fail(Error(first.code(), first.message(), problems.join(QLatin1Char('\n'))));
        return;
    }

    // What the formed cluster must look like, now that the ids are known.
    QList<QString> masterIds;
    for (const Member &member : std::as_const(m_members)) {
        if (member.master)
            masterIds.append(member.id);
    }
    for (Member &member : m_members) {
        ExpectedNode expected;
        expected.id = member.id;
        expected.address = member.address;
        expected.master = member.master;
        if (member.master) {
            const SlotRange range = m_plan.masters.at(member.planIndex).slotRange;
            expected.slotSet = SlotSet::range(range.first, range.last);
        } else {
            member.masterId = masterIds.at(m_plan.replicas.at(member.planIndex).master);
            expected.masterId = member.masterId;
        }
        m_expected.append(expected);
    }
    assignSlotsAndEpochs();
}

void CreateClusterJob::change(const Member &member, const QList<QByteArray> &argv, const QString &what,
                              std::function<void(Result<RedisReply>)> done)
{
    m_changedSomething = true;
    sendLogged(m_pool, member.address, argv, what, this, std::move(done));
}

void CreateClusterJob::afterAll(int count, const QString &context, std::function<void()> next,
                                std::function<void(int, std::function<void(Result<RedisReply>)>)> send)
{
    auto remaining = std::make_shared<int>(count);
    for (int i = 0; i < count; ++i) {
        send(i, [this, remaining, context, next](Result<RedisReply> reply) {
            if (isFinished())
                return;
            if (!reply) {
                failHalfDone(reply.error().withContext(context));
                return;
            }
            if (--*remaining == 0)
                next();
        });
    }
}

void CreateClusterJob::assignSlotsAndEpochs()
{
    setStep(tr("assigning slots and config epochs"));
    setProgress(1, 4);
    // One ADDSLOTS(RANGE) per master and one SET-CONFIG-EPOCH per node, all pipelined at once. The
    // epochs must be set before any MEET: a node accepts SET-CONFIG-EPOCH only while it knows no other.
    struct Send {
        int member;
        QList<QByteArray> argv;
        QString what;
        bool optional; // a failure is logged, not fatal
    };
    auto sends = std::make_shared<QList<Send>>();
    for (int i = 0; i < m_members.size(); ++i) {
        Member &member = m_members[i];
        addFormingSettings(i, [sends, i](QList<QByteArray> argv, QString what) {
            sends->append({i, std::move(argv), std::move(what), true});
        });
        if (member.master) {
            const SlotRange range = m_plan.masters.at(member.planIndex).slotRange;
            QList<QByteArray> argv;
            if (member.supportsSlotRanges) {
                argv = {"CLUSTER", "ADDSLOTSRANGE", number(range.first), number(range.last)};
            } else {
                argv = {"CLUSTER", "ADDSLOTS"};
                for (int slot = range.first; slot <= range.last; ++slot)
                    argv.append(number(slot));
            }
            sends->append({i, argv,
                           tr("Assigning slots %1-%2 to %3")
                               .arg(range.first)
                               .arg(range.last)
                               .arg(member.address.toString()),
                           false});
        }
        sends->append({i,
                       {"CLUSTER", "SET-CONFIG-EPOCH", number(i + 1)},
                       tr("Giving %1 the config epoch %2").arg(member.address.toString()).arg(i + 1),
                       false});
    }
    afterAll(
        static_cast<int>(sends->size()), tr("Assigning slots and config epochs"), [this] { meetEveryone(); },
        [this, sends](int i, std::function<void(Result<RedisReply>)> done) {
            const Send &send = sends->at(i);
            const bool optional = send.optional;
            change(
                m_members.at(send.member), send.argv, send.what, [optional, done](Result<RedisReply> reply) {
                    // A node whose epoch is already set (e.g. after CLUSTER RESET SOFT) keeps it: Redis
                    // resolves equal epochs itself, so this is not worth failing for.
                    const bool epochSet = !reply && reply.error().detail().contains(QLatin1String("epoch"));
                    if (!reply && (optional || epochSet)) {
                        Logger::instance().warning(LogCategory, reply.error().message());
                        done(RedisReply::status("OK"));
                        return;
                    }
                    done(std::move(reply));
                });
        });
}

void CreateClusterJob::meetEveryone()
{
    setStep(tr("introducing the nodes to each other (CLUSTER MEET)"));
    setProgress(2, 4);
    // A full mesh: every pair meets directly, so no handshake waits for gossip. One MEET per pair is
    // enough (the handshake links both ends); every node must still receive one, as that is how it
    // learns its own address — node 0, which receives none from the lower-numbered, gets one from the last.
    QList<QPair<int, int>> pairs;
    for (int a = 0; a < m_members.size(); ++a) {
        for (int b = a + 1; b < m_members.size(); ++b)
            pairs.append({a, b});
    }
    if (m_members.size() > 2)
        pairs.append({int(m_members.size()) - 1, 0});
    afterAll(
        static_cast<int>(pairs.size()), tr("Introducing the nodes"),
        [this] {
            setStep(tr("waiting until every node agrees on the new cluster"));
            setProgress(3, 4);
            poll();
        },
        [this, pairs](int i, std::function<void(Result<RedisReply>)> done) {
            const Member &from = m_members.at(pairs.at(i).first);
            const Member &to = m_members.at(pairs.at(i).second);
            QList<QByteArray> argv = {"CLUSTER", "MEET", to.address.host.toLatin1(), number(to.address.port)};
            if (to.busPort != to.address.port + 10000)
                argv.append(number(to.busPort));
            change(from, argv, tr("Introducing %1 to %2").arg(from.address.toString(), to.address.toString()),
                   std::move(done));
        });
}

void CreateClusterJob::poll()
{
    if (isFinished())
        return;
    ++m_rounds;
    fetchViews(m_pool, memberAddresses(), NodeViewParts::Cluster, this,
               [this](QList<NodeView> views) { polled(views); });
}

void CreateClusterJob::polled(const QList<NodeView> &views)
{
    if (isFinished())
        return;
    replicateWhereReady(views);
    if (isFinished())
        return;
    const QStringList gaps = convergenceGaps(m_expected, views);
    if (!gaps.isEmpty())
        qCDebug(lcRedis) << "round" << m_rounds << elapsedMs() << "ms:" << gaps.size()
                         << "gaps, first:" << gaps.first();
    if (gaps.isEmpty()) {
        m_topology = ClusterTopology::fromViews(views);
        setProgress(4, 4);
        restoreFormingSettings([this] {
            Logger::instance().info(LogCategory, tr("The cluster of %1 nodes is formed and verified (%2 s).")
                                                     .arg(m_members.size())
                                                     .arg(QString::number(elapsedMs() / 1000.0, 'f', 2)));
            succeed();
        });
        return;
    }
    if (m_deadline.hasExpired()) {
        m_topology = ClusterTopology::fromViews(views);
        failHalfDone(Error(ErrorCode::Timeout,
                           tr("The new cluster did not settle within %1 s: %2.")
                               .arg(QString::number(m_timeoutMs / 1000.0, 'f', 1), describeGaps(gaps)),
                           gaps.join(QLatin1Char('\n'))));
        return;
    }
    m_pollTimer.start(pacedPollIntervalMs(m_pollIntervalMs, int(m_members.size())));
}

void CreateClusterJob::replicateWhereReady(const QList<NodeView> &views)
{
    for (int i = 0; i < m_members.size(); ++i) {
        Member &member = m_members[i];
        if (member.master || member.replicateSent || !views.at(i).reachable)
            continue;
        // REPLICATE names the master by id, which the replica knows only once their handshake is done.
        const bool knowsMaster = std::any_of(
            views.at(i).nodes.cbegin(), views.at(i).nodes.cend(), [&](const ClusterNodeInfo &line) {
                return line.id == member.masterId && !line.isHandshake() && line.isMaster();
            });
        if (!knowsMaster)
            continue;
        member.replicateSent = true;
        QString masterShown;
        for (const Member &candidate : std::as_const(m_members)) {
            if (candidate.id == member.masterId)
                masterShown = candidate.address.toString();
        }
        change(member, {"CLUSTER", "REPLICATE", member.masterId.toLatin1()},
               tr("Making %1 a replica of %2").arg(member.address.toString(), masterShown),
               [this, i](Result<RedisReply> reply) {
                   if (isFinished() || reply)
                       return;
                   // Gossip can lag behind what the poll saw, and a node busy with hundreds of peers (saving
                   // nodes.conf at every change) can answer after the command timeout: try again on the
                   // next round (REPLICATE of the master it already follows is a no-op), within the job's
                   // deadline. Seen at 250 nodes on 2 cores.
                   if (reply.error().detail().contains(QLatin1String("Unknown node")) ||
                       reply.error().code() == ErrorCode::Timeout) {
                       m_members[i].replicateSent = false;
                       return;
                   }
                   failHalfDone(reply.error().withContext(tr("Attaching the replicas")));
               });
    }
}

void CreateClusterJob::failHalfDone(const Error &error)
{
    m_pollTimer.stop();
    if (!m_changedSomething) {
        fail(error);
        return;
    }
    const Error halfDone(error.code(),
                         error.message() + tr(" The nodes may be half-joined now; reset them "
                                              "(CLUSTER RESET) before trying again."),
                         error.detail());
    restoreFormingSettings([this, halfDone] { fail(halfDone); });
}

} // namespace rcs
