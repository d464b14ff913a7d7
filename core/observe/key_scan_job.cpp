#include "key_scan_job.h"

#include "redis/redis_pool.h"
#include "redis/redis_reply.h"

#include <algorithm>

namespace rcs::observe {

KeyScanJob::KeyScanJob(QList<SampledNode> masters, RedisPool *pool, KeyScanOptions options, QObject *parent)
    : Job(parent)
    , m_pool(pool)
    , m_options(options)
    , m_ranking(options.top)
    , m_lanes(masters.size())
    , m_channel(privateChannel())
{
    m_result.mode = options.mode;
    for (const SampledNode &node : masters)
        m_result.nodes.append(NodeScan{node, 0, 0, false, {}, {}});
    setTitle(options.mode == KeyScanMode::BigKeys ? tr("Finding the big keys") : tr("Finding the hot keys"));
    m_deadline.setSingleShot(true);
    connect(&m_deadline, &QTimer::timeout, this, [this] { stop(true); });
}

KeyScanJob::~KeyScanJob() = default;

void KeyScanJob::doStart()
{
    if (m_lanes.empty())
        return fail(ErrorCode::InvalidInput, tr("There is no master to scan: the cluster has no reachable "
                                                "master."));
    if (!m_pool)
        return fail(ErrorCode::Cancelled, tr("The connections were closed before the keys were scanned."));
    if (m_options.count < 1 || m_options.top < 1 || m_options.rate < 1 || m_options.maxSeconds < 1)
        return fail(ErrorCode::InvalidInput, tr("A key scan needs a COUNT, a top, a rate and a time bound of "
                                                "at least 1."));
    setStep(tr("Scanning %1 masters (SCAN COUNT %2, at most %3 calls per second each, %4 s at most)")
                .arg(m_lanes.size())
                .arg(m_options.count)
                .arg(m_options.rate)
                .arg(m_options.maxSeconds));
    m_clock.start();
    m_deadline.start(m_options.maxSeconds * 1000);
    for (int i = 0; i < int(m_lanes.size()); ++i) {
        if (m_options.mode == KeyScanMode::HotKeys)
            readPolicy(i);
        else
            readSize(i);
    }
}

void KeyScanJob::doCancel()
{
    m_stopped = true;
    m_deadline.stop();
    if (m_pool) {
        for (const NodeScan &node : std::as_const(m_result.nodes))
            m_pool->closeChannel(node.node.address, m_channel);
    }
}

void KeyScanJob::readPolicy(int lane)
{
    const NodeAddress address = m_result.nodes.at(lane).node.address;
    m_pool->command(
        address, {"CONFIG", "GET", "maxmemory-policy"}, this,
        [this, lane](Result<RedisReply> reply) {
            if (m_stopped)
                return;
            const Result<QString> policy =
                reply ? parseConfigValue(reply.value(), "maxmemory-policy") : Result<QString>(reply.error());
            if (!policy)
                return laneDone(lane, policy.error().message());
            if (!isLfuPolicy(policy.value())) {
                m_result.nodes[lane].skipped = nonLfuAdvice(policy.value());
                info(QStringLiteral("%1: %2").arg(m_result.nodes.at(lane).node.address.toString(),
                                                  m_result.nodes.at(lane).skipped));
                return laneDone(lane);
            }
            readSize(lane);
        },
        0, m_channel);
}

void KeyScanJob::readSize(int lane)
{
    m_pool->command(
        m_result.nodes.at(lane).node.address, {"DBSIZE"}, this,
        [this, lane](Result<RedisReply> reply) {
            if (m_stopped)
                return;
            if (!reply)
                return laneDone(lane, reply.error().message());
            m_result.nodes[lane].total = reply.value().integerValue();
            reportProgress();
            scanPage(lane);
        },
        0, m_channel);
}

void KeyScanJob::scanPage(int lane)
{
    if (m_stopped)
        return;
    m_lanes[lane].lastScan.start();
    m_pool->command(
        m_result.nodes.at(lane).node.address,
        {"SCAN", m_lanes.at(lane).cursor, "COUNT", QByteArray::number(m_options.count)}, this,
        [this, lane](Result<RedisReply> reply) {
            if (m_stopped)
                return;
            const Result<ScanPage> page =
                reply ? parseScanReply(reply.value()) : Result<ScanPage>(reply.error());
            if (!page)
                return laneDone(lane, page.error().message());
            m_lanes[lane].cursor = page.value().cursor;
            if (page.value().keys.isEmpty())
                return pageDone(lane);
            measure(lane, page.value().keys);
        },
        0, m_channel);
}

void KeyScanJob::measure(int lane, const QList<QByteArray> &keys)
{
    Lane &l = m_lanes[lane];
    const SampledNode node = m_result.nodes.at(lane).node;
    l.batch.clear();
    l.pending = int(keys.size()) * 2;
    for (const QByteArray &key : keys)
        l.batch.append(RankedKey{key, node, {}, -1});
    // Sent one after another without waiting: the server answers them in order, one round trip a page.
    for (int k = 0; k < int(keys.size()); ++k) {
        const auto done = [this, lane, k](bool isType, Result<RedisReply> reply) {
            if (m_stopped)
                return;
            RankedKey &key = m_lanes[lane].batch[k];
            // A key deleted since SCAN listed it answers nil (or an error): it is left out.
            if (reply && isType)
                key.type = reply.value().text();
            else if (reply && reply.value().isInteger())
                key.value = reply.value().integerValue();
            if (--m_lanes[lane].pending == 0)
                pageDone(lane);
        };
        m_pool->command(
            node.address, {"TYPE", keys.at(k)}, this,
            [done](Result<RedisReply> reply) { done(true, std::move(reply)); }, 0, m_channel);
        const QList<QByteArray> argv = m_options.mode == KeyScanMode::BigKeys
                                           ? QList<QByteArray>{"MEMORY", "USAGE", keys.at(k)}
                                           : QList<QByteArray>{"OBJECT", "FREQ", keys.at(k)};
        m_pool->command(
            node.address, argv, this, [done](Result<RedisReply> reply) { done(false, std::move(reply)); }, 0,
            m_channel);
    }
}

void KeyScanJob::pageDone(int lane)
{
    Lane &l = m_lanes[lane];
    NodeScan &node = m_result.nodes[lane];
    for (RankedKey &key : l.batch) {
        if (key.value >= 0)
            m_ranking.add(std::move(key));
    }
    node.scanned += l.batch.size();
    l.batch.clear();
    reportProgress();
    if (l.cursor == "0") {
        node.complete = true;
        return laneDone(lane);
    }
    // Pacing: the next SCAN no sooner than 1/rate s after this one started.
    const qint64 wait = std::max<qint64>(0, 1000 / m_options.rate - l.lastScan.elapsed());
    QTimer::singleShot(int(wait), this, [this, lane] { scanPage(lane); });
}

void KeyScanJob::laneDone(int lane, const QString &error)
{
    if (m_lanes[lane].finished)
        return;
    m_lanes[lane].finished = true;
    m_result.nodes[lane].error = error;
    if (std::all_of(m_lanes.begin(), m_lanes.end(), [](const Lane &l) { return l.finished; }))
        stop(false);
}

void KeyScanJob::stop(bool partial)
{
    if (m_stopped)
        return;
    m_stopped = true;
    m_deadline.stop();
    m_result.partial = partial;
    m_result.keys = m_ranking.keys();
    m_result.elapsedMs = m_clock.elapsed();
    if (m_pool) {
        for (const NodeScan &node : std::as_const(m_result.nodes))
            m_pool->closeChannel(node.node.address, m_channel);
    }
    const auto failed = std::count_if(m_result.nodes.cbegin(), m_result.nodes.cend(),
                                      [](const NodeScan &n) { return !n.error.isEmpty(); });
    if (failed == m_result.nodes.size())
        return fail(ErrorCode::ConnectionFailed,
                    tr("No master could be scanned: %1").arg(m_result.nodes.constFirst().error));
    if (partial)
        info(tr("The scan stopped after %1 s (--max-seconds): the result covers the keys scanned so far.")
                 .arg(m_options.maxSeconds));
    succeed();
}

void KeyScanJob::reportProgress()
{
    qint64 scanned = 0;
    qint64 total = 0;
    for (const NodeScan &node : std::as_const(m_result.nodes)) {
        scanned += node.scanned;
        total += std::max(node.total, node.scanned);
    }
    setProgress(scanned, total);
}

} // namespace rcs::observe
