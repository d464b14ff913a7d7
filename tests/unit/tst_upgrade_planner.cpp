// The rolling upgrade's pure parts: the order of restarts and failovers, and the StatefulSet patches.
#include "workflows/upgrade_planner.h"
#include "workflows/upgrade_temporary_replica.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace rcs;

namespace {
using Kind = UpgradeStep::Kind;

// Three shards: redis-app-0..2 masters m0..m2, redis-app-3..5 their replicas r3..r5.
QList<UpgradeNode> sixPods(const QStringList &updated = {})
{
    QList<UpgradeNode> nodes;
    for (int i = 0; i < 6; ++i) {
        UpgradeNode node;
        node.pod = QStringLiteral("redis-app-%1").arg(i);
        node.master = i < 3;
        node.nodeId = (node.master ? QStringLiteral("m") : QStringLiteral("r")) + QString::number(i);
        if (!node.master)
            node.masterId = QStringLiteral("m%1").arg(i - 3);
        node.updated = updated.contains(node.pod);
        nodes.append(node);
    }
    return nodes;
}

QString pod(int ordinal)
{
    return QStringLiteral("redis-app-%1").arg(ordinal);
}

// Three masters m0..m2 without replicas (redis-app-0..2).
QList<UpgradeNode> threeMasters(const QStringList &updated = {})
{
    QList<UpgradeNode> nodes;
    for (int i = 0; i < 3; ++i)
        nodes.append({pod(i), QStringLiteral("m%1").arg(i), true, {}, updated.contains(pod(i))});
    return nodes;
}

UpgradeStep restart(int pod, int master)
{
    return {Kind::Restart, QStringLiteral("redis-app-%1").arg(pod),
            (pod < 3 ? QStringLiteral("m") : QStringLiteral("r")) + QString::number(pod),
            QStringLiteral("redis-app-%1").arg(master),
            (master < 3 ? QStringLiteral("m") : QStringLiteral("r")) + QString::number(master)};
}

UpgradeStep failover(int replica, int master)
{
    return {Kind::Failover, QStringLiteral("redis-app-%1").arg(replica), QStringLiteral("r%1").arg(replica),
            QStringLiteral("redis-app-%1").arg(master), QStringLiteral("m%1").arg(master)};
}

// m0 handed over to r3 (a failover done): r3 the master, m0 its replica.
QList<UpgradeNode> handedOver(QList<UpgradeNode> nodes)
{
    nodes[0].master = false;
    nodes[0].masterId = QStringLiteral("r3");
    nodes[3].master = true;
    nodes[3].masterId.clear();
    return nodes;
}

QJsonObject statefulSet(const QJsonObject &strategy, const QJsonObject &annotations = {})
{
    QJsonObject object =
        QJsonDocument::fromJson(R"({"metadata":{"name":"redis-app"},"spec":{"template":{"spec":{
        "containers":[{"name":"sidecar","image":"busybox"},
                      {"name":"redis","image":"redis:5.0.5",
                       "resources":{"requests":{"cpu":"100m","memory":"100Mi"},"limits":{"memory":"1Gi"}}}]}}}})")
            .object();
    QJsonObject spec = object.value(QLatin1String("spec")).toObject();
    if (!strategy.isEmpty())
        spec.insert(QStringLiteral("updateStrategy"), strategy);
    object.insert(QStringLiteral("spec"), spec);
    if (!annotations.isEmpty())
        object.insert(QStringLiteral("metadata"),
                      QJsonObject{{QStringLiteral("name"), QStringLiteral("redis-app")},
                                  {QStringLiteral("annotations"), annotations}});
    return object;
}

QJsonObject json(const char *text)
{
    return QJsonDocument::fromJson(text).object();
}
} // namespace

