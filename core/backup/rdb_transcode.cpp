#include "rdb_transcode.h"

#include "backup_text.h"
#include "crc64.h"
#include "rdb_cursor.h"
#include "rdb_logical.h"
#include "rdb_reader.h"
#include "rdb_value.h"
#include "rdb_writer.h"

#include "redis/server_identity.h"

namespace rcs::backup {

namespace {

// What a message calls a type: its name in rdb.h, lower case.
QString typeName(quint8 type)
{
    switch (type) {
    case RdbString:
        return QStringLiteral("string");
    case RdbList:
        return QStringLiteral("list");
    case RdbSet:
        return QStringLiteral("set");
    case RdbZset:
        return QStringLiteral("zset");
    case RdbHash:
        return QStringLiteral("hash");
    case RdbZset2:
        return QStringLiteral("zset2");
    case RdbModule:
    case RdbModule2:
        return QStringLiteral("module");
    case RdbHashZipmap:
        return QStringLiteral("hash zipmap");
    case RdbListZiplist:
        return QStringLiteral("list ziplist");
    case RdbSetIntset:
        return QStringLiteral("set intset");
    case RdbZsetZiplist:
        return QStringLiteral("zset ziplist");
    case RdbHashZiplist:
        return QStringLiteral("hash ziplist");
    case RdbListQuicklist:
        return QStringLiteral("list quicklist");
    case RdbStreamListpacks:
        return QStringLiteral("stream listpacks");
    case RdbHashListpack:
        return QStringLiteral("hash listpack");
    case RdbZsetListpack:
        return QStringLiteral("zset listpack");
    case RdbListQuicklist2:
        return QStringLiteral("list quicklist 2");
    case RdbStreamListpacks2:
        return QStringLiteral("stream listpacks 2");
    case RdbSetListpack:
        return QStringLiteral("set listpack");
    case RdbStreamListpacks3:
        return QStringLiteral("stream listpacks 3");
    default:
        return QStringLiteral("unknown");
    }
}

QString cannot(quint8 type, int target, const QString &why)
{
    return Text::tr("A value of RDB type %1 (%2) cannot be restored into a server of RDB version %3: %4.")
        .arg(type)
        .arg(typeName(type))
        .arg(target)
        .arg(why);
}

// Copies a stream value to a lower stream type: the bytes are walked as rdb_value.cpp reads them and
// copied as they are, except the metadata fields the lower type does not have. keep() copies what was
// walked since the last keep() or drop(); drop() forgets it.
class StreamDowngrade final {
public:
    StreamDowngrade(QByteArrayView value, quint8 from, quint8 to)
        : m_c(value, 0, qint64(1) << 30)
        , m_from(from)
        , m_to(to)
    {}

    QByteArray run(QString *why)
    {
        const quint64 nodes = m_c.count(2);
        for (quint64 n = 0; n < nodes && m_c.ok(); ++n) {
            m_c.skipString(); // node key
            m_c.skipString(); // listpack
        }
        m_c.length();                     // number of entries
        lengths(2);                       // last id
        optional(RdbStreamListpacks2, 5); // first id, max deleted id, entries added
        const quint64 groups = m_c.count(3);
        for (quint64 g = 0; g < groups && m_c.ok(); ++g) {
            m_c.skipString();                 // name
            lengths(2);                       // last delivered id
            optional(RdbStreamListpacks2, 1); // entries read
            const quint64 pending = m_c.count(16 + 8 + 1);
            for (quint64 p = 0; p < pending && m_c.ok(); ++p) {
                m_c.skip(16 + 8); // raw id, delivery time
                m_c.length();     // delivery count
            }
            const quint64 consumers = m_c.count(1 + 8 + 1);
            for (quint64 k = 0; k < consumers && m_c.ok(); ++k) {
                m_c.skipString(); // name
                m_c.skip(8);      // seen time
                if (m_from >= RdbStreamListpacks3) {
                    keep();
                    m_c.skip(8); // active time
                    if (m_to < RdbStreamListpacks3)
                        drop();
                }
                const quint64 owned = m_c.count(16);
                for (quint64 p = 0; p < owned && m_c.ok(); ++p)
                    m_c.skip(16);
            }
        }
        keep();
        if (!m_c.ok()) {
            *why = m_c.state() == RdbCursor::State::Corrupt ? m_c.error() : Text::tr("the value is cut off");
            return {};
        }
        if (m_c.pos() != m_c.data().size()) {
            *why = Text::tr("the value has %1 bytes after its end").arg(m_c.data().size() - m_c.pos());
            return {};
        }
        return m_out;
    }

private:
    void lengths(int n)
    {
        for (int i = 0; i < n; ++i)
            m_c.length();
    }
    // n lengths that exist from stream type since on: copied when the target type has them too.
    void optional(quint8 since, int n)
    {
        if (m_from < since)
            return;
        keep();
        lengths(n);
        if (m_to < since)
            drop();
    }
    void keep()
    {
        if (m_c.ok())
            m_out.append(m_c.data().sliced(m_mark, m_c.pos() - m_mark));
        m_mark = m_c.pos();
    }
    void drop() { m_mark = m_c.pos(); }

