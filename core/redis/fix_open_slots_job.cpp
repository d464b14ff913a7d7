#include "fix_open_slots_job.h"

#include "redis/cluster_info_parser.h"
#include "redis/cluster_scan_job.h"
#include "redis/lifecycle_support.h"
#include "redis/redis_pool.h"
#include "redis/slot_migration_job.h"

#include <QTimer>

#include <memory>

namespace rcs {

namespace {

// A slot to fix: who migrates it where, who imports it from where.
struct OpenSlotState {
    QMap<QString, QString> migrating; // node → target
    QMap<QString, QString> importing; // node → source
};

} // namespace

FixOpenSlotsJob::FixOpenSlotsJob(QList<NodeAddress> seeds, RedisPool *pool, QObject *parent)
    : Job(parent)
    , m_seeds(std::move(seeds))
    , m_pool(pool ? pool : new RedisPool(this))
{
    setTitle(tr("Close open slots"));
}

FixOpenSlotsJob::~FixOpenSlotsJob() = default;

void FixOpenSlotsJob::doStart()
{
    setStep(tr("Reading the cluster"));
    runChild(new ClusterScanJob(m_seeds, m_pool, this),
             [this](ClusterScanJob *scan) { scanned(scan->topology()); });
}

void FixOpenSlotsJob::scanned(const ClusterTopology &topology)
{
    m_topology = topology;
    m_addressById.clear();
    m_masterIds.clear();
    for (const TopologyNode &master : topology.masters()) {
        if (!master.reachable) {
            return fail(ErrorCode::Refused,
                        tr("The master %1 (%2) is unreachable, so its side of the open slots is unknown; "
                           "bring it back (or recover the cluster) before fixing slots.")
                            .arg(master.address.toString(), master.id.left(8)));
        }
        m_addressById.insert(master.id, master.address);
        m_masterIds.append(master.id);
    }
    QMap<int, OpenSlotState> openSlots;
    for (const OpenSlot &open : topology.openSlots())
        (open.migrating ? openSlots[open.slot].migrating : openSlots[open.slot].importing)
            .insert(open.nodeId, open.peerId);
    // What a replica shows and its master does not is cleared by a STABLE on the master, which
    // replicates it (only Valkey's replicas carry open slots; its masters replicate SETSLOT).
    m_strayReplicaSlots.clear();
    for (const OpenSlot &open : topology.replicaOnlyOpenSlots()) {
        const TopologyNode *replica = topology.node(open.nodeId);
        if (!replica || !m_addressById.contains(replica->masterId) || openSlots.contains(open.slot))
            continue;
        const std::pair<QString, int> stray(replica->masterId, open.slot);
        if (m_strayReplicaSlots.contains(stray))
            continue;
        m_strayReplicaSlots.append(stray);
        m_actions.append(
            tr("Slot %1: the replica %2 still shows it %3 %4; a STABLE on its master %5 clears it.")
                .arg(open.slot)
                .arg(replica->address.toString(), open.migrating ? tr("migrating to") : tr("importing from"),
                     open.peerId.left(8), m_addressById.value(replica->masterId).toString()));
    }
    const QList<BlindOwner> blind = findBlindOwners(topology.views());
    if (!blind.isEmpty() && m_reclaims < MaxRounds)
        return reclaim(blind, [this] { doStart(); });
    if (openSlots.isEmpty() && m_strayReplicaSlots.isEmpty()) {
        if (m_round > 0 || m_reclaims > 0) { // what the last round saw open closed meanwhile
            m_deadline = QDeadlineTimer(SettleTimeoutMs);
            return verify();
        }
        info(tr("No slot is open; nothing to fix."));
        return succeed();
    }

    SlotPlan moves;
    QList<int> maybeStable; // importing-only slots: STABLE if the importer has no key, else finish the move
    QStringList unfixable;
    const auto addMove = [&](const QString &source, const QString &target, int slot) {
        for (SlotMove &move : moves.moves) {
            if (move.sourceId == source && move.targetId == target) {
                move.slotSet.add(slot);
                return;
            }
        }
        moves.moves.append({source, target, SlotSet::range(slot, slot)});
    };
    for (auto it = openSlots.cbegin(); it != openSlots.cend(); ++it) {
        const int slot = it.key();
        const OpenSlotState &state = it.value();
        if (state.migrating.size() == 1) {
            const QString source = state.migrating.firstKey();
            const QString target = state.migrating.first();
            if (!m_addressById.contains(target)) {
                unfixable.append(tr("slot %1 migrates to %2, which is not a reachable master")
                                     .arg(slot)
                                     .arg(target.left(8)));
                continue;
            }
            addMove(source, target, slot);
            m_actions.append(
                tr("Slot %1: finish the move from %2 to %3.")
                    .arg(slot)
                    .arg(m_addressById.value(source).toString(), m_addressById.value(target).toString()));
        } else if (state.migrating.isEmpty() && state.importing.size() == 1 &&
                   m_addressById.contains(state.importing.first())) {
            maybeStable.append(slot);
        } else {
            unfixable.append(tr("slot %1 has %2 migrating and %3 importing nodes")
                                 .arg(slot)
                                 .arg(state.migrating.size())
                                 .arg(state.importing.size()));
        }
    }
    if (!unfixable.isEmpty()) {
        return fail(ErrorCode::Refused,
                    tr("Some open slots cannot be fixed automatically: %1. Inspect them with CLUSTER NODES "
                       "on the nodes named.")
                        .arg(unfixable.join(QStringLiteral("; "))));
    }

    // For importing-only slots, ask the importer whether any key arrived.
    if (maybeStable.isEmpty())
        return counted({}, moves);
    struct Pending {
        int remaining = 0;
        QList<int> empty;
        SlotPlan moves;
    };
    auto pending = std::make_shared<Pending>();
    pending->remaining = static_cast<int>(maybeStable.size());
    pending->moves = moves;
    for (const int slot : std::as_const(maybeStable)) {
        const QString importer = openSlots.value(slot).importing.firstKey();
        const QString source = openSlots.value(slot).importing.first();
        m_pool->command(m_addressById.value(importer),
                        {"CLUSTER", "COUNTKEYSINSLOT", QByteArray::number(slot)}, this,
                        [this, pending, slot, importer, source](Result<RedisReply> reply) {
                            if (reply && reply->integerValue() == 0) {
                                pending->empty.append(slot);
                                m_actions.append(tr("Slot %1: nothing moved yet; close the import on %2.")
                                                     .arg(slot)
                                                     .arg(m_addressById.value(importer).toString()));
                            } else {
                                SlotPlan &plan = pending->moves;
                                bool merged = false;
                                for (SlotMove &move : plan.moves) {
                                    if (move.sourceId == source && move.targetId == importer) {
                                        move.slotSet.add(slot);
                                        merged = true;
                                    }
                                }
                                if (!merged)
                                    plan.moves.append({source, importer, SlotSet::range(slot, slot)});
                                m_actions.append(tr("Slot %1: keys already on %2; finish the move there.")
                                                     .arg(slot)
                                                     .arg(m_addressById.value(importer).toString()));
                            }
                            if (--pending->remaining == 0)
                                counted(pending->empty, pending->moves);
                        });
    }
}

void FixOpenSlotsJob::counted(const QList<int> &emptyImports, const SlotPlan &moves)
{
    if (isFinished())
        return;
    setStep(tr("Closing open slots"));
    for (const auto &[masterId, slot] : std::as_const(m_strayReplicaSlots)) {
        sendLogged(
            m_pool, m_addressById.value(masterId), {"CLUSTER", "SETSLOT", QByteArray::number(slot), "STABLE"},
            tr("Clear the replicas' left-over state of slot %1").arg(slot), this, [](Result<RedisReply>) {});
        ++m_slotsFixed;
    }
    for (const int slot : emptyImports) {
        for (const OpenSlot &open : m_topology.openSlots()) {
            if (open.slot != slot || open.migrating)
                continue;
            const QList<QByteArray> argv{"CLUSTER", "SETSLOT", QByteArray::number(slot), "STABLE"};
            sendLogged(m_pool, m_addressById.value(open.nodeId), argv,
                       tr("Close the unused import of slot %1").arg(slot), this, [](Result<RedisReply>) {});
            ++m_slotsFixed;
        }
    }
    SlotPlan plan = moves;
    plan.needed = !plan.moves.isEmpty();
    if (!plan.needed) {
        m_deadline = QDeadlineTimer(SettleTimeoutMs);
        return verify();
    }
    m_deadline = QDeadlineTimer(ReadyTimeoutMs);
    waitForTargets(plan);
}

void FixOpenSlotsJob::waitForTargets(const SlotPlan &moves)
{
    setStep(tr("Waiting until every receiving master reports cluster_state:ok"));
    findNotOk(m_pool, receivingMasters(moves, m_addressById), this, [this, moves](const QString &notReady) {
        if (isFinished())
            return;
        if (notReady.isEmpty())
            return runMoves(moves);
        if (m_deadline.hasExpired()) {
            return fail(ErrorCode::Timeout,
                        tr("%1 did not report cluster_state:ok within %2 s, so its open slots were "
                           "not finished; run check to see why the cluster is down.")
                            .arg(notReady)
                            .arg(ReadyTimeoutMs / 1000));
        }
        QTimer::singleShot(50, this, [this, moves] { waitForTargets(moves); });
    });
}

void FixOpenSlotsJob::runMoves(const SlotPlan &moves)
{
    auto *migration = new SlotMigrationJob(moves, m_addressById, m_masterIds, m_pool, this);
    migration->setTopology(m_topology);
    m_child = migration;
    connect(migration, &Job::finished, this, [this, migration] {
        if (isFinished())
            return;
        m_slotsFixed += migration->slotsMoved();
        if (migration->hasError())
            return fail(migration->error());
        m_deadline = QDeadlineTimer(SettleTimeoutMs);
        verify();
    });
    migration->start();
}

void FixOpenSlotsJob::verify()
{
    setStep(tr("Waiting until no node reports an open slot and every node agrees on the owners"));
    // Every node, replicas included: they learn a new owner only from its gossip (Redis 5.0 announces it
    // at the next regular ping, up to half a node timeout later; 6.2 and newer broadcast it at once), and
    // a check run right after the fix asks them too.
    QList<NodeAddress> everyone;
    for (const TopologyNode &node : m_topology.nodes()) {
        if (node.reachable)
            everyone.append(node.address);
    }
    fetchViews(m_pool, everyone, NodeViewParts::Cluster, this, [this](QList<NodeView> views) {
        if (isFinished())
            return;
        QString gap;
        for (const NodeView &view : views) {
            const ClusterNodeInfo *self = myselfIn(view);
            if (self && self->isMaster() && self->hasOpenSlots())
                gap = tr("%1 still reports an open slot").arg(view.address.toString());
        }
        // A slot opened after the scan — a SETSLOT of an interrupted run that a master applied only
        // later (Valkey applies it once its replicas acknowledged) — is fixed in another round.
        if (!gap.isEmpty() && m_round < MaxRounds) {
            ++m_round;
            info(tr("%1 after the fix; fixing again (round %2).").arg(gap).arg(m_round + 1));
            return doStart();
        }
        if (gap.isEmpty()) {
            if (const QList<BlindOwner> blind = findBlindOwners(views);
                !blind.isEmpty() && m_reclaims < MaxRounds)
                return reclaim(blind, [this] { verify(); });
            const ClusterTopology after = ClusterTopology::fromViews(views);
            if (!after.slotsAgree())
                gap = after.disagreements().first();
            else if (!after.replicaOnlyOpenSlots().isEmpty())
                gap = tr("the replica %1 still shows slot %2 open")
                          .arg(after.node(after.replicaOnlyOpenSlots().first().nodeId)->address.toString())
                          .arg(after.replicaOnlyOpenSlots().first().slot);
            if (gap.endsWith(QLatin1Char('.')))
                gap.chop(1); // the sentence below ends it
        }
        if (gap.isEmpty()) {
            info(tr("Closed every open slot."));
            return succeed();
        }
        if (m_deadline.hasExpired())
            return fail(ErrorCode::Timeout,
                        tr("After the fix, %1 (waited %2 s).").arg(gap).arg(SettleTimeoutMs / 1000));
        QTimer::singleShot(50, this, [this] { verify(); });
    });
}

void FixOpenSlotsJob::reclaim(const QList<BlindOwner> &owners, std::function<void()> then)
{
    ++m_reclaims;
    setStep(tr("Giving masters back the slots they lost in their own view"));
    reclaimBlindSlots(m_pool, owners, this, [this, owners, then = std::move(then)](Result<QStringList> done) {
        if (isFinished())
            return;
        if (!done)
            return fail(done.error());
        for (const QString &action : *done) {
            m_actions.append(action);
            info(action);
        }
        for (const BlindOwner &owner : owners)
            m_slotsFixed += owner.lostSlots.count();
        m_deadline = QDeadlineTimer(SettleTimeoutMs);
        then();
    });
}

void FixOpenSlotsJob::doCancel()
{
    if (m_child)
        m_child->cancel();
}

} // namespace rcs
