// PodState: how a pod that is not Ready is explained (the deploy and recover timeout messages).
#include "workflows/pod_state.h"

#include <QJsonDocument>
#include <QTest>

using namespace rcs;

class TestPodState final : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void explains_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<bool>("ready");
        QTest::addColumn<bool>("stuck");
        QTest::addColumn<QString>("problem");
        QTest::newRow("ready") << QByteArray(R"({"metadata":{"name":"redis-app-3"},"spec":{"nodeName":"n1"},
            "status":{"phase":"Running","podIP":"10.0.0.3","conditions":[{"type":"Ready","status":"True"}]}})")
                               << true << false << QString();
        QTest::newRow("no storage class")
            << QByteArray(
                   R"({"metadata":{"name":"redis-app-0"},"spec":{},"status":{"phase":"Pending","conditions":[
            {"type":"PodScheduled","status":"False","reason":"Unschedulable","message":"0/3 nodes are available: pod has unbound immediate PersistentVolumeClaims"}]}})")
            << false << true << QStringLiteral("no such storage class");
        QTest::newRow("image pull")
            << QByteArray(
                   R"({"metadata":{"name":"redis-app-0"},"spec":{"nodeName":"n1"},"status":{"phase":"Pending",
            "containerStatuses":[{"restartCount":0,"state":{"waiting":{"reason":"ImagePullBackOff","message":"Back-off pulling image redis:nope"}}}]}})")
            << false << true << QStringLiteral("redis:nope");
        QTest::newRow("crash loop")
            << QByteArray(
                   R"({"metadata":{"name":"redis-app-0"},"spec":{"nodeName":"n1"},"status":{"phase":"Running","podIP":"10.0.0.9",
            "containerStatuses":[{"restartCount":3,"state":{"waiting":{"reason":"CrashLoopBackOff"}},
            "lastState":{"terminated":{"exitCode":1,"reason":"Error","message":"line 1\nline 2\nBad directive or wrong number of arguments"}}}]}})")
            << false << true << QStringLiteral("Bad directive");
    }
    void explains()
    {
        QFETCH(QByteArray, json);
        QFETCH(bool, ready);
        QFETCH(bool, stuck);
        QFETCH(QString, problem);
        const QJsonDocument document = QJsonDocument::fromJson(json);
        QVERIFY(document.isObject());
        const PodState pod = podStateFromJson(document.object());
        QCOMPARE(pod.isReady(), ready);
        QCOMPARE(pod.stuck, stuck);
        QVERIFY2(pod.problem.contains(problem), qPrintable(pod.problem));
        QVERIFY(pod.ordinal >= 0);
    }
    void ordersByOrdinal()
    {
        QList<QJsonObject> pods;
        for (const char *name : {"redis-app-10", "redis-app-2", "other-0", "redis-app-0"})
            pods.append(QJsonObject{{QStringLiteral("metadata"),
                                     QJsonObject{{QStringLiteral("name"), QString::fromLatin1(name)}}}});
        const QList<PodState> states = podsOfStatefulSet(pods, QStringLiteral("redis-app"));
        QCOMPARE(states.size(), 3);
        QCOMPARE(states.at(0).ordinal, 0);
        QCOMPARE(states.at(1).ordinal, 2);
        QCOMPARE(states.at(2).ordinal, 10);
    }
};

QTEST_GUILESS_MAIN(TestPodState)
#include "tst_pod_state.moc"
