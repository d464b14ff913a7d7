#include "cluster_views.h"
#include "redis/blind_owners.h"

#include <QTest>

using namespace rcs;
using namespace rcs::test;

class TestClusterTopology final : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void healthyCluster()
    {
        const QList<Spec> specs = sixNodes();
        QList<NodeView> views;
        for (int i = 0; i < specs.size(); ++i)
            views.append(view(specs, i));
        QMap<QString, PodInfo> pods;
        for (int i = 0; i < specs.size(); ++i)
            pods.insert(specs.at(i).ip,
                        PodInfo{QStringLiteral("redis-%1").arg(i), specs.at(i).ip,
                                QStringLiteral("worker-%1").arg(i % 3), QStringLiteral("Running"), true, 0});
        const ClusterTopology topology = ClusterTopology::fromViews(views, pods);

        QCOMPARE(topology.nodes().size(), 6);
        QCOMPARE(topology.masters().size(), 3);
        // Masters by first slot, each followed by its replica.
        QStringList order;
        for (const TopologyNode &node : topology.nodes())
            order.append(node.address.host);
        QCOMPARE(order.join(QLatin1Char(' ')),
                 QStringLiteral("10.0.0.1 10.0.0.4 10.0.0.2 10.0.0.5 10.0.0.3 10.0.0.6"));
        QCOMPARE(topology.replicasOf(nodeId(1)).size(), 1);
        QCOMPARE(topology.replicasOf(nodeId(1)).first().id, nodeId(4));
        QVERIFY(topology.replicasOf(nodeId(4)).isEmpty());

        const TopologyNode *master = topology.node(nodeId(2));
        QVERIFY(master);
        QVERIFY(master->isMaster());
        QCOMPARE(master->slotSet.toString(), QStringLiteral("10923-16383"));
        QVERIFY(master->reachable);
        QVERIFY(master->linkConnected);
        QVERIFY(!master->staleAtPeers);
        QVERIFY(!master->ownAddressStale);
        QVERIFY(!master->flags.testFlag(NodeFlag::Myself));
        QCOMPARE(master->clusterState.value_or(QString()), QStringLiteral("ok"));
        QCOMPARE(master->keyCount.value_or(-1), qint64(20));
        QCOMPARE(master->usedMemory.value_or(-1), qint64(1002));
        QVERIFY(master->server);
        QCOMPARE(master->server->toString(), QStringLiteral("redis 7.0.15"));
        QVERIFY(master->pod);
        QCOMPARE(master->pod->name, QStringLiteral("redis-2"));
        QCOMPARE(master->hostGroup, QStringLiteral("worker-2"));
        QCOMPARE(topology.hostGroup(nodeId(5)), QStringLiteral("worker-2"));

        const TopologyNode *replica = topology.nodeAt(NodeAddress{QStringLiteral("10.0.0.6"), 6379});
        QVERIFY(replica);
        QVERIFY(replica->isReplica());
        QCOMPARE(replica->masterId, nodeId(2));
        QCOMPARE(nodeRoleName(replica->role), QStringLiteral("replica"));

        QVERIFY(topology.slotsAgree());
        QVERIFY(topology.uncoveredSlots().isEmpty());
        QVERIFY(topology.contestedSlots().isEmpty());
        QVERIFY(topology.openSlots().isEmpty());
        QVERIFY(topology.unreachableNodeIds().isEmpty());
        QVERIFY(topology.allStatesOk());
        QCOMPARE(topology.clusterStates().size(), 6);
    }
    void hostGroupFallsBackToIp()
    {
        const QList<Spec> specs = sixNodes();
        const ClusterTopology topology = ClusterTopology::fromViews({view(specs, 0)});
        QCOMPARE(topology.hostGroup(nodeId(3)), QStringLiteral("10.0.0.4"));
        QVERIFY(!topology.node(nodeId(3))->pod);
    }
    void oneNodeReachableOthersFromPeers()
    {
        const QList<Spec> specs = sixNodes();
        const ClusterTopology topology =
            ClusterTopology::fromViews({view(specs, 0), unreachable(QStringLiteral("10.0.0.2"))});
        QCOMPARE(topology.nodes().size(), 6);
        QCOMPARE(topology.unreachableNodeIds().size(), 5);
        QCOMPARE(topology.unreachableAddresses().size(), 1);
        const TopologyNode *peer = topology.node(nodeId(1));
        QVERIFY(!peer->reachable);
        QCOMPARE(peer->address.toString(), QStringLiteral("10.0.0.2:6379"));
        QCOMPARE(peer->slotSet.toString(), QStringLiteral("5461-10922"));
        QVERIFY(!peer->clusterState);
        QVERIFY(!peer->keyCount);
        QVERIFY(topology.uncoveredSlots().isEmpty());
    }
    // Every pod restarted with a new IP: nodes still print their old IPs (their own too) and see their
    // peers as failed and disconnected.
    void afterIpChange()
    {
        QList<Spec> specs = sixNodes();
        QStringList newIps;
        for (int i = 0; i < specs.size(); ++i)
            newIps << QStringLiteral("10.0.1.%1").arg(i + 1);
        const QList<NodeView> views = restartedWithNewIps(specs, newIps);
        const ClusterTopology topology = ClusterTopology::fromViews(views);
        QCOMPARE(topology.nodes().size(), 6);
        for (const TopologyNode &node : topology.nodes()) {
            QVERIFY(node.reachable);
            QVERIFY(node.address.host.startsWith(QLatin1String("10.0.1.")));
            QVERIFY(node.ownAddressStale);
            QVERIFY(node.staleAtPeers);
            QCOMPARE(node.staleAtPeerIds.size(), 5);
            QVERIFY(!node.linkConnected);
            QCOMPARE(node.disconnectedFrom.size(), 5);
            QCOMPARE(node.failReportedBy.size(), 5);
        }
        QVERIFY(!topology.allStatesOk());
        QVERIFY(topology.slotsAgree());
    }
    void disagreementOpenAndUncoveredSlots()
    {
        const QList<Spec> specs = sixNodes();
        ViewOptions moving;
        moving.slotsOverride.insert(0, QStringLiteral("0-5459"));
        moving.slotsOverride.insert(1, QStringLiteral("5460-10922"));
        ViewOptions open;
        open.tail.insert(0, QStringLiteral("[5460->-") + nodeId(1) + QLatin1Char(']'));
        ViewOptions importing;
        importing.tail.insert(1, QStringLiteral("[5460-<-") + nodeId(0) + QLatin1Char(']'));
        ViewOptions gap;
        gap.slotsOverride.insert(2, QStringLiteral("10923-16000"));

        const ClusterTopology topology = ClusterTopology::fromViews(
            {view(specs, 0, open), view(specs, 1, importing), view(specs, 2, gap), view(specs, 3, moving)});
        QVERIFY(!topology.slotsAgree());
        QCOMPARE(topology.disagreements().size(), 2);
        QVERIFY2(topology.disagreements().at(0).contains(QStringLiteral("10.0.0.3:6379")),
                 qPrintable(topology.disagreements().at(0)));
        QVERIFY(topology.disagreements().at(1).contains(QStringLiteral("10.0.0.4:6379")));
        QVERIFY(topology.disagreements().at(1).contains(QStringLiteral("and 1 more")));

        const QList<OpenSlot> expectedOpen{{5460, nodeId(0), true, nodeId(1)},
                                           {5460, nodeId(1), false, nodeId(0)}};
        QCOMPARE(topology.openSlots(), expectedOpen);
        // Coverage comes from each master's own view: node 2 claims only up to 16000.
        QCOMPARE(topology.uncoveredSlots().toString(), QStringLiteral("16001-16383"));
    }
    // A master that lost slots in its own view only, while every other node still names it as their
    // owner (the state a rebalance left behind once on Redis 7.0 in CI): found with whom its own view
    // names instead, and only when the others agree and the slot is not open.
    void blindOwners()
    {
        const QList<Spec> specs = sixNodes();
        ViewOptions lostToNobody;
        lostToNobody.slotsOverride.insert(0, QStringLiteral("0-1363 1365-5460"));
        ViewOptions lostToNode1;
        lostToNode1.slotsOverride.insert(2, QStringLiteral("10923-11029 11031-16383"));
        lostToNode1.slotsOverride.insert(1, QStringLiteral("5461-10922 11030"));
        QList<NodeView> views{view(specs, 0, lostToNobody), view(specs, 1), view(specs, 2, lostToNode1)};
        for (int i = 3; i < specs.size(); ++i)
            views.append(view(specs, i));

        const QList<BlindOwner> blind = findBlindOwners(views);
        QCOMPARE(blind.size(), 2);
        QCOMPARE(blind.at(0).id, nodeId(0));
        QCOMPARE(blind.at(0).address.toString(), QStringLiteral("10.0.0.1:6379"));
        QCOMPARE(blind.at(0).lostSlots.toString(), QStringLiteral("1364"));
        QVERIFY(blind.at(0).ownViewOwner.isEmpty());
        QCOMPARE(blind.at(1).id, nodeId(2));
        QCOMPARE(blind.at(1).lostSlots.toString(), QStringLiteral("11030"));
        QCOMPARE(blind.at(1).ownViewOwner.value(11030), nodeId(1));
        QCOMPARE(blind.at(1).addressOf.value(nodeId(1)).toString(), QStringLiteral("10.0.0.2:6379"));

        // Not when another node shares the blind view (no agreement to give back)…
        ViewOptions replicaAgrees;
        replicaAgrees.slotsOverride.insert(0, QStringLiteral("0-1363 1365-5460"));
        QList<NodeView> split = views;
        split[3] = view(specs, 3, replicaAgrees);
        QCOMPARE(findBlindOwners(split).size(), 1);
        QCOMPARE(findBlindOwners(split).first().id, nodeId(2));
        // …nor for a slot that is open (the open-slot fix closes it), nor with no other view.
        ViewOptions importing = lostToNobody;
        importing.tail.insert(0, QStringLiteral("[1364-<-") + nodeId(1) + QLatin1Char(']'));
        QList<NodeView> open = views;
        open[0] = view(specs, 0, importing);
        QCOMPARE(findBlindOwners(open).size(), 1);
        QVERIFY(findBlindOwners({views.first(), unreachable(QStringLiteral("10.0.0.2"))}).isEmpty());
        // A healthy cluster has none.
        QList<NodeView> healthy;
        for (int i = 0; i < specs.size(); ++i)
            healthy.append(view(specs, i));
        QVERIFY(findBlindOwners(healthy).isEmpty());
    }

    // Valkey 8 replicates SETSLOT, so replicas print their master's open slots on their own line: the
    // migration is still one, read from the masters. A replica ahead of its master is listed apart.
    void replicasCarryingOpenSlots()
    {
        const QList<Spec> specs = sixNodes();
        const QString migrating = QStringLiteral("[5460->-") + nodeId(1) + QLatin1Char(']');
        const QString importing = QStringLiteral("[5460-<-") + nodeId(0) + QLatin1Char(']');
        const QString stray = QStringLiteral("[10923->-") + nodeId(0) + QLatin1Char(']');
        QList<NodeView> views;
        for (int i = 0; i < specs.size(); ++i) {
            ViewOptions options;
            if (i == 0 || i == 3)
                options.tail.insert(i, migrating);
            if (i == 1 || i == 4)
                options.tail.insert(i, importing);
            if (i == 5)
                options.tail.insert(i, stray);
            views.append(view(specs, i, options));
        }
        const ClusterTopology topology = ClusterTopology::fromViews(views);
        const QList<OpenSlot> expectedOpen{{5460, nodeId(0), true, nodeId(1)},
                                           {5460, nodeId(1), false, nodeId(0)}};
        QCOMPARE(topology.openSlots(), expectedOpen);
        const QList<OpenSlot> expectedStray{{10923, nodeId(5), true, nodeId(0)}};
        QCOMPARE(topology.replicaOnlyOpenSlots(), expectedStray);
        // The replica still shows its own state.
        QCOMPARE(topology.node(nodeId(3))->migrating.value(5460), nodeId(1));
    }
    void contestedSlots()
    {
        const QList<Spec> specs = sixNodes();
        ViewOptions both;
        both.slotsOverride.insert(1, QStringLiteral("5000-10922"));
        const ClusterTopology topology =
            ClusterTopology::fromViews({view(specs, 0), view(specs, 1, both), view(specs, 2)});
        QCOMPARE(topology.contestedSlots().toString(), QStringLiteral("5000-5460"));
    }
    void handshakeNodesAreLeftOut()
    {
        const QList<Spec> specs = sixNodes();
        ViewOptions options;
        options.extraLines.append(
            QString(40, QLatin1Char('f')) +
            QStringLiteral(" 10.0.9.9:6379@16379 handshake - 1700000000000 0 0 disconnected"));
        const ClusterTopology topology = ClusterTopology::fromViews({view(specs, 0, options)});
        QCOMPARE(topology.nodes().size(), 6);
        QCOMPARE(topology.pendingHandshakes().size(), 1);
        QCOMPARE(topology.pendingHandshakes().first().toString(), QStringLiteral("10.0.9.9:6379"));
    }
    void sameNodeThroughTwoAddressesCountsOnce()
    {
        const QList<Spec> specs = sixNodes();
        NodeView twice = view(specs, 0);
        twice.address = NodeAddress{QStringLiteral("127.0.0.1"), 40001};
        const ClusterTopology topology = ClusterTopology::fromViews({view(specs, 0), twice});
        QCOMPARE(topology.nodes().size(), 6);
        QCOMPARE(topology.node(nodeId(0))->address.toString(), QStringLiteral("10.0.0.1:6379"));
    }
    void emptyTopology()
    {
        const ClusterTopology topology;
        QVERIFY(topology.isEmpty());
        QVERIFY(!topology.allStatesOk());
        QVERIFY(topology.uncoveredSlots().isFull());
        QVERIFY(!topology.node(nodeId(0)));
    }
};

QTEST_GUILESS_MAIN(TestClusterTopology)
#include "tst_cluster_topology.moc"