class TestUpgradePlanner final : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void replicasFirstThenFailoverPerShard()
    {
        const Result<UpgradePlan> plan = planUpgrade(sixPods());
        QVERIFY(plan.ok());
        const QList<UpgradeStep> expected{restart(3, 0),  restart(4, 1),  restart(5, 2),
                                          failover(3, 0), restart(0, 3),  failover(4, 1),
                                          restart(1, 4),  failover(5, 2), restart(2, 5)};
        QCOMPARE(plan->steps, expected);
        QVERIFY(plan->upToDate.isEmpty());
    }

    void updatedPodsAreSkipped()
    {
        // A run stopped after the replicas and the first shard: m0 was handed over to r3 and restarted.
        const Result<UpgradePlan> plan =
            planUpgrade(handedOver(sixPods({QStringLiteral("redis-app-0"), QStringLiteral("redis-app-3"),
                                            QStringLiteral("redis-app-4"), QStringLiteral("redis-app-5")})));
        QVERIFY(plan.ok());
        const QList<UpgradeStep> expected{failover(4, 1), restart(1, 4), failover(5, 2), restart(2, 5)};
        QCOMPARE(plan->steps, expected);
        QCOMPARE(plan->upToDate.size(), 4);
    }

    void everyPodUpdatedIsANoop()
    {
        QStringList all;
        for (int i = 0; i < 6; ++i)
            all << QStringLiteral("redis-app-%1").arg(i);
        const Result<UpgradePlan> plan = planUpgrade(sixPods(all));
        QVERIFY(plan.ok());
        QVERIFY(plan->isNoop());
        QCOMPARE(plan->upToDate, all);
    }

    void oldMasterLeftAsReplicaIsRestartedAsOne()
    {
        // Stopped between the failover and the old master's restart: m0 is a replica of r3, not updated.
        const Result<UpgradePlan> plan = planUpgrade(handedOver(sixPods({QStringLiteral("redis-app-3")})));
        QVERIFY(plan.ok());
        // It is restarted with the replicas, before any failover, as a replica of r3.
        const QList<UpgradeStep> expected{restart(4, 1), restart(5, 2),  restart(0, 3), failover(4, 1),
                                          restart(1, 4), failover(5, 2), restart(2, 5)};
        QCOMPARE(plan->steps, expected);
    }

    void masterWithoutReplicaIsRefused()
    {
        QList<UpgradeNode> nodes = sixPods();
        nodes.removeAt(4); // m1 loses its replica
        const Result<UpgradePlan> plan = planUpgrade(nodes);
        QVERIFY(!plan.ok());
        QCOMPARE(plan.error().code(), ErrorCode::Refused);
        QVERIFY(plan.error().message().contains(QLatin1String("redis-app-1")));
        QVERIFY(!plan.error().message().contains(QLatin1String("redis-app-0")));
        QVERIFY(plan.error().message().contains(QLatin1String("add-node --role replica")));
        QVERIFY(plan.error().message().contains(QLatin1String("--temporary-replica")));
    }

    // Three masters alone (create --cluster-replicas 0): one temporary pod serves them in turn.
    void temporaryReplicaServesEveryMasterWithoutReplica()
    {
        const QList<UpgradeNode> nodes = threeMasters();
        QVERIFY(!planUpgrade(nodes).ok());
        const Result<UpgradePlan> plan = planUpgrade(nodes, QStringLiteral("redis-app-3"));
        QVERIFY2(plan.ok(), qPrintable(plan.ok() ? QString() : plan.error().message()));
        const QString t = QStringLiteral("redis-app-3");
        QList<UpgradeStep> expected{{Kind::AddTemporary, t, {}, pod(0), QStringLiteral("m0")}};
        for (int m = 0; m < 3; ++m) {
            const QString id = QStringLiteral("m%1").arg(m);
            if (m > 0)
                expected.append({Kind::Replicate, t, {}, pod(m), id});
            expected.append({Kind::Failover, t, {}, pod(m), id});
            expected.append({Kind::Restart, pod(m), id, t, {}});
            expected.append({Kind::Failover, pod(m), id, t, {}});
        }
        expected.append({Kind::RemoveTemporary, t, {}, pod(2), QStringLiteral("m2")});
        QCOMPARE(plan->steps, expected);
        QCOMPARE(temporaryPodOf(*plan), t);
        // The hand-backs are no hand-over of a master before its restart.
        QCOMPARE(masterHandOvers(*plan), 3);
        QCOMPARE(masterHandOvers(*planUpgrade(sixPods())), 3);
        QVERIFY(temporaryPodOf(*planUpgrade(sixPods())).isEmpty());
    }

    // Only the master alone gets the temporary pod, after the shards that have replicas.
    void temporaryReplicaOnlyWhereNeeded()
    {
        QList<UpgradeNode> nodes = sixPods();
        nodes.removeAt(4); // m1 loses its replica
        const Result<UpgradePlan> plan = planUpgrade(nodes, QStringLiteral("redis-app-6"));
        QVERIFY(plan.ok());
        QCOMPARE(plan->steps.size(), 2 + 4 + 5);
        QCOMPARE(plan->steps.at(0), restart(3, 0));
        QCOMPARE(plan->steps.at(2), failover(3, 0));
        QCOMPARE(plan->steps.at(6).kind, Kind::AddTemporary);
        QCOMPARE(plan->steps.at(6).masterPod, pod(1));
        QCOMPARE(plan->steps.last().kind, Kind::RemoveTemporary);
        for (const UpgradeStep &step : plan->steps)
            QVERIFY(step.kind != Kind::Replicate);
    }

    // A run stopped while the temporary pod served m0's slots (m0 not yet restarted, following it): a re-run
    // restarts m0, hands the slots back, serves the others and removes it, with or without the option.
    void leftTemporaryServingSlotsIsFinished()
    {
        QList<UpgradeNode> nodes = threeMasters();
        nodes[0].master = false;
        nodes[0].masterId = QStringLiteral("t3");
        nodes.append({QStringLiteral("redis-app-3"), QStringLiteral("t3"), true, {}, true, true});
        const Result<UpgradePlan> plan = planUpgrade(nodes);
        QVERIFY2(plan.ok(), qPrintable(plan.ok() ? QString() : plan.error().message()));
        const QString t = QStringLiteral("redis-app-3");
        const QString tid = QStringLiteral("t3");
        QCOMPARE(plan->steps.at(0), (UpgradeStep{Kind::Restart, pod(0), QStringLiteral("m0"), t, tid}));
        QCOMPARE(plan->steps.at(1), (UpgradeStep{Kind::Failover, pod(0), QStringLiteral("m0"), t, tid}));
        QCOMPARE(plan->steps.at(2), (UpgradeStep{Kind::Replicate, t, tid, pod(1), QStringLiteral("m1")}));
        QCOMPARE(plan->steps.size(), 2 + 2 * 4 + 1);
        QCOMPARE(plan->steps.last(),
                 (UpgradeStep{Kind::RemoveTemporary, t, tid, pod(2), QStringLiteral("m2")}));
    }

    // Everything upgraded but the temporary pod still there (stopped before its removal): only the removal.
    void leftTemporaryReplicaIsRemoved()
    {
        QList<UpgradeNode> nodes = threeMasters({pod(0), pod(1), pod(2)});
        nodes.append(
            {QStringLiteral("redis-app-3"), QStringLiteral("t3"), false, QStringLiteral("m1"), true, true});
        const Result<UpgradePlan> plan = planUpgrade(nodes);
        QVERIFY(plan.ok());
        QCOMPARE(plan->steps, (QList<UpgradeStep>{{Kind::RemoveTemporary, QStringLiteral("redis-app-3"),
                                                   QStringLiteral("t3"), pod(1), QStringLiteral("m1")}}));
    }

    // The temporary pod a master while nobody follows it: no pod to hand the slots back to.
    void temporaryServingAloneIsRefused()
    {
        QList<UpgradeNode> nodes = threeMasters();
        nodes.removeFirst();
        nodes.append({QStringLiteral("redis-app-3"), QStringLiteral("t3"), true, {}, true, true});
        const Result<UpgradePlan> plan = planUpgrade(nodes, QStringLiteral("redis-app-3"));
        QVERIFY(!plan.ok());
        QCOMPARE(plan.error().code(), ErrorCode::Refused);
        QVERIFY(plan.error().message().contains(QLatin1String("redis-app-3")));
    }

    void updatedMasterWithoutReplicaIsFine()
    {
        QList<UpgradeNode> nodes = sixPods({QStringLiteral("redis-app-1")});
        nodes.removeAt(4);
        const Result<UpgradePlan> plan = planUpgrade(nodes);
        QVERIFY(plan.ok());
        for (const UpgradeStep &step : plan->steps)
            QVERIFY(step.pod != QLatin1String("redis-app-1") &&
                    step.masterPod != QLatin1String("redis-app-1"));
    }

    void twoReplicasPerShard()
    {
        QList<UpgradeNode> nodes = sixPods();
        nodes.append(
            {QStringLiteral("redis-app-6"), QStringLiteral("r6"), false, QStringLiteral("m0"), false});
        const Result<UpgradePlan> plan = planUpgrade(nodes);
        QVERIFY(plan.ok());
        QCOMPARE(plan->steps.size(), 10);
        QCOMPARE(plan->steps.at(1), restart(6, 0));
        // The first replica takes over; the other simply follows whoever is master.
        QCOMPARE(plan->steps.at(4), failover(3, 0));
    }

    void templatePatchTouchesOnlyWhatChanges()
    {
        const QJsonObject set = statefulSet({});
        UpgradeChange change;
        change.image = QStringLiteral("redis:7.0");
        change.memory = QStringLiteral("200Mi");
        const QJsonObject patch = templatePatch(set, change, {});
        const QJsonObject container = patch[QLatin1String("spec")][QLatin1String("template")]
                                           [QLatin1String("spec")][QLatin1String("containers")]
                                               .toArray()
                                               .first()
                                               .toObject();
        QCOMPARE(container.value(QLatin1String("name")).toString(), QStringLiteral("redis"));
        QCOMPARE(container.value(QLatin1String("image")).toString(), QStringLiteral("redis:7.0"));
        QCOMPARE(container.value(QLatin1String("resources")).toObject(),
                 json(R"({"requests":{"memory":"200Mi"},"limits":{"memory":"200Mi"}})"));
        // The same image again changes nothing: a re-run patches no template.
        change = {};
        change.image = QStringLiteral("redis:5.0.5");
        change.cpu = QStringLiteral("100m");
        QVERIFY(templatePatch(set, change, {}).isEmpty());
        change = {};
        change.restart = true;
        QCOMPARE(templatePatch(set, change, QStringLiteral("2026-12-07T01:00:00Z")),
                 json(R"({"spec":{"template":{"metadata":{"annotations":{
                     "kubectl.kubernetes.io/restartedAt":"2026-12-07T01:00:00Z"}}}}})"));
    }

    void startPatchSwitchesToOnDeleteAndKeepsThePreviousStrategy()
    {
        const QJsonObject set =
            statefulSet(json(R"({"type":"RollingUpdate","rollingUpdate":{"partition":0}})"));
        const QJsonObject change =
            json(R"({"spec":{"template":{"spec":{"containers":[{"name":"redis","image":"b"}]}}}})");
        const QJsonObject patch = startPatch(set, change);
        QCOMPARE(patch[QLatin1String("spec")][QLatin1String("updateStrategy")].toObject(),
                 json(R"({"type":"OnDelete","rollingUpdate":null})"));
        QCOMPARE(patch[QLatin1String("spec")][QLatin1String("template")].toObject(),
                 change[QLatin1String("spec")][QLatin1String("template")].toObject());
        const QString kept = patch[QLatin1String("metadata")][QLatin1String("annotations")]
                                  [QLatin1String(kPreviousStrategyAnnotation)]
                                      .toString();
        QCOMPARE(QJsonDocument::fromJson(kept.toUtf8()).object(),
                 json(R"({"type":"RollingUpdate","rollingUpdate":{"partition":0}})"));
        // A stopped run already kept it (the StatefulSet is OnDelete now): it is not overwritten.
        const QJsonObject stopped = statefulSet(
            json(R"({"type":"OnDelete"})"), QJsonObject{{QLatin1String(kPreviousStrategyAnnotation), kept}});
        QVERIFY(!startPatch(stopped, {}).contains(QLatin1String("metadata")));
        QCOMPARE(previousStrategy(stopped),
                 json(R"({"type":"RollingUpdate","rollingUpdate":{"partition":0}})"));
    }

    void endPatchRestoresOrHoldsThePods()
    {
        const QString kept = QStringLiteral(R"({"type":"RollingUpdate","rollingUpdate":{"partition":0}})");
        const QJsonObject set = statefulSet(json(R"({"type":"OnDelete"})"),
                                            QJsonObject{{QLatin1String(kPreviousStrategyAnnotation), kept}});
        QCOMPARE(endPatch(set, true, 6),
                 json(R"({"spec":{"updateStrategy":{"type":"RollingUpdate","rollingUpdate":{"partition":0}}},
                          "metadata":{"annotations":{"redis-cluster-studio/previous-update-strategy":null}}})"));
        // Halfway: RollingUpdate back, but holding every pod, and the annotation stays for the re-run.
        QCOMPARE(
            endPatch(set, false, 6),
            json(R"({"spec":{"updateStrategy":{"type":"RollingUpdate","rollingUpdate":{"partition":6}}}})"));
        // Without a kept strategy or a spec one, the API's default.
        QCOMPARE(previousStrategy(statefulSet({})), json(R"({"type":"RollingUpdate"})"));
        const QJsonObject onDelete = statefulSet({}, QJsonObject{{QLatin1String(kPreviousStrategyAnnotation),
                                                                  QStringLiteral(R"({"type":"OnDelete"})")}});
        QCOMPARE(endPatch(onDelete, false, 6),
                 json(R"({"spec":{"updateStrategy":{"type":"OnDelete","rollingUpdate":null}}})"));
    }
};

QTEST_GUILESS_MAIN(TestUpgradePlanner)
#include "tst_upgrade_planner.moc"
