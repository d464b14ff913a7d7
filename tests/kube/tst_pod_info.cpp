#include "pod_info_samples.h"
#include "support/kube_pod_info.h"

#include <QJsonDocument>
#include <QTest>

using namespace rcs;
using namespace rcs::test;

namespace {
QJsonObject parse(const char *json)
{
    return QJsonDocument::fromJson(json).object();
}
} // namespace

class TestPodInfo final : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void readyPod()
    {
        const KubePodInfo pod = KubePodInfo::fromJson(parse(kReadyPod));
        QCOMPARE(pod.name, QStringLiteral("redis-app-10"));
        QCOMPARE(pod.ns, QStringLiteral("redis-cluster"));
        QCOMPARE(pod.ip, QStringLiteral("10.244.2.9"));
        QCOMPARE(pod.nodeName, QStringLiteral("node-2"));
        QCOMPARE(pod.hostIp, QStringLiteral("192.168.0.2"));
        QVERIFY(pod.ready);
        QCOMPARE(pod.restarts, 2);
        QCOMPARE(pod.ordinal, 10);
    }

    void terminatingIsNeverReady()
    {
        const KubePodInfo pod = KubePodInfo::fromJson(parse(kTerminatingPod));
        QVERIFY(pod.terminating);
        QVERIFY(!pod.ready);
        QVERIFY(pod.notReadyReason().contains(QStringLiteral("terminating")));
    }

    void reasons_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QString>("mention");
        QTest::newRow("crash loop") << QByteArray(kCrashingPod) << "CrashLoopBackOff, 5 restarts";
        QTest::newRow("unschedulable") << QByteArray(kUnschedulablePod) << "storage class";
        QTest::newRow("image pull") << QByteArray(kImagePullPod) << "cannot pull its image";
    }
    void reasons()
    {
        QFETCH(QByteArray, json);
        QFETCH(QString, mention);
        const KubePodInfo pod = KubePodInfo::fromJson(QJsonDocument::fromJson(json).object());
        QVERIFY(!pod.ready);
        QVERIFY2(pod.notReadyReason().contains(mention), qPrintable(pod.notReadyReason()));
    }

    void sortedByOrdinal()
    {
        const QList<KubePodInfo> pods =
            KubePodInfo::fromList({parse(kReadyPod), parse(kCrashingPod), parse(kUnschedulablePod)});
        QCOMPARE(pods.at(0).name, QStringLiteral("redis-app-0"));
        QCOMPARE(pods.at(1).name, QStringLiteral("redis-app-2"));
        QCOMPARE(pods.at(2).name, QStringLiteral("redis-app-10"));
    }
};

QTEST_GUILESS_MAIN(TestPodInfo)
#include "tst_pod_info.moc"
