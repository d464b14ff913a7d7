// upgrade --set through the real redis-cluster-studio binary on kube-sandbox (a 6-pod cluster): the
// servers say which settings CONFIG SET takes live. maxmemory-policy is live on every supported server:
// set on every node and kept in the ConfigMap, no pod restarted. tcp-backlog is read only at start on every
// supported server: kept in the ConfigMap, then every pod replaced one by one and running with it. A key
// the server does not know is refused with nothing changed; a malformed --set is a usage error.
#include "e2e_support.h"

#include "redis_app_objects.h"
#include "support/program_run.h"

#include <QJsonArray>
#include <QTest>

using namespace rcs;
using namespace rcs::test;

namespace {
const QString Namespace = QStringLiteral("redis-cluster");
const QString ConfigHash = QStringLiteral("redis-cluster-studio/config-hash");

QString templateAnnotation(const QJsonObject &statefulSet, const QString &name)
{
    return statefulSet[QLatin1String("spec")][QLatin1String("template")][QLatin1String("metadata")]
                      [QLatin1String("annotations")][name]
                          .toString();
}

// The value every node reports, pod name → value (an error text for a node that did not answer).
QHash<QString, QString> configOnEveryPod(E2eSandbox &sandbox, const QString &key)
{
    QHash<QString, QString> values;
    for (const QJsonObject &pod : redisAppPods(sandbox)) {
        const QString name = pod[QLatin1String("metadata")][QLatin1String("name")].toString();
        const NodeAddress address = podAddresses({pod}).first();
        const ProgramRun run =
            runRedisCli({QStringLiteral("-h"), address.host, QStringLiteral("-p"),
                         QString::number(address.port), QStringLiteral("CONFIG"), QStringLiteral("GET"), key},
                        10000);
        const QStringList lines = run.out.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        values.insert(name, run.exitCode == 0 && lines.size() == 2 ? lines.at(1).trimmed() : run.all());
    }
    return values;
}
} // namespace

class TestE2eUpgradeConfig final : public QObject {
    Q_OBJECT
private:
    QStringList target() const { return m_sandbox.target(QStringLiteral("direct")); }
    QString redisConf()
    {
        const Result<QList<QJsonObject>> maps =
            m_sandbox.list(QStringLiteral("v1"), QStringLiteral("ConfigMap"), Namespace);
        if (!maps)
            return {};
        for (const QJsonObject &map : *maps) {
            if (map[QLatin1String("metadata")][QLatin1String("name")].toString() ==
                QLatin1String("redis-conf"))
                return map[QLatin1String("data")][QLatin1String("redis.conf")].toString();
        }
        return {};
    }
    QStringList upgrade(const QStringList &settings, const QStringList &more) const
    {
        QStringList args{QStringLiteral("upgrade")};
        for (const QString &setting : settings)
            args << QStringLiteral("--set") << setting;
        return args + more + target();
    }

    mutable E2eSandbox m_sandbox;

private Q_SLOTS:
    void initTestCase()
    {
        const QString problem = m_sandbox.startWithCluster(target());
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
        QVERIFY(redisConf().contains(QLatin1String("cluster-enabled yes")));
    }

