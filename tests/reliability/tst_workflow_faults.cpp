// Workflows under injected faults, through the real CLI against kube-sandbox (POST /sandbox/faults):
// 429 with Retry-After and 503 on reads, 500 on writes, delayed answers, every pod deleted (new IPs),
// a pod's redis-server process killed while recover runs. Each of deploy, create, recover, add-node,
// remove-node and cleanup either completes or stops with a message from which a plain re-run completes;
// keys written before are read back afterwards. Only faults that a request actually hit are counted.
#include "kube/kube_client.h"
#include "reliability_support.h"
#include "sandbox_faults.h"
#include "support/kube_sandbox_fixture.h"
#include "support/server_under_test.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSet>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace rcs;

namespace {

const QString kNs = QStringLiteral("rel-faults");
constexpr int kKeys = 500;

QJsonObject fault(const QString &verb, const QString &resource, int status, int count, int retryAfter = 0,
                  int delayMs = 0)
{
    return {{QStringLiteral("verb"), verb},
            {QStringLiteral("resource"), resource},
            {QStringLiteral("status"), status},
            {QStringLiteral("count"), count},
            {QStringLiteral("retryAfter"), retryAfter},
            {QStringLiteral("delayMs"), delayMs}};
}

} // namespace

class TestWorkflowFaults final : public QObject {
    Q_OBJECT

private:
    test::KubeSandboxFixture m_sandbox;
    QTemporaryDir m_home;
    QProcessEnvironment m_env;
    KubeClient *m_client = nullptr;
    int m_faultsInjected = 0;
    int m_reruns = 0;
    QString m_output; // everything the last runOrRerun() printed, first run and re-run

    QStringList target() const
    {
        return {QStringLiteral("--kubeconfig"), m_sandbox.kubeconfigPath(), QStringLiteral("-n"), kNs};
    }

    bool inject(const QList<QJsonObject> &rules)
    {
        for (const QJsonObject &rule : rules) {
            if (!test::postSandboxFault(m_client, rule))
                return false;
            m_faultsInjected += qMax(1, rule[QStringLiteral("count")].toInt());
        }
        return true;
    }

    void clearFaults()
    {
        // Rules that never matched a request were not injected faults after all: they do not count.
        for (const QJsonValue &rule : test::pendingSandboxFaults(m_client).value_or(QJsonArray())) {
            m_faultsInjected -= qMax(1, rule[QStringLiteral("count")].toInt());
            qInfo("fault not hit: %s",
                  QJsonDocument(rule.toObject()).toJson(QJsonDocument::Compact).constData());
        }
        test::clearSandboxFaults(m_client);
    }

    // Runs a command under the faults already injected; if it fails, the message must say what
    // failed (not a bare code), and a re-run without faults must complete.
    void runOrRerun(const QStringList &args, int timeoutMs = 300000)
    {
        const test::StudioRun first = test::runStudio(args, timeoutMs, m_env);
        m_output = first.all();
        QVERIFY2(first.exitCode != -1, qPrintable(first.describe()));
        clearFaults();
        if (first.exitCode == 0)
            return;
        QVERIFY2(first.err.trimmed().size() > 20, qPrintable(first.describe()));
        qInfo("%s stopped under faults with: %s", qPrintable(args.first()),
              qPrintable(first.err.trimmed().left(300)));
        ++m_reruns;
        const test::StudioRun again = test::runStudio(args, timeoutMs, m_env);
        m_output += again.all();
        QVERIFY2(again.exitCode == 0, qPrintable(again.describe()));
    }

    QList<QJsonObject> pods()
    {
        KubeRequest *list = m_client->list(QStringLiteral("v1"), QStringLiteral("Pod"), kNs);
        QList<QJsonObject> items;
        if (test::runJob(list))
            for (const QJsonValue &item : list->object()[QStringLiteral("items")].toArray())
                items.append(item.toObject());
        delete list;
        return items;
    }

    QString podIp(int ordinal)
    {
        for (const QJsonObject &pod : pods())
            if (pod[QStringLiteral("metadata")][QStringLiteral("name")].toString() ==
                QStringLiteral("redis-app-%1").arg(ordinal))
                return pod[QStringLiteral("status")][QStringLiteral("podIP")].toString();
        return {};
    }

    // redis-cli -c with commands on stdin (one per line), against the cluster through pod 0.
    QString redisCli(const QByteArray &commands)
    {
        return test::runRedisCli({QStringLiteral("-c"), QStringLiteral("-h"), podIp(0), QStringLiteral("-p"),
                                  QStringLiteral("6379")},
                                 120000, commands)
            .out;
    }

