#include "rdb_value.h"

#include "backup_text.h"

#include "rdb_containers.h"
#include "rdb_cursor.h"
#include "rdb_logical.h"

namespace rcs::backup {

namespace {

constexpr qint64 streamItemDeleted = 1;
constexpr qint64 streamItemSameFields = 2;

// Parses a compact blob into elements; a parser failure becomes the cursor's Corrupt state.
using BlobParser = bool (*)(QByteArrayView, QList<QByteArray> *, QString *);

bool parseBlob(RdbCursor &c, BlobParser parser, QList<QByteArray> *elements)
{
    const QByteArray blob = c.string();
    if (!c.ok())
        return false;
    QString why;
    if (!parser(blob, elements, &why)) {
        c.fail(why);
        return false;
    }
    return true;
}

void pairsToScores(RdbCursor &c, const QList<QByteArray> &pairs, LogicalValue *out)
{
    if (pairs.size() % 2 != 0)
        return c.fail(tr("a sorted set with a member without a score"));
    for (qsizetype i = 0; i < pairs.size(); i += 2) {
        double score = 0;
        if (!parseRedisDouble(pairs[i + 1], &score))
            return c.fail(tr("a sorted set score that is not a number"));
        out->items.append(pairs[i]);
        out->scores.append(score);
    }
}

// Reads one string; with out, appends it (decoded) to items.
void element(RdbCursor &c, LogicalValue *out)
{
    if (out) {
        QByteArray s = c.string();
        if (c.ok())
            out->items.append(std::move(s));
    } else {
        c.skipString();
    }
}

bool toInt(const QByteArray &text, qint64 *value)
{
    bool ok = false;
    *value = text.toLongLong(&ok);
    return ok;
}

// The entries of one stream node: a listpack of delta-encoded entries after a "master entry" that
// holds the fields most entries share (t_stream.c).
void decodeStreamNode(RdbCursor &c, QByteArrayView nodeKey, const QList<QByteArray> &e, StreamValue *stream)
{
    StreamId base; // the node key: the big-endian id the entries are deltas from
    for (int i = 0; i < 8; ++i) {
        base.ms = (base.ms << 8) | quint8(nodeKey[i]);
        base.seq = (base.seq << 8) | quint8(nodeKey[8 + i]);
    }
    qsizetype i = 0;
    qint64 v = 0;
    auto next = [&](qint64 *out) { return i < e.size() && toInt(e[i++], out); };
    qint64 masterFieldCount = 0;
    if (!next(&v) || !next(&v) || !next(&masterFieldCount) || masterFieldCount < 0 ||
        masterFieldCount > e.size() - i)
        return c.fail(tr("a stream node with a bad master entry"));
    const QList<QByteArray> masterFields = e.mid(i, qsizetype(masterFieldCount));
    i += qsizetype(masterFieldCount);
    if (!next(&v) || v != 0)
        return c.fail(tr("a stream node whose master entry is not terminated"));
    while (i < e.size()) {
        qint64 flags = 0, msDiff = 0, seqDiff = 0;
        if (!next(&flags) || !next(&msDiff) || !next(&seqDiff))
            return c.fail(tr("a stream entry cut off"));
        StreamEntry entry;
        entry.id = StreamId{base.ms + quint64(msDiff), base.seq + quint64(seqDiff)};
        if (flags & streamItemSameFields) {
            if (masterFieldCount > e.size() - i)
                return c.fail(tr("a stream entry cut off"));
            for (qsizetype f = 0; f < masterFieldCount; ++f)
                entry.fieldsAndValues << masterFields[f] << e[i++];
        } else {
            qint64 fields = 0;
            if (!next(&fields) || fields < 0 || fields > (e.size() - i) / 2)
                return c.fail(tr("a stream entry cut off"));
            entry.fieldsAndValues = e.mid(i, qsizetype(fields * 2));
            i += qsizetype(fields * 2);
        }
        if (!next(&v)) // the entry's element count, for walking backwards
            return c.fail(tr("a stream entry cut off"));
        if (!(flags & streamItemDeleted))
            stream->entries.append(std::move(entry));
    }
}

StreamId readStreamId(RdbCursor &c)
{
    StreamId id;
    id.ms = c.length();
    id.seq = c.length();
    return id;
}

StreamId readRawStreamId(RdbCursor &c)
{
    StreamId id;
    id.ms = c.bigEndian(8);
    id.seq = c.bigEndian(8);
    return id;
}

void readStream(RdbCursor &c, quint8 type, LogicalValue *out)
{
    StreamValue *stream = out ? &out->stream : nullptr;
    const quint64 nodes = c.count(2);
    for (quint64 n = 0; n < nodes && c.ok(); ++n) {
        const QByteArray nodeKey = c.string();
        if (c.ok() && nodeKey.size() != 16)
            return c.fail(tr("a stream node key of %1 bytes instead of 16").arg(nodeKey.size()));
        if (!stream) {
            c.skipString();
            continue;
        }
        QList<QByteArray> elements;
        if (parseBlob(c, parseListpack, &elements))
            decodeStreamNode(c, nodeKey, elements, stream);
    }
    c.length(); // number of entries
    const StreamId lastId = readStreamId(c);
    if (stream)
        stream->lastId = lastId;
    if (type >= RdbStreamListpacks2) {
        readStreamId(c); // first id
        readStreamId(c); // max deleted id
        c.length();      // entries added
    }
    const quint64 groups = c.count(3);
    for (quint64 g = 0; g < groups && c.ok(); ++g) {
        StreamGroup group;
        group.name = c.string();
        group.lastDelivered = readStreamId(c);
        if (type >= RdbStreamListpacks2)
            c.length(); // entries read
        const quint64 pending = c.count(16 + 8 + 1);
        for (quint64 p = 0; p < pending && c.ok(); ++p) {
            StreamPending entry;
            entry.id = readRawStreamId(c);
            entry.deliveryTimeMs = qint64(c.littleEndian(8));
            entry.deliveryCount = c.length();
            if (stream)
                group.pending.append(entry);
        }
        const quint64 consumers = c.count(1 + 8 + 1);
        for (quint64 k = 0; k < consumers && c.ok(); ++k) {
            const QByteArray name = c.string();
            c.littleEndian(8); // seen time
            if (type >= RdbStreamListpacks3)
                c.littleEndian(8); // active time
            const quint64 owned = c.count(16);
            for (quint64 p = 0; p < owned && c.ok(); ++p) {
                const StreamId id = readRawStreamId(c);
                if (!stream || !c.ok())
                    continue;
                bool found = false;
                for (StreamPending &entry : group.pending) {
                    if (entry.id == id) {
                        entry.consumer = name;
                        found = true;
                        break;
                    }
                }
                if (!found)
                    return c.fail(
                        tr("a stream consumer owns an entry missing from its group's pending list"));
            }
            if (stream)
                group.consumers.append(name);
        }
        if (stream && c.ok())
            stream->groups.append(std::move(group));
    }
}

} // namespace

bool isKnownValueType(quint8 type)
{
    return type <= RdbStreamListpacks3 && type != 8;
}

QString moduleNameFromId(quint64 moduleId)
{
    static const char charset[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    char name[9];
    quint64 id = moduleId >> 10;
    for (int j = 8; j >= 0; --j) {
        name[j] = charset[id & 63];
        id >>= 6;
    }
    return QString::fromLatin1(name, 9);
}

void readValue(RdbCursor &c, quint8 type, LogicalValue *out)
{
    auto setType = [out](LogicalType t) {
        if (out)
            out->type = t;
    };
    switch (type) {
    case RdbString:
        setType(LogicalType::String);
        if (out)
            out->string = c.string();
        else
            c.skipString();
        return;
    case RdbList:
    case RdbSet: {
        setType(type == RdbList ? LogicalType::List : LogicalType::Set);
        const quint64 n = c.count(1);
        for (quint64 i = 0; i < n && c.ok(); ++i)
            element(c, out);
        return;
    }
    case RdbHash: {
        setType(LogicalType::Hash);
        const quint64 n = c.count(2);
        for (quint64 i = 0; i < n * 2 && c.ok(); ++i)
            element(c, out);
        return;
    }
    case RdbZset:
    case RdbZset2: {
        setType(LogicalType::SortedSet);
        const quint64 n = c.count(2);
        for (quint64 i = 0; i < n && c.ok(); ++i) {
            element(c, out);
            const double score = type == RdbZset ? c.textDouble() : c.binaryDouble();
            if (out && c.ok())
                out->scores.append(score);
        }
        return;
    }
    case RdbHashZipmap:
    case RdbListZiplist:
    case RdbSetIntset:
    case RdbZsetZiplist:
    case RdbHashZiplist:
    case RdbHashListpack:
    case RdbZsetListpack:
    case RdbSetListpack: {
        const bool zset = type == RdbZsetZiplist || type == RdbZsetListpack;
        const bool hash = type == RdbHashZipmap || type == RdbHashZiplist || type == RdbHashListpack;
        setType(zset                     ? LogicalType::SortedSet
                : hash                   ? LogicalType::Hash
                : type == RdbListZiplist ? LogicalType::List
                                         : LogicalType::Set);
        if (!out)
            return c.skipString();
        const BlobParser parser =
            type == RdbHashZipmap                                                          ? parseZipmap
            : type == RdbSetIntset                                                         ? parseIntset
            : (type == RdbListZiplist || type == RdbZsetZiplist || type == RdbHashZiplist) ? parseZiplist
                                                                                           : parseListpack;
        QList<QByteArray> elements;
        if (!parseBlob(c, parser, &elements))
            return;
        if (zset)
            return pairsToScores(c, elements, out);
        if (hash && elements.size() % 2 != 0)
            return c.fail(tr("a hash with a field without a value"));
        out->items = std::move(elements);
        return;
    }
    case RdbListQuicklist:
    case RdbListQuicklist2: {
        setType(LogicalType::List);
        const quint64 nodes = c.count(type == RdbListQuicklist2 ? 2 : 1);
        for (quint64 i = 0; i < nodes && c.ok(); ++i) {
            quint64 container = 2; // 1 = a plain node (one large element), 2 = a packed node
            if (type == RdbListQuicklist2) {
                container = c.length();
                if (c.ok() && container != 1 && container != 2)
                    return c.fail(tr("a list node of unknown kind %1").arg(container));
            }
            if (!out) {
                c.skipString();
            } else if (container == 1) {
                element(c, out);
            } else {
                QList<QByteArray> elements;
                if (parseBlob(c, type == RdbListQuicklist ? parseZiplist : parseListpack, &elements)) {
                    if (elements.isEmpty())
                        return c.fail(tr("an empty list node"));
                    out->items.append(elements);
                }
            }
        }
        return;
    }
    case RdbStreamListpacks:
    case RdbStreamListpacks2:
    case RdbStreamListpacks3:
        setType(LogicalType::Stream);
        return readStream(c, type, out);
    case RdbModule:
    case RdbModule2: {
        const qint64 at = c.offset();
        const quint64 id = c.length();
        if (c.ok())
            c.fail(tr("a value of the module type \"%1\" (module values cannot be read or restored without "
                      "that module; byte %2)")
                       .arg(moduleNameFromId(id))
                       .arg(at));
        return;
    }
    default:
        c.fail(tr("unknown value type %1").arg(type));
    }
}

} // namespace rcs::backup
