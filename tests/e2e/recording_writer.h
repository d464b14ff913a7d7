#pragma once

#include "../integration/cluster_key_client.h"
#include "redis/redis_pool.h"
#include "support/studio_process.h"

#include <QElapsedTimer>
#include <QList>
#include <QStringList>

#include <functional>
#include <memory>
#include <vector>

namespace rcs::test {

// One shard as the slot map showed it when the writer started (the slots of one master), and how its
// writes went: the longest gap is the longest time between two acknowledged writes of the shard (or from
// the start to its first, or from its last to a failed answer after it), failed attempts in between
// counting as part of the gap: how long an application could not write to those keys.
struct ShardWrites {
    QString master;     // the master's address at the start
    QString slotRanges; // "0-5460"
    qint64 longestGapMs = 0;
    int acknowledged = 0;
    int failed = 0;
};

// The longest gap of any of shards (0 without shards).
qint64 longestGapOf(const QList<ShardWrites> &shards);
// Counts one answer of shard at now (ms) and extends its longest gap; lastAcknowledgedAt is when the
// shard's last acknowledged write was answered (the start before the first), moved to now when this
// one is acknowledged.
void recordAnswer(ShardWrites &shard, qint64 &lastAcknowledgedAt, qint64 now, bool acknowledged);

// What an application sees during an upgrade: `lanes` SETs going at once, each answered before the
// lane's next, every key's outcome recorded as it came (no retry hides a -TRYAGAIN, -CLUSTERDOWN or a
// dropped connection: its client is set so).
class RecordingWriter final {
public:
    // Keys "prefix:i" through a client of its own, seeded with seeds, authenticating with credentials
    // (an application's: a password-protected deployment).
    RecordingWriter(const QList<NodeAddress> &seeds, QByteArray prefix,
                    const RedisConnectionOptions &credentials = {});
    ~RecordingWriter();
    // Reads the slot map (bounded) and maps every slot to its shard; before start().
    Result<void> refresh();
    void start(int lanes);
    // The credentials of the read-back (lostWrites): an application given a new password
    // (rotate-password of the default user) reads with it; the writer's open connections keep theirs.
    void setReadCredentials(const RedisConnectionOptions &credentials) { m_readCredentials = credentials; }
    void stop() { m_stopped = true; }
    bool idle() const { return m_pending == 0; }
    const QList<int> &acknowledged() const { return m_acknowledged; }
    const QStringList &failures() const { return m_failures; }
    qint64 longestWriteMs() const { return m_longestMs; }
    // Per shard, by master address at the start (what refresh() read).
    const QList<ShardWrites> &shards() const { return m_shards; }
    // Writes the counts, the longest write, each shard's longest gap and the first failures to the log.
    void report() const;
    // Reads back every acknowledged key through a fresh client seeded with seeds (bounded); the keys
    // that are missing or hold another value, or an error when the slot map could not be read or the
    // reads did not finish in time.
    Result<QStringList> lostWrites(const QList<NodeAddress> &seeds, int timeoutMs = 120000) const;
    // The test's verdict after a run: empty when the writer is idle, wrote more than 100 keys and every
    // acknowledged one reads back; else what went wrong, in a sentence. Reports first (report()).
    QString problemAfterRun(const QList<NodeAddress> &seeds) const;

private:
    void next();

    std::unique_ptr<RedisPool> m_pool;
    std::unique_ptr<ClusterKeyClient> m_client;
    QByteArray m_prefix;
    RedisConnectionOptions m_readCredentials;
    QElapsedTimer m_clock;
    int m_issued = 0;
    int m_pending = 0;
    bool m_stopped = false;
    qint64 m_longestMs = 0;
    QList<int> m_acknowledged;
    QStringList m_failures;
    std::vector<int> m_shardOfSlot; // slot → index in m_shards, -1 when no master served it
    QList<ShardWrites> m_shards;
    QList<qint64> m_lastAcknowledgedAt; // per shard, ms on m_clock
};

// Calls during() (which bounds itself) while writer writes on 4 lanes, from 100 answered writes before
// it to 100 after it, until every write sent is answered (each wait bounded to 30 s).
void runWhileWriting(RecordingWriter &writer, const std::function<void()> &during);
// The same around one run of the studio with args (bounded by timeoutMs).
StudioRun runWhileWriting(RecordingWriter &writer, const QStringList &args, int timeoutMs);

} // namespace rcs::test
