// The backup archive without servers: an archive written around the RDB fixtures of every server
// verifies, its slot digests equal those computed from the fixtures' known logical values, and each kind
// of damage is refused naming the member; the live-reply conversions of live_digest.h.
#include "backup/backup_archive.h"
#include "backup/live_digest.h"
#include "backup/slot_digest.h"
#include "rdb_samples.h"

#include <QTemporaryDir>
#include <QTest>

using namespace rcs;
using namespace rcs::backup;
using namespace rcs::backup::test;

namespace {

// A one-shard archive around rdb, its manifest computed as the backup job does; edit may change the
// manifest before it is written.
QString writeArchive(const QTemporaryDir &dir, const QByteArray &rdb,
                     const std::function<void(BackupManifest &)> &edit = {})
{
    BackupManifest manifest;
    manifest.time = QDateTime::currentDateTimeUtc();
    ShardManifest shard;
    shard.address = QStringLiteral("127.0.0.1:6379");
    shard.nodeId = QStringLiteral("0123456789abcdef0123456789abcdef01234567");
    shard.server = QStringLiteral("redis 7.0.15");
    shard.slotSet = SlotSet::all();
    RdbReader reader;
    SlotDigests digests;
    Result<void> read = reader.feed(rdb);
    if (read.ok())
        read = reader.finish();
    if (read.ok())
        read = addRecords(reader.takeRecords(), digests, &shard.slotSet, shard.member());
    if (!read) {
        qWarning("%s", qPrintable(read.error().message()));
        return {};
    }
    shard.rdbVersion = reader.version();
    shard.keys = digests.keyCount();
    shard.slotDigests = digests.digests();
    const QString path = dir.filePath(QStringLiteral("a.rcsbackup"));
    BackupArchiveWriter writer;
    if (!writer.open(path, true).ok() || !writer.beginMember(shard.member()).ok())
        return {};
    // In odd chunks, as a stream arrives.
    for (qsizetype at = 0; at < rdb.size(); at += 333)
        writer.write(QByteArrayView(rdb).sliced(at, std::min<qsizetype>(333, rdb.size() - at)));
    const Result<BackupArchiveWriter::MemberSummary> summary = writer.endMember();
    if (!summary)
        return {};
    shard.rdbBytes = summary.value().bytes;
    shard.rdbSha256 = summary.value().sha256;
    manifest.shards.append(shard);
    if (edit)
        edit(manifest);
    if (!writer.addMember(QString::fromLatin1(BackupManifest::MemberName), manifest.toJson()).ok() ||
        !writer.commit().ok())
        return {};
    return path;
}

// The fixture's keys of database 0 only (a cluster node has no other; the fixtures, written by a
// standalone server, also hold a key in database 1), with their TTLs, rewritten as an RDB of the same
// version.
QByteArray clusterRdb(const QString &server)
{
    RdbReader reader;
    if (!reader.feed(readFile(fixture(server + QStringLiteral(".rdb")))).ok() || !reader.finish().ok())
        return {};
    QByteArray body;
    for (const RdbRecord &record : reader.takeRecords()) {
        if (record.kind != RdbRecord::Kind::Key || record.db != 0)
            continue;
        if (record.expireMs) {
            body += char(0xfc);
            for (int i = 0; i < 8; ++i)
                body += char((quint64(*record.expireMs) >> (8 * i)) & 0xff);
        }
        body += char(record.type) + rdbString(record.name) + record.value;
    }
    return rdbFile(body, reader.version());
}

QByteArray fileBytes(const QString &path)
{
    return readFile(path);
}

void writeBytes(const QString &path, const QByteArray &bytes)
{
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    file.write(bytes);
}

} // namespace

