// Secrets never reach a log: a full password-protected flow (deploy --password, on TLS where the server
// has it, create, status, check, rotate-password, rotate-certificates --ca, cleanup) through the real CLI
// against kube-sandbox, with --verbose so every rcs::Logger entry (message and equivalent command) is echoed
// to stderr; then the CLI again with a client-certificate kubeconfig; then in-process requests whose Logger
// entries and error strings are read directly. Everything is scanned for the bearer token, the client key
// PEM, the Redis and operator passwords and the certificates' private keys (before and after the rotations),
// as is every file the CLI left in its HOME.
#include "common/logger.h"
#include "kube/kube_client.h"
#include "kube/manifest_set.h"
#include "reliability_support.h"
#include "support/kube_sandbox_fixture.h"
#include "support/redis_test_nodes.h"
#include "support/test_certificates.h"

#include <QDirIterator>
#include <QFile>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace rcs;

namespace {

const QString kNs = QStringLiteral("rel-secrets");
const QString kSts = QStringLiteral("redis-app");

// The secret values worth looking for: the whole value, and for PEM keys every base64 body line (a
// leak may well be one line of it).
QStringList needlesOf(const QByteArray &secret)
{
    QStringList needles;
    if (!secret.startsWith("-----BEGIN")) {
        needles.append(QString::fromUtf8(secret.trimmed()));
        return needles;
    }
    return test::pemBodyLines(secret);
}

} // namespace

class TestSecrets final : public QObject {
    Q_OBJECT

private:
    test::KubeSandboxFixture m_sandbox;
    QTemporaryDir m_home;
    QProcessEnvironment m_env;
    QMap<QString, QStringList> m_secrets; // what → values that must never appear
    QStringList m_scanned;                // where we looked, for the summary

    // Fails the test naming the secret and where it was seen.
    void assertClean(const QString &where, const QString &text)
    {
        m_scanned.append(where);
        for (auto it = m_secrets.cbegin(); it != m_secrets.cend(); ++it) {
            for (const QString &needle : it.value()) {
                QVERIFY2(!text.contains(needle),
                         qPrintable(QStringLiteral("the %1 appears in %2").arg(it.key(), where)));
            }
        }
    }

