// exec in its Kubernetes form, through the real redis-cluster-studio binary on kube-sandbox (a 6-pod
// cluster), reaching the pods directly and through port-forward tunnels: a key written through the
// console is read back from the pod that serves it, --node takes a pod name, a MOVED from one pod is the
// reply there, and FLUSHALL is refused without --yes. The studio's "Show pod log" reads a pod's log.
#include "e2e_support.h"

#include "common/job.h"
#include "support/program_run.h"
#include "ui/core_backend.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSignalSpy>
#include <QTest>

using namespace rcs;
using namespace rcs::test;

class TestE2eConsole final : public QObject {
    Q_OBJECT
    E2eSandbox m_sandbox;

    StudioRun exec(const QString &access, const QStringList &options, const QStringList &command)
    {
        return runStudio(QStringList{QStringLiteral("exec")} + m_sandbox.target(access) + options +
                             QStringList{QStringLiteral("--")} + command,
                         60000);
    }

private Q_SLOTS:
    void initTestCase()
    {
        const QString problem = m_sandbox.startWithCluster(m_sandbox.target(QStringLiteral("direct")));
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
    }

    void execOnThePods_data()
    {
        QTest::addColumn<QString>("access");
        QTest::newRow("direct") << QStringLiteral("direct");
        QTest::newRow("tunnel") << QStringLiteral("tunnel");
    }
    void execOnThePods()
    {
        QFETCH(QString, access);
        const QString key = QStringLiteral("console:") + access;
        const StudioRun set =
            exec(access, {}, {QStringLiteral("SET"), key, QStringLiteral("from the console")});
        QVERIFY2(set.exitCode == 0, qPrintable(set.all()));
        QCOMPARE(set.out, QStringLiteral("OK\n"));

        const StudioRun get = exec(access, {QStringLiteral("--json")}, {QStringLiteral("GET"), key});
        QVERIFY2(get.exitCode == 0, qPrintable(get.all()));
        const QJsonObject reply = QJsonDocument::fromJson(get.out.toUtf8()).object();
        QCOMPARE(reply.value(QLatin1String("reply")).toString(), QStringLiteral("from the console"));
        QCOMPARE(reply.value(QLatin1String("mode")).toString(), QStringLiteral("cluster"));
        const QString owner = reply.value(QLatin1String("node")).toString();
        QVERIFY(!owner.isEmpty());

        // Every pod by name: the one serving the key answers with the value, a master that does not
        // answers MOVED to it (exit 1), a replica MOVED too (no READONLY on this connection).
        int values = 0;
        int moved = 0;
        for (int i = 0; i < 6; ++i) {
            const StudioRun one =
                exec(access, {QStringLiteral("--node"), QStringLiteral("redis-app-%1").arg(i)},
                     {QStringLiteral("GET"), key});
            if (one.exitCode == 0 && one.out == QStringLiteral("\"from the console\"\n")) {
                ++values;
            } else {
                QVERIFY2(one.exitCode == 1 && one.out.startsWith(QLatin1String("(error) MOVED ")),
                         qPrintable(one.all()));
                QVERIFY2(one.out.trimmed().endsWith(owner), qPrintable(one.all()));
                ++moved;
            }
        }
        QCOMPARE(values, 1);
        QCOMPARE(moved, 5);

        const StudioRun flush = exec(access, {}, {QStringLiteral("FLUSHALL")});
        QCOMPARE(flush.exitCode, 1);
        QVERIFY2(flush.err.contains(QLatin1String("deletes every key")), qPrintable(flush.all()));
        const StudioRun still = exec(access, {}, {QStringLiteral("GET"), key});
        QCOMPARE(still.out, QStringLiteral("\"from the console\"\n"));
    }

    // The node cards' "Show pod log": the backend's job reads the pod's last lines from the API.
    void podLogThroughTheBackend()
    {
        rcs::ui::CoreBackend backend;
        rcs::ui::StudioTarget target;
        target.kind = rcs::ui::StudioTarget::Kind::Kubernetes;
        target.kubeconfig = m_sandbox.kubeconfig();
        target.access = rcs::AccessMode::Direct;
        QString log;
        QString why;
        rcs::Job *job = backend.createPodLogJob(
            target, QStringLiteral("redis-app-0"), 500, [&log](const QString &text) { log = text; }, &why);
        QVERIFY2(job, qPrintable(why));
        job->setAutoDelete(false);
        QSignalSpy finished(job, &rcs::Job::finished);
        job->start();
        QVERIFY(finished.wait(30000));
        QVERIFY2(!job->hasError(), qPrintable(job->errorString()));
        QVERIFY2(log.contains(QLatin1String("Ready to accept connections")), qPrintable(log));
        QVERIFY(log.count(QLatin1Char('\n')) <= 500);
        delete job;
    }
};

QTEST_GUILESS_MAIN(TestE2eConsole)
#include "tst_e2e_console.moc"