    int keysReadable()
    {
        QByteArray commands;
        for (int i = 0; i < kKeys; ++i)
            commands += "GET rel:key:" + QByteArray::number(i) + "\n";
        // redis-cli -c may print redirect notes between the answers: look values up, not positions.
        const QStringList lines = redisCli(commands).split(u'\n', Qt::SkipEmptyParts);
        QSet<QString> values;
        for (const QString &line : lines)
            values.insert(line.trimmed());
        int good = 0;
        for (int i = 0; i < kKeys; ++i)
            good += values.contains(QStringLiteral("value-%1").arg(i)) ? 1 : 0;
        if (good != kKeys)
            qWarning("%d of %d keys read back; first lines: %s", good, kKeys,
                     qPrintable(lines.mid(0, 5).join(u'|')));
        return good;
    }

private Q_SLOTS:
    void initTestCase()
    {
        if (!QFile::exists(test::studioExecutable()) || test::KubeSandboxFixture::executable().isEmpty())
            QFAIL("redis-cluster-studio or kube-sandbox was not built: build the whole tree.");
        if (test::redisCliProgram().isEmpty())
            QSKIP("redis-cli is not installed");
        QVERIFY(m_home.isValid());
        const Result<void> started = m_sandbox.start(3);
        QVERIFY2(started, started ? "" : qPrintable(started.error().message()));
        auto client = KubeClient::create(*m_sandbox.target(), this);
        QVERIFY(client);
        m_client = *client;
        m_env = QProcessEnvironment::systemEnvironment();
        m_env.insert(QStringLiteral("HOME"), m_home.path());
        m_env.remove(QStringLiteral("KUBECONFIG"));
    }

    void deployUnderThrottlingAndErrors()
    {
        QVERIFY(inject({fault(QStringLiteral("patch"), QStringLiteral("configmaps"), 429, 2, 1),
                        fault(QStringLiteral("list"), QStringLiteral("pods"), 503, 2),
                        fault(QStringLiteral("patch"), QStringLiteral("statefulsets"), 500, 1),
                        fault(QStringLiteral("list"), QStringLiteral("pods"), 0, 2, 0, 1500)}));
        runOrRerun(QStringList{QStringLiteral("deploy")} + target() +
                   QStringList{QStringLiteral("--replicas"), QStringLiteral("6")});
        QCOMPARE(pods().size(), 6);
    }

    void createUnderSlowAndFailingReads()
    {
        QVERIFY(inject({fault(QStringLiteral("list"), QStringLiteral("pods"), 429, 2, 1),
                        fault(QStringLiteral("get"), QStringLiteral("statefulsets"), 503, 2),
                        fault(QStringLiteral("get"), {}, 0, 3, 0, 1000)}));
        runOrRerun(QStringList{QStringLiteral("create")} + target());
        // Keys written now must survive everything that follows.
        QByteArray commands;
        for (int i = 0; i < kKeys; ++i)
            commands += "SET rel:key:" + QByteArray::number(i) + " value-" + QByteArray::number(i) + "\n";
        const QString written = redisCli(commands);
        QCOMPARE(int(written.count(QStringLiteral("OK"))), kKeys);
        QCOMPARE(keysReadable(), kKeys);
    }

    void recoverAfterEveryPodMovedWithFaults()
    {
        // Every pod deleted: they come back with new IPs (the seed's total failure).
        const QStringList before{podIp(0), podIp(1)};
        KubeRequest::Spec spec;
        spec.method = "DELETE";
        spec.path = QStringLiteral("/api/v1/namespaces/%1/pods").arg(kNs);
        KubeRequest *remove = m_client->raw(spec);
        QVERIFY2(test::runJob(remove), qPrintable(remove->errorString()));
        delete remove;
        QTRY_VERIFY_WITH_TIMEOUT(pods().size() == 6 && !podIp(0).isEmpty() && !before.contains(podIp(0)) &&
                                     !podIp(5).isEmpty(),
                                 180000);
        QVERIFY(inject({fault(QStringLiteral("list"), QStringLiteral("pods"), 503, 2),
                        fault(QStringLiteral("get"), {}, 429, 1, 1)}));
        runOrRerun(QStringList{QStringLiteral("recover")} + target() +
                   QStringList{QStringLiteral("--verbose")});
        // The equivalent commands are echoed: nodes were introduced again, none was reset.
        QVERIFY2(m_output.contains(QStringLiteral("MEET"), Qt::CaseInsensitive),
                 qPrintable(m_output.left(3000)));
        QVERIFY2(!m_output.contains(QStringLiteral("CLUSTER RESET"), Qt::CaseInsensitive),
                 qPrintable(m_output.left(3000)));
        QCOMPARE(keysReadable(), kKeys);
    }

