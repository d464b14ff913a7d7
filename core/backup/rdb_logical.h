#pragma once

#include "common/result.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QList>
#include <QString>

class QCryptographicHash;

namespace rcs::backup {

// The logical content of one value, the same whatever encoding or server version wrote it.
enum class LogicalType { String, List, Set, SortedSet, Hash, Stream };

struct StreamId {
    quint64 ms = 0;
    quint64 seq = 0;
    friend bool operator==(const StreamId &a, const StreamId &b) { return a.ms == b.ms && a.seq == b.seq; }
    friend bool operator<(const StreamId &a, const StreamId &b)
    {
        return a.ms != b.ms ? a.ms < b.ms : a.seq < b.seq;
    }
    QByteArray text() const; // "ms-seq", as XADD/XRANGE print it
};

struct StreamEntry {
    StreamId id;
    QList<QByteArray> fieldsAndValues; // field, value, field, value… in the order written
};

struct StreamPending {
    StreamId id;
    QByteArray consumer;
    quint64 deliveryCount = 0;
    qint64 deliveryTimeMs = 0; // not logical (XPENDING shows idle time): kept out of the canonical form
};

struct StreamGroup {
    QByteArray name;
    StreamId lastDelivered;
    QList<StreamPending> pending; // sorted by id
    QList<QByteArray> consumers;  // names, in the order written
};

struct StreamValue {
    QList<StreamEntry> entries; // deleted entries left out, in id order
    StreamId lastId;            // last generated id (XINFO STREAM last-generated-id)
    QList<StreamGroup> groups;
};

struct LogicalValue {
    LogicalType type = LogicalType::String;
    QByteArray string;       // String
    QList<QByteArray> items; // List, Set: the elements; Hash: field, value, field, value…; SortedSet: members
    QList<double> scores;    // SortedSet: one per member of items
    StreamValue stream;      // Stream
};

// The name TYPE prints: string, list, set, zset, hash, stream.
QByteArray logicalTypeName(LogicalType type);

// Decodes a record's value (RdbRecord::type and RdbRecord::value) into its logical content. Bounded:
// maxString caps every decoded string and blob. Error (InvalidInput) on a damaged value, naming it.
Result<LogicalValue> decodeValue(quint8 rdbType, QByteArrayView raw, qint64 maxString = qint64(1) << 30);

// A score as the canonical form writes it: the shortest text that reads back as the same double
// (std::to_chars, e.g. "1", "2.5", "-0.1", "1e+20"), "inf" and "-inf" for the infinities, "nan".
QByteArray canonicalScore(double score);

// The canonical form of one key (what the per-slot digests of a backup are computed over), fed to
// hash. It is written in RESP-like tokens: a bulk is "$<byte length>\n<bytes>\n", a count is
// "*<n>\n". For a key:
//   bulk(key) bulk(type name) then, by type:
//   string : bulk(bytes)
//   list   : count(n) bulk(element)… in list order
//   set    : count(n) bulk(member)… sorted by bytes (memcmp order, a prefix first)
//   hash   : count(n) then bulk(field) bulk(value)… sorted by field bytes
//   zset   : count(n) then bulk(member) bulk(canonicalScore)… sorted by member bytes
//   stream : count(entries) then per entry in id order: bulk("ms-seq") count(2k) bulk(field) bulk(value)…
//            in the entry's order; then bulk(last generated id "ms-seq"); then count(groups) and per group
//            sorted by name: bulk(name) bulk(last delivered id) count(pending) then per pending entry in
//            id order: bulk(id) bulk(consumer) bulk(delivery count as decimal); then count(consumers)
//            bulk(consumer name)… sorted by name.
// Not included, because they are not the same across versions or not stable in time: the TTL (the
// caller compares it separately, within a tolerance), encodings, stream first id / max deleted id /
// entries added / entries read, delivery and seen times, LRU/LFU. Live replies give the same form:
// GET; LRANGE; SMEMBERS; HGETALL; ZRANGE WITHSCORES (each score parsed as a double and written with
// canonicalScore); XRANGE, XINFO STREAM last-generated-id, XINFO GROUPS, XPENDING key group - + n,
// XINFO CONSUMERS.
void addCanonical(QCryptographicHash &hash, QByteArrayView key, const LogicalValue &value);
// The same bytes as one array (tests, debugging; avoid for large values).
QByteArray canonicalForm(QByteArrayView key, const LogicalValue &value);

} // namespace rcs::backup
