#pragma once

#include "backup/backup_archive.h"
#include "backup/backup_job.h"

#include <QJsonObject>
#include <QString>

namespace rcs::ops {

// `backup --json`: {"path", "bytes", "keys", "time", "shards": [{"member", "address", "node_id",
// "server", "slots", "rdb_bytes", "keys"}]}.
QJsonObject backupToJson(const backup::BackupResult &result);
// One line per master (member, address, server, slots, RDB size, keys), then the file and its size.
QString backupToText(const backup::BackupResult &result);
// "Backed up 3 masters, 12000 keys, to FILE (N bytes)."
QString backupSummary(const backup::BackupResult &result);

// `backup verify --json`: {"path", "ok": true, "bytes", "keys", "time", "tool_version", "shards": […]
// as above}; the text form: "FILE is a complete backup: …" then the shards.
QJsonObject verifiedToJson(const QString &path, const backup::VerifiedArchive &archive);
QString verifiedToText(const QString &path, const backup::VerifiedArchive &archive);

} // namespace rcs::ops
