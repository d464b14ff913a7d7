// SlotMigrationJob: the lanes, each slot's IMPORTING/MIGRATING/NODE states and who is told when; the keys
// themselves move in slot_migration_keys.cpp.
#include "slot_migration_job.h"

#include "common/logger.h"
#include "common/next_step.h"
#include "redis/cluster_nodes_parser.h"
#include "redis/lifecycle_support.h"
#include "redis/redis_cli_line.h"
#include "redis/redis_pool.h"

#include <QSet>

#include <algorithm>
#include <memory>
#include <optional>

namespace rcs {

namespace {

QByteArray number(int value)
{
    return QByteArray::number(value);
}

bool replyContains(const Result<RedisReply> &reply, const char *text)
{
    return !reply && reply.error().detail().contains(QLatin1String(text), Qt::CaseInsensitive);
}

} // namespace

SlotMigrationJob::SlotMigrationJob(SlotPlan plan, QHash<QString, NodeAddress> addressById,
                                   QStringList masterIds, RedisPool *pool, QObject *parent)
    : Job(parent)
    , m_plan(std::move(plan))
    , m_addressById(std::move(addressById))
    , m_masterIds(std::move(masterIds))
    , m_pool(pool ? pool : new RedisPool(this))
{
    setTitle(tr("Move slots"));
}

SlotMigrationJob::~SlotMigrationJob() = default;

void SlotMigrationJob::setTopology(const ClusterTopology &topology)
{
    m_servers.clear();
    m_withReplicas.clear();
    for (const TopologyNode &node : topology.nodes()) {
        if (node.server)
            m_servers.insert(node.id, *node.server);
        if (node.isReplica()) {
            m_withReplicas.insert(node.masterId);
            if (node.address.isValid())
                m_replicasOf[node.masterId].append(node.address);
        }
    }
}

void SlotMigrationJob::doStart()
{
    const QMap<QString, QList<SlotMove>> bySource = m_plan.movesBySource();
    for (auto it = bySource.cbegin(); it != bySource.cend(); ++it) {
        Worker worker;
        worker.sourceId = it.key();
        worker.batch = m_options.initialBatch;
        for (const SlotMove &move : it.value()) {
            for (const QString &id : {move.sourceId, move.targetId}) {
                if (!m_addressById.contains(id)) {
                    fail(ErrorCode::InvalidInput,
                         tr("The slot plan names node %1, whose address is unknown.").arg(id));
                    return;
                }
            }
            Logger::instance().command(QStringLiteral("redis"),
                                       tr("Move %1 slots (%2) from %3 to %4")
                                           .arg(move.slotSet.count())
                                           .arg(move.slotSet.toString(),
                                                m_addressById.value(move.sourceId).toString(),
                                                m_addressById.value(move.targetId).toString()),
                                       reshardLine(m_pool, m_addressById.value(move.sourceId), move.sourceId,
                                                   move.targetId, move.slotSet.count()));
            for (const int slot : move.slotSet.toList())
                worker.steps.append({slot, move.targetId});
        }
        m_totalSlots += static_cast<int>(worker.steps.size());
        m_workers.append(worker);
    }
    setStep(tr("Moving %1 slots from %2 sources in parallel").arg(m_totalSlots).arg(m_workers.size()));
    setProgress(0, m_totalSlots);
    QList<bool> waits;
    for (const Worker &worker : std::as_const(m_workers)) {
        waits.append(waitsForReplicas(worker.sourceId) ||
                     std::any_of(worker.steps.cbegin(), worker.steps.cend(),
                                 [this](const Step &step) { return waitsForReplicas(step.targetId); }));
    }
    const int waiting = static_cast<int>(waits.count(true));
    const int replicatedWindow =
        waiting == 0 ? 0
                     : std::clamp(m_options.replicatedLaneBudget / waiting, m_options.slotsInFlight,
                                  std::max(m_options.slotsInFlight, m_options.replicatedSlotsInFlight));
    for (int w = 0; w < m_workers.size(); ++w) {
        const Worker &worker = m_workers.at(w);
        int window = waits.at(w) ? replicatedWindow : m_options.slotsInFlight;
        if (waits.at(w) && tunneled(worker))
            window = std::min(window, m_options.tunneledSlotsInFlight);
        const int lanes = std::max(1, std::min(window, static_cast<int>(worker.steps.size())));
        for (int i = 0; i < lanes; ++i) {
            Lane lane;
            lane.worker = w;
            lane.channel = i + 1;
            m_lanes.append(lane);
        }
    }
    m_activeLanes = static_cast<int>(m_lanes.size());
    if (m_activeLanes == 0) {
        succeed();
        return;
    }
    for (int l = 0; l < m_lanes.size(); ++l)
        nextSlot(l);
}

bool SlotMigrationJob::tunneled(const Worker &worker) const
{
    if (!m_pool)
        return false;
    const auto viaTunnel = [this](const QString &nodeId) {
        const NodeAddress address = m_addressById.value(nodeId);
        return m_pool->routeFor(address) != address;
    };
    return viaTunnel(worker.sourceId) ||
           std::any_of(worker.steps.cbegin(), worker.steps.cend(),
                       [&viaTunnel](const Step &step) { return viaTunnel(step.targetId); });
}

void SlotMigrationJob::nextSlot(int l)
{
    Worker &worker = workerOf(l);
    if (m_cancelled || worker.stopped || worker.next >= worker.steps.size())
        return laneDone(l);
    m_lanes[l].step = worker.next++;
    m_lanes[l].sourceAttempts = 0;
    setImporting(l);
}

void SlotMigrationJob::laneDone(int l)
{
    if (m_lanes.at(l).done)
        return;
    m_lanes[l].done = true;
    --m_activeLanes;
    checkDone();
}

void SlotMigrationJob::setImporting(int l)
{
    const Step step = current(l);
    setSlot(l, step.targetId, "IMPORTING", workerOf(l).sourceId, [this, l](Result<RedisReply> reply) {
        if (m_cancelled)
            return laneDone(l);
        if (replyContains(reply, "already the owner")) {
            // A previous run got this far: only the SETSLOT NODE round is left.
            finalize(l);
            return;
        }
        if (!reply)
            return stop(l, reply.error());
        setMigrating(l);
    });
}

void SlotMigrationJob::setMigrating(int l)
{
    const Step step = current(l);
    const QString sourceId = workerOf(l).sourceId;
    setSlot(l, sourceId, "MIGRATING", step.targetId, [this, l](Result<RedisReply> reply) {
        if (!reply && !m_cancelled)
            stop(l, reply.error());
    });
    // Behind the MIGRATING on the same connection: answered once it took effect.
    m_pool->command(
        sourceOf(l), {"CLUSTER", "GETKEYSINSLOT", number(step.slot), number(workerOf(l).batch)}, this,
        [this, l](Result<RedisReply> reply) { onKeys(l, reply); },
        acceptsSetSlotTimeout(sourceId)
            ? m_options.replicaAckTimeoutMs + RedisConnection::DefaultCommandTimeoutMs
            : 0,
        channelFor(l, sourceId));
}

void SlotMigrationJob::setSlot(int l, const QString &nodeId, const QByteArray &action,
                               const QString &argumentId, RedisConnection::Callback done)
{
    const int slot = current(l).slot;
    QList<QByteArray> argv{"CLUSTER", "SETSLOT", number(slot), action};
    if (!argumentId.isEmpty())
        argv << argumentId.toUtf8();
    int timeoutMs = 0;
    if (acceptsSetSlotTimeout(nodeId)) {
        argv << "TIMEOUT" << number(m_options.replicaAckTimeoutMs);
        timeoutMs = m_options.replicaAckTimeoutMs + RedisConnection::DefaultCommandTimeoutMs;
    }
    const NodeAddress address = m_addressById.value(nodeId);
    m_pool->command(
        address, argv, this,
        [this, done = std::move(done), address, slot, action](Result<RedisReply> reply) {
            if (!reply && reply.error().detail().startsWith(QLatin1String("NOREPLICAS"))) {
                reply = Error(ErrorCode::Timeout,
                              withNextStep(tr("%1 did not apply CLUSTER SETSLOT %2 %3: its replicas did "
                                              "not acknowledge it within %4 ms (Valkey applies SETSLOT "
                                              "on a master only after its online replicas have). Check "
                                              "them with INFO replication on %1, then close the open "
                                              "slot.")
                                               .arg(address.toString())
                                               .arg(slot)
                                               .arg(QString::fromLatin1(action))
                                               .arg(m_options.replicaAckTimeoutMs),
                                           NextStep::CheckFix),
                              reply.error().detail());
            }
            done(std::move(reply));
        },
        timeoutMs, channelFor(l, nodeId));
}

void SlotMigrationJob::finalize(int l)
{
    const Step step = current(l);
    // Target first: once it owns the slot (and bumped its epoch) the source may follow.
    setSlot(l, step.targetId, "NODE", step.targetId, [this, l](Result<RedisReply> reply) {
        if (!reply)
            return stop(l, reply.error());
        tellSource(l);
    });
}

void SlotMigrationJob::tellSource(int l)
{
    ++m_lanes[l].sourceAttempts;
    setSlot(l, workerOf(l).sourceId, "NODE", current(l).targetId,
            [this, l](Result<RedisReply> reply) { sourceAnswered(l, reply); });
}

void SlotMigrationJob::sourceAnswered(int l, const Result<RedisReply> &reply)
{
    if (reply || replyContains(reply, "only with masters")) // an emptied source turned replica already
        return slotDone(l);
    if (replyContains(reply, "still hold keys")) {
        setMigrating(l); // keys arrived before MIGRATING took effect: move them too
        return;
    }
    // Valkey: the source lost its last slot while its SETSLOT waited for its replicas, turned into a
    // replica of the target and dropped the wait (UNBLOCKED); or its replicas followed the target and
    // never acknowledged (NOREPLICAS). Either is what draining a master ends with; ROLE tells which.
    // Not on the lane's connection: the server closes it after the UNBLOCKED reply.
    if (!replyContains(reply, "UNBLOCKED") && !replyContains(reply, "NOREPLICAS"))
        return stop(l, reply.error());
    m_pool->command(sourceOf(l), {"ROLE"}, this, [this, l, failure = reply.error()](Result<RedisReply> role) {
        if (m_lanes.at(l).done)
            return;
        if (!role)
            return stop(l, role.error().withContext(
                               tr("Asking the source for its role after \"%1\"").arg(failure.detail())));
        const QByteArray name = role->elements().value(0).bytes();
        if (name == "slave" || name == "replica")
            return slotDone(l);
        if (m_lanes.at(l).sourceAttempts < 3)
            return tellSource(l);
        stop(l, failure.withContext(
                    tr("The source is still a master after %1 attempts").arg(m_lanes.at(l).sourceAttempts)));
    });
}

void SlotMigrationJob::slotDone(int l)
{
    tellOthers(l);
    ++m_slotsMoved;
    setProgress(m_slotsMoved, m_totalSlots);
    nextSlot(l);
}

void SlotMigrationJob::tellOthers(int l)
{
    const Step step = current(l);
    const QString sourceId = workerOf(l).sourceId;
    for (const QString &id : std::as_const(m_masterIds)) {
        if (id == sourceId || id == step.targetId || !m_addressById.contains(id))
            continue;
        // Each would wait for its replicas, slot after slot; the target's broadcast tells it as fast.
        if (waitsForReplicas(id))
            continue;
        ++m_backgroundReplies;
        m_pool->command(m_addressById.value(id),
                        {"CLUSTER", "SETSLOT", number(step.slot), "NODE", step.targetId.toUtf8()}, this,
                        [this](Result<RedisReply>) {
                            // Gossip corrects a master that missed it; the target's epoch bump wins.
                            --m_backgroundReplies;
                            checkDone();
                        });
    }
}

void SlotMigrationJob::stop(int l, const Error &error)
{
    if (m_lanes.at(l).done)
        return;
    const QString where = describe(l);
    m_stuck.append(where + QStringLiteral(": ") + error.message());
    if (!m_firstError.isError())
        m_firstError = error.withContext(tr("Moving %1").arg(where));
    // The other lanes of this source finish their slot and take no new one.
    workerOf(l).stopped = true;
    laneDone(l);
}

QString SlotMigrationJob::describe(int l) const
{
    const Step &step = current(l);
    return tr("slot %1 (%2 → %3)")
        .arg(step.slot)
        .arg(sourceOf(l).toString(), m_addressById.value(step.targetId).toString());
}

void SlotMigrationJob::closeLaneConnections()
{
    // The pool outlives the job (a session shares it); the extra connections are this job's.
    QList<QSet<QString>> nodesOf; // per worker: its source and targets
    for (const Worker &worker : std::as_const(m_workers)) {
        QSet<QString> ids{worker.sourceId};
        for (const Step &step : worker.steps)
            ids.insert(step.targetId);
        nodesOf.append(ids);
    }
    QSet<std::pair<QString, int>> used;
    for (int l = 0; l < m_lanes.size(); ++l) {
        for (const QString &id : std::as_const(nodesOf[m_lanes.at(l).worker]))
            used.insert({id, channelFor(l, id)});
    }
    for (const auto &[id, channel] : std::as_const(used)) {
        if (channel != 0)
            m_pool->closeChannel(m_addressById.value(id), channel);
    }
}

void SlotMigrationJob::checkDone()
{
    if (isFinished() || m_activeLanes > 0 || m_backgroundReplies > 0)
        return;
    closeLaneConnections();
    if (m_firstError.isError()) {
        // Server replies carry no full stop; without one the count below reads as part of the reply.
        QString message = m_firstError.message();
        if (!message.endsWith(QLatin1Char('.')))
            message += QLatin1Char('.');
        fail(Error(m_firstError.code(),
                   message + tr(" %1 of %2 slots were moved; run check to see the open slots.")
                                 .arg(m_slotsMoved)
                                 .arg(m_totalSlots),
                   m_stuck.join(QLatin1Char('\n'))));
        return;
    }
    if (m_cancelled)
        return;
    clearReplicaLeftovers();
}

void SlotMigrationJob::clearReplicaLeftovers()
{
    QSet<QString> masters;
    for (const SlotMove &move : std::as_const(m_plan.moves)) {
        for (const QString &id : {move.sourceId, move.targetId}) {
            if (waitsForReplicas(id))
                masters.insert(id);
        }
    }
    for (const QString &masterId : std::as_const(masters)) {
        for (const NodeAddress &replica : m_replicasOf.value(masterId)) {
            ++m_sweepReplies;
            m_pool->command(replica, {"CLUSTER", "NODES"}, this, [this, masterId](Result<RedisReply> reply) {
                --m_sweepReplies;
                Result<QList<ClusterNodeInfo>> nodes = Error(ErrorCode::RedisError, QString());
                if (!reply)
                    nodes = reply.error();
                else if (reply->isError())
                    nodes = Error(ErrorCode::RedisError, reply->text());
                else
                    nodes = parseClusterNodes(reply->bytes());
                if (!nodes) {
                    Logger::instance().warning(
                        QStringLiteral("redis"),
                        tr("Could not read a replica of %1 after the moves: %2")
                            .arg(m_addressById.value(masterId).toString(), nodes.error().message()));
                    return replicaLeftoversRead();
                }
                for (const ClusterNodeInfo &node : std::as_const(*nodes)) {
                    if (!node.isMyself())
                        continue;
                    for (const QMap<int, QString> *open : {&node.migrating, &node.importing}) {
                        for (auto it = open->cbegin(); it != open->cend(); ++it) {
                            const bool moved = std::any_of(
                                m_plan.moves.cbegin(), m_plan.moves.cend(), [&](const SlotMove &move) {
                                    return move.slotSet.contains(it.key()) &&
                                           (move.sourceId == masterId || move.targetId == masterId);
                                });
                            if (moved)
                                m_replicaLeftovers.insert({masterId, it.key()});
                        }
                    }
                }
                replicaLeftoversRead();
            });
        }
    }
    replicaLeftoversRead();
}

void SlotMigrationJob::replicaLeftoversRead()
{
    if (m_sweepReplies > 0 || isFinished())
        return;
    const QSet<std::pair<QString, int>> leftovers = std::exchange(m_replicaLeftovers, {});
    for (const auto &[masterId, slot] : leftovers) {
        ++m_sweepReplies;
        sendLogged(m_pool, m_addressById.value(masterId), {"CLUSTER", "SETSLOT", number(slot), "STABLE"},
                   tr("Clear the replicas' left-over state of slot %1").arg(slot), this,
                   [this, slot](Result<RedisReply> reply) {
                       --m_sweepReplies;
                       if (!reply || reply->isError())
                           Logger::instance().warning(
                               QStringLiteral("redis"),
                               tr("A replica may still show slot %1 open (run check --fix): %2")
                                   .arg(slot)
                                   .arg(reply ? reply->text() : reply.error().message()));
                       sweepDone();
                   });
    }
    sweepDone();
}

void SlotMigrationJob::sweepDone()
{
    if (m_sweepReplies > 0 || isFinished())
        return;
    info(tr("Moved %1 slots and %2 keys.").arg(m_slotsMoved).arg(m_keysMoved));
    succeed();
}

void SlotMigrationJob::doCancel()
{
    // Slots in flight finish their current step; nothing new starts.
    m_cancelled = true;
}

} // namespace rcs