    void recoverWhileAPodProcessDies()
    {
        // Kill one pod's redis-server while recover runs (SHUTDOWN NOSAVE: the process exits at once,
        // the sandbox's kubelet restarts it from its append-only file).
        const QStringList args = QStringList{QStringLiteral("recover")} + target();
        const std::unique_ptr<test::RunningProgram> studio = test::startStudio(args, 300000, m_env);
        const test::ProgramRun kill =
            test::runRedisCli({QStringLiteral("-h"), podIp(2), QStringLiteral("-p"), QStringLiteral("6379"),
                               QStringLiteral("SHUTDOWN"), QStringLiteral("NOSAVE")},
                              30000);
        QVERIFY2(kill.ran(), qPrintable(kill.describe()));
        ++m_faultsInjected;
        const test::StudioRun recover = studio->finish();
        QVERIFY2(recover.ran(), qPrintable(recover.describe()));
        if (recover.exitCode != 0) {
            QVERIFY2(recover.err.trimmed().size() > 20, qPrintable(recover.describe()));
            qInfo("recover stopped when a pod died with: %s", qPrintable(recover.err.trimmed().left(300)));
        }
        // Once the pod is back (same IP: the container restarted, the pod was not re-created) a re-run
        // completes and every key is there.
        QTRY_VERIFY_WITH_TIMEOUT(test::runStudio(args, 300000, m_env).exitCode == 0, 240000);
        QCOMPARE(keysReadable(), kKeys);
    }

    // add-node as a master (scale up, wait for the pod, MEET, rebalance) while the scale request fails
    // once, pod lists are throttled and failing, and reads are slow. (The workflows poll pods with
    // list; the watch faults are exercised on KubeWatch by tst_watch_faults.)
    void addNodeUnderApiFaults()
    {
        QVERIFY(inject({fault(QStringLiteral("patch"), QStringLiteral("statefulsets/scale"), 503, 1),
                        fault(QStringLiteral("list"), QStringLiteral("pods"), 429, 1, 1),
                        fault(QStringLiteral("list"), QStringLiteral("pods"), 503, 2),
                        fault(QStringLiteral("get"), {}, 0, 3, 0, 1000)}));
        runOrRerun(
            QStringList{QStringLiteral("add-node"), QStringLiteral("--role"), QStringLiteral("master")} +
            target());
        QCOMPARE(pods().size(), 7);
        QCOMPARE(keysReadable(), kKeys);
    }

    // rebalance with redis-app-0 weighing double (so slots really move) while pod lists are throttled
    // and failing and reads are slow.
    void rebalanceUnderApiFaults()
    {
        QVERIFY(inject({fault(QStringLiteral("list"), QStringLiteral("pods"), 429, 1, 1),
                        fault(QStringLiteral("list"), QStringLiteral("pods"), 503, 1),
                        fault(QStringLiteral("get"), {}, 0, 2, 0, 1000)}));
        runOrRerun(QStringList{QStringLiteral("rebalance"), QStringLiteral("--weight"),
                               QStringLiteral("redis-app-0=2")} +
                   target());
        // Double weight for one of four masters: slots really moved, and every node agreed at the end.
        const QRegularExpression moved(QStringLiteral("Moved ([1-9][0-9]*) slots"));
        QVERIFY2(moved.match(m_output).hasMatch(), qPrintable(m_output.right(2000)));
        QCOMPARE(keysReadable(), kKeys);
    }

    // remove-node (drain the highest pod's slots, forget it, scale down) while the scale request fails
    // once and reads are throttled, failing and slow.
    void removeNodeUnderApiFaults()
    {
        QVERIFY(inject({fault(QStringLiteral("patch"), QStringLiteral("statefulsets/scale"), 500, 1),
                        fault(QStringLiteral("get"), {}, 429, 1, 1),
                        fault(QStringLiteral("list"), QStringLiteral("pods"), 503, 1),
                        fault(QStringLiteral("list"), {}, 0, 2, 0, 1000)}));
        runOrRerun(QStringList{QStringLiteral("remove-node"), QStringLiteral("--yes")} + target());
        QTRY_COMPARE_WITH_TIMEOUT(pods().size(), 6, 120000);
        QCOMPARE(keysReadable(), kKeys);
    }

    void cleanupUnderFailingDeletes()
    {
        QVERIFY(inject({fault(QStringLiteral("delete"), QStringLiteral("statefulsets"), 500, 1),
                        fault(QStringLiteral("list"), {}, 503, 2),
                        fault(QStringLiteral("delete"), {}, 0, 2, 0, 1500)}));
        runOrRerun(QStringList{QStringLiteral("cleanup")} + target() + QStringList{QStringLiteral("--yes")});
        QTRY_VERIFY_WITH_TIMEOUT(pods().isEmpty(), 120000);
    }

    void cleanupTestCase()
    {
        qInfo("faults that fired: %d (plus pod deletions and a killed process); re-runs needed: %d; keys "
              "checked: %d after each of create, recover, recover-with-a-dead-pod, add-node, rebalance and "
              "remove-node",
              m_faultsInjected, m_reruns, kKeys);
    }
};

QTEST_GUILESS_MAIN(TestWorkflowFaults)
#include "tst_workflow_faults.moc"
