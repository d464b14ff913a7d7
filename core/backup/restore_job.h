#pragma once

#include "backup/backup_archive.h"
#include "backup/backup_job.h"
#include "backup/rdb_reader.h"
#include "common/job.h"

#include <QByteArray>
#include <QDateTime>
#include <QElapsedTimer>
#include <QFile>
#include <QList>
#include <QSet>
#include <QVector>

#include <memory>

namespace rcs::backup {

class RestoreLane;

struct RestoreOptions {
    // Into a cluster that holds keys: an existing key is reported and left as it is.
    bool merge = false;
    // RESTORE … REPLACE: an existing key takes the backup's value (implies merge; the front ends ask
    // for a confirmation first).
    bool replace = false;
};

struct RestoreResult {
    struct Master {
        QString address;
        QString server;
        qint64 keys = 0; // restored on it
    };
    QString path;
    QDateTime backupTime;
    qint64 backupKeys = 0; // in the archive
    qint64 restored = 0;
    qint64 expired = 0;  // skipped: their TTL had passed
    qint64 existing = 0; // left as they were (merge without replace)
    QList<QByteArray> existingSample;
    int functionsLoaded = 0;
    int functionsExisting = 0; // libraries the target had already (left as they were)
    int functionsSkipped = 0;  // the target is older than 7.0
    QList<Master> masters;
    double seconds = 0;     // the whole job: verification, checks and sending
    double sendSeconds = 0; // sending the keys, until the last reply
    bool cancelled = false;
};

// Puts a backup archive back into a cluster of any shape. It first verifies the archive completely
// (verifyArchive, on a worker thread: it reads the whole file), so a damaged, truncated or foreign file
// is refused with the reason and nothing is written; then it reads the targets' servers (their RDB
// version decides the payloads, rdb_transcode.h) and, unless merge or replace, refuses a target that
// holds keys. Then it streams each shard's RDB through an RdbReader and sends every key as RESTORE
// key expireMs payload [REPLACE] ABSTTL to the target master that owns its slot (the slot decides, not
// the shard: the target may have another number of masters), over one RestoreLane per master with at
// most window() commands in flight each, so memory stays bounded by the window and the largest value.
// Keys whose TTL has passed are skipped and counted. Functions (7.0+) are loaded on every master.
// Progress is in RDB bytes read over all shards; cancel stops sending (result() says what was written).
class RestoreJob final : public Job {
    Q_OBJECT
public:
    static constexpr int DefaultWindow = 1024;

    RestoreJob(RedisPool *pool, QList<BackupSource> targets, QString path, RestoreOptions options,
               QObject *parent = nullptr);
    ~RestoreJob() override;

    void setWindow(int commands) { m_window = qMax(1, commands); }
    const RestoreResult &result() const { return m_result; }

protected:
    void doStart() override;
    void doCancel() override;

private:
    void verified(const VerifiedArchive &archive);
    void readServers();
    void checkEmpty();
    void beginSending();
    void pump();
    bool readNextChunk();
    void loadFunction(const RdbRecord &record);
    void finishIfDone();
    void collectCounts();
    void stop(const Error &error);

    RedisPool *m_pool;
    QList<BackupSource> m_targets;
    QString m_path;
    RestoreOptions m_options;
    int m_window = DefaultWindow;
    RestoreResult m_result;
    BackupManifest m_manifest;
    int m_targetRdbVersion = 0; // the lowest of the targets': every payload is built once
    bool m_targetHasFunctions = false;
    QList<RestoreLane *> m_lanes;
    QVector<qint16> m_laneOfSlot; // slot → index in m_lanes
    QFile m_file;
    QList<ArchiveMember> m_members; // the shards' members, in the manifest's order
    int m_member = -1;
    qint64 m_memberRead = 0;
    qint64 m_bytesRead = 0;
    qint64 m_bytesTotal = 0;
    std::unique_ptr<RdbReader> m_reader;
    QList<RdbRecord> m_records;
    qsizetype m_next = 0;
    bool m_readingDone = false;
    bool m_inPump = false;
    RestoreLane *m_blockedOn = nullptr; // the lane whose window was full
    QElapsedTimer m_progressShown;
    QSet<QByteArray> m_functionCodes;
    int m_functionsOutstanding = 0;
    QElapsedTimer m_sending;
};

} // namespace rcs::backup
