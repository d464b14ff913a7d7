#pragma once

#include "redis/server_identity.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QString>

namespace rcs::backup {

// The RDB version a server writes and reads (the newest its RESTORE accepts): Redis 5.0 and 6.x 9,
// 7.0 10, 7.2 11, 7.4 and 8.x 12; Valkey 7.2 and 8.x 11 (redis_version 7.2.4). 0 for a server older
// than 5.0, which the studio does not restore into (RESTORE … ABSTTL needs 5.0).
int rdbVersionOf(const ServerIdentity &server);

// Appends the RESP form of RESTORE key ttlMs payload [REPLACE] ABSTTL to out: the restore's hot path
// builds each command's bytes once, straight into the link's output buffer. ttlMs is the absolute
// Unix time in ms the key expires at, 0 for none.
void appendRestoreCommand(QByteArray &out, QByteArrayView key, qint64 ttlMs, QByteArrayView payload,
                          bool replace);

} // namespace rcs::backup
