// ClusterSurvey::blankTopPods / withoutBlankTopPods: which pods an add-node that stopped after scaling
// left (blank nodes on top of the StatefulSet), and the cluster judged without them.
#include "survey_fixture.h"

#include <QTest>

using namespace rcs;

namespace {

const QByteArray Info = "cluster_state:ok\r\ncluster_slots_assigned:16384\r\ncluster_slots_ok:16384\r\n"
                        "cluster_known_nodes:3\r\ncluster_size:3\r\n";

QByteArray line(int index, const QByteArray &flags, const QByteArray &owned)
{
    QByteArray text(39, 'a'); // node ids are 40 hex digits
    text.append(QByteArray::number(index)).append(" 10.0.0.").append(QByteArray::number(index));
    text.append(":6379@16379 ").append(flags).append(" - 0 0 1 connected ").append(owned).append('\n');
    return text;
}

// Masters 0..2 (slots split in three) that know each other; pods 3.. run nodes that know only
// themselves unless `known` lists them in the members' views.
ClusterSurvey survey(int blank, const QList<int> &known = {})
{
    const QList<QByteArray> ranges{"0-5460", "5461-10922", "10923-16383"};
    ClusterSurvey found;
    found.deployment.namespaceExists = true;
    found.deployment.statefulSetExists = true;
    found.deployment.replicas = 3 + blank;
    QList<NodeView> views;
    for (int i = 0; i < 3 + blank; ++i) {
        PodState pod;
        pod.ordinal = i;
        pod.info = PodInfo{QStringLiteral("redis-app-%1").arg(i),
                           QStringLiteral("10.0.0.%1").arg(i),
                           QStringLiteral("node-%1").arg(i % 3),
                           QStringLiteral("Running"),
                           true,
                           0};
        found.deployment.pods.append(pod);
        found.pods.append(pod);
        const NodeAddress address{pod.info.ip, 6379};
        found.addresses.append(address);
        QByteArray text;
        if (i < 3) {
            for (int j = 0; j < 3; ++j)
                text += line(j, j == i ? "myself,master" : "master", ranges.at(j));
            for (const int extra : known)
                text += line(extra, "master", {});
        } else {
            text = line(i, "myself,master", {});
        }
        views.append(test::parsedView(address, text, i < 3 ? Info : QByteArray("cluster_state:fail\r\n")));
    }
    test::concludeSurvey(found, views);
    return found;
}

QStringList names(const QList<PodState> &pods)
{
    QStringList list;
    for (const PodState &pod : pods)
        list << pod.info.name;
    return list;
}

} // namespace

class TestClusterSurvey final : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void healthyClusterHasNoBlankPods()
    {
        const ClusterSurvey found = survey(0);
        QCOMPARE(found.assessment.situation, Situation::Healthy);
        QVERIFY(found.blankTopPods().isEmpty());
        QCOMPARE(found.withoutBlankTopPods().deployment.replicas, 3);
    }

    void blankPodsOnTopAreSetAside()
    {
        const ClusterSurvey found = survey(2);
        QVERIFY(found.assessment.situation != Situation::Healthy); // the blank nodes disagree
        QCOMPARE(names(found.blankTopPods()),
                 (QStringList{QStringLiteral("redis-app-3"), QStringLiteral("redis-app-4")}));
        const ClusterSurvey members = found.withoutBlankTopPods();
        QCOMPARE(members.assessment.situation, Situation::Healthy);
        QCOMPARE(members.deployment.replicas, 3);
        QCOMPARE(members.deployment.pods.size(), 3);
        QCOMPARE(members.addresses.size(), 3);
        QVERIFY(!members.nodeOfPod(QStringLiteral("redis-app-3")));
        QVERIFY(members.nodeOfPod(QStringLiteral("redis-app-2")));
    }

    void aPodTheMembersKnowIsNotBlank()
    {
        // redis-app-3 is listed by the members: it joined (or half joined) and is theirs to judge.
        const ClusterSurvey found = survey(1, {3});
        QVERIFY(found.blankTopPods().isEmpty());
        QCOMPARE(found.withoutBlankTopPods().deployment.replicas, 4);
    }

    void onlyTheTopRunCounts()
    {
        // redis-app-4 is blank, redis-app-3 is known to the members: only redis-app-4 is set aside.
        const ClusterSurvey found = survey(2, {3});
        QCOMPARE(names(found.blankTopPods()), QStringList{QStringLiteral("redis-app-4")});
    }
};

QTEST_GUILESS_MAIN(TestClusterSurvey)
#include "tst_cluster_survey.moc"
