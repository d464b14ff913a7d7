#include "slot_heat_job.h"

#include "common/operator_acl.h"
#include "key_scan.h"
#include "redis/cluster_topology.h"
#include "redis/redis_pool.h"
#include "redis/redis_reply.h"

#include <algorithm>
#include <memory>

namespace rcs::observe {

QList<HeatMaster> heatMasters(const ClusterTopology &topology)
{
    QList<HeatMaster> masters;
    for (const TopologyNode &node : topology.nodes()) {
        if (!node.reachable || !node.isMaster() || node.slotSet.isEmpty())
            continue;
        const bool slotStats = node.server && node.server->isValkey() && node.server->majorVersion() >= 8;
        masters.append(
            {{node.address, node.id, node.pod ? node.pod->name : QString()}, node.slotSet, slotStats});
    }
    return masters;
}

qint64 SlotHeat::totalKeys() const
{
    qint64 total = 0;
    for (qint64 count : keys)
        total += std::max<qint64>(count, 0);
    return total;
}

qint64 SlotHeat::hottest() const
{
    return keys.empty() ? 0 : std::max<qint64>(0, *std::max_element(keys.begin(), keys.end()));
}

SlotHeatJob::SlotHeatJob(QList<HeatMaster> masters, RedisPool *pool, QObject *parent)
    : Job(parent)
    , m_masters(std::move(masters))
    , m_slots(m_masters.size())
    , m_pool(pool)
    , m_channel(privateChannel())
{
    setTitle(tr("Counting the keys per slot"));
    for (qsizetype i = 0; i < m_masters.size(); ++i) {
        const HeatMaster &master = m_masters.at(i);
        for (const SlotRange &range : master.owned.ranges()) {
            for (int slot = range.first; slot <= range.last; ++slot)
                m_slots[i].append(slot);
        }
        m_owned += m_slots[i].size();
        m_heat.nodes.append(HeatNode{master.node, int(m_slots[i].size()), 0, {}, {}});
    }
}

SlotHeatJob::~SlotHeatJob() = default;

void SlotHeatJob::doStart()
{
    if (m_masters.isEmpty())
        return fail(ErrorCode::InvalidInput, tr("There is no master with slots to count: the cluster has no "
                                                "reachable master that owns a slot."));
    if (!m_pool)
        return fail(ErrorCode::Cancelled, tr("The connections were closed before the slots were counted."));
    setStep(tr("Counting the keys of %1 slots on %2 masters").arg(m_owned).arg(m_masters.size()));
    m_outstanding = int(m_masters.size());
    // The operator user's command list is one for every server, and Redis 7.0 refuses an ACL rule that
    // names a subcommand it does not know, so the list cannot allow SLOT-STATS: as the operator, count
    // slot by slot rather than leave a refusal in ACL LOG.
    const bool asOperator = m_pool->options().user == QLatin1String(operator_acl::kUserName);
    for (int i = 0; i < int(m_masters.size()); ++i) {
        if (m_masters.at(i).slotStats && !asOperator)
            countWithSlotStats(i);
        else
            countBatch(i, 0);
    }
}

void SlotHeatJob::doCancel()
{
    m_stopped = true;
    closeChannels();
}

void SlotHeatJob::countWithSlotStats(int master)
{
    m_pool->command(
        m_masters.at(master).node.address, {"CLUSTER", "SLOT-STATS", "SLOTSRANGE", "0", "16383"}, this,
        [this, master](Result<RedisReply> reply) {
            if (m_stopped)
                return;
            const Result<QHash<int, qint64>> stats =
                reply ? parseSlotStats(reply.value()) : Result<QHash<int, qint64>>(reply.error());
            if (!stats) {
                // Not there (an older server) or not permitted: the slot-by-slot count answers the same.
                return countBatch(master, 0);
            }
            for (int slot : std::as_const(m_slots[master]))
                m_heat.keys[slot] = stats.value().value(slot, 0);
            m_heat.nodes[master].method = QStringLiteral("slot-stats");
            m_counted += m_slots[master].size();
            setProgress(m_counted, m_owned);
            masterDone(master);
        },
        0, m_channel);
}

void SlotHeatJob::countBatch(int master, int from)
{
    const QList<int> &owned = m_slots[master];
    const int to = std::min<int>(from + BatchSize, int(owned.size()));
    if (from >= to) {
        m_heat.nodes[master].method = QStringLiteral("countkeysinslot");
        return masterDone(master);
    }
    // The batch's replies, counted down; the next batch goes when the last one arrived.
    auto pending = std::make_shared<int>(to - from);
    auto error = std::make_shared<QString>();
    for (int k = from; k < to; ++k) {
        const int slot = owned.at(k);
        m_pool->command(
            m_masters.at(master).node.address, {"CLUSTER", "COUNTKEYSINSLOT", QByteArray::number(slot)}, this,
            [this, master, slot, from, to, pending, error](Result<RedisReply> reply) {
                if (m_stopped)
                    return;
                if (reply && reply.value().isInteger())
                    m_heat.keys[slot] = reply.value().integerValue();
                else if (error->isEmpty())
                    *error = reply ? reply.value().toDisplayString() : reply.error().message();
                if (--*pending > 0)
                    return;
                if (!error->isEmpty())
                    return masterDone(master, *error);
                m_counted += to - from;
                setProgress(m_counted, m_owned);
                countBatch(master, to);
            },
            0, m_channel);
    }
}

void SlotHeatJob::masterDone(int master, const QString &error)
{
    m_heat.nodes[master].error = error;
    for (int slot : std::as_const(m_slots[master]))
        m_heat.nodes[master].keys += std::max<qint64>(0, m_heat.keys[slot]);
    if (--m_outstanding > 0)
        return;
    m_stopped = true;
    closeChannels();
    const auto failed = std::count_if(m_heat.nodes.cbegin(), m_heat.nodes.cend(),
                                      [](const HeatNode &n) { return !n.error.isEmpty(); });
    if (failed == m_heat.nodes.size())
        return fail(ErrorCode::ConnectionFailed,
                    tr("No master's slots could be counted: %1").arg(m_heat.nodes.constFirst().error));
    succeed();
}

void SlotHeatJob::closeChannels()
{
    if (!m_pool)
        return;
    for (const HeatMaster &master : std::as_const(m_masters))
        m_pool->closeChannel(master.node.address, m_channel);
}

} // namespace rcs::observe
