// The RESP bytes of RESTORE that the restore's hot path builds by hand (issue 18); the RDB version of
// each server and the payloads are tst_rdb_transcode's.
#include "backup/restore_commands.h"

#include <QTest>

using namespace rcs;
using namespace rcs::backup;

class TestRestoreCommands final : public QObject {
    Q_OBJECT

private Q_SLOTS:
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
};

QTEST_GUILESS_MAIN(TestRestoreCommands)
#include "tst_restore_commands.moc"
