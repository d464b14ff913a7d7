// The RDB reader of backup/restore on bytes only: CRC-64, LZF, the compact containers, and real RDB
// files written by Redis 5.0.5, 6.2.16, 7.0 and Valkey 8.0.1 (tests/unit/rdb_fixtures, made by
// make_fixtures.sh there): exact keys, types, TTLs, logical values, DUMP payloads; truncation at every
// length, flipped bytes, 1-byte chunks, refused module values and oversized lengths.
#include "rdb_samples.h"

#include "backup/crc64.h"
#include "backup/lzf.h"
#include "backup/rdb_containers.h"
#include "backup/rdb_logical.h"
#include "backup/rdb_reader.h"
#include "backup/rdb_value.h"

#include <QCryptographicHash>
#include <QRandomGenerator>
#include <QTest>

#include <limits>

using namespace rcs;
using namespace rcs::backup;
using namespace rcs::backup::test;

class TestRdbReader final : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void crc64Vector()
    {
        QCOMPARE(crc64(0, "123456789"), Q_UINT64_C(0xe9c6d914c4b8d9ca));
        QCOMPARE(crc64(0, ""), Q_UINT64_C(0));
        // In chunks of every split point it is the same as at once.
        const QByteArray data = QByteArray("The quick brown fox jumps over the lazy dog").repeated(5);
        const quint64 whole = crc64(0, data);
        for (int split = 0; split <= data.size(); split += 7)
            QCOMPARE(crc64(crc64(0, data.first(split)), data.sliced(split)), whole);
    }

    void lzfRoundTrip_data()
    {
        QTest::addColumn<QByteArray>("input");
        QTest::newRow("repeated") << QByteArray("abcdefghij").repeated(12);
        QTest::newRow("long runs") << QByteArray(70000, 'x') + QByteArray("tail");
        QTest::newRow("text") << QByteArray("Redis Cluster Studio backs up Redis Cluster. ").repeated(300);
        QByteArray mixed;
        QRandomGenerator rng(42);
        for (int i = 0; i < 20000; ++i)
            mixed.append(char(rng.bounded(4) == 0 ? rng.bounded(256) : 'a' + rng.bounded(3)));
        QTest::newRow("mixed") << mixed;
    }
    void lzfRoundTrip()
    {
        QFETCH(QByteArray, input);
        const QByteArray packed = lzfCompress(input);
        QVERIFY(!packed.isEmpty());
        QVERIFY(packed.size() < input.size());
        const auto unpacked = lzfDecompress(packed, input.size());
        QVERIFY2(unpacked.ok(), qPrintable(unpacked.error().message()));
        QCOMPARE(unpacked.value(), input);
        // Every cut and every wrong size is refused, never read or written out of range.
        for (qsizetype cut = 0; cut < qMin<qsizetype>(packed.size(), 300); ++cut)
            QVERIFY(!lzfDecompress(packed.first(cut), input.size()).ok());
        QVERIFY(!lzfDecompress(packed, input.size() - 1).ok());
        QVERIFY(!lzfDecompress(packed, input.size() + 1).ok());
    }

    void lzfBadInput_data()
    {
        QTest::addColumn<QByteArray>("input");
        QTest::addColumn<int>("size");
        QTest::newRow("back reference before the start") << QByteArray::fromHex("00 41 20 05") << 4;
        QTest::newRow("literal past the input") << QByteArray::fromHex("05 41 42") << 6;
        QTest::newRow("match past the output") << QByteArray::fromHex("01 41 41 e0 ff 00") << 5;
        QTest::newRow("cut match") << QByteArray::fromHex("00 41 e0") << 10;
        QTest::newRow("empty to non-empty") << QByteArray() << 3;
    }
    void lzfBadInput()
    {
        QFETCH(QByteArray, input);
        QFETCH(int, size);
        const auto result = lzfDecompress(input, size);
        QVERIFY(!result.ok());
        QVERIFY(result.error().message().contains(QLatin1String("LZF")));
    }

    void fixtures_data()
    {
        QTest::addColumn<QString>("server");
        QTest::addColumn<int>("version");
        QTest::newRow("redis-5.0.5") << QStringLiteral("redis-5.0.5") << 9;
        QTest::newRow("redis-6.2.16") << QStringLiteral("redis-6.2.16") << 9;
        QTest::newRow("redis-7.0") << QStringLiteral("redis-7.0") << 10;
        QTest::newRow("valkey-8.0.1") << QStringLiteral("valkey-8.0.1") << 11;
    }
    void fixtures()
    {
        QFETCH(QString, server);
        QFETCH(int, version);
        const QByteArray data = readFile(fixture(server + QLatin1String(".rdb")));
        QVERIFY(!data.isEmpty());
        const ReadResult r = readAll(data);
        QVERIFY2(r.error.isEmpty(), qPrintable(r.error));
        QCOMPARE(r.version, version);

        QMap<QByteArray, QByteArray> aux;
        QMap<QByteArray, RdbRecord> keys;
        int resizeDbs = 0;
        QList<QByteArray> functions;
        for (const RdbRecord &record : r.records) {
            if (record.kind == RdbRecord::Kind::Aux)
                aux.insert(record.name, record.value);
            else if (record.kind == RdbRecord::Kind::ResizeDb)
                ++resizeDbs;
            else if (record.kind == RdbRecord::Kind::Function)
                functions.append(record.value);
            else if (record.kind == RdbRecord::Kind::Key)
                keys.insert(record.name, record);
        }
        QVERIFY(aux.contains("redis-ver") || aux.contains("valkey-ver")); // Valkey 8 names its own
        QVERIFY(aux.contains("redis-bits"));
        QCOMPARE(resizeDbs, 2); // db 0 and db 1
        const bool plainList = version >= 10;
        // 7.0+ saves the function library make_fixtures.sh loaded, as its source.
        QCOMPARE(functions.size(), version >= 10 ? 1 : 0);
        if (version >= 10)
            QVERIFY(functions.first().startsWith("#!lua name=rcslib\nredis.register_function('rcs_one'"));
        const auto expected = expectedKeys(plainList);
        QCOMPARE(keys.keys(), expected.keys());
        for (auto it = expected.begin(); it != expected.end(); ++it) {
            const RdbRecord &record = keys[it.key()];
            QCOMPARE(record.db, it.key() == "db1:key" ? 1 : 0);
            const auto decoded = decodeValue(record.type, record.value);
            QVERIFY2(decoded.ok(), qPrintable(QString::fromLatin1(it.key()) + QLatin1String(": ") +
                                              decoded.error().message()));
            QCOMPARE(decoded->type, it->type);
            QCOMPARE(canonicalForm(it.key(), decoded.value()), canonicalForm(it.key(), it.value()));
            const std::optional<qint64> ttl = it.key() == "ttl:str" ? std::optional<qint64>(4102444800000)
                                              : it.key() == "list:large"
                                                  ? std::optional<qint64>(4102444800123)
                                                  : std::nullopt;
            QCOMPARE(record.expireMs, ttl);
            // make_fixtures.sh sets allkeys-lru on 6.2.16 and allkeys-lfu on Valkey 8.
            QCOMPARE(record.lruIdleSeconds.has_value(), server == QLatin1String("redis-6.2.16"));
            QCOMPARE(record.lfuFrequency.has_value(), server == QLatin1String("valkey-8.0.1"));
        }
        const auto types = expectedTypes(server);
        for (auto it = types.begin(); it != types.end(); ++it)
            QCOMPARE(int(keys[it.key()].type), it.value());
        if (plainList) {
            // A plain node: container kind 1, then the element as an ordinary RDB string.
            QCOMPARE(int(keys["list:plain"].type), int(RdbListQuicklist2));
            QVERIFY(keys["list:plain"].value.contains("\x01\x28"
                                                      "a long element"));
        }
        // The integers and the LZF form of strings were really exercised: the raw values are not the text.
        QVERIFY(keys["str:lzf"].value.size() < 60);
        QCOMPARE(keys["str:i32"].value.size(), 5);

        // What the server DUMPs is type byte + our raw value + RDB version + CRC-64.
        for (const QByteArray &key : {QByteArray("str:plain"), QByteArray("list:small"),
                                      QByteArray("zset:large"), QByteArray("stream:s")}) {
            const QByteArray dump =
                readFile(fixture(server + QLatin1String("-dump-") +
                                 QString::fromLatin1(key).replace(QLatin1Char(':'), QLatin1Char('-')) +
                                 QLatin1String(".bin")));
            QVERIFY(!dump.isEmpty());
            QCOMPARE(dumpPayload(keys[key].type, keys[key].value, version).toHex(), dump.toHex());
        }
    }

    void sameCanonicalFormAcrossServers()
    {
        // Per key, the SHA-256 of the canonical form is the same whichever server wrote the file.
        QMap<QByteArray, QByteArray> first;
        for (const QString &server : fixtureServers()) {
            const ReadResult r = readAll(readFile(fixture(server + QLatin1String(".rdb"))));
            QVERIFY2(r.error.isEmpty(), qPrintable(r.error));
            QMap<QByteArray, QByteArray> digests;
            for (const RdbRecord &record : r.records) {
                if (record.kind != RdbRecord::Kind::Key || record.name == "list:plain")
                    continue;
                QCryptographicHash hash(QCryptographicHash::Sha256);
                addCanonical(hash, record.name, decodeValue(record.type, record.value).value());
                digests.insert(record.name, hash.result());
            }
            if (first.isEmpty())
                first = digests;
            else
                QCOMPARE(digests, first);
        }
        QCOMPARE(first.size(), 23);
    }

    void chunkedFeedingGivesTheSameRecords_data()
    {
        QTest::addColumn<QString>("server");
        for (const QString &server : fixtureServers())
            QTest::newRow(qPrintable(server)) << server;
    }
    void chunkedFeedingGivesTheSameRecords()
    {
        QFETCH(QString, server);
        const QByteArray data = readFile(fixture(server + QLatin1String(".rdb")));
        const ReadResult whole = readAll(data);
        QVERIFY(whole.error.isEmpty());
        for (qsizetype chunk : {1, 2, 3, 7, 64, 1000}) {
            const ReadResult pieces = readAll(data, chunk);
            QVERIFY2(pieces.error.isEmpty(), qPrintable(pieces.error));
            QCOMPARE(pieces.records.size(), whole.records.size());
            for (qsizetype i = 0; i < whole.records.size(); ++i) {
                const RdbRecord &a = whole.records[i];
                const RdbRecord &b = pieces.records[i];
                QCOMPARE(b.kind, a.kind);
                QCOMPARE(b.offset, a.offset);
                QCOMPARE(b.db, a.db);
                QCOMPARE(b.name, a.name);
                QCOMPARE(b.type, a.type);
                QCOMPARE(b.value, a.value);
                QCOMPARE(b.expireMs, a.expireMs);
            }
        }
    }

    void largeRecordsStreamInChunks()
    {
        // An 8 MB string and a list of 200 000 items, fed 1000 bytes at a time: the reader waits for
        // each record without re-reading it at every chunk (the test's timeout would catch that).
        const QByteArray big = QByteArray("0123456789abcdef").repeated(512 * 1024);
        QByteArray list = char(RdbList) + rdbString("list") + rdbLength(200000);
        for (int i = 0; i < 200000; ++i)
            list += rdbString(QByteArray::number(i));
        const QByteArray data = rdbFile(char(RdbString) + rdbString("big") + rdbString(big) + list);
        const ReadResult r = readAll(data, 1000);
        QVERIFY2(r.error.isEmpty(), qPrintable(r.error));
        QCOMPARE(r.records.size(), 2);
        QCOMPARE(decodeValue(r.records[0].type, r.records[0].value)->string, big);
        const auto decoded = decodeValue(r.records[1].type, r.records[1].value);
        QCOMPARE(decoded->items.size(), 200000);
        QCOMPARE(decoded->items.last(), QByteArray("199999"));
        // Above the record limit it is refused, not buffered.
        QVERIFY(readAll(data, 1000, 1 << 20).error.contains(QLatin1String("limit")));
    }

    void everyTruncationIsReported()
    {
        const QByteArray data = readFile(fixture(QStringLiteral("redis-7.0.rdb")));
        QVERIFY(!data.isEmpty());
        for (qsizetype length = 0; length < data.size(); ++length) {
            const ReadResult r = readAll(data.first(length));
            QVERIFY2(r.error.contains(QLatin1String("truncated")),
                     qPrintable(QStringLiteral("%1 bytes: %2").arg(length).arg(r.error)));
        }
        QVERIFY(readAll(data).error.isEmpty());
    }

    void flippedBytesAreRefused()
    {
        const QByteArray data = readFile(fixture(QStringLiteral("redis-6.2.16.rdb")));
        const qsizetype hello = data.indexOf("hello world");
        QVERIFY(hello > 0);
        QByteArray changed = data;
        changed[hello + 3] = 'L';
        QVERIFY2(readAll(changed).error.contains(QLatin1String("checksum")),
                 qPrintable(readAll(changed).error));
        // Any single flipped byte anywhere: an error, never a crash or a silently different read.
        for (qsizetype i = 0; i < data.size(); ++i) {
            QByteArray flipped = data;
            flipped[i] = char(flipped[i] ^ 0x5a);
            QVERIFY2(!readAll(flipped).error.isEmpty(), qPrintable(QStringLiteral("byte %1").arg(i)));
        }
        // Bytes after the end are refused too.
        QVERIFY(readAll(QByteArray(data + "x")).error.contains(QLatin1String("follow the end")));
    }

    void checksumZeroMeansDisabled()
    {
        QByteArray data = rdbFile(char(RdbString) + rdbString("k") + rdbString("v"));
        data.chop(8);
        data.append(QByteArray(8, '\0'));
        const ReadResult r = readAll(data);
        QVERIFY2(r.error.isEmpty(), qPrintable(r.error));
        QCOMPARE(r.records.size(), 1);
    }

    void foreignDataIsRefused_data()
    {
        QTest::addColumn<QByteArray>("data");
        QTest::addColumn<QString>("message");
        QTest::newRow("not rdb") << QByteArray("PK\x03\x04 some zip file")
                                 << QStringLiteral("not an RDB file");
        QTest::newRow("newer version") << rdbFile({}, 13) << QStringLiteral("newer than this reader");
        QTest::newRow("unknown type")
            << rdbFile(QByteArray(1, char(42)) + rdbString("k")) << QStringLiteral("unknown value type 42");
        QTest::newRow("module value")
            << rdbFile(char(RdbModule2) + rdbString("doc") + moduleId("ReJSON-RL", 3) + QByteArray(20, 'x'))
            << QStringLiteral("\"ReJSON-RL\"");
        QTest::newRow("huge string") << rdbFile(char(RdbString) + rdbString("k") +
                                                rdbLength(Q_UINT64_C(1) << 62))
                                     << QStringLiteral("exceeds the reader's limit");
        QTest::newRow("huge lzf claim") << rdbFile(char(RdbString) + rdbString("k") + char(0xc3) +
                                                   rdbLength(4) + rdbLength(1 << 28) + QByteArray(4, 'a'))
                                        << QStringLiteral("claims");
        QTest::newRow("huge count") << rdbFile(char(RdbList) + rdbString("k") +
                                               rdbLength(Q_UINT64_C(1) << 40))
                                    << QStringLiteral("exceeds the reader's limit");
        QTest::newRow("bad ziplist")
            << rdbFile(char(RdbListZiplist) + rdbString("k") + rdbString("garbage-bytes"), 9) << QString();
    }
    void foreignDataIsRefused()
    {
        QFETCH(QByteArray, data);
        QFETCH(QString, message);
        const ReadResult r = readAll(data);
        if (message.isEmpty()) {
            // The reader only finds extents; a damaged container shows when the value is decoded.
            QVERIFY2(r.error.isEmpty(), qPrintable(r.error));
            const auto decoded = decodeValue(r.records.first().type, r.records.first().value);
            QVERIFY(!decoded.ok());
            QVERIFY2(decoded.error().message().contains(QLatin1String("ziplist")),
                     qPrintable(decoded.error().message()));
            return;
        }
        QVERIFY2(r.error.contains(message), qPrintable(r.error));
        QVERIFY2(r.error.startsWith(QLatin1String("RDB record at byte ")), qPrintable(r.error));
    }

    void oldEncodingsDecode()
    {
        // Forms no current server writes but older files hold: a plain list, a zset with text scores,
        // a zipmap hash, a set of strings, a hash of strings, EXPIRETIME in seconds, aux and module aux.
        QByteArray zipmap = QByteArray(1, char(2)) + char(2) + "f1" + char(2) + char(0) + "v1" + char(1) +
                            "g" + char(3) + char(1) + "abcX" + char(0xff);
        QByteArray body = char(250) + rdbString("redis-ver") + rdbString("2.4.0");
        body += char(247) + moduleId("mymodule1", 1) + rdbLength(2) + rdbLength(2) + rdbLength(1) +
                rdbLength(7) + rdbLength(5) + rdbString("abc") + rdbLength(0);
        body += char(254) + rdbLength(3);
        body += char(253) + QByteArray::fromHex("00ca9a3b"); // 1000000000 s
        body += char(RdbList) + rdbString("list") + rdbLength(2) + rdbString("x") + rdbString("y");
        body += char(RdbZset) + rdbString("z") + rdbLength(2) + rdbString("a") + char(3) + "1.5" +
                rdbString("b") + char(254);
        body += char(RdbHashZipmap) + rdbString("h") + rdbString(zipmap);
        const ReadResult r = readAll(rdbFile(body, 6));
        QVERIFY2(r.error.isEmpty(), qPrintable(r.error));
        QCOMPARE(r.records.size(), 5);
        QCOMPARE(r.records[1].kind, RdbRecord::Kind::ModuleAux);
        QCOMPARE(r.records[1].name, QByteArray("mymodule1"));
        QCOMPARE(r.records[2].db, 3);
        QCOMPARE(r.records[2].expireMs, std::optional<qint64>(1000000000000));
        QCOMPARE(r.records[3].expireMs, std::nullopt);
        QCOMPARE(canonicalForm("list", decodeValue(RdbList, r.records[2].value).value()),
                 canonicalForm("list", items(LogicalType::List, {"x", "y"})));
        QCOMPARE(canonicalForm("z", decodeValue(RdbZset, r.records[3].value).value()),
                 canonicalForm("z", zset({{"a", 1.5}, {"b", std::numeric_limits<double>::infinity()}})));
        QCOMPARE(canonicalForm("h", decodeValue(RdbHashZipmap, r.records[4].value).value()),
                 canonicalForm("h", items(LogicalType::Hash, {"g", "abc", "f1", "v1"})));
    }

    void canonicalForms()
    {
        QCOMPARE(canonicalScore(1), QByteArray("1"));
        QCOMPARE(canonicalScore(2.5), QByteArray("2.5"));
        QCOMPARE(canonicalScore(0.1), QByteArray("0.1"));
        QCOMPARE(canonicalScore(-1.5), QByteArray("-1.5"));
        QCOMPARE(canonicalScore(1e20), QByteArray("1e+20"));
        QCOMPARE(canonicalScore(std::numeric_limits<double>::infinity()), QByteArray("inf"));
        QCOMPARE(canonicalScore(-std::numeric_limits<double>::infinity()), QByteArray("-inf"));
        // Sets and hashes are sorted, lists are not.
        QCOMPARE(canonicalForm("s", items(LogicalType::Set, {"b", "a", "ab"})),
                 QByteArray("$1\ns\n$3\nset\n*3\n$1\na\n$2\nab\n$1\nb\n"));
        QCOMPARE(canonicalForm("h", items(LogicalType::Hash, {"z", "1", "a", "2"})),
                 QByteArray("$1\nh\n$4\nhash\n*2\n$1\na\n$1\n2\n$1\nz\n$1\n1\n"));
        QCOMPARE(canonicalForm("l", items(LogicalType::List, {"b", "a"})),
                 QByteArray("$1\nl\n$4\nlist\n*2\n$1\nb\n$1\na\n"));
        QCOMPARE(canonicalForm("z", zset({{"b", 2}, {"a", 0.5}})),
                 QByteArray("$1\nz\n$4\nzset\n*2\n$1\na\n$3\n0.5\n$1\nb\n$1\n2\n"));
    }

    void containersRefuseBadInput_data()
    {
        QTest::addColumn<int>("kind");
        QTest::addColumn<QByteArray>("blob");
        QTest::newRow("ziplist short") << 0 << QByteArray::fromHex("0b000000");
        QTest::newRow("ziplist total lies") << 0 << QByteArray::fromHex("ff0000000a00000001000000ff");
        QTest::newRow("ziplist string past end") << 0 << QByteArray::fromHex("0d0000000a000000010000 3f41ff");
        QTest::newRow("listpack no end") << 1 << QByteArray::fromHex("0900000001008101");
        QTest::newRow("listpack string past end") << 1 << QByteArray::fromHex("0900000001008f41ff");
        QTest::newRow("listpack bad encoding") << 1 << QByteArray::fromHex("0900000001 00f5 01ff");
        QTest::newRow("intset width") << 2 << QByteArray::fromHex("03000000010000000102 03");
        QTest::newRow("intset count") << 2 << QByteArray::fromHex("0200000005000000 0100");
        QTest::newRow("zipmap key past end") << 3 << QByteArray::fromHex("01 0a 41 ff");
    }
    void containersRefuseBadInput()
    {
        QFETCH(int, kind);
        QFETCH(QByteArray, blob);
        QList<QByteArray> out;
        QString why;
        const bool ok = kind == 0   ? parseZiplist(blob, &out, &why)
                        : kind == 1 ? parseListpack(blob, &out, &why)
                        : kind == 2 ? parseIntset(blob, &out, &why)
                                    : parseZipmap(blob, &out, &why);
        QVERIFY(!ok);
        QVERIFY(!why.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestRdbReader)
#include "tst_rdb_reader.moc"
