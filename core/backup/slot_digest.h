#pragma once

#include "backup/rdb_logical.h"
#include "backup/rdb_reader.h"
#include "common/result.h"

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QMap>

namespace rcs {
class SlotSet;
}

namespace rcs::backup {

// The per-slot digests of a backup's manifest. A slot's digest is the SHA-256 (hex) over the SHA-256 of
// each of its keys' canonical form (addCanonical, rdb_logical.h), taken in key byte order: hashing the
// per-key hashes keeps memory at a key and 32 bytes each whatever the values' sizes, and the digest
// still changes with any key, value or type. The backup computes it from the RDB, verify recomputes it,
// and a restore (or a test) computes it from the live values (live_digest.h).
class SlotDigests final {
public:
    // key is kept (shared, not copied).
    void add(const QByteArray &key, const LogicalValue &value);
    qint64 keyCount() const { return m_keys; }
    // slot → hex digest, only slots that hold keys.
    QMap<int, QByteArray> digests() const;

private:
    QHash<int, QList<std::pair<QByteArray, QByteArray>>> m_bySlot; // slot → (key, key hash)
    qint64 m_keys = 0;
};

// Adds the key records among records to digests. owned (may be null) is the slots the shard served: a
// key of another slot is an error. Errors (InvalidInput) name the key and member: a value that does not
// decode, a key outside the owned slots, a key of a database other than 0 (a cluster has only db 0).
Result<void> addRecords(const QList<RdbRecord> &records, SlotDigests &digests, const SlotSet *owned,
                        const QString &member);

} // namespace rcs::backup
