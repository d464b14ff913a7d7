#include "redis/cluster_nodes_parser.h"
#include "redis/recovery_planner.h"

#include <QSet>
#include <QTest>

using namespace rcs;

namespace {

QString nodeId(int i)
{
    return QStringLiteral("%1").arg(i, 40, 10, QLatin1Char('0'));
}

QString oldIp(int i)
{
    return QStringLiteral("10.0.0.%1").arg(i + 1);
}

QString newIp(int i)
{
    return QStringLiteral("10.0.1.%1").arg(i + 1);
}

// A cluster of n nodes (the first n/2 masters, the rest replicas of them, slots split evenly) seen
// from node `self`. moved[i]: node i restarted on its new IP. A node sees its own line at its old IP
// when it moved (it has not received a MEET yet) and every moved peer at the old IP, disconnected
// and flagged fail.
QByteArray viewText(int n, int self, const QList<bool> &moved, const QStringList &extraLines = {})
{
    const int masters = std::max(1, n / 2);
    QStringList lines;
    for (int i = 0; i < n; ++i) {
        const bool master = i < masters;
        QString flags = master ? QStringLiteral("master") : QStringLiteral("slave");
        QString link = QStringLiteral("connected");
        if (i == self) {
            flags = QStringLiteral("myself,") + flags;
        } else if (moved.at(i)) {
            flags += QStringLiteral(",fail");
            link = QStringLiteral("disconnected");
        }
        const QString ip = oldIp(i); // moved nodes are still listed at their old IP, even by themselves
        const int first = i * 16384 / masters;
        const int last = (i + 1) * 16384 / masters - 1;
        lines.append(QStringLiteral("%1 %2:6379@16379 %3 %4 0 0 %5 %6 %7")
                         .arg(nodeId(i), ip, flags, master ? QStringLiteral("-") : nodeId(i % masters))
                         .arg(i + 1)
                         .arg(link, master ? QStringLiteral("%1-%2").arg(first).arg(last) : QString()));
    }
    lines += extraLines;
    return lines.join(QLatin1Char('\n')).toUtf8();
}

// Node i's current address: the new IP if it moved. Unmoved nodes keep listing unmoved peers correctly.
QList<RecoveryNodeInput> clusterInputs(int n, const QList<bool> &moved)
{
    QList<RecoveryNodeInput> inputs;
    for (int i = 0; i < n; ++i) {
        const auto nodes = parseClusterNodes(viewText(n, i, moved));
        Q_ASSERT(nodes.ok());
        inputs.append({NodeAddress{moved.at(i) ? newIp(i) : oldIp(i), 6379}, nodeId(i), *nodes});
    }
    return inputs;
}

RecoveryNodeInput blankNode(const QString &ip, int idSeed)
{
    const QByteArray line =
        (nodeId(idSeed) + QStringLiteral(" :6379@16379 myself,master - 0 0 0 connected")).toUtf8();
    return {NodeAddress{ip, 6379}, nodeId(idSeed), *parseClusterNodes(line)};
}

QList<bool> movedList(int n, const QString &which)
{
    QList<bool> moved(n, which == QLatin1String("all"));
    if (which.startsWith(QLatin1String("one:")))
        moved[which.mid(4).toInt()] = true;
    return moved;
}

} // namespace

