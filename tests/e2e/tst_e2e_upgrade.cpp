// The rolling upgrade through the real redis-cluster-studio binary on kube-sandbox: a 6-pod cluster (one
// replica per master) goes from one image to another while an application keeps writing; every write's
// outcome is recorded as the application saw it (no retry of -TRYAGAIN, -CLUSTERDOWN or a dropped
// connection), and every acknowledged write must read back. Then a re-run changes nothing and a dry
// run changes nothing. (The sandbox runs the same server for every image: the template still changes,
// so the pods get a new revision and are replaced one by one as on a real cluster.)
#include "e2e_support.h"

#include "recording_writer.h"
#include "redis_app_objects.h"

#include <QJsonArray>
#include <QTest>

#include <signal.h>

using namespace rcs;
using namespace rcs::test;

namespace {
const QString Namespace = QStringLiteral("redis-cluster");
const QString ImageB = QStringLiteral("redis:upgrade-b");
} // namespace

class TestE2eUpgrade final : public QObject {
    Q_OBJECT
private:
    QStringList target() const { return m_sandbox.target(QStringLiteral("direct")); }

    mutable E2eSandbox m_sandbox;
    QHash<QString, QString> m_uidsAfter;

private Q_SLOTS:
    void initTestCase()
    {
        const QString problem = m_sandbox.startWithCluster(target());
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
    }

    void upgradeUnderWrites()
    {
        const QJsonObject before = redisAppStatefulSet(m_sandbox);
        const QJsonValue strategyBefore = before[QLatin1String("spec")][QLatin1String("updateStrategy")];
        QVERIFY(strategyBefore.isObject());
        QVERIFY(templateImage(before) != ImageB);
        const QHash<QString, QString> uidsBefore = redisAppPodUids(m_sandbox);
        QCOMPARE(uidsBefore.size(), 6);

        RecordingWriter writer(podAddresses(redisAppPods(m_sandbox)), "upgrade");
        QVERIFY(writer.refresh().ok());
        const StudioRun run =
            runWhileWriting(writer,
                            QStringList{QStringLiteral("upgrade"), QStringLiteral("--image"), ImageB,
                                        QStringLiteral("--yes")} +
                                target(),
                            kRolloutRunTimeoutMs);
        QVERIFY2(run.exitCode == 0, qPrintable(run.all()));
        QVERIFY2(run.out.contains(QLatin1String("CLUSTER FAILOVER")), qPrintable(run.out));

        // problemAfterRun() logs each shard's longest write gap (qInfo); how long the gaps are is
        // measured in bench/upgrade, not asserted here. Every shard must have been written to.
        const QString problem = writer.problemAfterRun(podAddresses(redisAppPods(m_sandbox)));
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
        QCOMPARE(writer.shards().size(), 3);
        for (const ShardWrites &shard : writer.shards())
            QVERIFY2(shard.acknowledged > 0, qPrintable(shard.slotRanges + QStringLiteral(" got no write")));

        // Every pod replaced once, at the new revision; the strategy as it was; the cluster healthy.
        const QJsonObject after = redisAppStatefulSet(m_sandbox);
        QCOMPARE(templateImage(after), ImageB);
        const QString revision = after[QLatin1String("status")][QLatin1String("updateRevision")].toString();
        QVERIFY(!revision.isEmpty());
        for (const QJsonObject &pod : redisAppPods(m_sandbox))
            QCOMPARE(labelOf(pod, "controller-revision-hash"), revision);
        m_uidsAfter = redisAppPodUids(m_sandbox);
        QCOMPARE(m_uidsAfter.size(), 6);
        for (auto it = uidsBefore.cbegin(); it != uidsBefore.cend(); ++it)
            QVERIFY2(m_uidsAfter.value(it.key()) != it.value(),
                     qPrintable(it.key() + QStringLiteral(" was not replaced")));
        QCOMPARE(after[QLatin1String("spec")][QLatin1String("updateStrategy")], strategyBefore);
        QVERIFY(!after[QLatin1String("metadata")][QLatin1String("annotations")].toObject().contains(
            QLatin1String("redis-cluster-studio/previous-update-strategy")));
        QCOMPARE(situationOf(target()), QStringLiteral("healthy"));
    }