    test::StudioRun studio(const QStringList &args, int timeoutMs = 240000)
    {
        return test::runStudio(args, timeoutMs, m_env);
    }

private Q_SLOTS:
    void initTestCase()
    {
        if (!QFile::exists(test::studioExecutable()) || test::KubeSandboxFixture::executable().isEmpty())
            QFAIL("redis-cluster-studio or kube-sandbox was not built: build the whole tree.");
        QVERIFY(m_home.isValid());
        const Result<void> started = m_sandbox.start(3);
        QVERIFY2(started, started ? "" : qPrintable(started.error().message()));
        m_env = QProcessEnvironment::systemEnvironment();
        m_env.insert(QStringLiteral("HOME"), m_home.path());
        m_env.remove(QStringLiteral("KUBECONFIG"));
        m_env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));

        QVERIFY(m_sandbox.token().size() >= 16);
        m_secrets.insert(QStringLiteral("bearer token"), needlesOf(m_sandbox.token()));
        QFile key(m_sandbox.clientKeyPath());
        QVERIFY(key.open(QIODevice::ReadOnly));
        m_secrets.insert(QStringLiteral("client key"), needlesOf(key.readAll()));
        QVERIFY(!m_secrets.value(QStringLiteral("client key")).isEmpty());
    }

    // The Secret's decoded value of key, empty when absent.
    QByteArray secretValue(const QString &name, const char *key)
    {
        auto client = KubeClient::create(*m_sandbox.target(), this);
        if (!client)
            return {};
        KubeRequest *get = (*client)->get({QStringLiteral("v1"), QStringLiteral("Secret"), kNs, name});
        const bool read = test::runJob(get);
        const QByteArray value =
            read ? QByteArray::fromBase64(
                       get->object()[QStringLiteral("data")][QLatin1String(key)].toString().toLatin1())
                 : QByteArray();
        delete get;
        return value;
    }
    // Every password and private key the deployment holds now (they change with the rotations).
    void addDeploymentSecrets(const QString &when)
    {
        const QList<std::tuple<QString, const char *, const char *>> held = {
            {ManifestSet::secretName(kSts), ManifestSet::kSecretKey, "Redis password"},
            {ManifestSet::secretName(kSts), ManifestSet::kOperatorSecretKey, "operator password"},
            {ManifestSet::tlsSecretName(kSts), "tls.key", "server private key"},
            {ManifestSet::tlsCaSecretName(kSts), "ca.key", "CA private key"},
        };
        for (const auto &[secret, key, what] : held) {
            const QByteArray value = secretValue(secret, key);
            if (!value.isEmpty())
                m_secrets.insert(QStringLiteral("%1 (%2)").arg(QLatin1String(what), when), needlesOf(value));
        }
    }

    void passwordFlowLogsNoSecret()
    {
        // With TLS where the server has it (6.0 and later): the certificates' private keys are secrets
        // too, and rotate-certificates makes new ones.
        const Result<QVersionNumber> version = test::RedisTestNodes::serverVersion();
        QVERIFY2(version.ok(), qPrintable(version.ok() ? QString() : version.error().message()));
        const bool tls = *version >= QVersionNumber(6);
        const QStringList target{QStringLiteral("--kubeconfig"), m_sandbox.kubeconfigPath(),
                                 QStringLiteral("-n"), kNs};
        const QStringList tlsOptions{QStringLiteral("--tls"), QStringLiteral("--image"),
                                     QStringLiteral("redis:7.0")};
        const QStringList deploy = QStringList{QStringLiteral("deploy")} + target +
                                   QStringList{QStringLiteral("--replicas"), QStringLiteral("6"),
                                               QStringLiteral("--password"), QStringLiteral("--verbose")} +
                                   (tls ? tlsOptions : QStringList());
        const test::StudioRun deployed = studio(deploy);
        QVERIFY2(deployed.exitCode == 0, qPrintable(deployed.describe()));

        // The generated password (and keys), read back from the Secrets the way an operator would.
        const QByteArray password = secretValue(ManifestSet::secretName(kSts), ManifestSet::kSecretKey);
        QVERIFY2(password.size() >= 16, "deploy --password must generate a long password");
        addDeploymentSecrets(QStringLiteral("deployed"));
        QVERIFY(!tls || m_secrets.contains(QStringLiteral("server private key (deployed)")));

        QList<std::pair<QString, QString>> outputs{{QStringLiteral("deploy output"), deployed.all()}};
        QList<QStringList> flow = {
            QStringList{QStringLiteral("create")} + target + QStringList{QStringLiteral("--verbose")},
            QStringList{QStringLiteral("status")} + target + QStringList{QStringLiteral("--verbose")},
            QStringList{QStringLiteral("status")} + target + QStringList{QStringLiteral("--json")},
            QStringList{QStringLiteral("check")} + target + QStringList{QStringLiteral("--verbose")},
            QStringList{QStringLiteral("deploy")} + target +
                QStringList{QStringLiteral("--password"), QStringLiteral("--dry-run")} +
                (tls ? tlsOptions : QStringList()),
            QStringList{QStringLiteral("rotate-password"), QStringLiteral("--yes"),
                        QStringLiteral("--verbose")} +
                target,
        };
        if (tls)
            flow << QStringList{QStringLiteral("rotate-certificates"), QStringLiteral("--ca"),
                                QStringLiteral("--verbose")} +
                        target;
        for (const QStringList &args : flow) {
            const test::StudioRun run = studio(args);
            QVERIFY2(run.exitCode == 0, qPrintable(run.describe()));
            outputs.append({args.first() + QStringLiteral(" output"), run.all()});
        }
        // The rotations made new passwords and keys: none of those may appear either, anywhere.
        addDeploymentSecrets(QStringLiteral("rotated"));
        // The flow authenticated with the password (and spoke TLS) all along.
        const QStringList cleanup = QStringList{QStringLiteral("cleanup")} + target +
                                    QStringList{QStringLiteral("--yes"), QStringLiteral("--verbose")};
        const test::StudioRun cleaned = studio(cleanup);
        QVERIFY2(cleaned.exitCode == 0, qPrintable(cleaned.describe()));
        outputs.append({QStringLiteral("cleanup output"), cleaned.all()});
        for (const auto &[where, text] : std::as_const(outputs))
            assertClean(where, text);
    }

    void clientKeyKubeconfigLogsNoSecret()
    {
        // A kubeconfig with the client certificate and key inline: the loader reads the key PEM.
        QFile cert(m_sandbox.clientCertificatePath());
        QFile key(m_sandbox.clientKeyPath());
        QFile ca(m_sandbox.caCertificatePath());
        QVERIFY(cert.open(QIODevice::ReadOnly) && key.open(QIODevice::ReadOnly) &&
                ca.open(QIODevice::ReadOnly));
        const QString server = m_sandbox.target()->cluster.server;
        const QString path = m_home.filePath(QStringLiteral("cert-kubeconfig"));
        QFile config(path);
        QVERIFY(config.open(QIODevice::WriteOnly));
        config.write(
            QStringLiteral("apiVersion: v1\nkind: Config\nclusters:\n- name: s\n  cluster:\n"
                           "    server: %1\n    certificate-authority-data: %2\n"
                           "users:\n- name: u\n  user:\n    client-certificate-data: %3\n"
                           "    client-key-data: %4\ncontexts:\n- name: c\n  context: {cluster: s, user: u}\n"
                           "current-context: c\n")
                .arg(server, QString::fromLatin1(ca.readAll().toBase64()),
                     QString::fromLatin1(cert.readAll().toBase64()),
                     QString::fromLatin1(key.readAll().toBase64()))
                .toUtf8());
        config.close();
        // A namespace with nothing in it: the command fails, and its error message must stay clean too.
        const QStringList args{
            QStringLiteral("status"), QStringLiteral("--kubeconfig"), path,
            QStringLiteral("-n"),     QStringLiteral("nothing-here"), QStringLiteral("--verbose")};
        const test::StudioRun run = studio(args, 60000);
        QVERIFY2(run.exitCode != -1, qPrintable(run.describe()));
        assertClean(QStringLiteral("status output with a client-key kubeconfig"), run.all());
    }

    void inProcessLoggerAndErrorsHoldNoSecret()
    {
        // Requests that succeed, are refused (wrong token: its error text) and fail: every Logger entry
        // they produce and every error string.
        Logger::instance().clear();
        auto good = KubeClient::create(*m_sandbox.target(), this);
        QVERIFY(good);
        KubeRequest *list = (*good)->list(QStringLiteral("v1"), QStringLiteral("Pod"), kNs);
        QVERIFY2(test::runJob(list), qPrintable(list->errorString()));
        auto wrong = *m_sandbox.target();
        wrong.user.token = QStringLiteral("not-the-token-but-long-enough");
        Logger::instance().addSecret(wrong.user.token);
        auto refusedClient = KubeClient::create(wrong, this);
        QVERIFY(refusedClient);
        KubeRequest *refused = (*refusedClient)->list(QStringLiteral("v1"), QStringLiteral("Pod"), kNs);
        QVERIFY(!test::runJob(refused));
        assertClean(QStringLiteral("the 401 error message"), refused->errorString());
        KubeRequest *missing =
            (*good)->get({QStringLiteral("v1"), QStringLiteral("Secret"), kNs, QStringLiteral("absent")});
        QVERIFY(!test::runJob(missing));
        assertClean(QStringLiteral("the 404 error message"), missing->errorString());
        const QList<LogEntry> entries = Logger::instance().entries();
        for (const LogEntry &entry : entries)
            assertClean(QStringLiteral("Logger entry \"%1\"").arg(entry.message.left(60)),
                        entry.message + entry.command);
        delete list;
        delete refused;
        delete missing;
    }

    void filesLeftByTheCliHoldNoSecret()
    {
        // Settings, caches or logs the CLI wrote under its HOME (the kubeconfig we wrote is not scanned:
        // it legitimately holds the key).
        int files = 0;
        QDirIterator it(m_home.path(), QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
        while (it.hasNext()) {
            const QString path = it.next();
            if (path.endsWith(QLatin1String("cert-kubeconfig")))
                continue;
            QFile file(path);
            QVERIFY(file.open(QIODevice::ReadOnly));
            assertClean(path, QString::fromUtf8(file.readAll()));
            ++files;
        }
        qInfo("scanned %d file(s) under HOME and %lld outputs/log texts for %d secret value(s)", files,
              qlonglong(m_scanned.size()), int(m_secrets.size()));
    }
};

QTEST_GUILESS_MAIN(TestSecrets)
#include "tst_secrets.moc"
