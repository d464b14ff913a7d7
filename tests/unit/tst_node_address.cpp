#include "redis/node_address.h"

#include <QTest>

using namespace rcs;

class TestNodeAddress final : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void parse_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<bool>("ok");
        QTest::addColumn<QString>("host");
        QTest::addColumn<int>("port");
        QTest::newRow("ip:port") << "10.244.1.5:6379" << true << "10.244.1.5" << 6379;
        QTest::newRow("default port") << "127.0.0.1" << true << "127.0.0.1" << 6379;
        QTest::newRow("spaces") << "  127.0.0.2:7000 " << true << "127.0.0.2" << 7000;
        QTest::newRow("v6 bracketed") << "[::1]:7001" << true << "::1" << 7001;
        QTest::newRow("v6 bare") << "fe80::1" << true << "fe80::1" << 6379;
        QTest::newRow("empty") << "" << false << "" << 0;
        QTest::newRow("port zero") << "a:0" << false << "" << 0;
        QTest::newRow("port too big") << "a:65536" << false << "" << 0;
        QTest::newRow("port text") << "a:redis" << false << "" << 0;
        QTest::newRow("no host") << ":6379" << false << "" << 0;
        QTest::newRow("unclosed") << "[::1:6379" << false << "" << 0;
    }
    void parse()
    {
        QFETCH(QString, text);
        QFETCH(bool, ok);
        const Result<NodeAddress> result = NodeAddress::parse(text);
        QCOMPARE(result.ok(), ok);
        if (!ok) {
            QCOMPARE(result.error().code(), ErrorCode::InvalidInput);
            QVERIFY(result.error().message().contains(QStringLiteral("HOST:PORT")));
            return;
        }
        QFETCH(QString, host);
        QFETCH(int, port);
        QCOMPARE(result->host, host);
        QCOMPARE(int(result->port), port);
    }
    void roundTrip()
    {
        QCOMPARE(NodeAddress::parse(QStringLiteral("[::1]:7001"))->toString(), QStringLiteral("[::1]:7001"));
        QCOMPARE(NodeAddress::parse(QStringLiteral("10.0.0.1:6380"))->toString(),
                 QStringLiteral("10.0.0.1:6380"));
    }
    void list()
    {
        const auto list = NodeAddress::parseList(QStringLiteral("127.0.0.1:1,127.0.0.2:2"));
        QVERIFY(list.ok());
        QCOMPARE(list->size(), 2);
        QCOMPARE(list->at(1).port, quint16(2));
        QVERIFY(!NodeAddress::parseList(QStringLiteral("127.0.0.1:1,,127.0.0.2")).ok());
    }
};

QTEST_GUILESS_MAIN(TestNodeAddress)
#include "tst_node_address.moc"
