// Issue 15, certificates: expiry in status and check, and rotate-certificates through the real
// redis-cluster-studio binary on a `deploy --tls` cluster of kube-sandbox (the server of
// $RCS_REDIS_SERVER; Redis 5 has no TLS, so there the test skips). A renewal under the test writer: no
// write error, master_link_status up on every replica at every sample, every node serving the Secret's
// new certificate to a new connection, no private key in any output. Then a new CA: trusted beside the
// old one, signing every node's certificate; --drop-old-ca refused without --yes, and with it the old CA
// no longer trusted (a client that trusts only the old CA is refused by every node, one that trusts the
// new CA only is accepted) and the cluster still healthy (its bus and replication links use the new
// certificates).
//
// One deployment for all of it, each function building on the one before.
#include "e2e_support.h"

#include "../integration/job_helpers.h"
#include "crypto/certificates.h"
#include "recording_writer.h"
#include "redis/redis_pool.h"
#include "redis/served_certificate.h"
#include "redis_app_objects.h"
#include "replication_watch.h"
#include "support/redis_test_nodes.h"
#include "support/test_certificates.h"

#include <QJsonArray>
#include <QSslCertificate>
#include <QTest>

using namespace rcs;
using namespace rcs::test;

namespace {
const QString TlsSecret = QStringLiteral("redis-app-tls");
const QString CaSecret = QStringLiteral("redis-app-tls-ca");
} // namespace

class TestE2eTlsRotation final : public QObject {
    Q_OBJECT
private:
    QStringList target() const { return m_sandbox.target(QStringLiteral("direct")); }
    QList<NodeAddress> pods() { return podAddresses(redisAppPods(m_sandbox)); }
    // A client of the cluster that trusts only the given CAs (the Secret's client certificate).
    RedisConnectionOptions trusting(const QByteArray &caPem)
    {
        RedisConnectionOptions options = tlsClientOptions(m_sandbox);
        options.tls.caCertificates = caPem;
        return options;
    }
    // What address serves to a new connection that trusts options' CAs; null when refused.
    static Result<QSslCertificate> served(const RedisConnectionOptions &options, const NodeAddress &address)
    {
        RedisPool pool;
        pool.setOptions(options);
        std::optional<Result<QSslCertificate>> result;
        fetchServedCertificate(&pool, address, &pool,
                               [&](Result<QSslCertificate> r) { result = std::move(r); });
        if (!QTest::qWaitFor([&] { return result.has_value(); }, 15000))
            return Error(ErrorCode::Timeout, QStringLiteral("no answer within 15 s"));
        return *result;
    }
    void assertNoKey(const QString &where, const QString &text, const QList<QByteArray> &keys)
    {
        QVERIFY2(!text.contains(QLatin1String("PRIVATE KEY")),
                 qPrintable(QStringLiteral("a key in ") + where));
        for (const QByteArray &key : keys) {
            const QStringList lines = pemBodyLines(key);
            QVERIFY(!lines.isEmpty());
            for (const QString &line : lines)
                QVERIFY2(!text.contains(line), qPrintable(QStringLiteral("a private key line in ") + where));
        }
    }
    // Every pod serves certificatePem to a new connection trusting the Secret's current ca.crt.
    void assertEveryNodeServes(const QByteArray &certificatePem)
    {
        const QSslCertificate expected = QSslCertificate::fromData(certificatePem).value(0);
        QVERIFY(!expected.isNull());
        for (const NodeAddress &address : pods()) {
            const Result<QSslCertificate> certificate =
                served(trusting(secretValue(m_sandbox, TlsSecret, QStringLiteral("ca.crt"))), address);
            QVERIFY2(certificate.ok(),
                     qPrintable(certificate.ok() ? QString() : certificate.error().message()));
            QVERIFY2(*certificate == expected,
                     qPrintable(address.toString() + QStringLiteral(" serves serial ") +
                                QString::fromLatin1(certificate->serialNumber())));
        }
    }

