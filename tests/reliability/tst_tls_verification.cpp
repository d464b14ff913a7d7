// TLS verification gaps not covered by tests/kube/tst_kube_sandbox: a genuinely different CA (made
// here with the openssl CLI, not a reused certificate) on the REST path and on the exec WebSocket
// path; the message names the server and the reason; a wrong tls-server-name says why; the CLI shows
// the insecure-skip-tls-verify warning on stderr without --verbose.
#include "common/logger.h"
#include "kube/kube_client.h"
#include "reliability_support.h"
#include "support/kube_sandbox_fixture.h"
#include "support/pod_exec.h"

#include <QElapsedTimer>
#include <QFile>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace rcs;

class TestTlsVerification final : public QObject {
    Q_OBJECT

private:
    test::KubeSandboxFixture m_sandbox;
    QTemporaryDir m_dir;
    QByteArray m_otherCa;

    KubeTarget withCa(const QByteArray &ca) const
    {
        KubeTarget target = *m_sandbox.target();
        target.cluster.certificateAuthority.clear();
        target.cluster.certificateAuthorityData = ca;
        return target;
    }

private Q_SLOTS:
    void initTestCase()
    {
        if (QStandardPaths::findExecutable(QStringLiteral("openssl")).isEmpty())
            QSKIP("the openssl command is not installed");
        QVERIFY(m_dir.isValid());
        // A second, unrelated CA: what a kubeconfig for another cluster would carry.
        const test::ProgramRun openssl = test::runProgram(
            QStringLiteral("openssl"),
            {QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"),
             QStringLiteral("rsa:2048"), QStringLiteral("-nodes"), QStringLiteral("-days"),
             QStringLiteral("2"), QStringLiteral("-subj"), QStringLiteral("/CN=other-cluster-ca"),
             QStringLiteral("-keyout"), m_dir.filePath(QStringLiteral("ca.key")), QStringLiteral("-out"),
             m_dir.filePath(QStringLiteral("ca.crt"))});
        QVERIFY2(openssl.exitCode == 0, qPrintable(openssl.describe()));
        QFile ca(m_dir.filePath(QStringLiteral("ca.crt")));
        QVERIFY(ca.open(QIODevice::ReadOnly));
        m_otherCa = ca.readAll();
        QVERIFY(m_otherCa.startsWith("-----BEGIN CERTIFICATE-----"));
        const Result<void> started = m_sandbox.start(1);
        QVERIFY2(started, started ? "" : qPrintable(started.error().message()));
    }

    void otherCaFailsFastNamingServerAndReason()
    {
        auto client = KubeClient::create(withCa(m_otherCa), this);
        QVERIFY(client);
        KubeRequest *list = (*client)->list(QStringLiteral("v1"), QStringLiteral("Namespace"), {});
        QElapsedTimer timer;
        timer.start();
        QVERIFY(!test::runJob(list, 30000));
        // Fails at the handshake, not after retries or a timeout.
        QVERIFY2(timer.elapsed() < 10000, qPrintable(QString::number(timer.elapsed())));
        QCOMPARE(list->error().code(), ErrorCode::ConnectionFailed);
        const QString message = list->errorString();
        const QUrl server(m_sandbox.target()->cluster.server);
        QVERIFY2(message.contains(server.host() + u':' + QString::number(server.port())),
                 qPrintable(message));
        // The reason as the TLS library states it (the chain ends at a root nobody trusts), not a
        // generic "failed".
        QVERIFY2(message.contains(QStringLiteral("untrusted"), Qt::CaseInsensitive), qPrintable(message));
        delete list;
    }

    void otherCaAlsoRefusesTheExecWebSocket()
    {
        // The WebSocket paths (exec, port-forward) build their own connections: they must verify too.
        auto client = KubeClient::create(withCa(m_otherCa), this);
        QVERIFY(client);
        auto *exec = new test::PodExec(*client, QStringLiteral("default"), QStringLiteral("any-pod"),
                                       {QStringLiteral("true")}, {}, this);
        QElapsedTimer timer;
        timer.start();
        QVERIFY(!test::runJob(exec, 30000));
        QVERIFY2(timer.elapsed() < 15000, qPrintable(QString::number(timer.elapsed())));
        QVERIFY2(exec->errorString().contains(QStringLiteral("TLS"), Qt::CaseInsensitive) ||
                     exec->errorString().contains(QStringLiteral("SSL"), Qt::CaseInsensitive) ||
                     exec->errorString().contains(QStringLiteral("certificate"), Qt::CaseInsensitive),
                 qPrintable(exec->errorString()));
        delete exec;
    }

    void wrongServerNameSaysWhy()
    {
        KubeTarget target = *m_sandbox.target();
        target.cluster.tlsServerName = QStringLiteral("api.other-cluster.example");
        auto client = KubeClient::create(target, this);
        QVERIFY(client);
        KubeRequest *list = (*client)->list(QStringLiteral("v1"), QStringLiteral("Namespace"), {});
        QVERIFY(!test::runJob(list, 30000));
        const QString message = list->errorString();
        QVERIFY2(message.contains(QStringLiteral("host name"), Qt::CaseInsensitive), qPrintable(message));
        QVERIFY2(message.contains(QStringLiteral("tls-server-name")), qPrintable(message));
        delete list;
    }

    void cliWarnsAboutInsecureSkipTlsVerify()
    {
        if (!QFile::exists(test::studioExecutable()))
            QFAIL("redis-cluster-studio was not built: build the whole tree.");
        const QString path = m_dir.filePath(QStringLiteral("insecure-kubeconfig"));
        QFile config(path);
        QVERIFY(config.open(QIODevice::WriteOnly));
        config.write(QStringLiteral("apiVersion: v1\nkind: Config\nclusters:\n- name: unchecked\n  cluster:\n"
                                    "    server: %1\n    insecure-skip-tls-verify: true\n"
                                    "users:\n- name: u\n  user:\n    token: %2\ncontexts:\n- name: c\n"
                                    "  context: {cluster: unchecked, user: u}\ncurrent-context: c\n")
                         .arg(m_sandbox.target()->cluster.server, QString::fromUtf8(m_sandbox.token()))
                         .toUtf8());
        config.close();
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("HOME"), m_dir.path());
        const QStringList args{QStringLiteral("status"), QStringLiteral("--kubeconfig"), path,
                               QStringLiteral("-n"), QStringLiteral("nothing-deployed")};
        const test::StudioRun run = test::runStudio(args, 60000, env);
        QVERIFY2(run.exitCode != -1, qPrintable(run.describe()));
        // The request went through (no TLS error) and the user was told what it costs.
        QVERIFY2(!run.err.contains(QStringLiteral("TLS connection")), qPrintable(run.describe()));
        QVERIFY2(run.err.contains(QStringLiteral("insecure-skip-tls-verify")) &&
                     run.err.contains(QStringLiteral("NOT checked")),
                 qPrintable(run.describe()));
    }
};

QTEST_GUILESS_MAIN(TestTlsVerification)
#include "tst_tls_verification.moc"
