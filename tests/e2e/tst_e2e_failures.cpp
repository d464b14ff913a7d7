// What the Kubernetes commands say when things are wrong: no kubeconfig, an unreachable API server, a
// missing namespace, a pod that never becomes Ready (broken command), recover while a pod stays Pending,
// and the day-2 commands on that unhealthy deployment.
#include "e2e_support.h"

#include <QDir>
#include <QFile>
#include <QProcessEnvironment>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

using namespace rcs;
using namespace rcs::test;

class TestE2eFailures final : public QObject {
    Q_OBJECT
private:
    E2eSandbox m_sandbox;
    QTemporaryDir m_home;

    // The environment of the studio without any kubeconfig: HOME is an empty folder, no KUBECONFIG.
    QProcessEnvironment bareEnvironment() const
    {
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.remove(QStringLiteral("KUBECONFIG"));
        environment.insert(QStringLiteral("HOME"), m_home.path());
        return environment;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(QFileInfo::exists(studioExecutable()), "redis-cluster-studio was not built");
        QVERIFY(m_home.isValid());
        const Result<void> started = m_sandbox.start(3);
        QVERIFY2(started.ok(), qPrintable(started.ok() ? QString() : started.error().message()));
    }

    void noKubeconfig()
    {
        const StudioRun run = runStudio({QStringLiteral("status")}, 60000, bareEnvironment());
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.err.contains(QLatin1String("kubeconfig"), Qt::CaseInsensitive), qPrintable(run.all()));
        QVERIFY2(run.err.contains(QLatin1String("sandbox start")), qPrintable(run.all()));
    }

    void unreachableApiServer()
    {
        // The sandbox's kubeconfig pointed at a loopback port where nothing listens.
        QFile source(m_sandbox.kubeconfig());
        QVERIFY(source.open(QIODevice::ReadOnly));
        QString text = QString::fromUtf8(source.readAll());
        text.replace(QRegularExpression(QStringLiteral("server: https://[^\\s]+")),
                     QStringLiteral("server: https://127.0.0.1:9"));
        const QString path = QDir(m_home.path()).filePath(QStringLiteral("unreachable.kubeconfig"));
        QFile target(path);
        QVERIFY(target.open(QIODevice::WriteOnly));
        target.write(text.toUtf8());
        target.close();
        const StudioRun run = runStudio({QStringLiteral("status"), QStringLiteral("--kubeconfig"), path,
                                         QStringLiteral("--timeout"), QStringLiteral("20")},
                                        120000);
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.err.contains(QLatin1String("127.0.0.1:9")) ||
                     run.err.contains(QLatin1String("refused"), Qt::CaseInsensitive) ||
                     run.err.contains(QLatin1String("timed out"), Qt::CaseInsensitive),
                 qPrintable(run.all()));
    }

    void statusOnMissingNamespace()
    {
        const QJsonObject json =
            statusJson(m_sandbox.target(QStringLiteral("direct")) +
                       QStringList{QStringLiteral("-n"), QStringLiteral("no-such-namespace")});
        QCOMPARE(json.value(QLatin1String("situation")).toString(), QStringLiteral("not-deployed"));
        QVERIFY(json.value(QLatin1String("advice")).toString().contains(QLatin1String("deploy")));
    }

    // Create and recover need a deployment: without the StatefulSet they stop at once, name it and
    // say what to run instead.
    void createAndRecoverWithoutADeploymentSayWhatToRun()
    {
        const QStringList target = m_sandbox.target(QStringLiteral("direct")) +
                                   QStringList{QStringLiteral("-n"), QStringLiteral("nothing-deployed")};
        const StudioRun create = runStudio(QStringList{QStringLiteral("create")} + target, 120000);
        QCOMPARE(create.exitCode, 1);
        QVERIFY2(create.err.contains(
                     QLatin1String("There is no StatefulSet redis-app in namespace nothing-deployed: "
                                   "no pods to form a cluster of. Run 'redis-cluster-studio deploy'.")),
                 qPrintable(create.all()));
        const StudioRun recover = runStudio(QStringList{QStringLiteral("recover")} + target, 120000);
        QCOMPARE(recover.exitCode, 1);
        QVERIFY2(recover.err.contains(QLatin1String("There is no StatefulSet redis-app in namespace "
                                                    "nothing-deployed: nothing to recover.")),
                 qPrintable(recover.all()));
    }

    void deployOfBrokenCommandTimesOutNamingTheReason()
    {
        // The seed's manifests with a redis-server argument it refuses: the container exits at once.
        const QString manifests = QDir(m_home.path()).filePath(QStringLiteral("broken-manifests"));
        QVERIFY(QDir().mkpath(manifests));
        const QDir sourceDir(qEnvironmentVariable("RCS_SOURCE_DIR") + QStringLiteral("/manifests"));
        for (const QString &name : sourceDir.entryList({QStringLiteral("*.yaml")}, QDir::Files)) {
            QFile file(sourceDir.filePath(name));
            QVERIFY(file.open(QIODevice::ReadOnly));
            QByteArray yaml = file.readAll();
            yaml.replace("- --protected-mode", "- --no-such-redis-option\n            - --protected-mode");
            QFile out(QDir(manifests).filePath(name));
            QVERIFY(out.open(QIODevice::WriteOnly));
            out.write(yaml);
        }
        const StudioRun run =
            runStudio({QStringLiteral("deploy"), QStringLiteral("-n"), QStringLiteral("broken"),
                       QStringLiteral("--replicas"), QStringLiteral("1"), QStringLiteral("--manifests"),
                       manifests, QStringLiteral("--timeout"), QStringLiteral("25"),
                       QStringLiteral("--kubeconfig"), m_sandbox.kubeconfig()},
                      180000);
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.err.contains(QLatin1String("timed out"), Qt::CaseInsensitive), qPrintable(run.all()));
        QVERIFY2(run.err.contains(QLatin1String("broken-0")) ||
                     run.err.contains(QLatin1String("redis-app-0")),
                 qPrintable(run.all()));
        QVERIFY2(run.err.contains(QLatin1String("crash loop")), qPrintable(run.all()));
        runStudio({QStringLiteral("cleanup"), QStringLiteral("-n"), QStringLiteral("broken"),
                   QStringLiteral("--yes"), QStringLiteral("--delete-pvcs"),
                   QStringLiteral("--delete-namespace"), QStringLiteral("--kubeconfig"),
                   m_sandbox.kubeconfig()});
    }

    void recoverWhileAPodStaysPending()
    {
        // A storage class that does not exist: the volume never binds, the pod stays Pending.
        const QStringList target{QStringLiteral("-n"), QStringLiteral("pending"),
                                 QStringLiteral("--kubeconfig"), m_sandbox.kubeconfig()};
        const StudioRun deploy =
            runStudio(QStringList{QStringLiteral("deploy"), QStringLiteral("--replicas"), QStringLiteral("1"),
                                  QStringLiteral("--storage-class"), QStringLiteral("no-such-class"),
                                  QStringLiteral("--timeout"), QStringLiteral("10")} +
                      target);
        QCOMPARE(deploy.exitCode, 1);
        QVERIFY2(deploy.err.contains(QLatin1String("no-such-class")), qPrintable(deploy.all()));

        const StudioRun recover = runStudio(
            QStringList{QStringLiteral("recover"), QStringLiteral("--timeout"), QStringLiteral("10")} +
            target);
        QCOMPARE(recover.exitCode, 1);
        QVERIFY2(recover.err.contains(QLatin1String("timed out"), Qt::CaseInsensitive),
                 qPrintable(recover.all()));
        QVERIFY2(recover.err.contains(QLatin1String("redis-app-0")), qPrintable(recover.all()));
        QVERIFY2(recover.err.contains(QLatin1String("unschedulable")), qPrintable(recover.all()));
    }

    void dayTwoCommandsRefuseAnUnhealthyCluster()
    {
        // The deployment of the test before: its only pod stays Pending.
        const QStringList target{QStringLiteral("-n"), QStringLiteral("pending"),
                                 QStringLiteral("--kubeconfig"), m_sandbox.kubeconfig()};
        const QList<QStringList> commands{
            {QStringLiteral("add-node")},
            {QStringLiteral("remove-node"), QStringLiteral("--yes")},
            {QStringLiteral("rebalance")},
            {QStringLiteral("failover"), QStringLiteral("--pod"), QStringLiteral("redis-app-0")}};
        for (const QStringList &command : commands) {
            const StudioRun run = runStudio(command + target);
            QCOMPARE(run.exitCode, 1);
            QVERIFY2(run.err.contains(QLatin1String("needs a healthy cluster")) &&
                         run.err.contains(QLatin1String("pods-not-ready")) &&
                         run.err.contains(QLatin1String("Nothing was changed")),
                     qPrintable(run.all()));
        }
        // Nothing was scaled.
        const Result<QList<QJsonObject>> sets = m_sandbox.list(
            QStringLiteral("apps/v1"), QStringLiteral("StatefulSet"), QStringLiteral("pending"));
        QVERIFY(sets.ok());
        QCOMPARE(sets->size(), 1);
        QCOMPARE(sets->first()[QLatin1String("spec")][QLatin1String("replicas")].toInt(), 1);
    }
};

QTEST_GUILESS_MAIN(TestE2eFailures)
#include "tst_e2e_failures.moc"
