#include "recording_writer.h"

#include "e2e_support.h"
#include "redis/redis_pool.h"
#include "redis/slot_set.h"

#include <QTest>
#include <QTimer>

#include <memory>

namespace rcs::test {

RecordingWriter::RecordingWriter(const QList<NodeAddress> &seeds, QByteArray prefix,
                                 const RedisConnectionOptions &credentials)
    : m_pool(std::make_unique<RedisPool>())
    , m_client(std::make_unique<ClusterKeyClient>(m_pool.get(), seeds))
    , m_prefix(std::move(prefix))
{
    m_pool->setOptions(credentials);
    m_readCredentials = credentials;
    m_client->setRetryTransientErrors(false);
}

RecordingWriter::~RecordingWriter() = default;

Result<void> RecordingWriter::refresh()
{
    if (const Result<void> refreshed = m_client->refreshBlocking(20000); !refreshed)
        return refreshed;
    QHash<QString, int> indexOf;
    QList<SlotSet> slotsOf;
    m_shards.clear();
    m_shardOfSlot.assign(SlotSet::SlotCount, -1);
    for (int slot = 0; slot < SlotSet::SlotCount; ++slot) {
        const NodeAddress owner = m_client->ownerOf(slot);
        if (owner.host.isEmpty())
            continue;
        const QString master = owner.toString();
        auto it = indexOf.constFind(master);
        if (it == indexOf.cend()) {
            it = indexOf.insert(master, int(m_shards.size()));
            m_shards.append(ShardWrites{master, {}, 0, 0, 0});
            slotsOf.append(SlotSet());
        }
        m_shardOfSlot[size_t(slot)] = *it;
        slotsOf[*it].add(slot);
    }
    for (qsizetype i = 0; i < m_shards.size(); ++i)
        m_shards[i].slotRanges = slotsOf[i].toString();
    return {};
}

qint64 longestGapOf(const QList<ShardWrites> &shards)
{
    qint64 longest = 0;
    for (const ShardWrites &shard : shards)
        longest = qMax(longest, shard.longestGapMs);
    return longest;
}

void RecordingWriter::start(int lanes)
{
    m_clock.start();
    // Every shard's first gap runs from the start.
    m_lastAcknowledgedAt = QList<qint64>(m_shards.size(), 0);
    for (int i = 0; i < lanes; ++i)
        next();
}

void RecordingWriter::next()
{
    if (m_stopped)
        return;
    const int i = m_issued++;
    ++m_pending;
    const qint64 sent = m_clock.elapsed();
    const QByteArray key = m_prefix + ':' + QByteArray::number(i);
    const int shard = m_shardOfSlot.empty() ? -1 : m_shardOfSlot[size_t(keyHashSlot(key))];
    m_client->set(key, "value:" + QByteArray::number(i), [this, i, sent, shard](Result<QByteArray> result) {
        const qint64 now = m_clock.elapsed();
        m_longestMs = qMax(m_longestMs, now - sent);
        if (shard >= 0)
            recordAnswer(m_shards[shard], m_lastAcknowledgedAt[shard], now, result.ok());
        if (result)
            m_acknowledged.append(i);
        else
            m_failures.append(
                QStringLiteral("%1 ms: key %2: %3").arg(now).arg(i).arg(result.error().message()));
        --m_pending;
        // A short pause per lane keeps the key count (and the check after) bounded.
        QTimer::singleShot(2, m_client.get(), [this] { next(); });
    });
}

void recordAnswer(ShardWrites &shard, qint64 &lastAcknowledgedAt, qint64 now, bool acknowledged)
{
    // A failed answer extends the gap that runs since the last acknowledged write; an acknowledged one
    // closes it.
    shard.longestGapMs = qMax(shard.longestGapMs, now - lastAcknowledgedAt);
    if (acknowledged) {
        ++shard.acknowledged;
        lastAcknowledgedAt = now;
    } else {
        ++shard.failed;
    }
}

void RecordingWriter::report() const
{
    qInfo("writes acknowledged: %d, failed: %d, longest write: %lld ms", int(m_acknowledged.size()),
          int(m_failures.size()), m_longestMs);
    for (const ShardWrites &shard : m_shards)
        qInfo("shard %s (master %s at the start): longest write gap %lld ms, %d acknowledged, %d failed",
              qPrintable(shard.slotRanges), qPrintable(shard.master), shard.longestGapMs, shard.acknowledged,
              shard.failed);
    for (const QString &failure : m_failures.mid(0, 10))
        qInfo("failed write: %s", qPrintable(failure));
}

Result<QStringList> RecordingWriter::lostWrites(const QList<NodeAddress> &seeds, int timeoutMs) const
{
    RedisPool pool;
    pool.setOptions(m_readCredentials);
    ClusterKeyClient reader(&pool, seeds);
    if (const Result<void> refreshed = reader.refreshBlocking(20000); !refreshed)
        return refreshed.error();
    auto remaining = std::make_shared<int>(int(m_acknowledged.size()));
    auto lost = std::make_shared<QStringList>();
    for (const int i : m_acknowledged) {
        const QByteArray expected = "value:" + QByteArray::number(i);
        reader.get(m_prefix + ':' + QByteArray::number(i),
                   [remaining, lost, expected, i](Result<QByteArray> value) {
                       if (!value || *value != expected)
                           lost->append(QString::number(i));
                       --*remaining;
                   });
    }
    if (!waitUntil([&] { return *remaining == 0; }, timeoutMs, 50))
        return Error(ErrorCode::Timeout, QStringLiteral("%1 of %2 reads of acknowledged keys did not finish "
                                                        "within %3 s")
                                             .arg(*remaining)
                                             .arg(m_acknowledged.size())
                                             .arg(timeoutMs / 1000));
    return *lost;
}

QString RecordingWriter::problemAfterRun(const QList<NodeAddress> &seeds) const
{
    report();
    if (!idle())
        return QStringLiteral("the writer still waited for answers 30 s after the run");
    // A write that failed was not acknowledged, so it is not lost; every acknowledged one must be there.
    if (m_acknowledged.size() <= 100)
        return QStringLiteral("the writer hardly wrote during the run");
    const Result<QStringList> lost = lostWrites(seeds);
    if (!lost)
        return lost.error().message();
    if (!lost->isEmpty())
        return QStringLiteral("%1 acknowledged writes lost, e.g. keys %2")
            .arg(lost->size())
            .arg(lost->mid(0, 10).join(QLatin1String(", ")));
    return {};
}

void runWhileWriting(RecordingWriter &writer, const std::function<void()> &during)
{
    // Writes are flowing before it starts, and some more are answered after it ends.
    writer.start(4);
    waitUntil([&] { return writer.acknowledged().size() >= 100; }, 30000, 10);
    during();
    const qsizetype atEnd = writer.acknowledged().size();
    waitUntil([&] { return writer.acknowledged().size() >= atEnd + 100; }, 30000, 10);
    writer.stop();
    waitUntil([&] { return writer.idle(); }, 30000, 50);
}

StudioRun runWhileWriting(RecordingWriter &writer, const QStringList &args, int timeoutMs)
{
    StudioRun run;
    runWhileWriting(writer, [&] { run = startStudio(args, timeoutMs)->finish(); });
    return run;
}

} // namespace rcs::test
