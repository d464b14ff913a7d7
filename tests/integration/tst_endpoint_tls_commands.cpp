// The headless commands on plain endpoints over TLS (--tls, --cacert, --cert, --key, --sni, as redis-cli
// takes them) through the real executable, against TLS-only redis-server nodes that demand a client
// certificate: create and status work, the equivalent lines carry the TLS options, a CA that did not sign
// the nodes' certificates fails with one sentence naming the node and the reason, and options that do
// not fit are usage errors. Redis 5 has no TLS: there the test is skipped.
#include "support/redis_test_nodes.h"
#include "support/studio_process.h"
#include "support/test_certificates.h"

#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace rcs;
using rcs::test::RedisTestNodes;
using rcs::test::StudioRun;
using rcs::test::TestCertificates;

namespace {
const QString PeerName = QStringLiteral("node-0.redis-service.test.svc.cluster.local");
} // namespace

class TestEndpointTlsCommands final : public QObject {
    Q_OBJECT
private:
    QStringList tls(const QString &caFile) const
    {
        return {QStringLiteral("--tls"),  QStringLiteral("--cacert"), caFile,
                QStringLiteral("--cert"), m_certs.clientCert,         QStringLiteral("--key"),
                m_certs.clientKey,        QStringLiteral("--sni"),    PeerName};
    }

    QTemporaryDir m_dir;
    TestCertificates m_certs;
    RedisTestNodes m_nodes;

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(QFileInfo::exists(test::studioExecutable()), "redis-cluster-studio was not built");
        const Result<QVersionNumber> version = RedisTestNodes::serverVersion();
        QVERIFY2(version.ok(), qPrintable(version.ok() ? QString() : version.error().message()));
        if (*version < QVersionNumber(6))
            QSKIP("The server under test is older than Redis 6 and has no TLS (tls-port); run this test with "
                  "RCS_REDIS_SERVER set to a 6.2, 7.x or Valkey 8 server built with TLS.");
        QVERIFY(m_dir.isValid());
        const Result<TestCertificates> made = TestCertificates::make(m_dir.path(), {PeerName});
        QVERIFY2(made.ok(), qPrintable(made.ok() ? QString() : made.error().message()));
        m_certs = *made;
        test::RedisTestTls tls;
        tls.certFile = m_certs.serverCert;
        tls.keyFile = m_certs.serverKey;
        tls.caFile = m_certs.caCert;
        tls.authClients = QStringLiteral("yes");
        tls.client.caFile = m_certs.caCert;
        tls.client.peerName = PeerName;
        tls.client.clientCertificateFile = m_certs.clientCert;
        tls.client.clientKeyFile = m_certs.clientKey;
        test::RedisTestNodeOptions options;
        options.tls = tls;
        const Result<void> started = m_nodes.start(3, options);
        QVERIFY2(started.ok(), qPrintable(started.ok() ? QString() : started.error().message()));
    }

    void createAndStatusOverTls()
    {
        const StudioRun created =
            test::runStudio(QStringList{QStringLiteral("create"), QStringLiteral("--nodes"),
                                        m_nodes.addressList(), QStringLiteral("--cluster-replicas"),
                                        QStringLiteral("0"), QStringLiteral("--verbose")} +
                            tls(m_certs.caCert));
        QVERIFY2(created.exitCode == 0, qPrintable(created.describe()));
        QVERIFY2(
            created.all().contains(QStringLiteral("--tls --cacert %1 --cert %2 --key %3 --sni %4")
                                       .arg(m_certs.caCert, m_certs.clientCert, m_certs.clientKey, PeerName)),
            qPrintable(created.describe()));

        const StudioRun status =
            test::runStudio(QStringList{QStringLiteral("status"), QStringLiteral("--nodes"),
                                        m_nodes.address(2).toString(), QStringLiteral("--json")} +
                            tls(m_certs.caCert));
        QVERIFY2(status.exitCode == 0, qPrintable(status.describe()));
        QCOMPARE(status.json().value(QStringLiteral("cluster_state")).toString(), QStringLiteral("ok"));
        QCOMPARE(status.json().value(QStringLiteral("situation")).toString(), QStringLiteral("healthy"));
    }

    void wrongCaIsOneSentence()
    {
        const StudioRun status = test::runStudio(
            QStringList{QStringLiteral("status"), QStringLiteral("--nodes"), m_nodes.address(0).toString()} +
            tls(m_certs.otherCaCert));
        QCOMPARE(status.exitCode, 1);
        QVERIFY2(status.err.contains(m_nodes.address(0).toString()) &&
                     status.err.contains(QLatin1String("TLS handshake failed")) &&
                     status.err.contains(QLatin1String("not signed by the cluster's CA")),
                 qPrintable(status.describe()));
    }

    void plainClientIsRefusedWithAHint()
    {
        const StudioRun status = test::runStudio(
            {QStringLiteral("status"), QStringLiteral("--nodes"), m_nodes.address(0).toString()});
        QCOMPARE(status.exitCode, 1);
        QVERIFY2(status.err.contains(QLatin1String("TLS")), qPrintable(status.describe()));
    }

    void optionsThatDoNotFitAreUsageErrors()
    {
        const QString node = m_nodes.address(0).toString();
        const QList<QStringList> wrong{
            {QStringLiteral("--cacert"), m_certs.caCert},                            // without --tls
            {QStringLiteral("--tls"), QStringLiteral("--cert"), m_certs.clientCert}, // no key
            {QStringLiteral("--tls"), QStringLiteral("--cacert"),
             m_dir.filePath(QStringLiteral("missing.crt"))}};
        for (const QStringList &options : wrong) {
            const StudioRun run = test::runStudio(
                QStringList{QStringLiteral("status"), QStringLiteral("--nodes"), node} + options);
            QVERIFY2(run.exitCode == 2, qPrintable(run.describe()));
            QVERIFY2(!run.err.trimmed().isEmpty() && !run.err.contains(QLatin1String("BEGIN")),
                     qPrintable(run.describe()));
        }
    }
};

QTEST_GUILESS_MAIN(TestEndpointTlsCommands)
#include "tst_endpoint_tls_commands.moc"