    void malformedSetIsAUsageError()
    {
        const StudioRun run =
            runStudio(upgrade({QStringLiteral("maxmemory-policy")}, {QStringLiteral("--yes")}));
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.all().contains(QLatin1String("KEY=VALUE")), qPrintable(run.all()));
    }

    void unknownKeyIsRefusedWithNothingChanged()
    {
        const QString conf = redisConf();
        const QHash<QString, QString> uids = redisAppPodUids(m_sandbox);
        const StudioRun run = runStudio(
            upgrade({QStringLiteral("maxmemory-policy=allkeys-lru"), QStringLiteral("no-such-setting=1")},
                    {QStringLiteral("--yes")}));
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.all().contains(QLatin1String("does not know the configuration key no-such-setting")),
                 qPrintable(run.all()));
        QCOMPARE(redisConf(), conf);
        QCOMPARE(redisAppPodUids(m_sandbox), uids);
        // The live setting before it was not applied either.
        for (const QString &value : configOnEveryPod(m_sandbox, QStringLiteral("maxmemory-policy")))
            QCOMPARE(value, QStringLiteral("noeviction"));
    }

    void invalidLiveValueIsRefusedWithNothingChanged()
    {
        const QString conf = redisConf();
        const StudioRun run = runStudio(
            upgrade({QStringLiteral("maxmemory-policy=most-recently-used")}, {QStringLiteral("--yes")}));
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.all().contains(QLatin1String("Nothing was changed")), qPrintable(run.all()));
        QCOMPARE(redisConf(), conf);
        for (const QString &value : configOnEveryPod(m_sandbox, QStringLiteral("maxmemory-policy")))
            QCOMPARE(value, QStringLiteral("noeviction"));
    }

    void liveSettingRestartsNothing()
    {
        const QHash<QString, QString> uids = redisAppPodUids(m_sandbox);
        const QJsonObject before = redisAppStatefulSet(m_sandbox);
        // Without --yes: the plan says it is live and lists the line for every node; nothing changes.
        const StudioRun plan = runStudio(upgrade({QStringLiteral("maxmemory-policy=allkeys-lru")}, {}));
        QCOMPARE(plan.exitCode, 1);
        QVERIFY2(
            plan.all().contains(QLatin1String("maxmemory-policy allkeys-lru: applied live on every node")),
            qPrintable(plan.all()));
        QCOMPARE(plan.all().count(QLatin1String("CONFIG SET maxmemory-policy allkeys-lru")), 6);
        QVERIFY2(!plan.all().contains(QLatin1String("delete pod")), qPrintable(plan.all()));
        for (const QString &value : configOnEveryPod(m_sandbox, QStringLiteral("maxmemory-policy")))
            QCOMPARE(value, QStringLiteral("noeviction"));
        const StudioRun run = runStudio(upgrade({QStringLiteral("maxmemory-policy=allkeys-lru")},
                                                {QStringLiteral("--yes"), QStringLiteral("--json")}));
        QVERIFY2(run.exitCode == 0, qPrintable(run.all()));
        const QJsonArray settings = run.json().value(QLatin1String("settings")).toArray();
        QCOMPARE(settings.size(), 1);
        QCOMPARE(settings.first()[QLatin1String("apply")].toString(), QStringLiteral("live"));
        const QHash<QString, QString> values =
            configOnEveryPod(m_sandbox, QStringLiteral("maxmemory-policy"));
        QCOMPARE(values.size(), 6);
        for (auto it = values.cbegin(); it != values.cend(); ++it)
            QVERIFY2(it.value() == QLatin1String("allkeys-lru"),
                     qPrintable(it.key() + QStringLiteral(": ") + it.value()));
        const QString conf = redisConf();
        QVERIFY2(conf.contains(QLatin1String("\nmaxmemory-policy allkeys-lru\n")), qPrintable(conf));
        QVERIFY2(conf.contains(QLatin1String("cluster-enabled yes")), qPrintable(conf));
        QCOMPARE(redisAppPodUids(m_sandbox), uids);
        QCOMPARE(redisAppStatefulSet(m_sandbox)[QLatin1String("spec")], before[QLatin1String("spec")]);
    }

    void restartSettingRollsEveryPod()
    {
        const QHash<QString, QString> uidsBefore = redisAppPodUids(m_sandbox);
        const QJsonObject before = redisAppStatefulSet(m_sandbox);
        const QString confBefore = redisConf();

        // The plan first: tcp-backlog needs the restart, and says why; nothing changes.
        const StudioRun dry =
            runStudio(upgrade({QStringLiteral("tcp-backlog=1024")}, {QStringLiteral("--dry-run")}));
        QVERIFY2(dry.exitCode == 0, qPrintable(dry.all()));
        QVERIFY2(dry.out.contains(QLatin1String("needs the rolling restart (CONFIG SET refused it:")),
                 qPrintable(dry.out));
        QVERIFY2(dry.out.contains(QLatin1String("patch configmap redis-conf")), qPrintable(dry.out));
        QCOMPARE(dry.out.count(QLatin1String("delete pod redis-app-")), 6);
        QCOMPARE(redisConf(), confBefore);
        QCOMPARE(redisAppPodUids(m_sandbox), uidsBefore);

        const StudioRun run = runStudio(upgrade({QStringLiteral("tcp-backlog=1024")},
                                                {QStringLiteral("--yes"), QStringLiteral("--json")}),
                                        kRolloutRunTimeoutMs);
        QVERIFY2(run.exitCode == 0, qPrintable(run.all()));
        const QJsonArray settings = run.json().value(QLatin1String("settings")).toArray();
        QCOMPARE(settings.size(), 1);
        QCOMPARE(settings.first()[QLatin1String("apply")].toString(), QStringLiteral("restart"));
        QVERIFY2(redisConf().contains(QLatin1String("\ntcp-backlog 1024\n")), qPrintable(redisConf()));
        const QHash<QString, QString> uidsAfter = redisAppPodUids(m_sandbox);
        QCOMPARE(uidsAfter.size(), 6);
        for (auto it = uidsBefore.cbegin(); it != uidsBefore.cend(); ++it)
            QVERIFY2(uidsAfter.value(it.key()) != it.value(),
                     qPrintable(it.key() + QStringLiteral(" was not replaced")));
        const QHash<QString, QString> values = configOnEveryPod(m_sandbox, QStringLiteral("tcp-backlog"));
        for (auto it = values.cbegin(); it != values.cend(); ++it)
            QVERIFY2(it.value() == QLatin1String("1024"),
                     qPrintable(it.key() + QStringLiteral(": ") + it.value()));
        // The live setting of before survived the restart: it was kept in redis.conf.
        for (const QString &value : configOnEveryPod(m_sandbox, QStringLiteral("maxmemory-policy")))
            QCOMPARE(value, QStringLiteral("allkeys-lru"));
        const QJsonObject after = redisAppStatefulSet(m_sandbox);
        QVERIFY(!templateAnnotation(after, ConfigHash).isEmpty());
        QVERIFY(templateAnnotation(after, ConfigHash) != templateAnnotation(before, ConfigHash));
        QCOMPARE(after[QLatin1String("spec")][QLatin1String("updateStrategy")],
                 before[QLatin1String("spec")][QLatin1String("updateStrategy")]);
        QCOMPARE(situationOf(target()), QStringLiteral("healthy"));

        // The same again changes nothing: same redis.conf, same hash, no pod restarted.
        const StudioRun again = runStudio(upgrade({QStringLiteral("tcp-backlog=1024")},
                                                  {QStringLiteral("--yes"), QStringLiteral("--json")}));
        QVERIFY2(again.exitCode == 0, qPrintable(again.all()));
        QCOMPARE(again.json().value(QLatin1String("changed")).toBool(true), false);
        QCOMPARE(redisAppPodUids(m_sandbox), uidsAfter);
    }
};

QTEST_GUILESS_MAIN(TestE2eUpgradeConfig)
#include "tst_e2e_upgrade_config.moc"