    mutable E2eSandbox m_sandbox;

private Q_SLOTS:
    void initTestCase()
    {
        const Result<QVersionNumber> version = RedisTestNodes::serverVersion();
        QVERIFY2(version.ok(), qPrintable(version.ok() ? QString() : version.error().message()));
        if (*version < QVersionNumber(6))
            QSKIP("The server under test is older than Redis 6 and has no TLS (tls-port); run this test with "
                  "RCS_REDIS_SERVER set to a 6.2, 7.x or Valkey 8 server built with TLS.");
        // The image only names the version: kube-sandbox runs the server under test for every image.
        const QString failed = m_sandbox.startWithCluster(
            target(), {QStringLiteral("--tls"), QStringLiteral("--image"), QStringLiteral("redis:7.0"),
                       QStringLiteral("--timeout"), QStringLiteral("150")});
        QVERIFY2(failed.isEmpty(), qPrintable(failed));
    }

    void statusAndCheckShowTheExpiry()
    {
        const QDateTime expiry =
            QSslCertificate::fromData(secretValue(m_sandbox, TlsSecret, QStringLiteral("tls.crt")))
                .value(0)
                .expiryDate()
                .toUTC();
        QVERIFY(expiry.isValid());
        StudioRun run;
        const QJsonObject status = statusJson(target(), &run);
        QVERIFY2(!status.isEmpty(), qPrintable(run.all()));
        const QJsonArray nodes = status[QLatin1String("nodes")].toArray();
        QCOMPARE(nodes.size(), 6);
        for (const QJsonValue &node : nodes)
            QCOMPARE(node[QLatin1String("certificate_expiry")].toString(), expiry.toString(Qt::ISODate));
        const StudioRun text = runStudio(QStringList{QStringLiteral("status")} + target());
        QVERIFY2(text.exitCode == 0, qPrintable(text.all()));
        QVERIFY2(text.out.contains(QStringLiteral("valid until %1").arg(expiry.toString(Qt::ISODate))),
                 qPrintable(text.out));
        const StudioRun check = runStudio(QStringList{QStringLiteral("check")} + target());
        QVERIFY2(check.exitCode == 0, qPrintable(check.all()));
        QVERIFY2(check.out.contains(QLatin1String("TLS certificates of the 6 nodes")), qPrintable(check.out));
    }

    void renewalUnderWrites()
    {
        const QByteArray oldCertificate = secretValue(m_sandbox, TlsSecret, QStringLiteral("tls.crt"));
        const QByteArray oldKey = secretValue(m_sandbox, TlsSecret, QStringLiteral("tls.key"));
        const RedisConnectionOptions client = tlsClientOptions(m_sandbox);
        RedisPool pool;
        pool.setOptions(client);
        const QList<NodeAddress> replicas = replicasAmong(pool, pods());
        QCOMPARE(replicas.size(), 3);
        ReplicationWatch links(client, replicas);
        QVERIFY2(links.waitUntilAllUp(60000), "the replicas' links did not come up after create");
        RecordingWriter writer(pods(), "renewal", client);
        QVERIFY(writer.refresh().ok());
        links.start();
        const StudioRun rotated = runWhileWriting(
            writer,
            QStringList{QStringLiteral("rotate-certificates"), QStringLiteral("--verbose")} + target(),
            180000);
        links.stop();
        QVERIFY2(rotated.exitCode == 0, qPrintable(rotated.all()));
        QVERIFY2(rotated.out.contains(QLatin1String("loaded live: no restart")), qPrintable(rotated.out));
        QVERIFY2(writer.failures().isEmpty(), qPrintable(writer.failures().join(QLatin1Char('\n'))));
        QVERIFY2(links.samples() > 0, "the replication links were sampled");
        QVERIFY2(links.down().isEmpty(), qPrintable(links.down().join(QLatin1Char('\n'))));
        const QString lost = writer.problemAfterRun(pods());
        QVERIFY2(lost.isEmpty(), qPrintable(lost));

        const QByteArray newCertificate = secretValue(m_sandbox, TlsSecret, QStringLiteral("tls.crt"));
        QVERIFY(newCertificate != oldCertificate);
        assertEveryNodeServes(newCertificate);
        assertNoKey(QStringLiteral("rotate-certificates' output"), rotated.all(),
                    {oldKey, secretValue(m_sandbox, TlsSecret, QStringLiteral("tls.key")),
                     secretValue(m_sandbox, CaSecret, QStringLiteral("ca.key"))});
    }

