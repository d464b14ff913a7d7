#include "redis_cli_check.h"
#include "support/redis_test_nodes.h"
#include "support/studio_process.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace rcs;
using rcs::test::RedisTestNodes;

namespace {

using Run = rcs::test::StudioRun;
using rcs::test::runStudio;

} // namespace

// The day-2 commands through the real executable: usage errors, then one cluster's life — add a
// master, fail over, remove the master, check --fix, and recover after every node got a new address.
class TestLifecycleCommands final : public QObject {
    Q_OBJECT
private:
    RedisTestNodes m_nodes;

    QString clusterNodes() const
    {
        QStringList six;
        for (int i = 0; i < 6; ++i)
            six.append(m_nodes.address(i).toString());
        return six.join(QLatin1Char(','));
    }
    QJsonArray statusNodes()
    {
        const Run run = runStudio({QStringLiteral("status"), QStringLiteral("--nodes"),
                                   m_nodes.address(0).toString(), QStringLiteral("--json")});
        return run.json().value(QStringLiteral("nodes")).toArray();
    }
    QString idWith(const QString &role, const QString &address = {})
    {
        for (const QJsonValue &value : statusNodes()) {
            const QJsonObject node = value.toObject();
            if (node.value(QStringLiteral("role")).toString() == role &&
                (address.isEmpty() || node.value(QStringLiteral("address")).toString() == address))
                return node.value(QStringLiteral("id")).toString();
        }
        return {};
    }

    // Every node as the seed sees it: id → role, master and slots.
    QMap<QString, QString> shape()
    {
        QMap<QString, QString> nodes;
        for (const QJsonValue &value : statusNodes()) {
            const QJsonObject node = value.toObject();
            nodes.insert(node.value(QStringLiteral("id")).toString(),
                         QStringList{node.value(QStringLiteral("role")).toString(),
                                     node.value(QStringLiteral("master_id")).toString(),
                                     node.value(QStringLiteral("slots")).toString()}
                             .join(QLatin1Char(' ')));
        }
        return nodes;
    }

    QString roleOf(const QString &id)
    {
        for (const QJsonValue &value : statusNodes()) {
            if (value.toObject().value(QStringLiteral("id")).toString() == id)
                return value.toObject().value(QStringLiteral("role")).toString();
        }
        return {};
    }

private Q_SLOTS:
    void initTestCase()
    {
        const Result<void> started = m_nodes.start(7);
        QVERIFY2(started.ok(), qPrintable(started.error().message()));
        const Run run = runStudio({QStringLiteral("create"), QStringLiteral("--nodes"), clusterNodes(),
                                   QStringLiteral("--cluster-replicas"), QStringLiteral("1")});
        QVERIFY2(run.exitCode == 0, qPrintable(run.describe()));
        const QString differs = test::redisCliDisagreement(m_nodes.address(0));
        QVERIFY2(differs.isEmpty(), qPrintable(differs));
    }

    void usageErrors_data()
    {
        QTest::addColumn<QStringList>("args");
        const QString n = QStringLiteral("--nodes");
        const QString a = QStringLiteral("127.0.0.1:1");
        QTest::newRow("reshard zero slots") << QStringList{QStringLiteral("reshard"),
                                                           n,
                                                           a,
                                                           QStringLiteral("--to"),
                                                           QStringLiteral("x"),
                                                           QStringLiteral("--slots"),
                                                           QStringLiteral("0")};
        QTest::newRow("reshard without target")
            << QStringList{QStringLiteral("reshard"), n, a, QStringLiteral("--slots"), QStringLiteral("5")};
        QTest::newRow("add-node bad role") << QStringList{
            QStringLiteral("add-node"), n, a, QStringLiteral("--new"), a, QStringLiteral("--role"),
            QStringLiteral("boss")};
        QTest::newRow("add-node without new") << QStringList{QStringLiteral("add-node"), n, a};
        QTest::newRow("remove-node without node") << QStringList{QStringLiteral("remove-node"), n, a};
        QTest::newRow("failover force and takeover") << QStringList{QStringLiteral("failover"),
                                                                    n,
                                                                    a,
                                                                    QStringLiteral("--node"),
                                                                    QStringLiteral("ab"),
                                                                    QStringLiteral("--force"),
                                                                    QStringLiteral("--takeover")};
        QTest::newRow("rebalance bad weight") << QStringList{
            QStringLiteral("rebalance"), n, a, QStringLiteral("--weight"), QStringLiteral("abc")};
    }
    void usageErrors()
    {
        QFETCH(QStringList, args);
        const Run run = runStudio(args);
        QVERIFY2(run.exitCode == 2, qPrintable(run.describe()));
        QVERIFY(run.out.isEmpty());
        QVERIFY(run.err.trimmed().count(u'\n') == 0);
    }

