// RESTORE payloads an older server reads (issue 18), on bytes only: every key of the fixtures written by
// Redis 5.0.5, 6.2.16, 7.0 and Valkey 8.0.1, transcoded for RDB 9 (Redis 5.0, 6.2), 10 (7.0), 11 (7.2,
// Valkey 8) and 12 (7.4), must be tagged with a version the target accepts, have a type it reads, and
// decode to the same canonical form as the original. The writer's length forms at their boundaries; the
// refusals (module values, unknown types, streams below RDB 9, damaged values). The same payloads are
// restored into real servers by tests/integration/tst_rdb_transcode_servers.cpp.
#include "rdb_samples.h"

#include "backup/rdb_cursor.h"
#include "backup/rdb_logical.h"
#include "backup/rdb_transcode.h"
#include "backup/rdb_value.h"
#include "backup/rdb_writer.h"
#include "redis/server_identity.h"

#include <QTest>

#include <cmath>
#include <limits>

using namespace rcs;
using namespace rcs::backup;
using namespace rcs::backup::test;

namespace {

QList<RdbRecord> fixtureKeys(const QString &server)
{
    const ReadResult r = readAll(readFile(fixture(server + QLatin1String(".rdb"))));
    QList<RdbRecord> keys;
    for (const RdbRecord &record : r.records) {
        if (record.kind == RdbRecord::Kind::Key)
            keys.append(record);
    }
    return keys;
}

bool isStream(quint8 type)
{
    return type == RdbStreamListpacks || type == RdbStreamListpacks2 || type == RdbStreamListpacks3;
}

// The type a value of this type must have in a payload for an RDB version that does not read it.
quint8 expectedTranscodedType(quint8 type, int target)
{
    if (isStream(type))
        return target >= 10 ? RdbStreamListpacks2 : RdbStreamListpacks;
    switch (type) {
    case RdbListZiplist:
    case RdbListQuicklist:
    case RdbListQuicklist2:
        return RdbList;
    case RdbSetIntset:
    case RdbSetListpack:
        return RdbSet;
    case RdbHashZipmap:
    case RdbHashZiplist:
    case RdbHashListpack:
        return RdbHash;
    case RdbZsetZiplist:
    case RdbZsetListpack:
        return RdbZset2;
    default:
        return type;
    }
}

RdbRecord keyRecord(quint8 type, const QByteArray &value)
{
    RdbRecord record;
    record.name = "k";
    record.type = type;
    record.value = value;
    return record;
}

} // namespace

