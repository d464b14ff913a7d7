#include "redis/cluster_nodes_parser.h"

#include <QTest>

using namespace rcs;

namespace {

// From the seed (kubernetes-redis-5.0.5-cluster.md), Redis 5.0.5 on Kubernetes.
const char seedOutput[] =
    "cda0c5b72a8cde9e93e01089c7092a9a710431c5 10.244.0.187:6379@16379 master - 0 1567150579000 2 connected "
    "5461-10922\n"
    "a66c30807d2857cfd0d50e4c10587744045aa0be 10.244.0.188:6379@16379 slave "
    "cda0c5b72a8cde9e93e01089c7092a9a710431c5 0 1567150579077 6 connected\n"
    "8434b3117c9e3304c51a7f1b463a8b5a3a6dcfaa 10.244.2.245:6379@16379 myself,master - 0 1567150579000 1 "
    "connected 0-5460\n"
    "bfb98a4d55c77b86686c8900ffa105cde7020c13 10.244.1.50:6379@16379 slave "
    "c05c483527bdbcaf7636e275dc8976e02dc41619 0 1567150580581 4 connected\n"
    "c0fcd18205a3455f9877d3c36ea0a53e47091619 10.244.2.246:6379@16379 slave "
    "8434b3117c9e3304c51a7f1b463a8b5a3a6dcfaa 0 1567150579578 5 connected\n"
    "c05c483527bdbcaf7636e275dc8976e02dc41619 10.244.1.49:6379@16379 master - 0 1567150579077 3 connected "
    "10923-16383\n";

const QByteArray idA = "8434b3117c9e3304c51a7f1b463a8b5a3a6dcfaa";
const QByteArray idB = "cda0c5b72a8cde9e93e01089c7092a9a710431c5";
const QByteArray shard = "2c6e2f0ba3f6e6c8f5d8ce84cd6c96b55c47e8cb";

// Collapses a QStringBuilder expression so QTest's typed data columns accept it.
QByteArray bytes(const QByteArray &text)
{
    return text;
}

} // namespace

