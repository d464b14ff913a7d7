// The pure parts of the restore (issue 18): the RDB version each supported server reads (which decides
// the payloads), the RESP bytes of RESTORE built by hand for the hot path, and the temporary
// restorePayload's refusal of a type the target does not read.
#include "backup/rdb_transcode.h"
#include "backup/rdb_value.h"
#include "backup/restore_commands.h"
#include "redis/server_identity.h"

#include <QTest>

using namespace rcs;
using namespace rcs::backup;

class TestRestoreCommands final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void rdbVersionOfEachServer_data()
    {
        QTest::addColumn<QByteArray>("info");
        QTest::addColumn<int>("rdb");
        QTest::newRow("redis 4.0") << QByteArray("redis_version:4.0.14\r\n") << 0;
        QTest::newRow("redis 5.0") << QByteArray("redis_version:5.0.5\r\n") << 9;
        QTest::newRow("redis 6.0") << QByteArray("redis_version:6.0.20\r\n") << 9;
        QTest::newRow("redis 6.2") << QByteArray("redis_version:6.2.16\r\n") << 9;
        QTest::newRow("redis 7.0") << QByteArray("redis_version:7.0.15\r\n") << 10;
        QTest::newRow("redis 7.2") << QByteArray("redis_version:7.2.5\r\n") << 11;
        QTest::newRow("redis 7.4") << QByteArray("redis_version:7.4.1\r\n") << 12;
        QTest::newRow("redis 8.0") << QByteArray("redis_version:8.0.2\r\n") << 12;
        QTest::newRow("valkey 7.2") << QByteArray("redis_version:7.2.4\r\nserver_name:valkey\r\n"
                                                  "valkey_version:7.2.5\r\n")
                                    << 11;
        QTest::newRow("valkey 8.0") << QByteArray("redis_version:7.2.4\r\nserver_name:valkey\r\n"
                                                  "valkey_version:8.0.1\r\n")
                                    << 11;
    }
    void rdbVersionOfEachServer()
    {
        QFETCH(QByteArray, info);
        QFETCH(int, rdb);
        const Result<ServerIdentity> identity = parseServerIdentity(info);
        QVERIFY2(identity.ok(), qPrintable(identity.error().message()));
        QCOMPARE(rdbVersionOf(identity.value()), rdb);
    }

    void restoreCommandBytes_data()
    {
        QTest::addColumn<QByteArray>("key");
        QTest::addColumn<qint64>("ttl");
        QTest::addColumn<QByteArray>("payload");
        QTest::addColumn<bool>("replace");
        QTest::addColumn<QByteArray>("expected");
        QTest::newRow("plain") << QByteArray("k") << qint64(0) << QByteArray("\x00\x01", 2) << false
                               << QByteArray("*5\r\n$7\r\nRESTORE\r\n$1\r\nk\r\n$1\r\n0\r\n$2\r\n") +
                                      QByteArray("\x00\x01", 2) + QByteArray("\r\n$6\r\nABSTTL\r\n");
        QTest::newRow("ttl, replace")
            << QByteArray("key") << qint64(1765152000123) << QByteArray("p") << true
            << QByteArray("*6\r\n$7\r\nRESTORE\r\n$3\r\nkey\r\n$13\r\n1765152000123\r\n"
                          "$1\r\np\r\n$7\r\nREPLACE\r\n$6\r\nABSTTL\r\n");
        QTest::newRow("empty binary key")
            << QByteArray() << qint64(5) << QByteArray("\r\n") << false
            << QByteArray("*5\r\n$7\r\nRESTORE\r\n$0\r\n\r\n$1\r\n5\r\n$2\r\n\r\n\r\n"
                          "$6\r\nABSTTL\r\n");
    }
    void restoreCommandBytes()
    {
        QFETCH(QByteArray, key);
        QFETCH(qint64, ttl);
        QFETCH(QByteArray, payload);
        QFETCH(bool, replace);
        QFETCH(QByteArray, expected);
        QByteArray out = "before";
        appendRestoreCommand(out, key, ttl, payload, replace);
        QCOMPARE(out, "before" + expected);
    }

    void payloadForAnOlderTarget_data()
    {
        QTest::addColumn<int>("type");
        QTest::addColumn<int>("target");
        QTest::addColumn<bool>("accepted");
        QTest::newRow("string into 5.0") << int(RdbString) << 9 << true;
        QTest::newRow("hash listpack into 7.0") << int(RdbHashListpack) << 10 << true;
        QTest::newRow("hash listpack into 6.2") << int(RdbHashListpack) << 9 << false;
        QTest::newRow("set listpack into 7.0") << int(RdbSetListpack) << 10 << false;
        QTest::newRow("set listpack into 7.2") << int(RdbSetListpack) << 11 << true;
        QTest::newRow("stream 3 into 7.0") << int(RdbStreamListpacks3) << 10 << false;
        QTest::newRow("ziplist hash into 7.2") << int(RdbHashZiplist) << 11 << true;
    }
    void payloadForAnOlderTarget()
    {
        QFETCH(int, type);
        QFETCH(int, target);
        QFETCH(bool, accepted);
        RdbRecord record;
        record.type = quint8(type);
        record.value = QByteArray("\x03"
                                  "abc",
                                  4);
        QString why;
        const QByteArray payload = restorePayload(record, target, &why);
        QCOMPARE(!payload.isEmpty(), accepted);
        if (accepted) {
            // The payload is stamped with the target's version: RESTORE refuses a newer stamp.
            QCOMPARE(payload, dumpPayload(record.type, record.value, target));
            QVERIFY(why.isEmpty());
        } else {
            QVERIFY2(why.contains(QStringLiteral("needs RDB version")), qPrintable(why));
        }
    }
};

QTEST_GUILESS_MAIN(TestRestoreCommands)
#include "tst_restore_commands.moc"
