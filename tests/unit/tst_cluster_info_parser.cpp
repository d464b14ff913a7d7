#include "redis/cluster_info_parser.h"

#include <QTest>

using namespace rcs;

class TestClusterInfoParser final : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void seedReply()
    {
        // The seed's CLUSTER INFO (Redis 5.0.5), as the server sends it: CRLF lines.
        const QByteArray reply =
            "cluster_state:ok\r\ncluster_slots_assigned:16384\r\ncluster_slots_ok:16384\r\n"
            "cluster_slots_pfail:0\r\ncluster_slots_fail:0\r\ncluster_known_nodes:6\r\n"
            "cluster_size:3\r\ncluster_current_epoch:6\r\ncluster_my_epoch:1\r\n"
            "cluster_stats_messages_ping_sent:3155\r\ncluster_stats_messages_pong_sent:3280\r\n"
            "cluster_stats_messages_sent:6435\r\ncluster_stats_messages_received:6435\r\n";
        const Result<ClusterInfo> info = parseClusterInfo(reply);
        QVERIFY2(info.ok(), qPrintable(info.error().message()));
        QVERIFY(info->isOk());
        QCOMPARE(info->state, QStringLiteral("ok"));
        QCOMPARE(info->slotsAssigned, 16384);
        QCOMPARE(info->slotsOk, 16384);
        QCOMPARE(info->slotsPfail, 0);
        QCOMPARE(info->slotsFail, 0);
        QCOMPARE(info->knownNodes, 6);
        QCOMPARE(info->size, 3);
        QCOMPARE(info->currentEpoch, quint64(6));
        QCOMPARE(info->myEpoch, quint64(1));
        QCOMPARE(info->fields.value(QStringLiteral("cluster_stats_messages_pong_sent")),
                 QStringLiteral("3280"));
        QCOMPARE(info->fields.size(), 13);
    }
    void failingClusterWithLfLines()
    {
        const QByteArray reply = "cluster_state:fail\ncluster_slots_assigned:16384\ncluster_slots_ok:10923\n"
                                 "cluster_slots_pfail:0\ncluster_slots_fail:5461\ncluster_known_nodes:7\n"
                                 "cluster_size:3\ncluster_current_epoch:11\ncluster_my_epoch:0\n"
                                 "total_cluster_links_buffer_limit_exceeded:0\n";
        const Result<ClusterInfo> info = parseClusterInfo(reply);
        QVERIFY(info.ok());
        QVERIFY(!info->isOk());
        QCOMPARE(info->slotsFail, 5461);
        QCOMPARE(info->knownNodes, 7);
        QCOMPARE(info->fields.value(QStringLiteral("total_cluster_links_buffer_limit_exceeded")),
                 QStringLiteral("0"));
    }
    void malformed_data()
    {
        QTest::addColumn<QByteArray>("reply");
        QTest::addColumn<QString>("reason");
        QTest::newRow("empty") << QByteArray() << "cluster_state";
        QTest::newRow("no state") << QByteArray("cluster_known_nodes:1\r\n") << "cluster_state";
        QTest::newRow("line without colon") << QByteArray("cluster_state:ok\r\nhello\r\n") << "Line 2";
        QTest::newRow("number is text")
            << QByteArray("cluster_state:ok\r\ncluster_size:three\r\n") << "cluster_size";
        QTest::newRow("error reply text")
            << QByteArray("ERR This instance has cluster support disabled") << "Line 1";
    }
    void malformed()
    {
        QFETCH(QByteArray, reply);
        QFETCH(QString, reason);
        const Result<ClusterInfo> info = parseClusterInfo(reply);
        QVERIFY(!info.ok());
        QCOMPARE(info.error().code(), ErrorCode::Protocol);
        QVERIFY2(info.error().message().contains(reason), qPrintable(info.error().message()));
    }
    // Every prefix of a real reply and every byte of it replaced by a character the format gives meaning
    // to: a Protocol error or a parse, never a crash.
    void everyCutAndMutationParsesOrFails()
    {
        const QByteArray reply =
            "cluster_state:ok\r\ncluster_slots_assigned:16384\r\ncluster_slots_ok:16384\r\n"
            "cluster_known_nodes:6\r\ncluster_size:3\r\ncluster_current_epoch:6\r\n";
        int refused = 0;
        QList<QByteArray> inputs;
        for (qsizetype cut = 0; cut <= reply.size(); ++cut)
            inputs.append(reply.left(cut));
        for (qsizetype at = 0; at < reply.size(); ++at) {
            for (const char c : QByteArray(":\r\n x-\xff")) {
                QByteArray mutated = reply;
                mutated[at] = c;
                inputs.append(mutated);
            }
        }
        for (const QByteArray &input : std::as_const(inputs)) {
            const Result<ClusterInfo> info = parseClusterInfo(input);
            if (info.ok())
                continue;
            ++refused;
            QCOMPARE(info.error().code(), ErrorCode::Protocol);
            QVERIFY(!info.error().message().isEmpty());
        }
        QVERIFY(refused > 0);
    }

    void infoFieldsAndKeyCount()
    {
        const QByteArray reply =
            "# Server\r\nredis_version:7.0.15\r\nredis_mode:cluster\r\n\r\n# Memory\r\n"
            "used_memory:1234567\r\n\r\n# Keyspace\r\ndb0:keys=12,expires=1,avg_ttl=0\r\n"
            "db3:keys=30,expires=0,avg_ttl=0\r\n";
        const QMap<QString, QString> fields = parseInfoFields(reply);
        QCOMPARE(fields.value(QStringLiteral("redis_version")), QStringLiteral("7.0.15"));
        QCOMPARE(fields.value(QStringLiteral("used_memory")), QStringLiteral("1234567"));
        QCOMPARE(keyCountFromInfo(fields), qint64(42));
        QCOMPARE(keyCountFromInfo(parseInfoFields("# Keyspace\r\n")), qint64(0));
        // "dbfilename"-like keys are not databases.
        QCOMPARE(keyCountFromInfo({{QStringLiteral("dbx"), QStringLiteral("keys=5")}}), qint64(0));
    }
};

QTEST_GUILESS_MAIN(TestClusterInfoParser)
#include "tst_cluster_info_parser.moc"