    void lifeOfACluster()
    {
        const QString seed = m_nodes.address(0).toString();
        const QString n = QStringLiteral("--nodes");

        Run run = runStudio({QStringLiteral("rebalance"), n, seed, QStringLiteral("--dry-run")});
        QVERIFY2(run.exitCode == 0 && run.out.contains(u"No rebalancing needed"), qPrintable(run.describe()));

        run = runStudio({QStringLiteral("add-node"), n, seed, QStringLiteral("--new"),
                         m_nodes.address(6).toString(), QStringLiteral("--json")});
        QVERIFY2(run.exitCode == 0, qPrintable(run.describe()));
        const QString added = run.json().value(QStringLiteral("added")).toString();
        QCOMPARE(added.size(), 40);
        QCOMPARE(run.json().value(QStringLiteral("slots_moved")).toInt(), 4096);

        const QString replica = idWith(QStringLiteral("replica"));
        QVERIFY(!replica.isEmpty());
        run = runStudio({QStringLiteral("failover"), n, seed, QStringLiteral("--node"), replica.left(10)});
        QVERIFY2(run.exitCode == 0, qPrintable(run.describe()));
        QCOMPARE(roleOf(replica), QStringLiteral("master"));

        // Without --yes: the plan with its redis-cli lines, exit 1, and nothing changed.
        const QMap<QString, QString> before = shape();
        QCOMPARE(before.size(), 7);
        QVERIFY(before.value(added).startsWith(QStringLiteral("master")));
        run = runStudio({QStringLiteral("remove-node"), n, seed, QStringLiteral("--node"), added.left(10)});
        QVERIFY2(run.exitCode == 1, qPrintable(run.describe()));
        QVERIFY2(run.err.contains(u"Nothing was changed. Run again with --yes to confirm."),
                 qPrintable(run.describe()));
        QVERIFY2(run.out.contains(u"is a master with 4096 slots; they move with their keys:"),
                 qPrintable(run.describe()));
        QVERIFY2(run.out.contains(u"(CLUSTER FORGET)") && run.out.contains(seed), qPrintable(run.describe()));
        QVERIFY2(run.out.contains(u"-cli --cluster reshard ") &&
                     run.out.contains(QStringLiteral("--cluster-from %1").arg(added)),
                 qPrintable(run.describe()));
        QVERIFY2(run.out.contains(QStringLiteral("--cluster del-node ")) &&
                     run.out.contains(QStringLiteral(" %1\n").arg(added)),
                 qPrintable(run.describe()));
        QCOMPARE(shape(), before);

        run = runStudio({QStringLiteral("remove-node"), n, seed, QStringLiteral("--node"), added.left(10),
                         QStringLiteral("--yes")});
        QVERIFY2(run.exitCode == 0, qPrintable(run.describe()));
        QCOMPARE(statusNodes().size(), 6);
        QVERIFY(!shape().contains(added));

        run = runStudio({QStringLiteral("check"), n, seed, QStringLiteral("--fix")});
        QVERIFY2(run.exitCode == 0, qPrintable(run.describe()));
    }

    void recoverAfterNewAddresses()
    {
        QVERIFY(m_nodes.restartAllOnNewAddresses().ok());
        QStringList all;
        for (const NodeAddress &address : m_nodes.addresses())
            all.append(address.toString());
        const Run run = runStudio({QStringLiteral("recover"), QStringLiteral("--nodes"),
                                   all.join(QLatin1Char(',')), QStringLiteral("--json")});
        QVERIFY2(run.exitCode == 0, qPrintable(run.describe()));
        const QJsonObject result = run.json();
        QVERIFY(result.value(QStringLiteral("recovered")).toBool());
        QCOMPARE(result.value(QStringLiteral("meets")).toInt(), 30);
        // The removed node is blank now: reported, left alone.
        QVERIFY2(run.err.contains(m_nodes.address(6).toString()), qPrintable(run.describe()));
        QCOMPARE(result.value(QStringLiteral("topology"))
                     .toObject()
                     .value(QStringLiteral("cluster_state"))
                     .toString(),
                 QStringLiteral("ok"));
        const Run check =
            runStudio({QStringLiteral("check"), QStringLiteral("--nodes"), m_nodes.address(2).toString()});
        QVERIFY2(check.exitCode == 0, qPrintable(check.describe()));
    }
};

QTEST_GUILESS_MAIN(TestLifecycleCommands)
#include "tst_lifecycle_commands.moc"
