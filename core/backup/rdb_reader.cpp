#include "rdb_reader.h"

#include "backup_text.h"

#include "crc64.h"
#include "rdb_cursor.h"
#include "rdb_value.h"

namespace rcs::backup {

namespace {

enum Opcode : quint8 {
    OpSlotInfo = 244,
    OpFunction2 = 245,
    OpFunctionPreGa = 246,
    OpModuleAux = 247,
    OpIdle = 248,
    OpFreq = 249,
    OpAux = 250,
    OpResizeDb = 251,
    OpExpireTimeMs = 252,
    OpExpireTime = 253,
    OpSelectDb = 254,
    OpEof = 255,
};

constexpr int headerSize = 9; // "REDIS" + 4 digits
constexpr int maxVersion = 12;

// Module auxiliary data is self-describing (opcode-tagged fields up to an EOF opcode), so it can be
// skipped without the module.
void skipModuleData(RdbCursor &c)
{
    while (c.ok()) {
        const quint64 op = c.length();
        switch (op) {
        case 0:
            return; // EOF
        case 1:
        case 2:
            c.length();
            break; // signed / unsigned integer
        case 3:
            c.skip(4);
            break; // float
        case 4:
            c.skip(8);
            break; // double
        case 5:
            c.skipString();
            break;
        default:
            c.fail(tr("unknown module data opcode %1").arg(op));
            return;
        }
    }
}

} // namespace

RdbReader::RdbReader(qint64 maxRecordBytes)
    : m_maxRecordBytes(maxRecordBytes)
{}

Result<void> RdbReader::failure(qint64 at, const QString &why)
{
    m_error = Error(ErrorCode::InvalidInput, tr("RDB record at byte %1: %2.").arg(at).arg(why));
    return m_error;
}

Result<void> RdbReader::feed(QByteArrayView chunk)
{
    if (m_error)
        return m_error;
    if (m_complete && !chunk.isEmpty())
        return failure(m_consumed, tr("%1 bytes follow the end of the RDB data").arg(chunk.size()));
    m_buffer.append(chunk);
    if (m_buffer.size() - m_start < m_nextAttempt)
        return {};
    return run();
}

Result<void> RdbReader::run()
{
    Step step = Step::Consumed;
    while (!m_complete && step == Step::Consumed)
        step = parseOne();
    // Drop the consumed prefix once per feed, not per record: a chunk of many small records costs one move.
    if (m_start > 0) {
        m_buffer.remove(0, m_start);
        m_start = 0;
    }
    if (step == Step::Failed)
        return m_error;
    if (m_complete && !m_buffer.isEmpty())
        return failure(m_consumed, tr("%1 bytes follow the end of the RDB data").arg(m_buffer.size()));
    return {};
}

Result<void> RdbReader::finish()
{
    if (m_error)
        return m_error;
    m_nextAttempt = 0;
    if (auto ran = run(); !ran)
        return ran;
    if (!m_complete)
        return failure(m_consumed, tr("the data is truncated: it ends after %1 bytes, before the end-of-file "
                                      "marker and checksum (an interrupted transfer or a partial file)")
                                       .arg(m_consumed + m_buffer.size()));
    return {};
}

QList<RdbRecord> RdbReader::takeRecords()
{
    return std::exchange(m_records, {});
}

RdbReader::Step RdbReader::parseOne()
{
    const QByteArrayView available = QByteArrayView(m_buffer).sliced(m_start);
    RdbCursor c(available, m_consumed, m_maxRecordBytes);
    auto consume = [&] {
        m_crc = crc64(m_crc, available.first(c.pos()));
        m_start += c.pos();
        m_consumed += c.pos();
        m_nextAttempt = 0;
        return Step::Consumed;
    };
    auto fail = [&](const QString &why) {
        failure(m_consumed, why);
        return Step::Failed;
    };
    auto settle = [&]() -> std::optional<Step> {
        if (c.state() == RdbCursor::State::Corrupt)
            return fail(c.errorOffset() == m_consumed
                            ? c.error()
                            : tr("%1 (at byte %2)").arg(c.error()).arg(c.errorOffset()));
        if (c.state() == RdbCursor::State::NeedMore) {
            if (c.needed() > m_maxRecordBytes)
                return fail(tr("the record needs %1 bytes, more than the reader's limit of %2")
                                .arg(c.needed())
                                .arg(m_maxRecordBytes));
            // Wait for what the record needs at least, and for half again as much as we have: re-reading
            // a large record of many small items then costs a bounded multiple of its size.
            m_nextAttempt = qMax(c.needed(), available.size() + available.size() / 2);
            return Step::NeedMore;
        }
        return std::nullopt;
    };

    if (m_version == 0) {
        const QByteArrayView header = c.take(headerSize);
        if (auto s = settle())
            return *s;
        if (!header.startsWith("REDIS"))
            return fail(tr("not an RDB file (it does not start with \"REDIS\")"));
        int version = 0;
        for (char digit : header.sliced(5))
            version = digit >= '0' && digit <= '9' && version >= 0 ? version * 10 + (digit - '0') : -1;
        if (version < 1)
            return fail(tr("not an RDB file (bad version field)"));
        if (version > maxVersion)
            return fail(tr("RDB version %1 is newer than this reader supports (up to %2)")
                            .arg(version)
                            .arg(maxVersion));
        m_version = version;
        return consume();
    }

    const qint64 at = m_consumed;
    const quint8 op = c.u8();
    if (auto s = settle())
        return *s;
    RdbRecord record;
    record.offset = at;
    record.db = m_db;
    switch (op) {
    case OpEof: {
        const qsizetype eofEnd = c.pos();
        const quint64 stored = m_version >= 5 ? c.littleEndian(8) : 0;
        if (auto s = settle())
            return *s;
        const quint64 computed = crc64(m_crc, available.first(eofEnd));
        if (stored != 0 && stored != computed)
            return fail(tr("the checksum does not match (stored %1, computed %2): the data is damaged")
                            .arg(stored, 16, 16, QLatin1Char('0'))
                            .arg(computed, 16, 16, QLatin1Char('0')));
        m_storedChecksum = stored;
        m_start += c.pos();
        m_consumed += c.pos();
        m_complete = true;
        return Step::Consumed;
    }
    case OpSelectDb: {
        const quint64 db = c.length();
        if (auto s = settle())
            return *s;
        if (db > 0xffff)
            return fail(tr("database number %1 is out of range").arg(db));
        m_db = int(db);
        return consume();
    }
    case OpExpireTime:
    case OpExpireTimeMs: {
        const qint64 when = op == OpExpireTime ? qint64(c.littleEndian(4)) * 1000 : qint64(c.littleEndian(8));
        if (auto s = settle())
            return *s;
        m_expireMs = when;
        return consume();
    }
    case OpIdle: {
        const quint64 idle = c.length();
        if (auto s = settle())
            return *s;
        m_idle = idle;
        return consume();
    }
    case OpFreq: {
        const quint8 freq = c.u8();
        if (auto s = settle())
            return *s;
        m_freq = freq;
        return consume();
    }
    case OpAux:
        record.kind = RdbRecord::Kind::Aux;
        record.name = c.string();
        record.value = c.string();
        break;
    case OpResizeDb:
    case OpSlotInfo:
        record.kind = op == OpResizeDb ? RdbRecord::Kind::ResizeDb : RdbRecord::Kind::SlotInfo;
        record.dbSize = c.length();
        record.expiresSize = c.length();
        if (op == OpSlotInfo)
            c.length(); // the slot's keys with a TTL
        break;
    case OpFunction2:
        record.kind = RdbRecord::Kind::Function;
        record.value = c.string();
        break;
    case OpFunctionPreGa:
        return fail(
            tr("a function record of a Redis 7.0 release candidate, which this reader does not read"));
    case OpModuleAux: {
        record.kind = RdbRecord::Kind::ModuleAux;
        const quint64 id = c.length();
        record.name = moduleNameFromId(id).toLatin1();
        const quint64 whenOpcode = c.length();
        c.length(); // when (before or after the keyspace)
        if (c.ok() && whenOpcode != 2)
            c.fail(tr("module data of \"%1\" in an unknown layout").arg(QString::fromLatin1(record.name)));
        skipModuleData(c);
        break;
    }
    default: {
        if (!isKnownValueType(op))
            return fail(
                tr("unknown value type %1 (the file is damaged or written by a newer server)").arg(op));
        record.kind = RdbRecord::Kind::Key;
        record.type = op;
        record.name = c.string();
        const qsizetype valueStart = c.pos();
        readValue(c, op, nullptr);
        if (c.ok()) {
            record.value = available.sliced(valueStart, c.pos() - valueStart).toByteArray();
            record.expireMs = std::exchange(m_expireMs, std::nullopt);
            record.lruIdleSeconds = std::exchange(m_idle, std::nullopt);
            record.lfuFrequency = std::exchange(m_freq, std::nullopt);
        }
        break;
    }
    }
    if (auto s = settle())
        return *s;
    m_records.append(std::move(record));
    return consume();
}

QByteArray dumpPayload(quint8 type, QByteArrayView value, int rdbVersion)
{
    QByteArray payload;
    payload.reserve(1 + value.size() + 10);
    payload.append(char(type));
    payload.append(value);
    payload.append(char(rdbVersion & 0xff));
    payload.append(char((rdbVersion >> 8) & 0xff));
    quint64 crc = crc64(0, payload);
    for (int i = 0; i < 8; ++i, crc >>= 8)
        payload.append(char(crc & 0xff));
    return payload;
}

} // namespace rcs::backup