class TestRdbTranscode final : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void everyFixtureKeyForEveryTarget_data()
    {
        QTest::addColumn<QString>("server");
        QTest::addColumn<int>("target");
        for (const QString &server : fixtureServers()) {
            for (int target : {9, 10, 11, 12})
                QTest::newRow(qPrintable(QStringLiteral("%1 to RDB %2").arg(server).arg(target)))
                    << server << target;
        }
    }
    void everyFixtureKeyForEveryTarget()
    {
        QFETCH(QString, server);
        QFETCH(int, target);
        const QList<RdbRecord> keys = fixtureKeys(server);
        QVERIFY(keys.size() >= 23);
        int transcoded = 0;
        for (const RdbRecord &record : keys) {
            const QString what =
                QStringLiteral("%1 (type %2)").arg(QString::fromLatin1(record.name.toHex())).arg(record.type);
            QString error;
            const QByteArray payload = restorePayload(record, target, &error);
            QVERIFY2(!payload.isEmpty() && error.isEmpty(), qPrintable(what + QLatin1String(": ") + error));
            const Result<DumpPayload> parsed = parseDumpPayload(payload);
            QVERIFY2(parsed.ok(), qPrintable(what + QLatin1String(": ") + parsed.error().message()));
            QCOMPARE(parsed->rdbVersion, target);
            QVERIFY2(rdbVersionReads(target, parsed->type), qPrintable(what));
            if (rdbVersionReads(target, record.type)) {
                // A type the target reads goes as it is: the same bytes, only the version tag differs.
                QCOMPARE(int(parsed->type), int(record.type));
                QCOMPARE(parsed->value, record.value);
            } else {
                QCOMPARE(int(parsed->type), int(expectedTranscodedType(record.type, target)));
                ++transcoded;
            }
            const auto original = decodeValue(record.type, record.value);
            QVERIFY2(original.ok(), qPrintable(what));
            const auto decoded = decodeValue(parsed->type, parsed->value);
            QVERIFY2(decoded.ok(), qPrintable(what + QLatin1String(": ") + decoded.error().message()));
            QCOMPARE(canonicalForm(record.name, decoded.value()),
                     canonicalForm(record.name, original.value()));
        }
        // Valkey 8 wrote set listpacks and v3 streams that 7.0 cannot read; 7.0 wrote listpacks 5.0 cannot.
        const bool mustTranscode = (server.startsWith(QLatin1String("valkey")) && target < 11) ||
                                   (server == QLatin1String("redis-7.0") && target < 10);
        QCOMPARE(transcoded > 0, mustTranscode);
    }

    void streamsLoseOnlyTheNewerMetadata()
    {
        // Valkey's stream:s (type 21, make_fixtures.sh) has 2 groups and one consumer: RDB 10 drops the
        // consumer's 8-byte active time; RDB 9 also drops first id, max deleted id, entries added (5
        // one-byte lengths) and each group's entries read: unknown for both after the XDEL, written as -1
        // (9-byte lengths).
        RdbRecord stream;
        for (const RdbRecord &record : fixtureKeys(QStringLiteral("valkey-8.0.1"))) {
            if (record.name == "stream:s")
                stream = record;
        }
        QCOMPARE(int(stream.type), int(RdbStreamListpacks3));
        QString error;
        const auto v2 = parseDumpPayload(restorePayload(stream, 10, &error));
        QVERIFY2(v2.ok(), qPrintable(error));
        QCOMPARE(v2->value.size(), stream.value.size() - 8);
        const auto v1 = parseDumpPayload(restorePayload(stream, 9, &error));
        QVERIFY2(v1.ok(), qPrintable(error));
        QCOMPARE(v1->value.size(), stream.value.size() - 8 - 5 - 2 * 9);
        // The nodes, entry count and last id are copied as they are.
        RdbCursor cursor(stream.value, 0, 1 << 20);
        const quint64 nodes = cursor.length();
        for (quint64 n = 0; n < nodes * 2; ++n)
            cursor.skipString();
        for (int i = 0; i < 3; ++i)
            cursor.length();
        QVERIFY(cursor.ok());
        QVERIFY(nodes > 0);
        QVERIFY(v1->value.startsWith(stream.value.first(cursor.pos())));
        QVERIFY(v2->value.startsWith(stream.value.first(cursor.pos())));
    }

    void lengthForms_data()
    {
        QTest::addColumn<quint64>("n");
        QTest::addColumn<int>("bytes");
        QTest::newRow("0") << quint64(0) << 1;
        QTest::newRow("63") << quint64(63) << 1;
        QTest::newRow("64") << quint64(64) << 2;
        QTest::newRow("16383") << quint64(16383) << 2;
        QTest::newRow("16384") << quint64(16384) << 5;
        QTest::newRow("2^32-1") << quint64(0xffffffffu) << 5;
        QTest::newRow("2^32") << (quint64(1) << 32) << 9;
        QTest::newRow("2^64-1") << std::numeric_limits<quint64>::max() << 9;
    }
    void lengthForms()
    {
        QFETCH(quint64, n);
        QFETCH(int, bytes);
        QByteArray out("x");
        appendRdbLength(out, n);
        QCOMPARE(out.size(), 1 + bytes);
        RdbCursor cursor(QByteArrayView(out).sliced(1), 0, 1 << 20);
        bool special = true;
        QCOMPARE(cursor.length(&special), n);
        QVERIFY(cursor.ok());
        QVERIFY(!special);
        QCOMPARE(cursor.pos(), qsizetype(bytes));
    }

    void stringsAndDoubles()
    {
        QByteArray out;
        const QByteArray binary("a\x00\xff", 3);
        appendRdbString(out, binary);
        appendRdbString(out, QByteArray(300, 'z'));
        const QList<double> scores = {0.0,
                                      -0.0,
                                      0.1,
                                      -1.5,
                                      1e20,
                                      std::numeric_limits<double>::infinity(),
                                      -std::numeric_limits<double>::infinity()};
        for (double score : scores)
            appendRdbBinaryDouble(out, score);
        RdbCursor cursor(out, 0, 1 << 20);
        QCOMPARE(cursor.string(), binary);
        QCOMPARE(cursor.string(), QByteArray(300, 'z'));
        for (double score : scores) {
            const double read = cursor.binaryDouble();
            QCOMPARE(read, score);
            QCOMPARE(std::signbit(read), std::signbit(score));
        }
        QVERIFY(cursor.ok());
        QCOMPARE(cursor.pos(), out.size());
    }

    void versionTable_data()
    {
        QTest::addColumn<int>("type");
        QTest::addColumn<int>("version");
        QTest::addColumn<bool>("reads");
        QTest::newRow("string by 9") << int(RdbString) << 9 << true;
        QTest::newRow("zset2 by 8") << int(RdbZset2) << 8 << true;
        QTest::newRow("zset2 by 7") << int(RdbZset2) << 7 << false;
        QTest::newRow("quicklist by 9") << int(RdbListQuicklist) << 9 << true;
        QTest::newRow("stream by 9") << int(RdbStreamListpacks) << 9 << true;
        QTest::newRow("stream by 8") << int(RdbStreamListpacks) << 8 << false;
        QTest::newRow("hash listpack by 9") << int(RdbHashListpack) << 9 << false;
        QTest::newRow("hash listpack by 10") << int(RdbHashListpack) << 10 << true;
        QTest::newRow("quicklist2 by 10") << int(RdbListQuicklist2) << 10 << true;
        QTest::newRow("stream 2 by 10") << int(RdbStreamListpacks2) << 10 << true;
        QTest::newRow("set listpack by 10") << int(RdbSetListpack) << 10 << false;
        QTest::newRow("set listpack by 11") << int(RdbSetListpack) << 11 << true;
        QTest::newRow("stream 3 by 10") << int(RdbStreamListpacks3) << 10 << false;
        QTest::newRow("stream 3 by 12") << int(RdbStreamListpacks3) << 12 << true;
        QTest::newRow("type 8 by 12") << 8 << 12 << false;
        QTest::newRow("type 22 by 12") << 22 << 12 << false;
    }
    void versionTable()
    {
        QFETCH(int, type);
        QFETCH(int, version);
        QFETCH(bool, reads);
        QCOMPARE(rdbVersionReads(version, quint8(type)), reads);
    }

    void rdbVersionOfServers_data()
    {
        QTest::addColumn<bool>("valkey");
        QTest::addColumn<QString>("version");
        QTest::addColumn<QString>("redisVersion");
        QTest::addColumn<int>("rdb");
        QTest::newRow("redis 4.0.14") << false << "4.0.14"
                                      << "4.0.14" << 8;
        QTest::newRow("redis 5.0.5") << false << "5.0.5"
                                     << "5.0.5" << 9;
        QTest::newRow("redis 6.2.16") << false << "6.2.16"
                                      << "6.2.16" << 9;
        QTest::newRow("redis 7.0.15") << false << "7.0.15"
                                      << "7.0.15" << 10;
        QTest::newRow("redis 7.2.4") << false << "7.2.4"
                                     << "7.2.4" << 11;
        QTest::newRow("redis 7.4.1") << false << "7.4.1"
                                     << "7.4.1" << 12;
        QTest::newRow("redis 8.0.0") << false << "8.0.0"
                                     << "8.0.0" << 12;
        QTest::newRow("valkey 7.2.5") << true << "7.2.5"
                                      << "7.2.4" << 11;
        QTest::newRow("valkey 8.0.1") << true << "8.0.1"
                                      << "7.2.4" << 11;
    }
    void rdbVersionOfServers()
    {
        QFETCH(bool, valkey);
        QFETCH(QString, version);
        QFETCH(QString, redisVersion);
        QFETCH(int, rdb);
        ServerIdentity server;
        server.engine = valkey ? ServerEngine::Valkey : ServerEngine::Redis;
        server.version = QVersionNumber::fromString(version);
        server.redisVersion = QVersionNumber::fromString(redisVersion);
        QCOMPARE(rdbVersionOf(server), rdb);
    }

    void refusals_data()
    {
        QTest::addColumn<int>("type");
        QTest::addColumn<QByteArray>("value");
        QTest::addColumn<int>("target");
        QTest::addColumn<QString>("says");
        QTest::newRow("module") << int(RdbModule2) << moduleId("ReJSON-RL", 3) << 11 << "module";
        QTest::newRow("unknown type") << 40 << QByteArray("\x00", 1) << 11 << "unknown";
        QByteArray stream;
        appendRdbLength(stream, 0); // no nodes
        for (int i = 0; i < 4; ++i)
            appendRdbLength(stream, 0); // length, last id, (no groups)
        QTest::newRow("stream below RDB 9") << int(RdbStreamListpacks) << stream << 8 << "RDB 9";
        QTest::newRow("cut stream") << int(RdbStreamListpacks3) << QByteArray("\x01\x10", 2) << 9
                                    << "cut off";
        QTest::newRow("stream with trailing bytes")
            << int(RdbStreamListpacks2) << stream + QByteArray(5, '\0') + "xy" << 9 << "after the value";
        QTest::newRow("damaged listpack")
            << int(RdbSetListpack) << QByteArray("\x03\x01\x02\x03", 4) << 10 << "type 20";
    }
    void refusals()
    {
        QFETCH(int, type);
        QFETCH(QByteArray, value);
        QFETCH(int, target);
        QFETCH(QString, says);
        QString error;
        QVERIFY(restorePayload(keyRecord(quint8(type), value), target, &error).isEmpty());
        QVERIFY2(error.contains(says), qPrintable(error));
        QVERIFY(error.endsWith(QLatin1Char('.')));
        // Without somewhere to put the reason it still refuses, without crashing.
        QVERIFY(restorePayload(keyRecord(quint8(type), value), target, nullptr).isEmpty());
    }

    void dumpPayloadsOfRealServersParse()
    {
        for (const QString &server : fixtureServers()) {
            const QByteArray dump = readFile(fixture(server + QLatin1String("-dump-zset-large.bin")));
            const auto parsed = parseDumpPayload(dump);
            QVERIFY2(parsed.ok(), qPrintable(parsed.error().message()));
            QCOMPARE(int(parsed->type), int(RdbZset2));
            QCOMPARE(parsed->rdbVersion, server == QLatin1String("valkey-8.0.1") ? 11
                                         : server == QLatin1String("redis-7.0")  ? 10
                                                                                 : 9);
            QCOMPARE(decodeValue(parsed->type, parsed->value)->items.size(), 10);
            QByteArray flipped = dump;
            flipped[3] = char(flipped[3] ^ 0x01);
            QVERIFY(!parseDumpPayload(flipped).ok());
            QVERIFY(!parseDumpPayload(dump.first(10)).ok());
        }
    }
};

QTEST_GUILESS_MAIN(TestRdbTranscode)
#include "tst_rdb_transcode.moc"
