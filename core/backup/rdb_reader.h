#pragma once

#include "common/result.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QList>

#include <optional>

namespace rcs::backup {

// One thing an RDB stream holds, in file order.
struct RdbRecord {
    enum class Kind {
        Aux,       // an AUX field: name = field (redis-ver, redis-bits, ctime, used-mem…), value = its text
        ResizeDb,  // the RESIZEDB hint of the current db: dbSize, expiresSize
        Key,       // a key and its value
        Function,  // a FUNCTION2 record (7.0+): value = the library's source, for FUNCTION LOAD
        ModuleAux, // module auxiliary data (skipped): name = the module type name
        SlotInfo,  // the 7.4+ per-slot sizes hint (skipped): dbSize = slot, expiresSize = its key count
    };
    Kind kind = Kind::Key;
    qint64 offset = 0; // stream offset of the record's first byte (for a key: its type byte)
    int db = 0;        // the SELECTDB in effect
    QByteArray name;   // Key: the key (raw bytes); Aux: the field; ModuleAux: the module name
    quint8 type = 0;   // Key: the RDB value type (see rdb_value.h)
    // Key: the value's RDB encoding, exactly as the file holds it after the key; a DUMP payload is
    // dumpPayload(type, value, version). Aux: the field's value; Function: the library code.
    QByteArray value;
    std::optional<qint64> expireMs; // absolute Unix time in ms (EXPIRETIME and EXPIRETIME_MS)
    std::optional<quint64> lruIdleSeconds;
    std::optional<quint8> lfuFrequency;
    quint64 dbSize = 0;
    quint64 expiresSize = 0;
};

// Reads an RDB byte stream incrementally: feed() chunks as they arrive (a record may straddle chunks),
// takeRecords() what has been read, finish() when the stream ends. Memory is bounded by the largest
// record (refused above maxRecordBytes), not by the file. Reads RDB versions 1 to 12 as far as they use
// the value types of Redis 5.0 to 7.2 and Valkey 8 (tested with RDB 9, 10, 11). After an error every
// call returns that error: the reader stops at the first damaged byte.
class RdbReader final {
public:
    static constexpr qint64 defaultMaxRecordBytes = qint64(1) << 30;

    explicit RdbReader(qint64 maxRecordBytes = defaultMaxRecordBytes);

    // Error (InvalidInput): "RDB record at byte N: why." — damaged, foreign or unsupported content, a
    // failed checksum, bytes after the end. Refused module values name the module.
    Result<void> feed(QByteArrayView chunk);
    // Error (InvalidInput) when the stream ended before the EOF opcode and its checksum ("truncated").
    Result<void> finish();

    QList<RdbRecord> takeRecords();

    int version() const { return m_version; }    // 0 until the header has been read
    bool complete() const { return m_complete; } // the EOF opcode (and checksum) read and verified
    bool checksumPresent() const { return m_storedChecksum != 0; } // 0 in the file = checksum disabled
    qint64 bytesRead() const { return m_consumed; }

private:
    enum class Step { Consumed, NeedMore, Failed };
    Step parseOne();
    Result<void> run();
    Result<void> failure(qint64 at, const QString &why);

    qint64 m_maxRecordBytes;
    QByteArray m_buffer;         // unconsumed bytes: at most the record in progress plus the last chunk
    qsizetype m_start = 0;       // consumed prefix of m_buffer
    qint64 m_consumed = 0;       // stream offset of m_buffer[m_start]
    qsizetype m_nextAttempt = 0; // parse again once this many unconsumed bytes are there
    quint64 m_crc = 0;
    quint64 m_storedChecksum = 0;
    int m_version = 0;
    int m_db = 0;
    bool m_complete = false;
    std::optional<qint64> m_expireMs;
    std::optional<quint64> m_idle;
    std::optional<quint8> m_freq;
    QList<RdbRecord> m_records;
    Error m_error;
};

// The DUMP/RESTORE payload of a key read from an RDB: type byte + value + RDB version (2 bytes LE) +
// CRC-64 of all that (8 bytes LE). RESTORE accepts it on servers whose RDB version is >= rdbVersion.
QByteArray dumpPayload(quint8 type, QByteArrayView value, int rdbVersion);

} // namespace rcs::backup