class TestClusterNodesParser final : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void line_data()
    {
        QTest::addColumn<QByteArray>("line");
        QTest::addColumn<QString>("host");
        QTest::addColumn<int>("port");
        QTest::addColumn<int>("busPort");
        QTest::addColumn<QString>("hostname");
        QTest::addColumn<QString>("flags");
        QTest::addColumn<QString>("masterId");
        QTest::addColumn<qint64>("pong");
        QTest::addColumn<qint64>("epoch");
        QTest::addColumn<bool>("connected");
        QTest::addColumn<QString>("slots");
        QTest::addColumn<QString>("migrating"); // "slot>id" items joined by ';'
        QTest::addColumn<QString>("importing");
        QTest::addColumn<QString>("aux"); // "k=v" items joined by ';'

        const QString none;
        const QString b = QString::fromLatin1(idB);
        const QString shardId = QStringLiteral("shard-id=") + QString::fromLatin1(shard);
        QTest::newRow("5.0 seed master")
            << bytes(idB + " 10.244.0.187:6379@16379 master - 0 1567150579000 2 connected 5461-10922")
            << "10.244.0.187" << 6379 << 16379 << none << "master" << none << qint64(1567150579000)
            << qint64(2) << true << "5461-10922" << none << none << none;
        QTest::newRow("5.0 seed replica")
            << bytes("a66c30807d2857cfd0d50e4c10587744045aa0be 10.244.0.188:6379@16379 slave " + idB +
                     " 0 1567150579077 6 connected")
            << "10.244.0.188" << 6379 << 16379 << none << "slave" << b << qint64(1567150579077) << qint64(6)
            << true << none << none << none << none;
        QTest::newRow("5.0 seed myself")
            << bytes(idA + " 10.244.2.245:6379@16379 myself,master - 0 1567154111000 11 connected 0-5460")
            << "10.244.2.245" << 6379 << 16379 << none << "myself,master" << none << qint64(1567154111000)
            << qint64(11) << true << "0-5460" << none << none << none;
        QTest::newRow("7.0 hostname")
            << bytes(idA +
                     " 10.0.0.1:7000@17000,redis-0.redis master - 0 1700000000000 3 connected 0-100 200")
            << "10.0.0.1" << 7000 << 17000 << "redis-0.redis"
            << "master" << none << qint64(1700000000000) << qint64(3) << true << "0-100,200" << none << none
            << none;
        QTest::newRow("7.2 empty hostname and shard-id")
            << bytes(idA + " 10.0.0.1:6379@16379,,shard-id=" + shard +
                     " myself,master - 0 0 1 connected 0-5460")
            << "10.0.0.1" << 6379 << 16379 << none << "myself,master" << none << qint64(0) << qint64(1)
            << true << "0-5460" << none << none << shardId;
        QTest::newRow("7.2 hostname and several aux fields")
            << bytes(idA + " 10.0.0.1:6379@16379,redis-1,shard-id=" + shard +
                     ",nodename=cache-a,tcp-port=6379 slave " + idB + " 0 1700000000001 4 connected")
            << "10.0.0.1" << 6379 << 16379 << "redis-1"
            << "slave" << b << qint64(1700000000001) << qint64(4) << true << none << none << none
            << QStringLiteral("nodename=cache-a;") + shardId + QStringLiteral(";tcp-port=6379");
        QTest::newRow("aux without hostname")
            << bytes(idA + " 10.0.0.1:6379@16379,shard-id=" + shard + " master - 0 0 1 connected")
            << "10.0.0.1" << 6379 << 16379 << none << "master" << none << qint64(0) << qint64(1) << true
            << none << none << none << shardId;
        QTest::newRow("noaddr") << bytes(idA +
                                         " :0@0 master,noaddr - 1426238317239 1426238316232 2 disconnected")
                                << none << 0 << 0 << none << "master,noaddr" << none << qint64(1426238316232)
                                << qint64(2) << false << none << none << none << none;
        QTest::newRow("fresh node, own ip unknown")
            << bytes(idA + " :6379@16379 myself,master - 0 0 0 connected") << none << 6379 << 16379 << none
            << "myself,master" << none << qint64(0) << qint64(0) << true << none << none << none << none;
        QTest::newRow("handshake")
            << bytes(idA + " 127.0.0.9:6379@16379 handshake - 1700000000000 0 0 disconnected") << "127.0.0.9"
            << 6379 << 16379 << none << "handshake" << none << qint64(0) << qint64(0) << false << none << none
            << none << none;
        QTest::newRow("pfail") << bytes(idA + " 10.0.0.2:6379@16379 master,fail? - 1700000000000 "
                                              "1699999990000 2 disconnected 5461-10922")
                               << "10.0.0.2" << 6379 << 16379 << none << "master,fail?" << none
                               << qint64(1699999990000) << qint64(2) << false << "5461-10922" << none << none
                               << none;
        QTest::newRow("fail")
            << bytes(
                   idA +
                   " 10.0.0.2:6379@16379 master,fail - 1700000000000 1699999990000 2 disconnected 5461-10922")
            << "10.0.0.2" << 6379 << 16379 << none << "master,fail" << none << qint64(1699999990000)
            << qint64(2) << false << "5461-10922" << none << none << none;
        QTest::newRow("replica fail and nofailover")
            << bytes(idA + " 10.0.0.3:6379@16379 slave,fail,nofailover " + idB + " 0 0 2 disconnected")
            << "10.0.0.3" << 6379 << 16379 << none << "slave,fail,nofailover" << b << qint64(0) << qint64(2)
            << false << none << none << none << none;
        QTest::newRow("myself replica")
            << bytes(idA + " 10.0.0.3:6379@16379 myself,slave " + idB + " 0 0 2 connected") << "10.0.0.3"
            << 6379 << 16379 << none << "myself,slave" << b << qint64(0) << qint64(2) << true << none << none
            << none << none;
        QTest::newRow("noflags") << bytes(idA + " 10.0.0.3:6379@16379 noflags - 0 0 0 connected")
                                 << "10.0.0.3" << 6379 << 16379 << none << "noflags" << none << qint64(0)
                                 << qint64(0) << true << none << none << none << none;
        QTest::newRow("migrating and importing")
            << bytes(idA + " 10.0.0.1:6379@16379 myself,master - 0 0 1 connected 0-5459 5460 [5460->-" + idB +
                     "] [5461-<-" + idB + "]")
            << "10.0.0.1" << 6379 << 16379 << none << "myself,master" << none << qint64(0) << qint64(1)
            << true << "0-5460" << QStringLiteral("5460>") + b << QStringLiteral("5461>") + b << none;
        QTest::newRow("ipv6 loopback")
            << bytes(idA + " ::1:30001@40001 myself,master - 0 0 1 connected 0-16383") << "::1" << 30001
            << 40001 << none << "myself,master" << none << qint64(0) << qint64(1) << true << "0-16383" << none
            << none << none;
        QTest::newRow("ipv6 full") << bytes(idA + " 2001:db8::7:6379@16379,redis-2 master - 0 5 1 connected")
                                   << "2001:db8::7" << 6379 << 16379 << "redis-2"
                                   << "master" << none << qint64(5) << qint64(1) << true << none << none
                                   << none << none;
        QTest::newRow("pre-4.0 without bus port")
            << bytes(idA + " 10.0.0.1:7000 master - 0 0 1 connected 1") << "10.0.0.1" << 7000 << 17000 << none
            << "master" << none << qint64(0) << qint64(1) << true << "1" << none << none << none;
        QTest::newRow("crlf and extra spaces")
            << bytes(idA + "  10.0.0.1:6379@16379 master  - 0 0 1 connected 3 \r") << "10.0.0.1" << 6379
            << 16379 << none << "master" << none << qint64(0) << qint64(1) << true << "3" << none << none
            << none;
    }
    void line()
    {
        QFETCH(QByteArray, line);
        const Result<ClusterNodeInfo> parsed = parseClusterNodeLine(line);
        QVERIFY2(parsed.ok(), qPrintable(parsed.error().message()));
        const ClusterNodeInfo &node = *parsed;
        QCOMPARE(node.id, QString::fromLatin1(line.trimmed().left(40)));
        QTEST(node.address.host, "host");
        QTEST(int(node.address.port), "port");
        QTEST(int(node.busPort), "busPort");
        QTEST(node.hostname, "hostname");
        QTEST(nodeFlagsToString(node.flags), "flags");
        QTEST(node.masterId, "masterId");
        QTEST(node.pongRecv, "pong");
        QTEST(qint64(node.configEpoch), "epoch");
        QTEST(node.linkConnected, "connected");
        QTEST(node.slotSet.toString(), "slots");
        const auto joined = [](const QMap<int, QString> &map) {
            QStringList items;
            for (auto it = map.cbegin(); it != map.cend(); ++it)
                items.append(QString::number(it.key()) + QLatin1Char('>') + it.value());
            return items.join(QLatin1Char(';'));
        };
        QTEST(joined(node.migrating), "migrating");
        QTEST(joined(node.importing), "importing");
        QStringList aux;
        for (auto it = node.auxFields.cbegin(); it != node.auxFields.cend(); ++it)
            aux.append(it.key() + QLatin1Char('=') + it.value());
        QTEST(aux.join(QLatin1Char(';')), "aux");
    }
    void flagHelpers()
    {
        const auto node = parseClusterNodeLine(
            idA + " :0@0 myself,slave,fail?,fail,handshake,noaddr,nofailover " + idB + " 0 0 0 disconnected");
        QVERIFY(node.ok());
        QVERIFY(node->isMyself());
        QVERIFY(!node->isMaster());
        QVERIFY(node->isReplica());
        QVERIFY(node->isPfail());
        QVERIFY(node->isFail());
        QVERIFY(node->isHandshake());
        QVERIFY(node->isNoAddr());
        QVERIFY(node->isNoFailover());
        QVERIFY(!node->hasAddress());
        QCOMPARE(nodeFlagsToString(node->flags),
                 QStringLiteral("myself,slave,fail?,fail,handshake,noaddr,nofailover"));
    }
    void unknownFlagIsKept()
    {
        const auto node = parseClusterNodeLine(idA + " 10.0.0.1:6379@16379 master,shiny - 0 0 0 connected");
        QVERIFY(node.ok());
        QVERIFY(node->isMaster());
        QCOMPARE(node->unknownFlags, QStringList{QStringLiteral("shiny")});
    }

    void malformed_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<int>("line");
        QTest::addColumn<QString>("reason");
        const QByteArray good = idA + " 10.0.0.1:6379@16379 myself,master - 0 0 1 connected 0-5460\n";
        QTest::newRow("too few fields")
            << QByteArray(idA + " 10.0.0.1:6379@16379 master - 0 0") << 1 << "fields";
        QTest::newRow("short id") << QByteArray("abc 10.0.0.1:6379@16379 master - 0 0 1 connected") << 1
                                  << "40 hex";
        QTest::newRow("non-hex id") << QByteArray(QByteArray(40, 'z') +
                                                  " 10.0.0.1:6379@16379 master - 0 0 1 connected")
                                    << 1 << "40 hex";
        QTest::newRow("no port") << QByteArray(good + idB + " 10.0.0.1 master - 0 0 1 connected") << 2
                                 << "no port";
        QTest::newRow("port too big")
            << QByteArray(good + idB + " 10.0.0.1:70000@16379 master - 0 0 1 connected") << 2 << "port";
        QTest::newRow("bus port text")
            << QByteArray(good + idB + " 10.0.0.1:6379@bus master - 0 0 1 connected") << 2 << "bus port";
        QTest::newRow("aux after hostname not key=value")
            << QByteArray(good + idB + " 10.0.0.1:6379@16379,h,oops master - 0 0 1 connected") << 2
            << "key=value";
        QTest::newRow("empty flag") << QByteArray(good + idB +
                                                  " 10.0.0.1:6379@16379 master,,slave - 0 0 1 connected")
                                    << 2 << "flags";
        QTest::newRow("bad master id")
            << QByteArray(good + idB + " 10.0.0.1:6379@16379 slave xyz 0 0 1 connected") << 2 << "master id";
        QTest::newRow("ping text") << QByteArray(good + idB + " 10.0.0.1:6379@16379 master - a 0 1 connected")
                                   << 2 << "ping";
        QTest::newRow("epoch text") << QByteArray(good + idB +
                                                  " 10.0.0.1:6379@16379 master - 0 0 x connected")
                                    << 2 << "epoch";
        QTest::newRow("link state") << QByteArray(good + idB + " 10.0.0.1:6379@16379 master - 0 0 1 linked")
                                    << 2 << "link state";
        QTest::newRow("slot too big")
            << QByteArray(good + idB + " 10.0.0.1:6379@16379 master - 0 0 1 connected 16384") << 2
            << "0..16383";
        QTest::newRow("reversed range")
            << QByteArray(good + idB + " 10.0.0.1:6379@16379 master - 0 0 1 connected 9-3") << 2
            << "ends before";
        QTest::newRow("slot garbage")
            << QByteArray(good + idB + " 10.0.0.1:6379@16379 master - 0 0 1 connected 1-x") << 2 << "slot";
        QTest::newRow("unclosed open slot")
            << QByteArray(good + idB + " 10.0.0.1:6379@16379 master - 0 0 1 connected [5->-" + idA) << 2
            << "']'";
        QTest::newRow("open slot bad arrow")
            << QByteArray(good + idB + " 10.0.0.1:6379@16379 master - 0 0 1 connected [5=>-" + idA + "]") << 2
            << "entry";
        QTest::newRow("open slot bad id")
            << QByteArray(good + idB + " 10.0.0.1:6379@16379 master - 0 0 1 connected [5->-abc]") << 2
            << "40 hex";
        QTest::newRow("duplicate id") << QByteArray(good + "\n" + good) << 3 << "twice";
        QTest::newRow("two myself") << QByteArray(good + idB +
                                                  " 10.0.0.2:6379@16379 myself,master - 0 0 1 connected")
                                    << 2 << "myself";
        QTest::newRow("binary garbage") << QByteArray("\x01\x02\xff garbage\n") << 1 << "fields";
    }
    void malformed()
    {
        QFETCH(QByteArray, text);
        QFETCH(int, line);
        QFETCH(QString, reason);
        const Result<QList<ClusterNodeInfo>> parsed = parseClusterNodes(text);
        QVERIFY(!parsed.ok());
        QCOMPARE(parsed.error().code(), ErrorCode::Protocol);
        QVERIFY2(parsed.error().message().contains(QStringLiteral("Line %1 ").arg(line)),
                 qPrintable(parsed.error().message()));
        QVERIFY2(parsed.error().message().contains(reason), qPrintable(parsed.error().message()));
        QVERIFY(!parsed.error().detail().isEmpty());
    }

    void seedOutputParses()
    {
        const auto nodes = parseClusterNodes(QByteArray(seedOutput));
        QVERIFY2(nodes.ok(), qPrintable(nodes.error().message()));
        QCOMPARE(nodes->size(), 6);
        int masters = 0;
        int myself = 0;
        SlotSet covered;
        for (const ClusterNodeInfo &node : *nodes) {
            masters += node.isMaster() ? 1 : 0;
            myself += node.isMyself() ? 1 : 0;
            covered |= node.slotSet;
            QVERIFY(node.linkConnected);
            QCOMPARE(node.busPort, quint16(16379));
        }
        QCOMPARE(masters, 3);
        QCOMPARE(myself, 1);
        QVERIFY(covered.isFull());
        QCOMPARE(nodes->at(3).masterId, QStringLiteral("c05c483527bdbcaf7636e275dc8976e02dc41619"));
    }
    void nodesConfWithVarsLine()
    {
        const QByteArray conf = idA + " 10.0.0.1:6379@16379,,shard-id=" + shard +
                                " myself,master - 0 0 1 connected 0-5460 [5460->-" + idB + "]\n" + idB +
                                " 10.0.0.2:6379@16379,,shard-id=" + shard +
                                " master,fail - 1700000000000 1700000000000 2 disconnected 5461-16383\n"
                                "vars currentEpoch 6 lastVoteEpoch 0\n";
        const auto nodes = parseClusterNodes(conf);
        QVERIFY2(nodes.ok(), qPrintable(nodes.error().message()));
        QCOMPARE(nodes->size(), 2);
        QCOMPARE(nodes->at(0).shardId(), QString::fromLatin1(shard));
        QCOMPARE(nodes->at(0).migrating.value(5460), QString::fromLatin1(idB));
        QVERIFY(nodes->at(0).hasOpenSlots());
        QVERIFY(nodes->at(1).isFail());
    }
    // Malformed input of every shape gives a Protocol error naming the line, never a crash: every prefix
    // of a real 5.0 and a 7.2 reply (cut anywhere, as a short read would), and every byte of them
    // replaced by each character the format gives meaning to.
    void everyCutAndMutationParsesOrFails()
    {
        const QByteArray reply72 =
            idA + " 10.0.0.1:6379@16379,redis-0,shard-id=" + shard +
            ",nodename=n1 myself,master - 0 1700000000000 1 connected 0-5460 [5460->-" + idB + "] [5461-<-" +
            idB + "]\r\n" + idB + " :0@0 master,noaddr - 1700000000000 1700000000000 2 disconnected\r\n";
        const QByteArray meaningful(" ,:@-[]<>\n=x\xff");
        int parsed = 0;
        int refused = 0;
        for (const QByteArray &reply : {QByteArray(seedOutput), reply72}) {
            QList<QByteArray> inputs;
            for (qsizetype cut = 0; cut <= reply.size(); ++cut)
                inputs.append(reply.left(cut));
            for (qsizetype at = 0; at < reply.size(); ++at) {
                for (const char c : meaningful) {
                    QByteArray mutated = reply;
                    mutated[at] = c;
                    inputs.append(mutated);
                }
            }
            for (const QByteArray &input : std::as_const(inputs)) {
                const Result<QList<ClusterNodeInfo>> result = parseClusterNodes(input);
                if (result.ok()) {
                    ++parsed;
                    continue;
                }
                ++refused;
                QCOMPARE(result.error().code(), ErrorCode::Protocol);
                QVERIFY2(result.error().message().startsWith(QStringLiteral("Line ")),
                         qPrintable(result.error().message()));
            }
        }
        // Both kinds occur, so the loop did test something on each side.
        QVERIFY(parsed > 0);
        QVERIFY(refused > 0);
    }

    void emptyAndBlankInput()
    {
        QVERIFY(parseClusterNodes(QByteArray()).ok());
        QVERIFY(parseClusterNodes(QByteArray()).value().isEmpty());
        const auto blank = parseClusterNodes(QByteArray("\r\n\n  \n"));
        QVERIFY(blank.ok());
        QVERIFY(blank->isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestClusterNodesParser)
#include "tst_cluster_nodes_parser.moc"
