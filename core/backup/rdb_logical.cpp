#include "rdb_logical.h"

#include "backup_text.h"
#include "rdb_cursor.h"
#include "rdb_value.h"

#include <QCoreApplication>
#include <QCryptographicHash>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <numeric>

namespace rcs::backup {

QByteArray StreamId::text() const
{
    return QByteArray::number(ms) + '-' + QByteArray::number(seq);
}

QByteArray logicalTypeName(LogicalType type)
{
    switch (type) {
    case LogicalType::String:
        return "string";
    case LogicalType::List:
        return "list";
    case LogicalType::Set:
        return "set";
    case LogicalType::SortedSet:
        return "zset";
    case LogicalType::Hash:
        return "hash";
    case LogicalType::Stream:
        return "stream";
    }
    return "unknown";
}

Result<LogicalValue> decodeValue(quint8 rdbType, QByteArrayView raw, qint64 maxString)
{
    RdbCursor cursor(raw, 0, maxString);
    LogicalValue value;
    readValue(cursor, rdbType, &value);
    if (cursor.ok() && cursor.pos() != raw.size())
        cursor.fail(Text::tr("%1 bytes after the value").arg(raw.size() - cursor.pos()));
    if (cursor.state() == RdbCursor::State::NeedMore)
        return Error(
            ErrorCode::InvalidInput,
            Text::tr("A value of RDB type %1 is cut off after %2 bytes.").arg(rdbType).arg(raw.size()));
    if (!cursor.ok())
        return Error(ErrorCode::InvalidInput,
                     Text::tr("A value of RDB type %1 is damaged at its byte %2: %3.")
                         .arg(rdbType)
                         .arg(cursor.errorOffset())
                         .arg(cursor.error()));
    return value;
}

QByteArray canonicalScore(double score)
{
    if (std::isnan(score))
        return "nan";
    if (std::isinf(score))
        return score > 0 ? "inf" : "-inf";
    char buffer[64];
    const auto [end, ec] = std::to_chars(buffer, buffer + sizeof buffer, score);
    Q_ASSERT(ec == std::errc());
    return QByteArray(buffer, end - buffer);
}

namespace {

// Writes the RESP-like tokens of the canonical form into a hash or a byte array.
template<class Sink> class Canonical final {
public:
    explicit Canonical(Sink &sink)
        : m_sink(sink)
    {}
    void bulk(QByteArrayView bytes)
    {
        put(QByteArray("$" + QByteArray::number(bytes.size()) + '\n'));
        put(bytes);
        put("\n");
    }
    void count(qsizetype n) { put(QByteArray("*" + QByteArray::number(n) + '\n')); }

private:
    void put(QByteArrayView bytes) { m_sink.addData(bytes); }
    Sink &m_sink;
};

struct ByteSink {
    QByteArray bytes;
    void addData(QByteArrayView more) { bytes.append(more); }
};

// memcmp order, a prefix first: what QByteArray's operator< does.
QList<qsizetype> sortedPairIndexes(const QList<QByteArray> &items, qsizetype stride)
{
    QList<qsizetype> order(items.size() / stride);
    std::iota(order.begin(), order.end(), 0);
    std::sort(order.begin(), order.end(),
              [&](qsizetype a, qsizetype b) { return items[a * stride] < items[b * stride]; });
    return order;
}

template<class Sink> void writeCanonical(Sink &sink, QByteArrayView key, const LogicalValue &v)
{
    Canonical<Sink> out(sink);
    out.bulk(key);
    out.bulk(logicalTypeName(v.type));
    switch (v.type) {
    case LogicalType::String:
        out.bulk(v.string);
        return;
    case LogicalType::List:
        out.count(v.items.size());
        for (const QByteArray &item : v.items)
            out.bulk(item);
        return;
    case LogicalType::Set: {
        out.count(v.items.size());
        for (qsizetype i : sortedPairIndexes(v.items, 1))
            out.bulk(v.items[i]);
        return;
    }
    case LogicalType::Hash: {
        out.count(v.items.size() / 2);
        for (qsizetype i : sortedPairIndexes(v.items, 2)) {
            out.bulk(v.items[i * 2]);
            out.bulk(v.items[i * 2 + 1]);
        }
        return;
    }
    case LogicalType::SortedSet: {
        out.count(v.items.size());
        for (qsizetype i : sortedPairIndexes(v.items, 1)) {
            out.bulk(v.items[i]);
            out.bulk(canonicalScore(v.scores.value(i)));
        }
        return;
    }
    case LogicalType::Stream: {
        out.count(v.stream.entries.size());
        for (const StreamEntry &entry : v.stream.entries) {
            out.bulk(entry.id.text());
            out.count(entry.fieldsAndValues.size());
            for (const QByteArray &item : entry.fieldsAndValues)
                out.bulk(item);
        }
        out.bulk(v.stream.lastId.text());
        QList<const StreamGroup *> groups;
        for (const StreamGroup &group : v.stream.groups)
            groups.append(&group);
        std::sort(groups.begin(), groups.end(), [](auto a, auto b) { return a->name < b->name; });
        out.count(groups.size());
        for (const StreamGroup *group : groups) {
            out.bulk(group->name);
            out.bulk(group->lastDelivered.text());
            QList<StreamPending> pending = group->pending;
            std::sort(pending.begin(), pending.end(),
                      [](const auto &a, const auto &b) { return a.id < b.id; });
            out.count(pending.size());
            for (const StreamPending &p : pending) {
                out.bulk(p.id.text());
                out.bulk(p.consumer);
                out.bulk(QByteArray::number(p.deliveryCount));
            }
            QList<QByteArray> consumers = group->consumers;
            std::sort(consumers.begin(), consumers.end());
            out.count(consumers.size());
            for (const QByteArray &name : consumers)
                out.bulk(name);
        }
        return;
    }
    }
}

} // namespace

void addCanonical(QCryptographicHash &hash, QByteArrayView key, const LogicalValue &value)
{
    writeCanonical(hash, key, value);
}

QByteArray canonicalForm(QByteArrayView key, const LogicalValue &value)
{
    ByteSink sink;
    writeCanonical(sink, key, value);
    return sink.bytes;
}

} // namespace rcs::backup
