#include "redis/cluster_nodes_parser.h"
#include "redis/replica_placement.h"

#include <QTest>

using namespace rcs;

namespace {

QString nodeId(int i)
{
    return QStringLiteral("%1").arg(i, 40, 10, QLatin1Char('0'));
}

// Masters 0, 1, 2 (slots split evenly) on workers w0, w1, w2; replicas listed as "replica:master".
ClusterTopology topologyWith(const QList<QPair<int, int>> &replicas, bool masterTwoFailed = false)
{
    QStringList lines;
    const QStringList ranges{QStringLiteral("0-5460"), QStringLiteral("5461-10922"),
                             QStringLiteral("10923-16383")};
    for (int m = 0; m < 3; ++m) {
        const QString flags =
            m == 0 ? QStringLiteral("myself,master")
                   : (m == 2 && masterTwoFailed ? QStringLiteral("master,fail") : QStringLiteral("master"));
        lines.append(QStringLiteral("%1 10.0.0.%2:6379@16379 %3 - 0 0 %4 connected %5")
                         .arg(nodeId(m))
                         .arg(m + 1)
                         .arg(flags)
                         .arg(m + 1)
                         .arg(ranges.at(m)));
    }
    for (const auto &[replica, master] : replicas) {
        lines.append(QStringLiteral("%1 10.0.0.%2:6379@16379 slave %3 0 0 1 connected")
                         .arg(nodeId(replica))
                         .arg(replica + 1)
                         .arg(nodeId(master)));
    }
    NodeView view;
    view.address = NodeAddress{QStringLiteral("10.0.0.1"), 6379};
    view.reachable = true;
    view.nodes = *parseClusterNodes(lines.join(QLatin1Char('\n')).toUtf8());
    QMap<QString, PodInfo> pods;
    for (int i = 0; i < 9; ++i) {
        const QString ip = QStringLiteral("10.0.0.%1").arg(i + 1);
        pods.insert(ip, PodInfo{QStringLiteral("redis-%1").arg(i), ip, QStringLiteral("w%1").arg(i % 3),
                                QStringLiteral("Running"), true, 0});
    }
    return ClusterTopology::fromViews({view}, pods);
}

} // namespace

class TestReplicaPlacement final : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void choose_data()
    {
        QTest::addColumn<QString>("replicas"); // "replica:master,…"
        QTest::addColumn<QString>("group");
        QTest::addColumn<bool>("masterTwoFailed");
        QTest::addColumn<int>("expected");
        QTest::newRow("no replicas yet: first master in another group") << ""
                                                                        << "w0" << false << 1;
        QTest::newRow("no replicas, group of nobody") << ""
                                                      << "w9" << false << 0;
        QTest::newRow("fewest replicas wins") << "3:0,4:1"
                                              << "w0" << false << 2;
        QTest::newRow("other group beats fewer replicas") << "3:0,4:1"
                                                          << "w2" << false << 0;
        QTest::newRow("only same group left") << "3:0,4:0,5:1,6:1"
                                              << "w9" << false << 2;
        QTest::newRow("failed master skipped") << "3:0,4:1"
                                               << "w0" << true << 1;
    }
    void choose()
    {
        QFETCH(QString, replicas);
        QFETCH(QString, group);
        QFETCH(bool, masterTwoFailed);
        QList<QPair<int, int>> pairs;
        for (const QString &item : replicas.split(QLatin1Char(','), Qt::SkipEmptyParts))
            pairs.append(
                {item.section(QLatin1Char(':'), 0, 0).toInt(), item.section(QLatin1Char(':'), 1).toInt()});
        const Result<QString> chosen = chooseMasterForReplica(topologyWith(pairs, masterTwoFailed), group);
        QVERIFY2(chosen.ok(), qPrintable(chosen.error().message()));
        QFETCH(int, expected);
        QCOMPARE(*chosen, nodeId(expected));
    }
    void noMasterIsRefused()
    {
        const Result<QString> chosen = chooseMasterForReplica(ClusterTopology(), QStringLiteral("w0"));
        QVERIFY(!chosen.ok());
        QCOMPARE(chosen.error().code(), ErrorCode::Refused);
    }
};

QTEST_GUILESS_MAIN(TestReplicaPlacement)
#include "tst_replica_placement.moc"
