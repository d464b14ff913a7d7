#pragma once

#include "common/result.h"

#include <QByteArray>
#include <QString>

namespace rcs {
struct ServerIdentity;
}

namespace rcs::backup {

struct RdbRecord;

// Which value types a server reads, by the RDB version it writes (rdb.h of Redis 2.6 to 7.4 and
// Valkey 8): the version that introduced each type. 0 for a type no version reads (8, unknown types).
int minimumRdbVersion(quint8 type);
bool rdbVersionReads(int rdbVersion, quint8 type);

// The RDB version a server writes (and the highest it reads), from the Redis release whose features it
// has (redisVersion: 7.2.4 on Valkey 7.2 and 8): 3.2 → 7, 4.0 → 8, 5.0 and 6.x → 9, 7.0 → 10, 7.2 → 11,
// 7.4 and later → 12. A newer server that writes a higher version still reads these.
int rdbVersionOf(const ServerIdentity &server);

// The RESTORE payload of a key for a server that writes targetRdbVersion (Redis 5.0 and 6.2: 9, 7.0: 10,
// 7.2 and Valkey 8.0: 11, 7.4: 12). The payload is always tagged with targetRdbVersion: servers only
// refuse versions above their own, and read every older encoding of a type they know. A type the target
// does not know is transcoded:
//   - sets, hashes, sorted sets and lists in a listpack, ziplist, intset, zipmap or quicklist form
//     become the plain types (set 2, hash 4, zset2 5, list 1) that every version reads; the server
//     converts them to its own compact encoding as it loads them;
//   - a stream of type 21 (7.2+) becomes type 19 for RDB 10 (each consumer's active time dropped) and
//     type 15 for RDB 9 (also its first id, max deleted id, entries added and each group's entries
//     read); its listpacks are copied as they are.
// Empty with *error set (one sentence naming the value's type) for a type no transcoding handles or a
// damaged value.
QByteArray restorePayload(const RdbRecord &record, int targetRdbVersion, QString *error);

// A DUMP payload taken apart (the inverse of dumpPayload): what a server's DUMP holds, for checks.
struct DumpPayload {
    quint8 type = 0;
    QByteArray value;
    int rdbVersion = 0;
};
// Error (InvalidInput) when it is shorter than type + version + CRC or its CRC-64 differs.
Result<DumpPayload> parseDumpPayload(QByteArrayView payload);

} // namespace rcs::backup
