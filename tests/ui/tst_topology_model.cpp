#include "studio_fixtures.h"
#include "ui/topology_model.h"

#include <QSignalSpy>
#include <QTest>

using namespace rcs::ui;

class TestTopologyModel final : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void firstSnapshotAddsEveryNode()
    {
        TopologyModel model;
        QSignalSpy added(&model, &TopologyModel::nodeAdded);
        QSignalSpy structure(&model, &TopologyModel::structureChanged);
        QSignalSpy situation(&model, &TopologyModel::situationChanged);
        model.setSnapshot(test::makeSnapshot(3, 1, 3));
        QCOMPARE(added.count(), 6);
        QCOMPARE(structure.count(), 1);
        QCOMPARE(situation.count(), 1);
        QCOMPARE(model.masterCount(), 3);
        QCOMPARE(model.replicaCount(), 3);
        QCOMPARE(model.situation(), Situation::Healthy);
        QVERIFY(model.node(model.nodes().first().key()));
    }

    void sameSnapshotChangesNothing()
    {
        TopologyModel model;
        const TopologySnapshot snapshot = test::makeSnapshot(3, 1, 3);
        model.setSnapshot(snapshot);
        QSignalSpy added(&model, &TopologyModel::nodeAdded);
        QSignalSpy removed(&model, &TopologyModel::nodeRemoved);
        QSignalSpy changed(&model, &TopologyModel::nodeChanged);
        QSignalSpy structure(&model, &TopologyModel::structureChanged);
        QSignalSpy summary(&model, &TopologyModel::summaryChanged);
        QSignalSpy applied(&model, &TopologyModel::snapshotApplied);
        model.setSnapshot(snapshot);
        QCOMPARE(added.count() + removed.count() + changed.count() + structure.count() + summary.count(), 0);
        QCOMPARE(applied.count(), 1);
    }

    void changedNodeIsReportedAlone()
    {
        TopologyModel model;
        TopologySnapshot snapshot = test::makeSnapshot(3, 1, 3);
        model.setSnapshot(snapshot);
        QSignalSpy changed(&model, &TopologyModel::nodeChanged);
        QSignalSpy structure(&model, &TopologyModel::structureChanged);
        snapshot.nodes[4].keys += 10; // a counter moves: no re-layout
        snapshot.nodes[1].state = NodeCard::State::PFail;
        model.setSnapshot(snapshot);
        QCOMPARE(changed.count(), 2);
        QCOMPARE(changed.at(0).at(0).toString(), snapshot.nodes[1].key());
        QCOMPARE(changed.at(1).at(0).toString(), snapshot.nodes[4].key());
        QCOMPARE(structure.count(), 0);
        QCOMPARE(model.node(snapshot.nodes[1].key())->state, NodeCard::State::PFail);

        // A failover swaps roles: the layout must follow.
        std::swap(snapshot.nodes[0].role, snapshot.nodes[3].role);
        model.setSnapshot(snapshot);
        QCOMPARE(structure.count(), 1);
    }

    void addedAndRemovedNodes()
    {
        TopologyModel model;
        TopologySnapshot snapshot = test::makeSnapshot(3, 1, 3);
        model.setSnapshot(snapshot);
        QSignalSpy added(&model, &TopologyModel::nodeAdded);
        QSignalSpy removed(&model, &TopologyModel::nodeRemoved);
        const QString gone = snapshot.nodes.takeLast().key();
        NodeCard extra = snapshot.nodes.first();
        extra.id = QStringLiteral("f").repeated(40);
        extra.podName = QStringLiteral("redis-app-9");
        snapshot.nodes.append(extra);
        model.setSnapshot(snapshot);
        QCOMPARE(removed.count(), 1);
        QCOMPARE(removed.at(0).at(0).toString(), gone);
        QCOMPARE(added.count(), 1);
        QCOMPARE(added.at(0).at(0).toString(), extra.key());
        QVERIFY(!model.node(gone));
    }

    void selectionSurvivesRefreshAndClearsWhenTheNodeGoes()
    {
        TopologyModel model;
        TopologySnapshot snapshot = test::makeSnapshot(3, 1, 3);
        model.setSnapshot(snapshot);
        QSignalSpy selection(&model, &TopologyModel::selectionChanged);
        const QString key = snapshot.nodes[2].key();
        model.setSelectedKey(key);
        QCOMPARE(selection.count(), 1);
        snapshot.nodes[2].keys += 1;
        model.setSnapshot(snapshot);
        QCOMPARE(model.selectedKey(), key);
        QCOMPARE(selection.count(), 1);

        snapshot.nodes.removeAt(2);
        model.setSnapshot(snapshot);
        QCOMPARE(model.selectedKey(), QString());
        QCOMPARE(selection.count(), 2);

        model.setSelectedKey(QStringLiteral("no-such-node"));
        QCOMPARE(model.selectedKey(), QString());
    }

    void nodeIdentityFallsBackToThePodName()
    {
        // Before a pod answers there is no node id; the pod name keeps the card stable.
        NodeCard card;
        card.podName = QStringLiteral("redis-app-0");
        card.address = QStringLiteral("10.0.0.1:6379");
        QCOMPARE(card.key(), QStringLiteral("redis-app-0"));
        card.id = QStringLiteral("abc");
        QCOMPARE(card.key(), QStringLiteral("abc"));
    }

    void duplicateKeysAreDropped()
    {
        TopologyModel model;
        TopologySnapshot snapshot = test::makeSnapshot(3, 0, 1);
        snapshot.nodes.append(snapshot.nodes.first());
        model.setSnapshot(snapshot);
        QCOMPARE(model.nodes().size(), 3);
    }

    void summaryAndSituationSignals()
    {
        TopologyModel model;
        TopologySnapshot snapshot = test::makeSnapshot(3, 1, 3);
        model.setSnapshot(snapshot);
        QSignalSpy summary(&model, &TopologyModel::summaryChanged);
        QSignalSpy situation(&model, &TopologyModel::situationChanged);
        snapshot.situation = Situation::TotalFailure;
        snapshot.clusterState = QStringLiteral("fail");
        model.setSnapshot(snapshot);
        QCOMPARE(summary.count(), 1);
        QCOMPARE(situation.count(), 1);
        QCOMPARE(situation.at(0).at(0).value<Situation>(), Situation::TotalFailure);
        model.clear();
        QVERIFY(model.isEmpty());
        QCOMPARE(model.situation(), Situation::Unknown);
    }
};

QTEST_GUILESS_MAIN(TestTopologyModel)
#include "tst_topology_model.moc"
