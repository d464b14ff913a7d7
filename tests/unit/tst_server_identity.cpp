#include "redis/cluster_info_parser.h"
#include "redis/server_identity.h"

#include <QTest>

using namespace rcs;

// The server a node runs, from its INFO server section: Valkey keeps redis_version at the Redis version
// it is compatible with, so only server_name / valkey_version tell it apart.
class TestServerIdentity final : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void fromInfo_data()
    {
        QTest::addColumn<QByteArray>("info");
        QTest::addColumn<QString>("shown");
        QTest::addColumn<bool>("valkey");
        QTest::addColumn<bool>("replicatesSetSlot");

        QTest::newRow("redis 5.0.5") << QByteArray("# Server\r\nredis_version:5.0.5\r\nredis_mode:cluster\r\n")
                                     << "redis 5.0.5" << false << false;
        QTest::newRow("redis 7.0.15") << QByteArray("# Server\r\nredis_version:7.0.15\r\n") << "redis 7.0.15"
                                      << false << false;
        QTest::newRow("valkey 8.0.1")
            << QByteArray("# Server\r\nredis_version:7.2.4\r\nserver_name:valkey\r\nvalkey_version:8.0.1\r\n")
            << "valkey 8.0.1" << true << true;
        // Valkey 7.2 forked before SETSLOT was replicated.
        QTest::newRow("valkey 7.2.5")
            << QByteArray("# Server\r\nredis_version:7.2.5\r\nserver_name:valkey\r\nvalkey_version:7.2.5\r\n")
            << "valkey 7.2.5" << true << false;
        QTest::newRow("no INFO") << QByteArray() << "unknown server" << false << false;
    }
    void fromInfo()
    {
        QFETCH(QByteArray, info);
        QFETCH(QString, shown);
        QFETCH(bool, valkey);
        QFETCH(bool, replicatesSetSlot);
        const ServerIdentity identity = serverIdentityFromInfo(parseInfoFields(info));
        QCOMPARE(identity.toString(), shown);
        QCOMPARE(identity.isValkey(), valkey);
        QCOMPARE(identity.replicatesSetSlot(), replicatesSetSlot);
        QCOMPARE(identity.isKnown(), !info.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestServerIdentity)
#include "tst_server_identity.moc"
