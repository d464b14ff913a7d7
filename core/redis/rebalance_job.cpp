#include "rebalance_job.h"

#include "common/next_step.h"
#include "redis/blind_owners.h"
#include "redis/cluster_info_parser.h"
#include "redis/cluster_pacing.h"
#include "redis/cluster_scan_job.h"
#include "redis/lifecycle_support.h"
#include "redis/node_timeout_override.h"
#include "redis/redis_pool.h"
#include "redis/slot_migration_job.h"

#include <iterator>
#include <memory>

namespace rcs {

RebalanceJob::RebalanceJob(QList<NodeAddress> seeds, RedisPool *pool, QObject *parent)
    : Job(parent)
    , m_seeds(std::move(seeds))
    , m_pool(pool ? pool : new RedisPool(this))
    , m_timeouts(new NodeTimeoutOverride(m_pool, this))
{
    setTitle(tr("Rebalance slots"));
}

RebalanceJob::~RebalanceJob() = default;

void RebalanceJob::setRebalance(const RebalanceOptions &options)
{
    m_mode = Mode::Rebalance;
    m_rebalance = options;
}

void RebalanceJob::setReshard(const QStringList &sourceIds, const QString &targetId, int slotCount)
{
    m_mode = Mode::Reshard;
    m_sourceIds = sourceIds;
    m_targetId = targetId;
    m_slotCount = slotCount;
}

void RebalanceJob::setDrain(const QString &nodeId)
{
    m_mode = Mode::Drain;
    m_drainId = nodeId;
}

void RebalanceJob::doStart()
{
    m_settleDeadline = QDeadlineTimer(SettleTimeoutMs);
    scan();
}

void RebalanceJob::scan()
{
    setStep(tr("Reading the cluster"));
    m_addressById.clear();
    m_masterIds.clear();
    runChild(new ClusterScanJob(m_seeds, m_pool, this),
             [this](ClusterScanJob *scan) { scanned(scan->topology()); });
}

void RebalanceJob::scanned(const ClusterTopology &topology)
{
    m_before = topology;
    QList<MasterSlots> masters;
    for (const TopologyNode &master : topology.masters()) {
        if (!master.reachable || master.isFailing()) {
            return fail(
                ErrorCode::Refused,
                tr("The master %1 (%2) is %3; slots cannot move safely until it is back or "
                   "replaced. Run check for details.")
                    .arg(master.address.toString(), master.id.left(8),
                         master.reachable ? tr("flagged as failing") : QStringLiteral("unreachable")));
        }
        masters.append({master.id, master.slotSet});
        m_addressById.insert(master.id, master.address);
        m_masterIds.append(master.id);
    }
    if (!topology.openSlots().isEmpty()) {
        QStringList openSlots;
        for (const OpenSlot &open : topology.openSlots())
            openSlots.append(QString::number(open.slot));
        openSlots.removeDuplicates();
        return fail(ErrorCode::Refused,
                    withNextStep(tr("Slots %1 are still open from an interrupted migration; close them "
                                    "first.")
                                     .arg(openSlots.join(QStringLiteral(", "))),
                                 NextStep::CheckFix));
    }
    if (!topology.slotsAgree() && !m_settleDeadline.hasExpired()) {
        // A node that just joined needs a moment of gossip before it agrees.
        QTimer::singleShot(100, this, [this] { scan(); });
        return;
    }
    if (!topology.slotsAgree()) {
        return fail(ErrorCode::Refused,
                    tr("The nodes do not agree about slot owners (%1); wait for the cluster to settle or "
                       "run check.")
                        .arg(topology.disagreements().first()));
    }

    // Ids may be given as unique prefixes, as redis-cli accepts them.
    QString badId;
    const auto resolve = [&](const QString &prefix) {
        QStringList matches;
        for (const QString &id : std::as_const(m_masterIds)) {
            if (!prefix.isEmpty() && id.startsWith(prefix))
                matches.append(id);
        }
        if (matches.size() == 1)
            return matches.first();
        if (badId.isEmpty())
            badId = prefix;
        return prefix;
    };
    RebalanceOptions rebalance = m_rebalance;
    rebalance.weights.clear();
    for (auto it = m_rebalance.weights.cbegin(); it != m_rebalance.weights.cend(); ++it)
        rebalance.weights.insert(resolve(it.key()), it.value());
    QStringList sourceIds;
    for (const QString &id : std::as_const(m_sourceIds))
        sourceIds.append(resolve(id));
    const QString targetId = m_mode == Mode::Reshard ? resolve(m_targetId) : m_targetId;
    const QString drainId = m_mode == Mode::Drain ? resolve(m_drainId) : m_drainId;
    if (!badId.isEmpty()) {
        return fail(ErrorCode::InvalidInput,
                    tr("'%1' names no single master of this cluster; give a master's id or a unique "
                       "prefix of it (see status).")
                        .arg(badId));
    }

    Result<SlotPlan> plan = m_mode == Mode::Rebalance ? planRebalance(masters, rebalance)
                            : m_mode == Mode::Reshard ? planReshard(masters, sourceIds, targetId, m_slotCount)
                                                      : planDrain(masters, drainId);
    if (!plan)
        return fail(plan.error());
    m_plan = std::move(plan).value();
    if (!m_plan.needed) {
        info(m_plan.reason);
        return succeed();
    }
    // SETSLOT IMPORTING / MIGRATING name the other side, which a master learns of by gossip: right
    // after a MEET (add-node) a source may not know the new master for a moment.
    for (const SlotMove &move : std::as_const(m_plan.moves)) {
        if (m_simulate ||
            (topology.knows(move.sourceId, move.targetId) && topology.knows(move.targetId, move.sourceId)))
            continue;
        if (!m_settleDeadline.hasExpired()) {
            QTimer::singleShot(100, this, [this] { scan(); });
            return;
        }
        return fail(ErrorCode::Refused,
                    tr("The masters %1 and %2 do not know each other yet (no CLUSTER MEET, or gossip has not "
                       "reached them within %3 s), so no slot can move between them; run check.")
                        .arg(m_addressById.value(move.sourceId).toString(),
                             m_addressById.value(move.targetId).toString())
                        .arg(SettleTimeoutMs / 1000));
    }
    info(tr("Plan: move %1 slots in %2 moves from %3 sources.")
             .arg(m_plan.slotCount())
             .arg(m_plan.moves.size())
             .arg(m_plan.movesBySource().size()));
    if (m_simulate)
        return succeed();
    m_deadline = QDeadlineTimer(ReadyTimeoutMs);
    waitForTargets();
}

void RebalanceJob::waitForTargets()
{
    setStep(tr("Waiting until every receiving master reports cluster_state:ok"));
    findNotOk(m_pool, receivingMasters(m_plan, m_addressById), this, [this](const QString &notReady) {
        if (isFinished())
            return;
        if (notReady.isEmpty())
            return migrate();
        if (m_deadline.hasExpired()) {
            return fail(ErrorCode::Timeout,
                        tr("%1 did not report cluster_state:ok within %2 s, so no slot was moved to it; "
                           "check that it has met the cluster.")
                            .arg(notReady)
                            .arg(ReadyTimeoutMs / 1000));
        }
        QTimer::singleShot(50, this, [this] { waitForTargets(); });
    });
}

void RebalanceJob::migrate()
{
    setStep(tr("Moving slots"));
    auto *migration = new SlotMigrationJob(m_plan, m_addressById, m_masterIds, m_pool, this);
    migration->setTopology(m_before);
    m_child = migration;
    connect(migration, &Job::progress, this, [this](qint64 done, qint64 total) { setProgress(done, total); });
    connect(migration, &Job::finished, this, [this, migration] {
        m_slotsMoved = migration->slotsMoved();
        m_keysMoved = migration->keysMoved();
        if (isFinished())
            return;
        if (migration->hasError())
            return fail(migration->error());
        m_deadline = QDeadlineTimer(AgreementTimeoutMs);
        const int lowered = pacedNodeTimeoutMs(AgreementNodeTimeoutMs, int(m_before.nodes().size()));
        for (const NodeAddress &target : receivingMasters(m_plan, m_addressById))
            m_timeouts->lower(target, lowered,
                              tr("Lower the node timeout of %1 for a moment so every node hears of its "
                                 "new slots at once")
                                  .arg(target.toString()));
        waitForAgreement();
    });
    migration->start();
}

void RebalanceJob::waitForAgreement()
{
    setStep(tr("Waiting until every node agrees on the new slot owners"));
    QMap<QString, SlotSet> expected;
    for (const TopologyNode &master : m_before.masters())
        expected.insert(master.id, master.slotSet);
    for (const SlotMove &move : std::as_const(m_plan.moves)) {
        expected[move.sourceId] -= move.slotSet;
        expected[move.targetId] |= move.slotSet;
    }
    // Every node, replicas included: a client may ask any of them.
    QList<NodeAddress> everyone;
    for (const TopologyNode &node : m_before.nodes()) {
        if (node.reachable)
            everyone.append(node.address);
    }
    fetchViews(m_pool, everyone, NodeViewParts::Cluster, this, [this, expected](QList<NodeView> views) {
        if (isFinished())
            return;
        QString gap;
        for (const NodeView &view : views) {
            for (auto it = expected.cbegin(); it != expected.cend() && gap.isEmpty(); ++it) {
                SlotSet seen;
                bool found = false;
                for (const ClusterNodeInfo &node : view.nodes) {
                    if (node.id == it.key()) {
                        seen = node.slotSet;
                        found = true;
                    }
                }
                // A drained master may have turned into a replica and left the expected map's meaning.
                if (found ? seen != it.value() : !it.value().isEmpty())
                    gap = tr("%1 does not see the new slots of %2 yet")
                              .arg(view.address.toString(), it.key().left(8));
            }
            if (!view.reachable)
                gap = tr("%1 does not answer").arg(view.address.toString());
            if (!gap.isEmpty())
                break;
        }
        // A receiving master that lost moved slots in its own view only never gets them back by gossip:
        // give them back once, then wait again.
        if (!gap.isEmpty() && !m_reclaimed) {
            QList<BlindOwner> blind;
            for (BlindOwner owner : findBlindOwners(views)) {
                owner.lostSlots &= expected.value(owner.id);
                for (auto it = owner.ownViewOwner.begin(); it != owner.ownViewOwner.end();)
                    it = owner.lostSlots.contains(it.key()) ? std::next(it) : owner.ownViewOwner.erase(it);
                if (!owner.lostSlots.isEmpty())
                    blind.append(owner);
            }
            if (!blind.isEmpty()) {
                m_reclaimed = true;
                return reclaimBlindSlots(m_pool, blind, this, [this](Result<QStringList> done) {
                    if (isFinished())
                        return;
                    if (!done)
                        return restoreThenFail(
                            done.error().withContext(tr("The slots moved; giving a master back the moved "
                                                        "slots it lost in its own view")));
                    for (const QString &action : *done)
                        info(action);
                    waitForAgreement();
                });
            }
        }
        if (gap.isEmpty()) {
            info(tr("Moved %1 slots and %2 keys; every node agrees.").arg(m_slotsMoved).arg(m_keysMoved));
            m_ending = true;
            return m_timeouts->restore([this] { succeed(); });
        }
        if (m_deadline.hasExpired())
            return restoreThenFail(
                Error(ErrorCode::Timeout,
                      tr("The slots moved, but after %1 s %2.").arg(AgreementTimeoutMs / 1000).arg(gap)));
        QTimer::singleShot(50, this, [this] { waitForAgreement(); });
    });
}

void RebalanceJob::restoreThenFail(const Error &error)
{
    if (m_ending)
        return;
    m_ending = true;
    m_timeouts->restore([this, error] { fail(error); });
}

void RebalanceJob::doCancel()
{
    m_timeouts->restoreNow();
    if (m_child)
        m_child->cancel();
}

} // namespace rcs