    void rerunChangesNothing()
    {
        QVERIFY(!m_uidsAfter.isEmpty());
        const StudioRun again =
            runStudio(QStringList{QStringLiteral("upgrade"), QStringLiteral("--image"), ImageB,
                                  QStringLiteral("--yes"), QStringLiteral("--json")} +
                      target());
        QVERIFY2(again.exitCode == 0, qPrintable(again.all()));
        const QJsonObject json = again.json();
        QCOMPARE(json.value(QLatin1String("changed")).toBool(true), false);
        QCOMPARE(json.value(QLatin1String("skipped")).toArray().size(), 6);
        QVERIFY(json.value(QLatin1String("steps")).toArray().isEmpty());
        QCOMPARE(redisAppPodUids(m_sandbox), m_uidsAfter);
    }

    void dryRunChangesNothing()
    {
        const QJsonObject before = redisAppStatefulSet(m_sandbox);
        const StudioRun dry =
            runStudio(QStringList{QStringLiteral("upgrade"), QStringLiteral("--image"),
                                  QStringLiteral("redis:upgrade-c"), QStringLiteral("--dry-run")} +
                      target());
        QVERIFY2(dry.exitCode == 0, qPrintable(dry.all()));
        // The plan: every pod, the masters after a failover, with the lines a person would type.
        QCOMPARE(dry.out.count(QLatin1String("delete pod redis-app-")), 6);
        QCOMPARE(dry.out.count(QLatin1String("CLUSTER FAILOVER")), 3);
        QVERIFY2(dry.out.contains(QLatin1String("OnDelete")), qPrintable(dry.out));
        const QJsonObject after = redisAppStatefulSet(m_sandbox);
        QCOMPARE(after[QLatin1String("spec")], before[QLatin1String("spec")]);
        QCOMPARE(after[QLatin1String("metadata")][QLatin1String("annotations")],
                 before[QLatin1String("metadata")][QLatin1String("annotations")]);
        QCOMPARE(templateImage(after), ImageB);
        QCOMPARE(redisAppPodUids(m_sandbox), m_uidsAfter);
    }

    void withoutYesListsThePlanAndChangesNothing()
    {
        const QJsonObject before = redisAppStatefulSet(m_sandbox);
        const StudioRun unconfirmed = runStudio(QStringList{QStringLiteral("rolling-restart")} + target());
        QCOMPARE(unconfirmed.exitCode, 1);
        QVERIFY2(unconfirmed.all().contains(QLatin1String("--yes")), qPrintable(unconfirmed.all()));
        QCOMPARE(redisAppStatefulSet(m_sandbox)[QLatin1String("spec")], before[QLatin1String("spec")]);
        QCOMPARE(redisAppPodUids(m_sandbox), m_uidsAfter);
    }

    // The studio killed after the first pod came back (a crash): the StatefulSet stays OnDelete with the
    // strategy kept in its annotation; a re-run skips the pods already done, finishes and restores it.
    void crashThenRerunFinishes()
    {
        const QJsonObject before = redisAppStatefulSet(m_sandbox);
        const QJsonValue strategyBefore = before[QLatin1String("spec")][QLatin1String("updateStrategy")];
        const QStringList args = QStringList{QStringLiteral("upgrade"), QStringLiteral("--image"),
                                             QStringLiteral("redis:upgrade-c"), QStringLiteral("--yes")} +
                                 target();
        auto crashing = startStudio(args, kRolloutRunTimeoutMs);
        QVERIFY(crashing->started());
        QString revision;
        const bool onePodDone = waitUntil(
            [&] {
                revision =
                    redisAppStatefulSet(m_sandbox)[QLatin1String("status")][QLatin1String("updateRevision")]
                        .toString();
                for (const QJsonObject &pod : redisAppPods(m_sandbox)) {
                    if (templateImage(redisAppStatefulSet(m_sandbox)) == QLatin1String("redis:upgrade-c") &&
                        labelOf(pod, "controller-revision-hash") == revision &&
                        pod[QLatin1String("status")][QLatin1String("podIP")].toString().size() > 0)
                        return true;
                }
                return false;
            },
            120000, 100);
        QVERIFY(onePodDone);
        ::kill(pid_t(crashing->processId()), SIGKILL);
        crashing->finish();
        const QJsonObject stopped = redisAppStatefulSet(m_sandbox);
        QCOMPARE(
            stopped[QLatin1String("spec")][QLatin1String("updateStrategy")][QLatin1String("type")].toString(),
            QStringLiteral("OnDelete"));
        QVERIFY(stopped[QLatin1String("metadata")][QLatin1String("annotations")].toObject().contains(
            QLatin1String("redis-cluster-studio/previous-update-strategy")));

        // The pod being replaced at the crash comes back by itself (OnDelete re-creates a deleted pod), on a
        // new IP that nobody may have told it yet: what status then advises, recover, comes first.
        const StudioRun recover = runStudio(QStringList{QStringLiteral("recover")} + target());
        QVERIFY2(recover.exitCode == 0, qPrintable(recover.all()));
        QCOMPARE(situationOf(target()), QStringLiteral("healthy"));
        const StudioRun rerun = runStudio(args + QStringList{QStringLiteral("--json")});
        QVERIFY2(rerun.exitCode == 0, qPrintable(rerun.all()));
        QVERIFY2(!rerun.json().value(QLatin1String("skipped")).toArray().isEmpty(), qPrintable(rerun.out));
        const QJsonObject after = redisAppStatefulSet(m_sandbox);
        QCOMPARE(after[QLatin1String("spec")][QLatin1String("updateStrategy")], strategyBefore);
        QVERIFY(!after[QLatin1String("metadata")][QLatin1String("annotations")].toObject().contains(
            QLatin1String("redis-cluster-studio/previous-update-strategy")));
        revision = after[QLatin1String("status")][QLatin1String("updateRevision")].toString();
        for (const QJsonObject &pod : redisAppPods(m_sandbox))
            QCOMPARE(labelOf(pod, "controller-revision-hash"), revision);
        QCOMPARE(situationOf(target()), QStringLiteral("healthy"));
    }

