// deploy --tls through the real redis-cluster-studio binary on kube-sandbox (3 pods of Debian's
// redis-server, built with TLS): a Redis 5 image is refused; the dry run lists the certificate Secret and
// the TLS settings without a key; the deploy makes a CA and a server certificate, every pod answers PING
// over TLS verified against the CA from the Secret, with a name under the headless service, and refuses
// plain TCP; no private key shows in any output; a Secret update reaches the pods' mounted files within
// seconds (as the kubelet does); create and status speak TLS with the Secret's CA, and a CA that did not
// sign the pods' certificates fails the run with a sentence naming the pod's address and the reason.
#include "e2e_support.h"

#include "redis_app_objects.h"
#include "support/program_run.h"
#include "support/test_certificates.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QSslSocket>
#include <QTemporaryDir>
#include <QTest>

using namespace rcs;
using namespace rcs::test;

namespace {
const QString Namespace = QStringLiteral("redis-cluster");
const QString Image = QStringLiteral("redis:7.0");

QString podName(const QJsonObject &pod)
{
    return pod[QLatin1String("metadata")][QLatin1String("name")].toString();
}

QString podDnsName(const QJsonObject &pod)
{
    return podName(pod) + QStringLiteral(".redis-service.redis-cluster.svc.cluster.local");
}

// A TLS handshake that checks the chain against ca and the certificate's names against verifyName.
QString handshakeError(const QString &host, const QByteArray &caPem, const QString &verifyName)
{
    QSslSocket socket;
    QSslConfiguration configuration = QSslConfiguration::defaultConfiguration();
    configuration.setCaCertificates(QSslCertificate::fromData(caPem));
    socket.setSslConfiguration(configuration);
    socket.setPeerVerifyName(verifyName);
    socket.connectToHostEncrypted(host, 6379);
    if (socket.waitForEncrypted(10000))
        return {};
    QStringList errors;
    for (const QSslError &error : socket.sslHandshakeErrors())
        errors << error.errorString();
    return errors.isEmpty() ? socket.errorString() : errors.join(QLatin1String("; "));
}
} // namespace

class TestE2eTls final : public QObject {
    Q_OBJECT
private:
    QStringList target() const { return m_sandbox.target(QStringLiteral("direct")); }
    QJsonObject secret(const QString &name) { return secretOf(m_sandbox, name); }
    QByteArray secretValue(const QString &name, const QString &key)
    {
        return rcs::test::secretValue(m_sandbox, name, key);
    }
    QString mountedFile(const QJsonObject &pod, const QString &file) const
    {
        const QString uid = pod[QLatin1String("metadata")][QLatin1String("uid")].toString().left(8);
        return m_sandbox.fixture().dataDir() + QStringLiteral("/runtime/pods/%1/%2-%3/volumes/redis-tls/%4")
                                                   .arg(Namespace, podName(pod), uid, file);
    }

    // Secret redis-app-tls with ca.crt replaced, ready to apply; empty when the Secret is missing.
    QJsonObject withCa(const QByteArray &caPem)
    {
        QJsonObject object = secret(QStringLiteral("redis-app-tls"));
        if (object.isEmpty())
            return object;
        QJsonObject data = object[QLatin1String("data")].toObject();
        data.insert(QStringLiteral("ca.crt"), QString::fromLatin1(caPem.toBase64()));
        object.insert(QStringLiteral("data"), data);
        QJsonObject metadata = object[QLatin1String("metadata")].toObject();
        metadata.remove(QStringLiteral("managedFields"));
        metadata.remove(QStringLiteral("resourceVersion"));
        object.insert(QStringLiteral("metadata"), metadata);
        return object;
    }

