#pragma once

#include "backup/backup_job.h"
#include "common/result.h"
#include "redis/node_address.h"
#include "redis/redis_pool.h"
#include "support/redis_test_nodes.h"

#include <QByteArray>
#include <QList>
#include <QTemporaryDir>

namespace rcs {
class RedisPool;
}

namespace rcs::test {

// The data the backup and restore tests write into a cluster: every type in its small and large
// encodings (integer, compressible, empty, binary and 3 MB strings; small and big lists, sets of
// integers and of strings, hashes, sorted sets with inf; a stream with two groups, pending entries and
// a deleted entry), keys with TTLs (seededTtlKeys), binary and empty key names, and 3000 "bulk:i"
// strings. masters: the cluster's masters (a key goes to the one serving its slot).
Result<void> seedEveryType(RedisPool &pool, const QList<backup::BackupSource> &masters);

// The seeded keys that carry a TTL (of an hour or more).
QList<QByteArray> seededTtlKeys();

// A TLS-only node with a password (servers 6.0+) that serves every slot, as the backup and restore tests
// reach it over TLS; pool carries the password and the client's TLS options.
struct TlsTestNode {
    QTemporaryDir certDir;
    RedisTestNodes node;
    RedisPool pool;
    QString id; // its node id
};
// Starts it and waits (bounded) until its cluster state is ok.
Result<void> startTlsTestNode(TlsTestNode &tls);

} // namespace rcs::test