class TestRecoveryPlanner final : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void plan_data()
    {
        QTest::addColumn<int>("nodes");
        QTest::addColumn<QString>("moved"); // "all", "none", "one:K"
        QTest::addColumn<int>("meshLimit");
        QTest::addColumn<int>("blankNodes");
        QTest::addColumn<int>("meets");
        QTest::addColumn<bool>("staleFail");
        QTest::addColumn<bool>("fullMesh");

        QTest::newRow("6 all moved: full mesh") << 6 << "all" << 100 << 0 << 30 << true << true;
        QTest::newRow("30 all moved: full mesh") << 30 << "all" << 100 << 0 << 870 << true << true;
        QTest::newRow("6 healthy: nothing to do") << 6 << "none" << 100 << 0 << 0 << false << true;
        QTest::newRow("6, one moved: every peer MEETs it") << 6 << "one:2" << 100 << 0 << 5 << true << true;
        QTest::newRow("6, first moved") << 6 << "one:0" << 100 << 0 << 5 << true << true;
        QTest::newRow("8 all moved, half mesh above the limit")
            << 8 << "all" << 4 << 0 << 29 << true << false;
        QTest::newRow("8 one moved, half mesh") << 8 << "one:5" << 4 << 0 << 7 << true << false;
        QTest::newRow("6 all moved plus a blank node") << 6 << "all" << 100 << 1 << 30 << true << true;
        QTest::newRow("single node") << 1 << "all" << 100 << 0 << 0 << false << true;
    }
    void plan()
    {
        QFETCH(int, nodes);
        QFETCH(QString, moved);
        QFETCH(int, meshLimit);
        QFETCH(int, blankNodes);
        const QList<bool> movedFlags = movedList(nodes, moved);
        QList<RecoveryNodeInput> inputs = clusterInputs(nodes, movedFlags);
        for (int b = 0; b < blankNodes; ++b)
            inputs.append(blankNode(QStringLiteral("10.0.2.%1").arg(b + 1), 900 + b));
        const Result<RecoveryPlan> result = planRecovery(inputs, meshLimit);
        QVERIFY2(result.ok(), qPrintable(result.error().message()));
        const RecoveryPlan &plan = *result;

        QCOMPARE(plan.members.size(), nodes);
        QCOMPARE(plan.unknownEmptyNodes.size(), blankNodes);
        QVERIFY(plan.strangers.isEmpty());
        QVERIFY(plan.lostNodes.isEmpty());
        QTEST(int(plan.meets.size()), "meets");
        QTEST(plan.staleFailFlags, "staleFail");
        QTEST(plan.scheme == RecoveryPlan::Scheme::FullMesh, "fullMesh");
        QCOMPARE(plan.isNoop(), plan.meets.isEmpty() && !plan.staleFailFlags);

        // No MEET to or from a non-member, none to itself, none twice; targets carry current addresses.
        QSet<QPair<int, int>> pairs;
        QSet<int> received;
        for (const MeetCommand &meet : plan.meets) {
            QVERIFY(plan.members.contains(meet.from));
            QVERIFY(plan.members.contains(meet.to));
            QVERIFY(meet.from != meet.to);
            QVERIFY(!pairs.contains({meet.from, meet.to}));
            pairs.insert({meet.from, meet.to});
            QCOMPARE(meet.target, inputs.at(meet.to).address);
            QCOMPARE(meet.busPort, quint16(16379));
            received.insert(meet.to);
        }
        // Every member that moved receives at least one MEET (it learns its own address only so), and
        // every pair in which one side moved is connected by a MEET in at least one direction.
        for (int i = 0; i < nodes && nodes > 1; ++i) {
            if (movedFlags.at(i))
                QVERIFY2(received.contains(i), qPrintable(QStringLiteral("node %1 receives no MEET").arg(i)));
            for (int j = i + 1; j < nodes; ++j) {
                if (movedFlags.at(i) || movedFlags.at(j))
                    QVERIFY(pairs.contains({i, j}) || pairs.contains({j, i}));
            }
        }
        QVERIFY(!plan.schemeDescription.isEmpty());
        QCOMPARE(plan.notes.size(), blankNodes);
    }
    void lostNodeIsReported()
    {
        // Node 5's data folder is gone: the other five still list it; nobody answers to its id.
        QList<RecoveryNodeInput> inputs = clusterInputs(6, QList<bool>(6, true));
        inputs.removeLast();
        const auto plan = planRecovery(inputs);
        QVERIFY(plan.ok());
        QCOMPARE(plan->members.size(), 5);
        QCOMPARE(plan->lostNodes.size(), 1);
        QCOMPARE(plan->lostNodes.first().id, nodeId(5));
        QCOMPARE(plan->lostNodes.first().lastAddress.toString(), QStringLiteral("10.0.0.6:6379"));
        QVERIFY(!plan->lostNodes.first().wasMaster);
        QCOMPARE(plan->lostNodes.first().masterId, nodeId(2));
        QCOMPARE(plan->meets.size(), 20);
        for (const MeetCommand &meet : plan->meets)
            QVERIFY(meet.to < 5);
        QCOMPARE(plan->notes.size(), 1);
        QVERIFY(plan->notes.first().contains(nodeId(5)));
        // What to do, in words both front ends can show (no command-line verb).
        QVERIFY(plan->notes.first().contains(QStringLiteral("remove the node and add a blank node")));
    }
    void lostMasterNamesItsSlots()
    {
        QList<RecoveryNodeInput> inputs = clusterInputs(6, QList<bool>(6, true));
        inputs.removeFirst();
        const auto plan = planRecovery(inputs);
        QVERIFY(plan.ok());
        QCOMPARE(plan->lostNodes.size(), 1);
        QVERIFY(plan->lostNodes.first().wasMaster);
        QCOMPARE(plan->lostNodes.first().slotSet.toString(), QStringLiteral("0-5460"));
        QVERIFY(plan->notes.first().contains(QStringLiteral("0-5460")));
    }
    void strangerIsLeftAlone()
    {
        QList<RecoveryNodeInput> inputs = clusterInputs(6, QList<bool>(6, true));
        // A node of another cluster: knows a peer nobody here knows and serves slots.
        const QByteArray text =
            (nodeId(800) + QStringLiteral(" 10.9.0.1:6379@16379 myself,master - 0 0 1 connected 0-100\n") +
             nodeId(801) + QStringLiteral(" 10.9.0.2:6379@16379 master - 0 0 2 connected 101-200"))
                .toUtf8();
        inputs.append({NodeAddress{QStringLiteral("10.9.0.1"), 6379}, nodeId(800), *parseClusterNodes(text)});
        const auto plan = planRecovery(inputs);
        QVERIFY(plan.ok());
        QCOMPARE(plan->strangers, QList<int>{6});
        QCOMPARE(plan->members.size(), 6);
        QVERIFY(plan->lostNodes.isEmpty()); // the stranger's peer is not our lost node
        QVERIFY(plan->notes.first().contains(QStringLiteral("10.9.0.1:6379")));
        for (const MeetCommand &meet : plan->meets)
            QVERIFY(meet.to != 6 && meet.from != 6);
    }
    void busPortFromOwnLine()
    {
        QList<RecoveryNodeInput> inputs = clusterInputs(3, QList<bool>(3, true));
        for (ClusterNodeInfo &node : inputs[1].nodes) {
            if (node.isMyself())
                node.busPort = 20000;
        }
        const auto plan = planRecovery(inputs);
        QVERIFY(plan.ok());
        for (const MeetCommand &meet : plan->meets)
            QCOMPARE(meet.busPort, meet.to == 1 ? quint16(20000) : quint16(16379));
    }
    void errors_data()
    {
        QTest::addColumn<QString>("problem");
        QTest::addColumn<QString>("message");
        QTest::newRow("no inputs") << "empty"
                                   << "at least one";
        QTest::newRow("missing id") << "noid"
                                    << "CLUSTER MYID";
        QTest::newRow("same id twice") << "duplicate"
                                       << "copy of the other's data folder";
    }
    void errors()
    {
        QFETCH(QString, problem);
        QFETCH(QString, message);
        QList<RecoveryNodeInput> inputs = clusterInputs(3, QList<bool>(3, true));
        if (problem == QLatin1String("empty"))
            inputs.clear();
        else if (problem == QLatin1String("noid"))
            inputs[1].myId.clear();
        else
            inputs[2].myId = inputs.at(0).myId;
        const auto plan = planRecovery(inputs);
        QVERIFY(!plan.ok());
        QCOMPARE(plan.error().code(), ErrorCode::InvalidInput);
        QVERIFY2(plan.error().message().contains(message), qPrintable(plan.error().message()));
    }
};

QTEST_GUILESS_MAIN(TestRecoveryPlanner)
#include "tst_recovery_planner.moc"
