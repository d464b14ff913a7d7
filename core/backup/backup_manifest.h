#pragma once

#include "common/result.h"
#include "redis/slot_set.h"

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QMap>
#include <QString>

namespace rcs::backup {

// One master's part of a backup: the archive member shard-<index>.rdb and what it holds.
struct ShardManifest {
    int index = 0;
    QString address; // host:port as the cluster knows the master
    QString nodeId;
    QString server;  // "redis 6.2.16", "valkey 8.0.1" (INFO server)
    SlotSet slotSet; // the slotSet it served when the backup started
    int rdbVersion = 0;
    qint64 rdbBytes = 0;
    QByteArray rdbSha256; // hex
    qint64 keys = 0;
    QMap<int, QByteArray> slotDigests; // slot → hex (slot_digest.h); slots without keys are absent

    QString member() const { return QStringLiteral("shard-%1.rdb").arg(index); }
};

// manifest.json of a backup archive. Key TTLs are not in it: the RDBs hold them.
struct BackupManifest {
    static constexpr int CurrentFormat = 1;
    static constexpr auto MemberName = "manifest.json";

    int format = CurrentFormat;
    QDateTime time; // UTC, when the backup started
    QString toolVersion;
    QList<ShardManifest> shards;

    qint64 keyCount() const;
    QByteArray toJson() const;
    // Errors (InvalidInput) say which field is missing or wrong; a newer format is refused by name.
    static Result<BackupManifest> fromJson(const QByteArray &json);
};

} // namespace rcs::backup