    void newCaThenTheOldOneDropped()
    {
        const QByteArray oldCa = secretValue(m_sandbox, CaSecret, QStringLiteral("ca.crt"));
        const RedisConnectionOptions client = tlsClientOptions(m_sandbox);
        RedisPool pool;
        pool.setOptions(client);
        ReplicationWatch links(client, replicasAmong(pool, pods()));
        QVERIFY(links.waitUntilAllUp(60000));
        links.start();
        const StudioRun renewed =
            runStudio(QStringList{QStringLiteral("rotate-certificates"), QStringLiteral("--ca")} + target());
        links.stop();
        QVERIFY2(renewed.exitCode == 0, qPrintable(renewed.all()));
        QVERIFY2(links.down().isEmpty(), qPrintable(links.down().join(QLatin1Char('\n'))));
        const QByteArray newCa = secretValue(m_sandbox, CaSecret, QStringLiteral("ca.crt"));
        QVERIFY(newCa != oldCa);
        QCOMPARE(
            QSslCertificate::fromData(secretValue(m_sandbox, TlsSecret, QStringLiteral("ca.crt"))).size(), 2);
        const QByteArray certificate = secretValue(m_sandbox, TlsSecret, QStringLiteral("tls.crt"));
        QVERIFY(crypto::isSignedBy(certificate, newCa));
        assertEveryNodeServes(certificate);

        // Dropping the old CA takes trust away: only with --yes.
        const StudioRun unconfirmed = runStudio(
            QStringList{QStringLiteral("rotate-certificates"), QStringLiteral("--drop-old-ca")} + target());
        QVERIFY2(unconfirmed.exitCode == 1, qPrintable(unconfirmed.all()));
        QVERIFY2(unconfirmed.all().contains(QLatin1String("--yes")), qPrintable(unconfirmed.all()));
        // The refusal names the CA that would stop being trusted (the studio's confirmation shows it in the
        // plan: "no longer trusted: …").
        const QList<QSslCertificate> trusted =
            QSslCertificate::fromData(secretValue(m_sandbox, TlsSecret, QStringLiteral("ca.crt")));
        const QList<QSslCertificate> signer = QSslCertificate::fromData(newCa);
        QVERIFY(!signer.isEmpty());
        for (const QSslCertificate &ca : trusted) {
            if (ca == signer.constFirst())
                continue;
            // By its common name and serial, as every certificate is named in the studio's messages.
            const QString named = QStringLiteral("stop trusting %1, serial %2")
                                      .arg(ca.subjectInfo(QSslCertificate::CommonName).join(QLatin1Char(' ')),
                                           QString::fromLatin1(ca.serialNumber()));
            QVERIFY2(unconfirmed.all().contains(named),
                     qPrintable(named + QStringLiteral(" in\n") + unconfirmed.all()));
        }
        QCOMPARE(
            QSslCertificate::fromData(secretValue(m_sandbox, TlsSecret, QStringLiteral("ca.crt"))).size(), 2);

        const StudioRun dropped =
            runStudio(QStringList{QStringLiteral("rotate-certificates"), QStringLiteral("--drop-old-ca"),
                                  QStringLiteral("--yes")} +
                      target());
        QVERIFY2(dropped.exitCode == 0, qPrintable(dropped.all()));
        QCOMPARE(QSslCertificate::fromData(secretValue(m_sandbox, TlsSecret, QStringLiteral("ca.crt"))),
                 QSslCertificate::fromData(newCa));
        for (const NodeAddress &address : pods()) {
            const Result<QSslCertificate> withOld = served(trusting(oldCa), address);
            QVERIFY2(!withOld.ok(),
                     qPrintable(address.toString() + QStringLiteral(" is still trusted by the old CA")));
            QVERIFY2(withOld.error().message().contains(address.toString()),
                     qPrintable(withOld.error().message()));
            QVERIFY2(served(trusting(newCa), address).ok(), qPrintable(address.toString()));
        }
        // The nodes' own links (bus, replication) use the new certificates: still one healthy cluster.
        QVERIFY(waitUntil([&] { return situationOf(target()) == QLatin1String("healthy"); }, 60000, 2000));
        const StudioRun check = runStudio(QStringList{QStringLiteral("check")} + target());
        QVERIFY2(check.exitCode == 0, qPrintable(check.all()));
    }
};

QTEST_GUILESS_MAIN(TestE2eTlsRotation)
#include "tst_e2e_tls_rotation.moc"
