// The rolling upgrade on cluster shapes other than tst_e2e_upgrade's 6 pods, through the real
// redis-cluster-studio binary on kube-sandbox, under writes recorded as an application sees them:
// - 9 pods, two replicas per master: every pod replaced, 0 acknowledged writes lost;
// - 3 masters without a replica: refused without --temporary-replica (nothing changed), then with it
//   one temporary pod (redis-app-3) serves each master in turn and is removed with its volume: the
//   StatefulSet back to 3 pods, every original pod replaced at the new revision, 0 writes lost.
#include "e2e_support.h"

#include "recording_writer.h"
#include "redis_app_objects.h"

#include <QJsonArray>
#include <QTest>

using namespace rcs;
using namespace rcs::test;

namespace {
const QString Namespace = QStringLiteral("redis-cluster");
const QString ImageB = QStringLiteral("redis:shapes-b");

QString revisionOf(const QJsonObject &statefulSet)
{
    return statefulSet[QLatin1String("status")][QLatin1String("updateRevision")].toString();
}

int countRole(const QJsonObject &status, const QString &role)
{
    int count = 0;
    for (const QJsonValue &node : status[QLatin1String("nodes")].toArray())
        count += node[QLatin1String("role")].toString() == role ? 1 : 0;
    return count;
}
} // namespace

class TestE2eUpgradeShapes final : public QObject {
    Q_OBJECT
private:
    QStringList target() const { return m_sandbox.target(QStringLiteral("direct")); }

    void deployAndCreate(int pods, int replicasPerMaster)
    {
        const StudioRun deploy = runStudio(
            QStringList{QStringLiteral("deploy"), QStringLiteral("--replicas"), QString::number(pods)} +
            target());
        QVERIFY2(deploy.exitCode == 0, qPrintable(deploy.all()));
        const StudioRun create =
            runStudio(QStringList{QStringLiteral("create"), QStringLiteral("--cluster-replicas"),
                                  QString::number(replicasPerMaster)} +
                      target());
        QVERIFY2(create.exitCode == 0, qPrintable(create.all()));
        QCOMPARE(redisAppPods(m_sandbox).size(), pods);
    }

    // Upgrades to ImageB under writes; checks no acknowledged write lost, every pod replaced at the new
    // revision, the cluster healthy. Returns the run (its output) through *run.
    void upgradeUnderWrites(const QStringList &extra, int pods, StudioRun *run)
    {
        const QHash<QString, QString> uidsBefore = redisAppPodUids(m_sandbox);
        QCOMPARE(uidsBefore.size(), pods);
        RecordingWriter writer(podAddresses(redisAppPods(m_sandbox)), "shapes");
        QVERIFY(writer.refresh().ok());
        *run = runWhileWriting(writer,
                               QStringList{QStringLiteral("upgrade"), QStringLiteral("--image"), ImageB,
                                           QStringLiteral("--yes")} +
                                   extra + target(),
                               kRolloutRunTimeoutMs);
        if (run->exitCode != 0)
            qInfo().noquote() << run->all(); // whole: a failure message is cut short
        QVERIFY2(run->exitCode == 0, qPrintable(run->all()));
        const QString problem = writer.problemAfterRun(podAddresses(redisAppPods(m_sandbox)));
        QVERIFY2(problem.isEmpty(), qPrintable(problem));

        const QJsonObject after = redisAppStatefulSet(m_sandbox);
        QCOMPARE(templateImage(after), ImageB);
        QCOMPARE(after[QLatin1String("spec")][QLatin1String("replicas")].toInt(), pods);
        const QString revision = revisionOf(after);
        QVERIFY(!revision.isEmpty());
        const QList<QJsonObject> podsAfter = redisAppPods(m_sandbox);
        QCOMPARE(podsAfter.size(), pods);
        for (const QJsonObject &pod : podsAfter)
            QCOMPARE(labelOf(pod, "controller-revision-hash"), revision);
        const QHash<QString, QString> uidsAfter = redisAppPodUids(m_sandbox);
        QCOMPARE(QSet<QString>(uidsAfter.keyBegin(), uidsAfter.keyEnd()),
                 QSet<QString>(uidsBefore.keyBegin(), uidsBefore.keyEnd()));
        for (auto it = uidsBefore.cbegin(); it != uidsBefore.cend(); ++it)
            QVERIFY2(uidsAfter.value(it.key()) != it.value(),
                     qPrintable(it.key() + QStringLiteral(" was not replaced")));
        QVERIFY(!after[QLatin1String("metadata")][QLatin1String("annotations")].toObject().contains(
            QLatin1String("redis-cluster-studio/previous-update-strategy")));
        QCOMPARE(situationOf(target()), QStringLiteral("healthy"));
    }