class TestBackupArchive final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void fixturesVerify_data()
    {
        QTest::addColumn<QString>("server");
        for (const QString &server : fixtureServers())
            QTest::newRow(qPrintable(server)) << server;
    }

    void fixturesVerify()
    {
        QFETCH(QString, server);
        QTemporaryDir dir;
        const QByteArray rdb = clusterRdb(server);
        QVERIFY(!rdb.isEmpty());
        const QString path = writeArchive(dir, rdb);
        QVERIFY(!path.isEmpty());
        QVERIFY(!QFile::exists(BackupArchiveWriter::partialPath(path)));
        const Result<VerifiedArchive> verified = verifyArchive(path);
        QVERIFY2(verified.ok(), qPrintable(verified.error().message()));
        const ShardManifest &shard = verified.value().manifest.shards.first();
        QCOMPARE(shard.rdbBytes, rdb.size());
        QCOMPARE(shard.slotSet, SlotSet::all());
        // The digests are those of the fixtures' known logical contents.
        const QMap<QByteArray, LogicalValue> expected = expectedKeys(
            !server.startsWith(QLatin1String("redis-5")) && !server.startsWith(QLatin1String("redis-6")));
        SlotDigests fromValues;
        for (auto it = expected.cbegin(); it != expected.cend(); ++it) {
            if (it.key() != "db1:key")
                fromValues.add(it.key(), it.value());
        }
        QCOMPARE(shard.keys, fromValues.keyCount());
        QCOMPARE(shard.slotDigests, fromValues.digests());
        // The tar layout: the first header names shard-0.rdb, ustar magic, the size in octal.
        const QByteArray bytes = fileBytes(path);
        QCOMPARE(bytes.left(11), QByteArray("shard-0.rdb"));
        QCOMPARE(bytes.mid(257, 6), QByteArray("ustar\0", 6));
        QCOMPARE(bytes.mid(124, 11).toLongLong(nullptr, 8), rdb.size());
        QCOMPARE(bytes.size() % 512, 0);
        QCOMPARE(bytes.right(1024), QByteArray(1024, '\0'));
    }

    void damageIsRefused_data()
    {
        QTest::addColumn<QString>("damage");
        QTest::addColumn<QString>("expected");
        QTest::newRow("header altered") << "header"
                                        << "fails its checksum";
        QTest::newRow("rdb byte flipped") << "flip"
                                          << "shard-0.rdb";
        QTest::newRow("truncated in the rdb") << "truncate"
                                              << "truncated: shard-0.rdb";
        QTest::newRow("no end blocks") << "ends"
                                       << "truncated";
        QTest::newRow("slot digest changed") << "digest"
                                             << "shard-0.rdb: the digest of slot";
        QTest::newRow("key outside the shard's slots") << "slots"
                                                       << "which its shard did not serve";
        QTest::newRow("manifest lists a missing member") << "member"
                                                         << "lacks shard-1.rdb";
        QTest::newRow("not a tar") << "foreign"
                                   << "fails its checksum";
        QTest::newRow("empty file") << "empty"
                                    << "truncated";
    }

    void damageIsRefused()
    {
        QFETCH(QString, damage);
        QFETCH(QString, expected);
        QTemporaryDir dir;
        const QByteArray rdb = clusterRdb(QStringLiteral("redis-6.2.16"));
        std::function<void(BackupManifest &)> edit;
        if (damage == QLatin1String("digest"))
            edit = [](BackupManifest &m) { m.shards[0].slotDigests.first() = QByteArray(64, 'a'); };
        if (damage == QLatin1String("slots"))
            edit = [](BackupManifest &m) { m.shards[0].slotSet = SlotSet::range(0, 0); };
        if (damage == QLatin1String("member"))
            edit = [](BackupManifest &m) {
                ShardManifest second = m.shards[0];
                second.index = 1;
                second.slotSet = SlotSet();
                m.shards.append(second);
            };
        const QString path = writeArchive(dir, rdb, edit);
        QVERIFY(!path.isEmpty());
        QByteArray bytes = fileBytes(path);
        if (damage == QLatin1String("header"))
            bytes[3] = 'X';
        if (damage == QLatin1String("flip"))
            bytes[512 + rdb.size() / 2] = char(bytes.at(512 + rdb.size() / 2) ^ 0x01);
        if (damage == QLatin1String("truncate"))
            bytes.truncate(512 + rdb.size() / 2);
        if (damage == QLatin1String("ends"))
            bytes.chop(1024);
        if (damage == QLatin1String("foreign"))
            bytes = QByteArray(2048, 'x');
        if (damage == QLatin1String("empty"))
            bytes.clear();
        writeBytes(path, bytes);
        const Result<VerifiedArchive> verified = verifyArchive(path);
        QVERIFY(!verified.ok());
        QVERIFY2(verified.error().message().contains(expected), qPrintable(verified.error().message()));
    }

    void noOverwriteUnlessAsked()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("x"));
        writeBytes(path, "keep");
        BackupArchiveWriter writer;
        const Result<void> opened = writer.open(path, false);
        QVERIFY(!opened.ok());
        QCOMPARE(opened.error().code(), ErrorCode::Conflict);
        QCOMPARE(fileBytes(path), QByteArray("keep"));
        {
            BackupArchiveWriter abandoned;
            QVERIFY(abandoned.open(path, true).ok());
            QVERIFY(QFile::exists(BackupArchiveWriter::partialPath(path)));
        } // never committed: the .partial goes, the old file stays
        QVERIFY(!QFile::exists(BackupArchiveWriter::partialPath(path)));
        QCOMPARE(fileBytes(path), QByteArray("keep"));
    }

    void liveValues()
    {
        const Result<LogicalValue> zset =
            liveValue("zset", RedisReply::array({RedisReply::string("a"), RedisReply::string("1.5"),
                                                 RedisReply::string("b"), RedisReply::string("inf"),
                                                 RedisReply::string("c"), RedisReply::string("-inf")}));
        QVERIFY(zset.ok());
        QCOMPARE(zset->items, (QList<QByteArray>{"a", "b", "c"}));
        QCOMPARE(zset->scores.at(0), 1.5);
        QVERIFY(std::isinf(zset->scores.at(1)) && zset->scores.at(1) > 0);
        QVERIFY(std::isinf(zset->scores.at(2)) && zset->scores.at(2) < 0);
        QVERIFY(
            !liveValue("zset", RedisReply::array({RedisReply::string("a"), RedisReply::string("x")})).ok());
        QVERIFY(!liveValue("string", RedisReply::array({})).ok());
        QVERIFY(!liveValue("MBbloom--", RedisReply::nil()).ok());
        // The live form and the RDB form give the same canonical bytes.
        const Result<LogicalValue> hash =
            liveValue("hash", RedisReply::array({RedisReply::string("f2"), RedisReply::string("2"),
                                                 RedisReply::string("f1"), RedisReply::string("v1")}));
        QVERIFY(hash.ok());
        QCOMPARE(canonicalForm("h", *hash),
                 canonicalForm("h", items(LogicalType::Hash, {"f1", "v1", "f2", "2"})));
    }
};

QTEST_GUILESS_MAIN(TestBackupArchive)
#include "tst_backup_archive.moc"
