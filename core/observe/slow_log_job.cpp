#include "slow_log_job.h"

#include "redis/redis_pool.h"
#include "redis/redis_reply.h"

namespace rcs::observe {

SlowLogJob::SlowLogJob(QList<SampledNode> nodes, RedisPool *pool, QObject *parent)
    : Job(parent)
    , m_nodes(std::move(nodes))
    , m_pool(pool)
{
    setTitle(tr("Reading the slow logs"));
}

SlowLogJob::~SlowLogJob() = default;

void SlowLogJob::doStart()
{
    if (m_nodes.isEmpty())
        return fail(ErrorCode::InvalidInput,
                    tr("There is no node to read: the cluster has no reachable node."));
    if (!m_pool)
        return fail(ErrorCode::Cancelled, tr("The connections were closed before the slow logs were read."));
    setStep(tr("Reading SLOWLOG GET and LATENCY LATEST of every node (%1)").arg(m_nodes.size()));
    m_outstanding = int(m_nodes.size()) * 2;
    const QByteArray count = QByteArray::number(m_entriesPerNode);
    for (const SampledNode &node : std::as_const(m_nodes)) {
        // Both commands on the same connection: the server answers them in order, one round trip.
        m_pool->command(
            node.address, {"SLOWLOG", "GET", count}, this, [this, node](Result<RedisReply> reply) {
                const Result<QList<SlowLogEntry>> entries =
                    reply.ok() ? parseSlowLog(reply.value()) : Result<QList<SlowLogEntry>>(reply.error());
                if (!entries.ok()) {
                    m_unread.append({node, entries.error().message()});
                } else {
                    for (const SlowLogEntry &entry : entries.value())
                        m_rows.append({entry.timeUnix, node.address, node.pod, entry.durationUs,
                                       displayCommand(entry.arguments), false});
                }
                nodeDone();
            });
        m_pool->command(node.address, {"LATENCY", "LATEST"}, this, [this, node](Result<RedisReply> reply) {
            // A node that refuses LATENCY (an ACL user without it) still has its slow log: not an error.
            if (reply.ok()) {
                if (const Result<QList<LatencyEvent>> events = parseLatencyLatest(reply.value())) {
                    for (const LatencyEvent &event : events.value())
                        m_rows.append({event.timeUnix, node.address, node.pod, event.latestMs * 1000,
                                       tr("latency: %1 (max %2 ms)").arg(event.event).arg(event.maxMs),
                                       true});
                }
            }
            nodeDone();
        });
    }
}

void SlowLogJob::nodeDone()
{
    if (--m_outstanding > 0 || isFinished())
        return;
    if (m_unread.size() == m_nodes.size()) {
        return fail(ErrorCode::ConnectionFailed,
                    tr("No node's slow log could be read: %1").arg(m_unread.first().second));
    }
    m_rows = mergeSlowLogRows(std::move(m_rows));
    succeed();
}

} // namespace rcs::observe