    // The template gets a restartedAt annotation and nothing else: every pod replaced once, same image.
    // One replica's volume is deleted first, so its pod comes back blank: it rejoins its shard as a
    // replica under a new node id and the old id is forgotten everywhere.
    void rollingRestartReplacesEveryPod()
    {
        const QJsonObject before = redisAppStatefulSet(m_sandbox);
        const QHash<QString, QString> uidsBefore = redisAppPodUids(m_sandbox);
        QString replicaPod;
        for (const QJsonValue &node : statusJson(target())[QLatin1String("nodes")].toArray()) {
            if (node[QLatin1String("role")].toString() == QLatin1String("replica"))
                replicaPod = node[QLatin1String("pod")].toString();
        }
        QVERIFY(!replicaPod.isEmpty());
        const KubeObjectRef claim{QStringLiteral("v1"), QStringLiteral("PersistentVolumeClaim"), Namespace,
                                  QStringLiteral("redis-data-") + replicaPod};
        QVERIFY(!runJobBlocking(m_sandbox.client()->remove(claim), 30000).isError());
        const StudioRun restart =
            runStudio(QStringList{QStringLiteral("rolling-restart"), QStringLiteral("--yes")} + target());
        QVERIFY2(restart.exitCode == 0, qPrintable(restart.all()));
        QCOMPARE(restart.out.count(QLatin1String("CLUSTER FAILOVER")), 3);
        QVERIFY2(restart.out.contains(replicaPod + QStringLiteral(" came back blank")),
                 qPrintable(restart.out));
        const QJsonObject after = redisAppStatefulSet(m_sandbox);
        QCOMPARE(templateImage(after), templateImage(before));
        QVERIFY(!after[QLatin1String("spec")][QLatin1String("template")][QLatin1String("metadata")]
                      [QLatin1String("annotations")][QLatin1String("kubectl.kubernetes.io/restartedAt")]
                          .toString()
                          .isEmpty());
        const QHash<QString, QString> uidsAfter = redisAppPodUids(m_sandbox);
        QCOMPARE(uidsAfter.size(), uidsBefore.size());
        for (auto it = uidsBefore.cbegin(); it != uidsBefore.cend(); ++it)
            QVERIFY2(uidsAfter.value(it.key()) != it.value(),
                     qPrintable(it.key() + QStringLiteral(" was not restarted")));
        QCOMPARE(after[QLatin1String("spec")][QLatin1String("updateStrategy")],
                 before[QLatin1String("spec")][QLatin1String("updateStrategy")]);
        const QJsonObject status = statusJson(target());
        QCOMPARE(status[QLatin1String("situation")].toString(), QStringLiteral("healthy"));
        int replicas = 0;
        for (const QJsonValue &node : status[QLatin1String("nodes")].toArray())
            replicas += node[QLatin1String("role")].toString() == QLatin1String("replica") ? 1 : 0;
        QCOMPARE(replicas, 3);
    }
};

QTEST_GUILESS_MAIN(TestE2eUpgrade)
#include "tst_e2e_upgrade.moc"