    mutable E2eSandbox m_sandbox;
    QTemporaryDir m_dir;
    QString m_output; // every studio run's output, for the key scan
    QByteArray m_caPem;

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(QFileInfo::exists(studioExecutable()), "redis-cluster-studio was not built");
        const Result<void> started = m_sandbox.start(3);
        QVERIFY2(started.ok(), qPrintable(started.ok() ? QString() : started.error().message()));
    }

    void redis5IsRefused()
    {
        const StudioRun run =
            runStudio(QStringList{QStringLiteral("deploy"), QStringLiteral("--tls")} + target());
        m_output += run.all();
        QVERIFY2(run.exitCode != 0, qPrintable(run.all()));
        QVERIFY2(run.all().contains(QLatin1String("TLS needs Redis 6.0 or later")), qPrintable(run.all()));
        const Result<bool> exists =
            m_sandbox.exists({QStringLiteral("apps/v1"), QStringLiteral("StatefulSet"), Namespace,
                              QStringLiteral("redis-app")});
        QVERIFY(exists.ok());
        QVERIFY2(!*exists, "a refused deploy applied the StatefulSet");
    }

    void dryRunListsTheSecretAndSettings()
    {
        const StudioRun run =
            runStudio(QStringList{QStringLiteral("deploy"), QStringLiteral("--tls"),
                                  QStringLiteral("--image"), Image, QStringLiteral("--dry-run")} +
                      target());
        m_output += run.all();
        QVERIFY2(run.exitCode == 0, qPrintable(run.all()));
        for (const char *expected :
             {"redis-app-tls", "tls-port 6379", "port 0", "tls-cluster yes", "tls-replication yes",
              "tls-auth-clients no", "*.redis-service.redis-cluster.svc.cluster.local"})
            QVERIFY2(run.all().contains(QLatin1String(expected)), expected);
        QVERIFY2(!run.all().contains(QLatin1String("PRIVATE KEY")), qPrintable(run.all()));
    }

    void deployWithTls()
    {
        const StudioRun run = runStudio(QStringList{QStringLiteral("deploy"), QStringLiteral("--tls"),
                                                    QStringLiteral("--image"), Image,
                                                    QStringLiteral("--replicas"), QStringLiteral("3")} +
                                        target());
        m_output += run.all();
        QVERIFY2(run.exitCode == 0, qPrintable(run.all()));
        m_caPem = secretValue(QStringLiteral("redis-app-tls"), QStringLiteral("ca.crt"));
        QVERIFY2(m_caPem.startsWith("-----BEGIN CERTIFICATE-----"), m_caPem.constData());
        QVERIFY(
            secretValue(QStringLiteral("redis-app-tls"), QStringLiteral("tls.key")).contains("PRIVATE KEY"));
    }

    void everyPodAnswersOverTlsOnly()
    {
        const QString caPath = m_dir.filePath(QStringLiteral("ca.crt"));
        QFile ca(caPath);
        QVERIFY(ca.open(QIODevice::WriteOnly) && ca.write(m_caPem) == m_caPem.size());
        ca.close();
        const QList<QJsonObject> pods = redisAppPods(m_sandbox);
        QCOMPARE(pods.size(), 3);
        for (const QJsonObject &pod : pods) {
            const QString ip = pod[QLatin1String("status")][QLatin1String("podIP")].toString();
            const ProgramRun tls =
                runRedisCli({QStringLiteral("--tls"), QStringLiteral("--cacert"), caPath,
                             QStringLiteral("--sni"), podDnsName(pod), QStringLiteral("-h"), ip,
                             QStringLiteral("-p"), QStringLiteral("6379"), QStringLiteral("PING")},
                            10000);
            QVERIFY2(tls.exitCode == 0 && tls.out.trimmed() == QLatin1String("PONG"), qPrintable(tls.all()));
            const ProgramRun plain = runRedisCli({QStringLiteral("-h"), ip, QStringLiteral("-p"),
                                                  QStringLiteral("6379"), QStringLiteral("PING")},
                                                 10000);
            QVERIFY2(!plain.out.contains(QLatin1String("PONG")), qPrintable(plain.all()));
            // redis-cli checks the chain but not the name: the names are checked here.
            const QString verified = handshakeError(ip, m_caPem, podDnsName(pod));
            QVERIFY2(verified.isEmpty(), qPrintable(verified));
            QVERIFY(!handshakeError(ip, m_caPem, QStringLiteral("redis.example.com")).isEmpty());
        }
    }

    // A deploy run again keeps the CA and certificate: clients that trust the CA keep verifying the pods.
    void deployAgainKeepsTheCertificates()
    {
        const QByteArray key = secretValue(QStringLiteral("redis-app-tls"), QStringLiteral("tls.key"));
        const QByteArray caKey = secretValue(QStringLiteral("redis-app-tls-ca"), QStringLiteral("ca.key"));
        const StudioRun run = runStudio(QStringList{QStringLiteral("deploy"), QStringLiteral("--tls"),
                                                    QStringLiteral("--image"), Image,
                                                    QStringLiteral("--replicas"), QStringLiteral("3")} +
                                        target());
        m_output += run.all();
        QVERIFY2(run.exitCode == 0, qPrintable(run.all()));
        QVERIFY2(run.all().contains(QLatin1String("certificates of the earlier deploy are kept")),
                 qPrintable(run.all()));
        QCOMPARE(secretValue(QStringLiteral("redis-app-tls"), QStringLiteral("ca.crt")), m_caPem);
        QCOMPARE(secretValue(QStringLiteral("redis-app-tls"), QStringLiteral("tls.key")), key);
        QCOMPARE(secretValue(QStringLiteral("redis-app-tls-ca"), QStringLiteral("ca.key")), caKey);
    }

    // The workflows read the CA from the Secret the pods mount and verify each pod's name: create and
    // status work over TLS as they do on plain TCP.
    void createAndStatusSpeakTls()
    {
        const StudioRun run =
            runStudio(QStringList{QStringLiteral("create"), QStringLiteral("--cluster-replicas"),
                                  QStringLiteral("0"), QStringLiteral("--timeout"), QStringLiteral("60")} +
                      target());
        m_output += run.all();
        QVERIFY2(run.exitCode == 0, qPrintable(run.all()));
        QVERIFY2(run.out.contains(QLatin1String("--tls --cacert ca.crt --cert tls.crt --key tls.key --sni "
                                                "redis-app-")),
                 qPrintable(run.out));
        StudioRun status;
        const QJsonObject json = statusJson(target(), &status);
        m_output += status.all();
        QCOMPARE(json.value(QLatin1String("situation")).toString(), QStringLiteral("healthy"));
    }

    // A Secret whose ca.crt did not sign the pods' certificates (the servers keep the files they started
    // with): the run fails within its bound with one sentence naming a pod's address and the reason.
    void wrongCaIsNamed()
    {
        const Result<TestCertificates> other = TestCertificates::make(m_dir.path(), {QStringLiteral("x")});
        QVERIFY2(other.ok(), qPrintable(other.ok() ? QString() : other.error().message()));
        QFile otherCa(other->otherCaCert);
        QVERIFY(otherCa.open(QIODevice::ReadOnly));
        QVERIFY(!runJobBlocking(m_sandbox.client()->apply(withCa(otherCa.readAll())), 30000).isError());

        const QString ip =
            redisAppPods(m_sandbox).value(0)[QLatin1String("status")][QLatin1String("podIP")].toString();
        // Through a tunnel the socket goes to 127.0.0.1: the sentence still names the pod's address.
        for (const QString &access : {QStringLiteral("direct"), QStringLiteral("tunnel")}) {
            const StudioRun run = runStudio(
                QStringList{QStringLiteral("check"), QStringLiteral("--timeout"), QStringLiteral("30")} +
                m_sandbox.target(access));
            m_output += run.all();
            QVERIFY2(run.exitCode != 0, qPrintable(run.all()));
            QVERIFY2(run.all().contains(ip) && run.all().contains(QLatin1String("TLS handshake failed")) &&
                         run.all().contains(QLatin1String("not signed by the cluster's CA")),
                     qPrintable(access + QLatin1Char('\n') + run.all()));
        }

        QVERIFY(!runJobBlocking(m_sandbox.client()->apply(withCa(m_caPem)), 30000).isError());
        QCOMPARE(situationOf(target()), QStringLiteral("healthy"));
    }

    void secretUpdateReachesTheMountedFiles()
    {
        const QByteArray marker =
            "# rotated " + QByteArray::number(QDateTime::currentMSecsSinceEpoch()) + '\n';
        const QJsonObject object = withCa(marker + m_caPem);
        QVERIFY(!object.isEmpty());
        const Error applied = runJobBlocking(m_sandbox.client()->apply(object), 30000);
        QVERIFY2(!applied.isError(), qPrintable(applied.message()));
        for (const QJsonObject &pod : redisAppPods(m_sandbox)) {
            const QString path = mountedFile(pod, QStringLiteral("ca.crt"));
            const bool updated = waitUntil(
                [&] {
                    QFile file(path);
                    return file.open(QIODevice::ReadOnly) && file.readAll().startsWith(marker);
                },
                5000, 100);
            QVERIFY2(updated, qPrintable(path));
        }
    }

    void noKeyInAnyOutput()
    {
        QByteArrayList keys{secretValue(QStringLiteral("redis-app-tls"), QStringLiteral("tls.key")),
                            secretValue(QStringLiteral("redis-app-tls-ca"), QStringLiteral("ca.key"))};
        const QString everything = m_output + m_sandbox.fixture().output();
        for (const QByteArray &key : keys) {
            QVERIFY(key.contains("PRIVATE KEY"));
            for (const QByteArray &line : key.split('\n')) {
                if (line.size() < 20 || line.startsWith("-----"))
                    continue;
                QVERIFY2(!everything.contains(QString::fromLatin1(line)),
                         "a private key line shows in an output");
            }
        }
        QVERIFY(!everything.contains(QLatin1String("PRIVATE KEY")));
    }

    void cleanupDeletesTheSecrets()
    {
        const StudioRun run =
            runStudio(QStringList{QStringLiteral("cleanup"), QStringLiteral("--yes")} + target());
        QVERIFY2(run.exitCode == 0, qPrintable(run.all()));
        for (const QString &name : {QStringLiteral("redis-app-tls"), QStringLiteral("redis-app-tls-ca")}) {
            const Result<bool> exists =
                m_sandbox.exists({QStringLiteral("v1"), QStringLiteral("Secret"), Namespace, name});
            QVERIFY(exists.ok());
            QVERIFY2(!*exists, qPrintable(name));
        }
    }
};

QTEST_GUILESS_MAIN(TestE2eTls)
#include "tst_e2e_tls.moc"