    mutable E2eSandbox m_sandbox;

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(QFileInfo::exists(studioExecutable()), "redis-cluster-studio was not built");
        const Result<void> started = m_sandbox.start(3);
        QVERIFY2(started.ok(), qPrintable(started.ok() ? QString() : started.error().message()));
    }

    void ninePodsTwoReplicasEach()
    {
        deployAndCreate(9, 2);
        if (QTest::currentTestFailed())
            return;
        StudioRun run;
        upgradeUnderWrites({}, 9, &run);
        if (QTest::currentTestFailed())
            return;
        // One failover per shard: the first replica takes over, the other follows it.
        QCOMPARE(run.out.count(QLatin1String("CLUSTER FAILOVER")), 3);
        const QJsonObject status = statusJson(target());
        QCOMPARE(countRole(status, QStringLiteral("master")), 3);
        QCOMPARE(countRole(status, QStringLiteral("replica")), 6);
    }

    // Each shape starts from nothing, also after a failure.
    void cleanup()
    {
        const StudioRun cleanup = runStudio(
            QStringList{QStringLiteral("cleanup"), QStringLiteral("--delete-pvcs"), QStringLiteral("--yes")} +
            target());
        QVERIFY2(cleanup.exitCode == 0, qPrintable(cleanup.all()));
    }

    void mastersWithoutReplicas()
    {
        deployAndCreate(3, 0);
        if (QTest::currentTestFailed())
            return;
        const QJsonObject before = redisAppStatefulSet(m_sandbox);
        const QHash<QString, QString> uidsBefore = redisAppPodUids(m_sandbox);

        // Without the option: refused, naming the masters and the option; nothing changed.
        const StudioRun refused = runStudio(QStringList{QStringLiteral("upgrade"), QStringLiteral("--image"),
                                                        ImageB, QStringLiteral("--yes")} +
                                            target());
        QVERIFY2(refused.exitCode != 0, qPrintable(refused.all()));
        for (const char *expected : {"redis-app-0", "redis-app-1", "redis-app-2", "--temporary-replica"})
            QVERIFY2(refused.all().contains(QLatin1String(expected)), qPrintable(refused.all()));
        const QJsonObject unchanged = redisAppStatefulSet(m_sandbox);
        QCOMPARE(unchanged[QLatin1String("spec")], before[QLatin1String("spec")]);
        QCOMPARE(unchanged[QLatin1String("metadata")][QLatin1String("annotations")],
                 before[QLatin1String("metadata")][QLatin1String("annotations")]);
        QCOMPARE(redisAppPodUids(m_sandbox), uidsBefore);

        // The plan lists the temporary pod's steps: added, pointed at each master in turn, removed.
        const StudioRun dry =
            runStudio(QStringList{QStringLiteral("upgrade"), QStringLiteral("--image"), ImageB,
                                  QStringLiteral("--temporary-replica"), QStringLiteral("--dry-run")} +
                      target());
        QVERIFY2(dry.exitCode == 0, qPrintable(dry.all()));
        QVERIFY2(dry.out.contains(QLatin1String("scale statefulset redis-app --replicas=4")),
                 qPrintable(dry.out));
        QVERIFY2(dry.out.contains(QLatin1String("--replicas=3")), qPrintable(dry.out));
        QCOMPARE(dry.out.count(QLatin1String("CLUSTER REPLICATE")), 2);
        QCOMPARE(dry.out.count(QLatin1String("CLUSTER FAILOVER")), 6);
        QCOMPARE(dry.out.count(QLatin1String("delete pod redis-app-")), 3);
        QVERIFY2(dry.out.contains(QLatin1String("delete pvc redis-data-redis-app-3")), qPrintable(dry.out));
        QCOMPARE(redisAppStatefulSet(m_sandbox)[QLatin1String("spec")], before[QLatin1String("spec")]);
        QCOMPARE(redisAppPodUids(m_sandbox), uidsBefore);

        StudioRun run;
        upgradeUnderWrites({QStringLiteral("--temporary-replica")}, 3, &run);
        if (QTest::currentTestFailed())
            return;
        // Each master handed over and back.
        QCOMPARE(run.out.count(QLatin1String("CLUSTER FAILOVER")), 6);
        // The temporary pod, its volume and its annotation are gone; the shape is as before.
        const Result<bool> claim =
            m_sandbox.exists({QStringLiteral("v1"), QStringLiteral("PersistentVolumeClaim"), Namespace,
                              QStringLiteral("redis-data-redis-app-3")});
        QVERIFY(claim.ok());
        QVERIFY2(!*claim, "the temporary pod's volume was left");
        QVERIFY(!redisAppStatefulSet(m_sandbox)[QLatin1String("metadata")][QLatin1String("annotations")]
                     .toObject()
                     .contains(QLatin1String("redis-cluster-studio/temporary-replica")));
        const QJsonObject status = statusJson(target());
        QCOMPARE(countRole(status, QStringLiteral("master")), 3);
        QCOMPARE(countRole(status, QStringLiteral("replica")), 0);
    }
};

QTEST_GUILESS_MAIN(TestE2eUpgradeShapes)
#include "tst_e2e_upgrade_shapes.moc"
