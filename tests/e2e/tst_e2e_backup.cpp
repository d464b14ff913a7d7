// backup and restore in their Kubernetes form, through the real redis-cluster-studio binary on
// kube-sandbox (a 6-pod cluster: 3 masters), reaching the pods directly and through port-forward tunnels:
// the archive holds the 3 masters' RDBs with every key written, verifies, and a second backup to the same
// file needs --force; restored through the tunnel, a deleted and a changed key come back (--merge, then
// --replace --yes), and --replace without --yes changes nothing.
#include "e2e_support.h"

#include "support/program_run.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTest>

using namespace rcs;
using namespace rcs::test;

class TestE2eBackup final : public QObject {
    Q_OBJECT
    E2eSandbox m_sandbox;
    QTemporaryDir m_dir;

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        const QString problem = m_sandbox.startWithCluster(m_sandbox.target(QStringLiteral("direct")));
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
        for (int i = 0; i < 20; ++i) {
            const StudioRun run =
                runStudio(QStringList{QStringLiteral("exec")} + m_sandbox.target(QStringLiteral("direct")) +
                              QStringList{QStringLiteral("--"), QStringLiteral("SET"),
                                          QStringLiteral("backup:%1").arg(i), QStringLiteral("v%1").arg(i)},
                          60000);
            QVERIFY2(run.exitCode == 0, qPrintable(run.all()));
        }
    }

    void backupThroughEachAccess_data()
    {
        QTest::addColumn<QString>("access");
        QTest::newRow("direct") << QStringLiteral("direct");
        QTest::newRow("tunnel") << QStringLiteral("tunnel");
    }
    void backupThroughEachAccess()
    {
        QFETCH(QString, access);
        const QString file = m_dir.filePath(access + QStringLiteral(".rcsbackup"));
        const QStringList backup =
            QStringList{QStringLiteral("backup"), QStringLiteral("--to"), file, QStringLiteral("--json")} +
            m_sandbox.target(access);
        const StudioRun run = runStudio(backup, 120000);
        QVERIFY2(run.exitCode == 0, qPrintable(run.all()));
        const QJsonObject result = QJsonDocument::fromJson(run.out.toUtf8()).object();
        QCOMPARE(result.value(QLatin1String("shards")).toArray().size(), 3);
        QVERIFY2(result.value(QLatin1String("keys")).toInteger() >= 20, qPrintable(run.out));
        const StudioRun verify = runStudio({QStringLiteral("backup"), QStringLiteral("verify"), file}, 60000);
        QVERIFY2(verify.exitCode == 0, qPrintable(verify.all()));
        const StudioRun again = runStudio(backup, 120000);
        QCOMPARE(again.exitCode, 1);
        QVERIFY2(again.err.contains(QLatin1String("--force")), qPrintable(again.all()));
    }

    void restoreThroughTheTunnel()
    {
        const QString file = m_dir.filePath(QStringLiteral("tunnel.rcsbackup"));
        QVERIFY(QFile::exists(file)); // backupThroughEachAccess wrote it
        auto exec = [this](const QStringList &words) {
            return runStudio(QStringList{QStringLiteral("exec")} +
                                 m_sandbox.target(QStringLiteral("direct")) +
                                 QStringList{QStringLiteral("--")} + words,
                             60000);
        };
        QCOMPARE(exec({QStringLiteral("DEL"), QStringLiteral("backup:0")}).exitCode, 0);
        QCOMPARE(
            exec({QStringLiteral("SET"), QStringLiteral("backup:1"), QStringLiteral("changed")}).exitCode, 0);
        const QStringList restore =
            QStringList{QStringLiteral("restore"), QStringLiteral("--from"), file, QStringLiteral("--json")} +
            m_sandbox.target(QStringLiteral("tunnel"));
        const StudioRun refused = runStudio(restore, 120000); // the cluster holds keys
        QCOMPARE(refused.exitCode, 1);
        QVERIFY2(refused.err.contains(QLatin1String("--merge")), qPrintable(refused.all()));

        const StudioRun merged = runStudio(restore + QStringList{QStringLiteral("--merge")}, 120000);
        QVERIFY2(merged.exitCode == 0, qPrintable(merged.all()));
        const QJsonObject result = QJsonDocument::fromJson(merged.out.toUtf8()).object();
        QCOMPARE(result.value(QLatin1String("restored")).toInteger(), 1);
        QVERIFY2(result.value(QLatin1String("existing")).toInteger() >= 19, qPrintable(merged.out));
        QCOMPARE(result.value(QLatin1String("masters")).toArray().size(), 3);
        QVERIFY(exec({QStringLiteral("GET"), QStringLiteral("backup:0")}).out.contains(QLatin1String("v0")));
        QVERIFY(
            exec({QStringLiteral("GET"), QStringLiteral("backup:1")}).out.contains(QLatin1String("changed")));

        const StudioRun unconfirmed = runStudio(restore + QStringList{QStringLiteral("--replace")}, 120000);
        QCOMPARE(unconfirmed.exitCode, 1);
        QVERIFY2(unconfirmed.all().contains(QLatin1String("--yes")), qPrintable(unconfirmed.all()));
        QVERIFY(
            exec({QStringLiteral("GET"), QStringLiteral("backup:1")}).out.contains(QLatin1String("changed")));

        const StudioRun replaced =
            runStudio(restore + QStringList{QStringLiteral("--replace"), QStringLiteral("--yes")}, 120000);
        QVERIFY2(replaced.exitCode == 0, qPrintable(replaced.all()));
        QVERIFY(exec({QStringLiteral("GET"), QStringLiteral("backup:1")}).out.contains(QLatin1String("v1")));
    }
};

QTEST_GUILESS_MAIN(TestE2eBackup)
#include "tst_e2e_backup.moc"
