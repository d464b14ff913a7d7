// Helpers of tst_rdb_reader: reading fixtures, building RDB bytes by hand, and the keys
// make_fixtures.sh writes, as logical values.
#include "rdb_samples.h"

#include "backup/crc64.h"
#include "backup/rdb_value.h"

#include <QFile>

#include <limits>

namespace rcs::backup::test {

QByteArray readFile(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return f.readAll();
}

QString fixture(const QString &name)
{
    return QStringLiteral(RCS_RDB_FIXTURES "/") + name;
}

ReadResult readAll(QByteArrayView data, qsizetype chunkSize, qint64 maxRecord)
{
    RdbReader reader(maxRecord);
    ReadResult r;
    const qsizetype step = chunkSize > 0 ? chunkSize : qMax<qsizetype>(1, data.size());
    for (qsizetype at = 0; at < data.size(); at += step) {
        auto fed = reader.feed(data.sliced(at, qMin(step, data.size() - at)));
        r.records.append(reader.takeRecords());
        if (!fed) {
            r.error = fed.error().message();
            return r;
        }
    }
    auto done = reader.finish();
    r.records.append(reader.takeRecords());
    if (!done)
        r.error = done.error().message();
    r.version = reader.version();
    return r;
}

QByteArray rdbLength(quint64 n)
{
    if (n < 64)
        return QByteArray(1, char(n));
    if (n < 16384)
        return QByteArray{char(0x40 | (n >> 8)), char(n & 0xff)};
    QByteArray out(1, char(0x81));
    for (int i = 7; i >= 0; --i)
        out.append(char((n >> (8 * i)) & 0xff));
    return out;
}

QByteArray rdbString(QByteArrayView s)
{
    return rdbLength(quint64(s.size())) + s.toByteArray();
}

QByteArray rdbFile(const QByteArray &body, int version)
{
    QByteArray data = "REDIS" + QByteArray::number(version).rightJustified(4, '0') + body + char(0xff);
    quint64 crc = crc64(0, data);
    for (int i = 0; i < 8; ++i, crc >>= 8)
        data.append(char(crc & 0xff));
    return data;
}

LogicalValue str(const QByteArray &s)
{
    LogicalValue v;
    v.string = s;
    return v;
}

LogicalValue items(LogicalType type, const QList<QByteArray> &elements)
{
    LogicalValue v;
    v.type = type;
    v.items = elements;
    return v;
}

LogicalValue zset(const QList<QPair<QByteArray, double>> &members)
{
    LogicalValue v;
    v.type = LogicalType::SortedSet;
    for (const auto &[member, score] : members) {
        v.items.append(member);
        v.scores.append(score);
    }
    return v;
}

namespace {
StreamEntry entry(quint64 ms, quint64 seq, const QList<QByteArray> &fields)
{
    return StreamEntry{StreamId{ms, seq}, fields};
}
} // namespace

QMap<QByteArray, LogicalValue> expectedKeys(bool withPlainList)
{
    const double inf = std::numeric_limits<double>::infinity();
    QMap<QByteArray, LogicalValue> k;
    k["str:plain"] = str("hello world");
    k["str:i8"] = str("100");
    k["str:i16"] = str("3000");
    k["str:i32"] = str("-70000");
    k["str:big"] = str("12345678901");
    k["str:empty"] = str("");
    k[""] = str("value of the empty key");
    k[QByteArray("bin\x00\xffkey", 8)] = str(QByteArray("v\x00\x01\xfe", 4));
    k["str:lzf"] = str(QByteArray("abcdefghij").repeated(12));
    k["ttl:str"] = str("expires");
    k["list:small"] = items(LogicalType::List, {"a", "b", "1", "-2", ""});
    k["set:int"] = items(LogicalType::Set, {"1", "2", "3", "-5", "70000"});
    k["set:small"] = items(LogicalType::Set, {"a", "b", "c"});
    k["zset:small"] = zset({{"a", 1}, {"b", 2.5}, {"c", -3}});
    k["hash:small"] = items(LogicalType::Hash, {"f1", "v1", "f2", "2", "", "empty"});
    QList<QByteArray> large;
    QList<QByteArray> members;
    QList<QByteArray> ints;
    QList<QByteArray> fields;
    for (int i = 0; i < 10; ++i) {
        large << "e" + QByteArray::number(i);
        members << "m" + QByteArray::number(i);
        ints << QByteArray::number(i);
        fields << "k" + QByteArray::number(i) << "v" + QByteArray::number(i);
    }
    k["list:large"] = items(LogicalType::List, large);
    k["set:large"] = items(LogicalType::Set, members);
    k["set:intlarge"] = items(LogicalType::Set, ints);
    k["zset:large"] = zset({{"m0", 0},
                            {"m1", 1},
                            {"m2", 2},
                            {"m3", 3},
                            {"m4", 4},
                            {"m5", 0.1},
                            {"m6", -1.5},
                            {"m7", 1e20},
                            {"m8", inf},
                            {"m9", -inf}});
    k["hash:large"] = items(LogicalType::Hash, fields);
    LogicalValue s;
    s.type = LogicalType::Stream;
    s.stream.entries = {entry(1, 1, {"f", "v"}), entry(2, 0, {"a", "1", "b", "2"}), entry(3, 0, {"f", "v2"})};
    s.stream.lastId = {4, 0};
    s.stream.groups = {StreamGroup{"g1", {1, 1}, {StreamPending{{1, 1}, "alice", 1, 0}}, {"alice"}},
                       StreamGroup{"g2", {4, 0}, {}, {}}};
    k["stream:s"] = s;
    LogicalValue big;
    big.type = LogicalType::Stream;
    for (quint64 i = 1; i <= 10; ++i) {
        QList<QByteArray> f{"n", QByteArray::number(i - 1)};
        if (i == 6)
            f << "extra"
              << "field";
        big.stream.entries.append(entry(i, 0, f));
    }
    big.stream.lastId = {10, 0};
    k["stream:large"] = big;
    k["db1:key"] = str("in db one");
    if (withPlainList)
        k["list:plain"] = items(LogicalType::List, {"p0", "p1", "p2", "p3", "p4",
                                                    "a long element of more than twenty bytes", "tail"});
    return k;
}

QMap<QByteArray, int> expectedTypes(const QString &server)
{
    const bool v7 =
        !server.startsWith(QLatin1String("redis-5")) && !server.startsWith(QLatin1String("redis-6"));
    const bool valkey = server.startsWith(QLatin1String("valkey"));
    QMap<QByteArray, int> t;
    t["str:plain"] = RdbString;
    t["list:small"] = v7 ? RdbListQuicklist2 : RdbListQuicklist;
    t["list:large"] = v7 ? RdbListQuicklist2 : RdbListQuicklist;
    t["set:int"] = RdbSetIntset;
    t["set:small"] = valkey ? RdbSetListpack : RdbSet;
    t["set:large"] = RdbSet;
    t["set:intlarge"] = RdbSet;
    t["zset:small"] = v7 ? RdbZsetListpack : RdbZsetZiplist;
    t["zset:large"] = RdbZset2;
    t["hash:small"] = v7 ? RdbHashListpack : RdbHashZiplist;
    t["hash:large"] = RdbHash;
    t["stream:s"] = valkey ? RdbStreamListpacks3 : v7 ? RdbStreamListpacks2 : RdbStreamListpacks;
    return t;
}

QStringList fixtureServers()
{
    return {QStringLiteral("redis-5.0.5"), QStringLiteral("redis-6.2.16"), QStringLiteral("redis-7.0"),
            QStringLiteral("valkey-8.0.1")};
}

QByteArray moduleId(const QByteArray &name, int encver)
{
    static const QByteArray charset = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    quint64 id = 0;
    for (char ch : name)
        id = (id << 6) | quint64(charset.indexOf(ch));
    return rdbLength((id << 10) | quint64(encver));
}

} // namespace rcs::backup::test
