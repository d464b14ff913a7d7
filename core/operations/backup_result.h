#pragma once

#include "backup/backup_archive.h"
#include "backup/backup_job.h"
#include "backup/restore_job.h"

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

// `restore --json`: {"path", "backup_time", "backup_keys", "restored", "expired", "existing",
// "existing_sample": [keys, redis-cli quoted], "functions_loaded", "functions_existing",
// "functions_skipped", "seconds" (all of it), "send_seconds" (after the verification),
// "keys_per_second" (restored / seconds), "masters": [{"address", "server", "keys"}]}.
QJsonObject restoreToJson(const backup::RestoreResult &result);
// One line per target master (address, server, keys restored), the existing keys when there were
// any, then the summary.
QString restoreToText(const backup::RestoreResult &result);
// "Restored 12000 keys of FILE into 3 masters in 1.2 s; 3 skipped (expired), 2 existing left as they were."
QString restoreSummary(const backup::RestoreResult &result);

} // namespace rcs::ops
