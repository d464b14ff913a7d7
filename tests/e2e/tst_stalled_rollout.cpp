// stalledRolloutReplicas: when an upgrade that stopped at a replica pod (its new image does not start)
// may go on — the rollback is such an upgrade — and when the cluster has another problem, so it may not.
#include "survey_fixture.h"
#include "workflows/stalled_rollout.h"
#include "workflows/upgrade_planner.h"

#include <QJsonObject>
#include <QTest>

using namespace rcs;

namespace {

const QByteArray Info = "cluster_state:ok\r\ncluster_slots_assigned:16384\r\ncluster_slots_ok:16384\r\n"
                        "cluster_known_nodes:6\r\ncluster_size:3\r\n";
const QList<QByteArray> Ranges{"0-5460", "5461-10922", "10923-16383"};

QByteArray nodeId(int index)
{
    return QByteArray(39, 'a') + QByteArray::number(index);
}

// Pods 0..2 run the masters, pod i+3 a replica of pod i. The pods in `down` are not Ready and have no
// IP; their nodes are known at their old IPs, flagged fail by every peer.
ClusterSurvey survey(const QList<int> &down, bool rolloutStopped = true)
{
    ClusterSurvey found;
    found.deployment.namespaceExists = true;
    found.deployment.statefulSetExists = true;
    found.deployment.replicas = 6;
    if (rolloutStopped) {
        found.deployment.statefulSet =
            QJsonObject{{QStringLiteral("metadata"),
                         QJsonObject{{QStringLiteral("annotations"),
                                      QJsonObject{{QLatin1String(kPreviousStrategyAnnotation),
                                                   QStringLiteral(R"({"type":"RollingUpdate"})")}}}}}};
    }
    QList<NodeView> views;
    for (int i = 0; i < 6; ++i) {
        PodState pod;
        pod.ordinal = i;
        const bool isDown = down.contains(i);
        pod.info = PodInfo{QStringLiteral("redis-app-%1").arg(i),
                           isDown ? QString() : QStringLiteral("10.0.0.%1").arg(i),
                           QStringLiteral("node-%1").arg(i % 3),
                           QStringLiteral("Running"),
                           !isDown,
                           isDown ? 3 : 0};
        pod.uid = QStringLiteral("uid-%1").arg(i);
        found.deployment.pods.append(pod);
        if (isDown)
            continue;
        found.pods.append(pod);
        const NodeAddress address{pod.info.ip, 6379};
        found.addresses.append(address);
        QByteArray text;
        for (int j = 0; j < 6; ++j) {
            QByteArray flags = j == i ? "myself," : "";
            flags += j < 3 ? "master" : "slave";
            if (down.contains(j))
                flags += ",fail";
            text += nodeId(j) + " 10.0.0." + QByteArray::number(j) + ":6379@16379 " + flags + ' ' +
                    (j < 3 ? QByteArray("-") : nodeId(j - 3)) + " 0 0 1 " +
                    (down.contains(j) ? "disconnected" : "connected") +
                    (j < 3 ? QByteArray(" " + Ranges.at(j)) : QByteArray()) + '\n';
        }
        views.append(test::parsedView(address, text, Info));
    }
    test::concludeSurvey(found, views);
    return found;
}

} // namespace

class TestStalledRollout final : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void aReplicaPodDownIsTheStoppedRollouts()
    {
        const ClusterSurvey found = survey({4});
        QVERIFY(found.assessment.situation != Situation::Healthy);
        const auto stalled = stalledRolloutReplicas(found);
        QVERIFY(stalled.has_value());
        QCOMPARE(stalled->size(), 1);
        QCOMPARE(stalled->first().pod, QStringLiteral("redis-app-4"));
        QCOMPARE(stalled->first().nodeId, QString::fromLatin1(nodeId(4)));
        QCOMPARE(stalled->first().masterId, QString::fromLatin1(nodeId(1)));
    }

    void withoutAStoppedRolloutItIsRefused()
    {
        QVERIFY(!stalledRolloutReplicas(survey({4}, false)).has_value());
    }

    void aMasterDownIsRefused()
    {
        // Its slots are not served: only recover (or the failover Redis does by itself) helps.
        QVERIFY(!stalledRolloutReplicas(survey({1})).has_value());
    }

    void twoPodsWithoutNodesCannotBeToldApart()
    {
        QVERIFY(!stalledRolloutReplicas(survey({3, 5})).has_value());
    }

    void aHealthyClusterHasNoStalledPods()
    {
        const ClusterSurvey found = survey({});
        QCOMPARE(found.assessment.situation, Situation::Healthy);
        QVERIFY(!stalledRolloutReplicas(found).has_value());
    }
};

QTEST_GUILESS_MAIN(TestStalledRollout)
#include "tst_stalled_rollout.moc"
