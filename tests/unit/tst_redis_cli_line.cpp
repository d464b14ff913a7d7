// The redis-cli lines of the log and --dry-run: one builder for "-h HOST -p PORT ARGS" and for
// "--cluster SUBCOMMAND", the same program and credential options in both.
#include "redis/redis_cli_line.h"
#include "redis/redis_pool.h"

#include <QTest>

using namespace rcs;

class TestRedisCliLine final : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void plainLine_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("line");
        QTest::newRow("plain words") << QStringList{QStringLiteral("CLUSTER"), QStringLiteral("MEET"),
                                                    QStringLiteral("10.0.0.2"), QStringLiteral("6379")}
                                     << QStringLiteral(
                                            "redis-cli -h 10.0.0.1 -p 6379 CLUSTER MEET 10.0.0.2 6379");
        QTest::newRow("empty argument")
            << QStringList{QStringLiteral("CONFIG"), QStringLiteral("SET"), QStringLiteral("save"), QString()}
            << QStringLiteral("redis-cli -h 10.0.0.1 -p 6379 CONFIG SET save ''");
        QTest::newRow("space and quote")
            << QStringList{QStringLiteral("SET"), QStringLiteral("k"), QStringLiteral("it's here")}
            << QStringLiteral("redis-cli -h 10.0.0.1 -p 6379 SET k 'it'\\''s here'");
        QTest::newRow("brace range stays for the shell")
            << QStringList{QStringLiteral("CLUSTER"), QStringLiteral("ADDSLOTS"), QStringLiteral("{0..5460}")}
            << QStringLiteral("redis-cli -h 10.0.0.1 -p 6379 CLUSTER ADDSLOTS {0..5460}");
        QTest::newRow("hash tag is quoted") << QStringList{QStringLiteral("GET"), QStringLiteral("{a,b}")}
                                            << QStringLiteral("redis-cli -h 10.0.0.1 -p 6379 GET '{a,b}'");
    }

    void plainLine()
    {
        QFETCH(QStringList, args);
        QFETCH(QString, line);
        QCOMPARE(redisCliLine(nullptr, {QStringLiteral("10.0.0.1"), 6379}, args), line);
    }

    void binaryArgvIsUtf8()
    {
        QCOMPARE(redisCliLine(nullptr, {QStringLiteral("10.0.0.1"), 7000},
                              QList<QByteArray>{"SET", "k\xc3\xa9", "v"}),
                 QStringLiteral("redis-cli -h 10.0.0.1 -p 7000 SET 'k\u00e9' v"));
    }

    void credentialsAreOptionsNeverThePassword()
    {
        RedisPool pool;
        RedisConnectionOptions options;
        QCOMPARE(redisCliLine(&pool, {QStringLiteral("10.0.0.1"), 6379}, QStringList{QStringLiteral("PING")}),
                 QStringLiteral("redis-cli -h 10.0.0.1 -p 6379 PING"));
        options.password = QStringLiteral("s3cret pass");
        pool.setOptions(options);
        const QString withPassword =
            redisCliLine(&pool, {QStringLiteral("10.0.0.1"), 6379}, QStringList{QStringLiteral("PING")});
        QCOMPARE(withPassword, QStringLiteral("redis-cli -h 10.0.0.1 -p 6379 --askpass PING"));
        options.user = QStringLiteral("ops team");
        pool.setOptions(options);
        const QString withUser =
            redisCliLine(&pool, {QStringLiteral("10.0.0.1"), 6379}, QStringList{QStringLiteral("PING")});
        QCOMPARE(withUser, QStringLiteral("redis-cli -h 10.0.0.1 -p 6379 --user 'ops team' --askpass PING"));
        const QString cluster = redisCliClusterLine(&pool, {QStringLiteral("10.0.0.1"), 6379},
                                                    QStringLiteral("fix"), {QStringLiteral("10.0.0.1:6379")});
        QCOMPARE(cluster,
                 QStringLiteral("redis-cli --user 'ops team' --askpass --cluster fix 10.0.0.1:6379"));
        for (const QString &line : {withPassword, withUser, cluster})
            QVERIFY2(!line.contains(QLatin1String("s3cret")), qPrintable(line));
    }

    // TLS: files the user gave are named; PEM read from a Secret shows as the Secret's file names; the
    // name to verify is the node's own (per address), else the pool's; the key's text never shows.
    void tlsOptionsFollowTheirSource()
    {
        RedisPool pool;
        RedisConnectionOptions options;
        options.tls.enabled = true;
        options.tls.caFile = QStringLiteral("/etc/my ca.pem");
        options.tls.peerName = QStringLiteral("redis.example.com");
        pool.setOptions(options);
        const NodeAddress node{QStringLiteral("10.0.0.1"), 6379};
        QCOMPARE(redisCliLine(&pool, node, QStringList{QStringLiteral("PING")}),
                 QStringLiteral("redis-cli -h 10.0.0.1 -p 6379 --tls --cacert '/etc/my ca.pem' --sni "
                                "redis.example.com PING"));

        options.tls.caFile.clear();
        options.tls.caCertificates = "-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n";
        options.tls.clientCertificate = "-----BEGIN CERTIFICATE-----\nMIIC\n-----END CERTIFICATE-----\n";
        options.tls.clientKey = "-----BEGIN PRIVATE KEY-----\nsecretkeytext\n-----END PRIVATE KEY-----\n";
        options.password = QStringLiteral("pw");
        pool.setOptions(options);
        pool.setPeerName(node, QStringLiteral("redis-app-0.redis-service.ns.svc.cluster.local"));
        const QString line = redisCliLine(&pool, node, QStringList{QStringLiteral("PING")});
        QCOMPARE(line,
                 QStringLiteral("redis-cli -h 10.0.0.1 -p 6379 --tls --cacert ca.crt --cert tls.crt --key "
                                "tls.key --sni redis-app-0.redis-service.ns.svc.cluster.local --askpass "
                                "PING"));
        QVERIFY(!line.contains(QLatin1String("secretkeytext")));
        QCOMPARE(redisCliClusterLine(&pool, node, QStringLiteral("check"), {node.toString()}),
                 QStringLiteral("redis-cli --tls --cacert ca.crt --cert tls.crt --key tls.key --sni "
                                "redis-app-0.redis-service.ns.svc.cluster.local --askpass --cluster check "
                                "10.0.0.1:6379"));
        // Another node without a name of its own: the pool's.
        QVERIFY(redisCliLine(&pool, {QStringLiteral("10.0.0.2"), 6379}, QStringList{})
                    .endsWith(QLatin1String("--sni redis.example.com --askpass")));
    }

    void unreadNodeRunsWhatItsClusterRuns()
    {
        // A node the pool has not read (a new pod being met) is called with its cluster's cli when every
        // node read so far runs one engine, and with redis-cli when they differ.
        RedisPool pool;
        const NodeAddress fresh{QStringLiteral("10.0.0.9"), 6379};
        const QStringList ping{QStringLiteral("PING")};
        QCOMPARE(redisCliLine(&pool, fresh, ping), QStringLiteral("redis-cli -h 10.0.0.9 -p 6379 PING"));
        const ServerIdentity valkey =
            serverIdentityFromInfo({{QStringLiteral("server_name"), QStringLiteral("valkey")},
                                    {QStringLiteral("valkey_version"), QStringLiteral("8.0.1")},
                                    {QStringLiteral("redis_version"), QStringLiteral("7.2.4")}})
                .value();
        pool.rememberServerIdentity({QStringLiteral("10.0.0.1"), 6379}, valkey);
        pool.rememberServerIdentity({QStringLiteral("10.0.0.2"), 6379}, valkey);
        QCOMPARE(redisCliLine(&pool, fresh, ping), QStringLiteral("valkey-cli -h 10.0.0.9 -p 6379 PING"));
        const ServerIdentity redis =
            serverIdentityFromInfo({{QStringLiteral("redis_version"), QStringLiteral("7.0.15")}}).value();
        pool.rememberServerIdentity({QStringLiteral("10.0.0.3"), 6379}, redis);
        QCOMPARE(redisCliLine(&pool, fresh, ping), QStringLiteral("redis-cli -h 10.0.0.9 -p 6379 PING"));
    }

    void clusterLineWritesWordsAsGiven()
    {
        // A shell substitution (the new pod's IP) must reach the shell unquoted.
        QCOMPARE(redisCliClusterLine(
                     nullptr, {QStringLiteral("10.0.0.1"), 6379}, QStringLiteral("add-node"),
                     {QStringLiteral("$(kubectl get pod redis-app-6 -o jsonpath='{.status.podIP}'):6379"),
                      QStringLiteral("10.0.0.1:6379"), QStringLiteral("--cluster-slave")}),
                 QStringLiteral("redis-cli --cluster add-node $(kubectl get pod redis-app-6 -o "
                                "jsonpath='{.status.podIP}'):6379 10.0.0.1:6379 --cluster-slave"));
    }

    void reshard()
    {
        QCOMPARE(
            reshardLine(nullptr, {QStringLiteral("10.0.0.1"), 6379}, QStringLiteral("aaa"),
                        QStringLiteral("bbb"), 1365),
            QStringLiteral("redis-cli --cluster reshard 10.0.0.1:6379 --cluster-from aaa --cluster-to bbb "
                           "--cluster-slots 1365 --cluster-yes"));
    }
};

QTEST_GUILESS_MAIN(TestRedisCliLine)
#include "tst_redis_cli_line.moc"
