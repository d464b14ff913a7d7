#include "redis/server_identity.h"
#include "server_info_samples.h"

#include <QTest>

using namespace rcs;

// serverIdentityFromInfo on the INFO server replies real servers sent (server_info_samples.h), and on
// replies it must refuse.
class TestServerIdentity final : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void realReplies_data()
    {
        QTest::addColumn<QByteArray>("reply");
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("version");
        QTest::addColumn<QString>("redisVersion");
        QTest::addColumn<QString>("cli");
        QTest::newRow("redis 5.0.5") << QByteArray(kInfoServerRedis505) << "redis"
                                     << "5.0.5"
                                     << "5.0.5"
                                     << "redis-cli";
        QTest::newRow("redis 6.2.16") << QByteArray(kInfoServerRedis6216) << "redis"
                                      << "6.2.16"
                                      << "6.2.16"
                                      << "redis-cli";
        QTest::newRow("redis 7.0.15") << QByteArray(kInfoServerRedis7015) << "redis"
                                      << "7.0.15"
                                      << "7.0.15"
                                      << "redis-cli";
        // Valkey keeps redis_version at the Redis release it is compatible with; its own is valkey_version.
        QTest::newRow("valkey 8.0.1") << QByteArray(kInfoServerValkey801) << "valkey"
                                      << "8.0.1"
                                      << "7.2.4"
                                      << "valkey-cli";
        // The scan asks plain INFO (every default section); the identity is read from it just the same.
        QTest::newRow("valkey 8.0.1, whole INFO") << QByteArray(kInfoValkey801) << "valkey"
                                                  << "8.0.1"
                                                  << "7.2.4"
                                                  << "valkey-cli";
    }
    void realReplies()
    {
        QFETCH(QByteArray, reply);
        QFETCH(QString, name);
        QFETCH(QString, version);
        QFETCH(QString, redisVersion);
        QFETCH(QString, cli);
        const Result<ServerIdentity> identity = parseServerIdentity(reply);
        QVERIFY2(identity.ok(), qPrintable(identity.error().message()));
        QCOMPARE(identity->name(), name);
        QCOMPARE(identity->isValkey(), name == QLatin1String("valkey"));
        QCOMPARE(identity->version.toString(), version);
        QCOMPARE(identity->redisVersion.toString(), redisVersion);
        QCOMPARE(identity->cliName(), cli);
        QCOMPARE(identity->toString(), name + QLatin1Char(' ') + version);
        const QVersionNumber expected = QVersionNumber::fromString(version);
        QCOMPARE(identity->majorVersion(), expected.majorVersion());
        QCOMPARE(identity->minorVersion(), expected.minorVersion());
        QCOMPARE(identity->patchVersion(), expected.microVersion());
    }

    void refused_data()
    {
        QTest::addColumn<QByteArray>("reply");
        QTest::addColumn<QString>("named"); // what the error message must name
        QTest::newRow("empty") << QByteArray() << "redis_version";
        QTest::newRow("no version") << QByteArray("# Server\r\nredis_mode:cluster\r\n") << "redis_version";
        QTest::newRow("unreadable version") << QByteArray("redis_version:unknown\r\n") << "'unknown'";
        QTest::newRow("unknown engine")
            << QByteArray("server_name:keydb\r\nredis_version:6.3.2\r\n") << "'keydb'";
        QTest::newRow("valkey without its version")
            << QByteArray("server_name:valkey\r\nredis_version:7.2.4\r\n") << "valkey_version";
    }
    void refused()
    {
        QFETCH(QByteArray, reply);
        QFETCH(QString, named);
        const Result<ServerIdentity> identity = parseServerIdentity(reply);
        QVERIFY(!identity.ok());
        QCOMPARE(identity.error().code(), ErrorCode::Protocol);
        QVERIFY2(identity.error().message().contains(named), qPrintable(identity.error().message()));
        QVERIFY2(identity.error().message().endsWith(QLatin1Char('.')),
                 qPrintable(identity.error().message()));
    }

    void redisNamedExplicitly()
    {
        // A Redis that names itself (as Valkey does) is Redis all the same.
        const Result<ServerIdentity> identity =
            parseServerIdentity("server_name:redis\r\nredis_version:8.0.0\r\n");
        QVERIFY2(identity.ok(), qPrintable(identity.error().message()));
        QCOMPARE(identity->engine, ServerEngine::Redis);
        QCOMPARE(identity->version, QVersionNumber(8, 0, 0));
    }
};

QTEST_GUILESS_MAIN(TestServerIdentity)
#include "tst_server_identity.moc"
