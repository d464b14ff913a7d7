// backup in its Kubernetes form, through the real redis-cluster-studio binary on kube-sandbox (a 6-pod
// cluster: 3 masters), reaching the pods directly and through port-forward tunnels: the archive holds the
// 3 masters' RDBs with every key written, verifies, and a second backup to the same file needs --force.
#include "e2e_support.h"

#include "support/program_run.h"

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
};

QTEST_GUILESS_MAIN(TestE2eBackup)
#include "tst_e2e_backup.moc"