    RdbCursor m_c;
    quint8 m_from;
    quint8 m_to;
    qsizetype m_mark = 0;
    QByteArray m_out;
};

// The plain encoding of a list, set, hash or sorted set; its type in *type.
QByteArray plainValue(const LogicalValue &value, quint8 *type)
{
    QByteArray out;
    switch (value.type) {
    case LogicalType::List:
    case LogicalType::Set:
        *type = value.type == LogicalType::List ? RdbList : RdbSet;
        appendRdbLength(out, quint64(value.items.size()));
        for (const QByteArray &item : value.items)
            appendRdbString(out, item);
        break;
    case LogicalType::Hash:
        *type = RdbHash;
        appendRdbLength(out, quint64(value.items.size() / 2));
        for (const QByteArray &item : value.items)
            appendRdbString(out, item);
        break;
    case LogicalType::SortedSet:
        *type = RdbZset2;
        appendRdbLength(out, quint64(value.items.size()));
        for (qsizetype i = 0; i < value.items.size(); ++i) {
            appendRdbString(out, value.items[i]);
            appendRdbBinaryDouble(out, value.scores.value(i));
        }
        break;
    case LogicalType::String:
        *type = RdbString;
        appendRdbString(out, value.string);
        break;
    case LogicalType::Stream: // streams are downgraded, never rebuilt
        break;
    }
    return out;
}

} // namespace

int minimumRdbVersion(quint8 type)
{
    switch (type) {
    case RdbString:
    case RdbList:
    case RdbSet:
    case RdbZset:
    case RdbHash:
        return 1;
    case RdbHashZipmap:
        return 2;
    case RdbListZiplist:
    case RdbSetIntset:
    case RdbZsetZiplist:
    case RdbHashZiplist:
        return 4;
    case RdbListQuicklist:
        return 7;
    case RdbZset2:
    case RdbModule:
    case RdbModule2:
        return 8;
    case RdbStreamListpacks:
        return 9;
    case RdbHashListpack:
    case RdbZsetListpack:
    case RdbListQuicklist2:
    case RdbStreamListpacks2:
        return 10;
    case RdbSetListpack:
    case RdbStreamListpacks3:
        return 11;
    default:
        return 0;
    }
}

bool rdbVersionReads(int rdbVersion, quint8 type)
{
    const int minimum = minimumRdbVersion(type);
    return minimum > 0 && rdbVersion >= minimum;
}

int rdbVersionOf(const ServerIdentity &server)
{
    const QVersionNumber &v = server.redisVersion;
    if (v >= QVersionNumber(7, 4))
        return 12;
    if (v >= QVersionNumber(7, 2))
        return 11;
    if (v >= QVersionNumber(7))
        return 10;
    if (v >= QVersionNumber(5))
        return 9;
    if (v >= QVersionNumber(4))
        return 8;
    return v >= QVersionNumber(3, 2) ? 7 : 6;
}

QByteArray restorePayload(const RdbRecord &record, int targetRdbVersion, QString *error)
{
    QString ignored;
    if (!error)
        error = &ignored;
    error->clear();
    const quint8 type = record.type;
    if (type == RdbModule || type == RdbModule2) {
        *error = cannot(type, targetRdbVersion, Text::tr("module values are not restored"));
        return {};
    }
    if (rdbVersionReads(targetRdbVersion, type))
        return dumpPayload(type, record.value, targetRdbVersion);
    if (!isKnownValueType(type)) {
        *error = cannot(type, targetRdbVersion, Text::tr("the type is unknown"));
        return {};
    }
    if (type == RdbStreamListpacks || type == RdbStreamListpacks2 || type == RdbStreamListpacks3) {
        const quint8 to = targetRdbVersion >= 10 ? RdbStreamListpacks2 : RdbStreamListpacks;
        if (!rdbVersionReads(targetRdbVersion, to)) {
            *error = cannot(type, targetRdbVersion, Text::tr("streams need RDB 9 (Redis 5.0) or newer"));
            return {};
        }
        // The listpacks are copied unread: a damaged one is refused here rather than by (or, on servers
        // without sanitize-dump-payload, inside) the target.
        if (const Result<LogicalValue> decoded = decodeValue(type, record.value); !decoded) {
            *error = decoded.error().message();
            return {};
        }
        QString why;
        const QByteArray value = StreamDowngrade(record.value, type, to).run(&why);
        if (!why.isEmpty()) {
            *error = cannot(type, targetRdbVersion, why);
            return {};
        }
        return dumpPayload(to, value, targetRdbVersion);
    }
    const Result<LogicalValue> decoded = decodeValue(type, record.value);
    if (!decoded) {
        *error = decoded.error().message(); // names the type and the damaged byte
        return {};
    }
    quint8 to = RdbString;
    const QByteArray value = plainValue(decoded.value(), &to);
    if (!rdbVersionReads(targetRdbVersion, to)) {
        *error = cannot(type, targetRdbVersion,
                        Text::tr("its plain form, type %1, is newer than the server").arg(to));
        return {};
    }
    return dumpPayload(to, value, targetRdbVersion);
}

Result<DumpPayload> parseDumpPayload(QByteArrayView payload)
{
    constexpr qsizetype trailer = 2 + 8; // RDB version, CRC-64
    if (payload.size() < 1 + trailer)
        return Error(
            ErrorCode::InvalidInput,
            Text::tr("A DUMP payload of %1 bytes is too short to hold a value.").arg(payload.size()));
    const qsizetype crcAt = payload.size() - 8;
    quint64 stored = 0;
    for (int i = 7; i >= 0; --i)
        stored = (stored << 8) | quint8(payload[crcAt + i]);
    if (crc64(0, payload.first(crcAt)) != stored)
        return Error(ErrorCode::InvalidInput, Text::tr("A DUMP payload's CRC-64 does not match its bytes."));
    DumpPayload parsed;
    parsed.type = quint8(payload[0]);
    parsed.value = payload.sliced(1, payload.size() - 1 - trailer).toByteArray();
    parsed.rdbVersion = quint8(payload[crcAt - 2]) | (quint8(payload[crcAt - 1]) << 8);
    return parsed;
}

} // namespace rcs::backup
