#pragma once

#include "backup/backup_job.h"
#include "backup/rdb_logical.h"
#include "backup/slot_digest.h"
#include "common/job.h"
#include "redis/redis_reply.h"

#include <QList>
#include <QMap>

#include <optional>

namespace rcs {
class RedisPool;
}

namespace rcs::backup {

// The logical value of a key from the live replies rdb_logical.h lists, so that a cluster's data can be
// digested exactly like a backup's RDB records (SlotDigests): what a restore verifies its result with.
// type is TYPE's answer; contents the reply of GET, LRANGE 0 -1, SMEMBERS, HGETALL or
// ZRANGE 0 -1 WITHSCORES. Errors (Protocol) say what reply did not have the expected shape.
Result<LogicalValue> liveValue(QByteArrayView type, const RedisReply &contents);

// A stream from XRANGE key - +, XINFO STREAM key, XINFO GROUPS key, and per group (in the order XINFO
// GROUPS listed them) XPENDING key group - + <n> and XINFO CONSUMERS key group.
Result<LogicalValue> liveStream(const RedisReply &range, const RedisReply &info, const RedisReply &groups,
                                const QList<RedisReply> &pendingPerGroup,
                                const QList<RedisReply> &consumersPerGroup);

// The commands that read a stream group's pending entries and consumers (XPENDING, XINFO CONSUMERS).
QList<QByteArray> streamPendingCommand(const QByteArray &key, const QByteArray &group);

// Reads every key of the given masters (SCAN, TYPE and the reads above, pipelined per SCAN batch) and
// digests them per slot. The digests are of the live data at the time each key is read: compare them
// with a backup's only while nothing writes.
class LiveDigestJob final : public Job {
    Q_OBJECT
public:
    LiveDigestJob(RedisPool *pool, QList<BackupSource> masters, QObject *parent = nullptr);

    // slot → hex digest over all masters; keyCount() the keys read.
    QMap<int, QByteArray> digests() const { return m_digests.digests(); }
    qint64 keyCount() const { return m_digests.keyCount(); }

protected:
    void doStart() override;

private:
    void scan();
    void readKey(const QByteArray &key);
    void readStream(const QByteArray &key);
    // key is nullopt for a slot that holds no key: a vanished key, or a SCAN batch's own completion.
    void keyDone(const std::optional<QByteArray> &key, Result<LogicalValue> value);

    RedisPool *m_pool;
    QList<BackupSource> m_masters;
    int m_current = 0;
    QByteArray m_cursor = "0";
    int m_outstanding = 0;
    bool m_scanDone = false;
    SlotDigests m_digests;
};

} // namespace rcs::backup
