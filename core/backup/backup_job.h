#pragma once

#include "backup/backup_archive.h"
#include "backup/backup_manifest.h"
#include "backup/slot_digest.h"
#include "common/job.h"
#include "redis/node_address.h"
#include "redis/slot_set.h"

#include <QList>
#include <QPointer>

#include <memory>

namespace rcs {
class ClusterTopology;
class RedisPool;
} // namespace rcs

namespace rcs::backup {

class ReplicationStream;

// A master to back up: where it is (its cluster address; the pool routes it), who it is, what it serves.
struct BackupSource {
    NodeAddress address;
    QString nodeId;
    SlotSet slotSet;
    QString server; // "redis 6.2.16"; empty: asked with INFO server before its RDB is read
};

struct BackupResult {
    QString path;
    qint64 bytes = 0; // the archive's size
    BackupManifest manifest;
};

// The masters of a topology that serve slots, in the topology's order. Errors (Refused) when a master
// that serves slots is unreachable or failing, or when some slots are served by nobody: such a backup
// would miss data without saying so.
Result<QList<BackupSource>> backupSources(const ClusterTopology &topology);
// The masters of a cluster to restore into (restore_job.h), by the same rules, said for a restore.
Result<QList<BackupSource>> restoreTargets(const ClusterTopology &topology);

// Streams each master's RDB (ReplicationStream, one master at a time: a tar's members follow each
// other) into a BackupArchiveWriter, computes the per-slot digests from the records as they arrive,
// and ends with manifest.json and the rename. Progress is in bytes over all masters (the total is not
// known before every master announced its size). Cancel, or any error, removes the .partial file.
class BackupJob final : public Job {
    Q_OBJECT
public:
    BackupJob(RedisPool *pool, QList<BackupSource> sources, QString path, bool overwrite,
              QObject *parent = nullptr);
    ~BackupJob() override;

    // ReplicationStream's idle bound per master.
    void setIdleTimeoutMs(int ms) { m_idleTimeoutMs = ms; }

    const BackupResult &result() const { return m_result; }

protected:
    void doStart() override;
    void doCancel() override;

private:
    void nextShard();
    void readShard(const QString &server);
    void shardRead(ReplicationStream *stream);
    void writeManifest();
    void stop(const Error &error);

    RedisPool *m_pool;
    QList<BackupSource> m_sources;
    QString m_path;
    bool m_overwrite;
    int m_idleTimeoutMs;
    std::unique_ptr<BackupArchiveWriter> m_writer;
    int m_current = -1;
    SlotDigests m_digests;
    qint64 m_doneBytes = 0; // RDB bytes of the masters already read
    BackupResult m_result;
};

} // namespace rcs::backup
