// rcs::crypto: a CA and a server certificate signed by it carry the names, usages and validity asked
// for, and the chain verifies with the openssl command line (the same check a TLS peer makes).
#include "crypto/certificates.h"

#include <QProcess>
#include <QSslCertificate>
#include <QSslCertificateExtension>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace rcs;

namespace {
QString writeFile(const QTemporaryDir &dir, const QString &name, const QByteArray &data)
{
    const QString path = dir.filePath(name);
    QFile file(path);
    if (file.open(QIODevice::WriteOnly))
        file.write(data);
    return path;
}

// `openssl verify` with the given options; its output, and whether it said OK.
bool opensslVerify(const QStringList &options, QString *output)
{
    QProcess openssl;
    openssl.setProcessChannelMode(QProcess::MergedChannels);
    openssl.start(QStringLiteral("openssl"), QStringList{QStringLiteral("verify")} + options);
    if (!openssl.waitForFinished(10000)) {
        *output = QStringLiteral("openssl did not finish: ") + openssl.errorString();
        return false;
    }
    *output = QString::fromUtf8(openssl.readAll());
    return openssl.exitCode() == 0 && output->contains(QLatin1String(": OK"));
}
} // namespace

class TestCertificates final : public QObject {
    Q_OBJECT
private:
    crypto::KeyAndCertificate m_ca;
    crypto::KeyAndCertificate m_server;
    QTemporaryDir m_dir;

private Q_SLOTS:
    void initTestCase()
    {
        if (QStandardPaths::findExecutable(QStringLiteral("openssl")).isEmpty())
            QSKIP("the openssl command is not installed");
        auto ca = crypto::makeCertificateAuthority(QStringLiteral("Test CA"));
        QVERIFY2(ca.ok(), qPrintable(ca.ok() ? QString() : ca.error().message()));
        m_ca = *ca;
        crypto::CertificateRequest request;
        request.commonName = QStringLiteral("redis-app.redis-cluster");
        request.dnsNames = {QStringLiteral("*.redis-service.redis-cluster.svc.cluster.local"),
                            QStringLiteral("redis-access-service")};
        request.ipAddresses = {QStringLiteral("127.0.0.1")};
        request.usage = crypto::CertificateRequest::Usage::ServerAndClient;
        auto server = crypto::makeSignedCertificate(m_ca, request);
        QVERIFY2(server.ok(), qPrintable(server.ok() ? QString() : server.error().message()));
        m_server = *server;
    }

    void pemOut()
    {
        QVERIFY(m_ca.certificatePem.startsWith("-----BEGIN CERTIFICATE-----"));
        QVERIFY(m_ca.keyPem.startsWith("-----BEGIN PRIVATE KEY-----"));
        QVERIFY(m_server.keyPem != m_ca.keyPem);
        QVERIFY(crypto::keyMatchesCertificate(m_server.keyPem, m_server.certificatePem));
        QVERIFY(!crypto::keyMatchesCertificate(m_ca.keyPem, m_server.certificatePem));
    }

    void namesAndUsage()
    {
        const QSslCertificate certificate(m_server.certificatePem);
        QVERIFY(!certificate.isNull());
        const auto names = certificate.subjectAlternativeNames();
        QStringList dnsNames = names.values(QSsl::DnsEntry);
        dnsNames.sort();
        QCOMPARE(dnsNames, (QStringList{QStringLiteral("*.redis-service.redis-cluster.svc.cluster.local"),
                                        QStringLiteral("redis-access-service")}));
        QCOMPARE(names.values(QSsl::IpAddressEntry), QStringList{QStringLiteral("127.0.0.1")});
        QCOMPARE(certificate.subjectInfo(QSslCertificate::CommonName),
                 QStringList{QStringLiteral("redis-app.redis-cluster")});
        QCOMPARE(certificate.issuerInfo(QSslCertificate::CommonName), QStringList{QStringLiteral("Test CA")});
        QString output;
        const QString caPath = writeFile(m_dir, QStringLiteral("ca.crt"), m_ca.certificatePem);
        const QString serverPath = writeFile(m_dir, QStringLiteral("tls.crt"), m_server.certificatePem);
        // A Redis server uses its certificate as a client one too (replication, bus): both purposes hold.
        QVERIFY2(opensslVerify({QStringLiteral("-purpose"), QStringLiteral("sslserver"),
                                QStringLiteral("-CAfile"), caPath, serverPath},
                               &output),
                 qPrintable(output));
        QVERIFY2(opensslVerify({QStringLiteral("-purpose"), QStringLiteral("sslclient"),
                                QStringLiteral("-CAfile"), caPath, serverPath},
                               &output),
                 qPrintable(output));
        QVERIFY2(opensslVerify({QStringLiteral("-CAfile"), caPath, QStringLiteral("-verify_hostname"),
                                QStringLiteral("redis-app-0.redis-service.redis-cluster.svc.cluster.local"),
                                serverPath},
                               &output),
                 qPrintable(output));
        QVERIFY2(!opensslVerify({QStringLiteral("-CAfile"), caPath, QStringLiteral("-verify_hostname"),
                                 QStringLiteral("redis.example.com"), serverPath},
                                &output),
                 qPrintable(output));
    }

    void otherCaDoesNotVerify()
    {
        auto other = crypto::makeCertificateAuthority(QStringLiteral("Other CA"));
        QVERIFY(other.ok());
        QVERIFY(!crypto::isSignedBy(m_server.certificatePem, other->certificatePem));
        QVERIFY(crypto::isSignedBy(m_server.certificatePem, m_ca.certificatePem));
        QString output;
        const QString otherPath = writeFile(m_dir, QStringLiteral("other.crt"), other->certificatePem);
        const QString serverPath = writeFile(m_dir, QStringLiteral("tls.crt"), m_server.certificatePem);
        QVERIFY2(!opensslVerify({QStringLiteral("-CAfile"), otherPath, serverPath}, &output),
                 qPrintable(output));
    }

    void validityAndExpiry()
    {
        const QDateTime now = QDateTime::currentDateTimeUtc();
        const Result<QDateTime> expiry = crypto::certificateExpiry(m_server.certificatePem);
        QVERIFY(expiry.ok());
        QVERIFY2(qAbs(expiry->secsTo(now.addDays(365))) < 120, qPrintable(expiry->toString(Qt::ISODate)));
        QCOMPARE(*expiry, QSslCertificate(m_server.certificatePem).expiryDate().toUTC());
        crypto::CertificateRequest shortLived;
        shortLived.commonName = QStringLiteral("short");
        shortLived.validityDays = 2;
        auto made = crypto::makeSignedCertificate(m_ca, shortLived);
        QVERIFY(made.ok());
        QVERIFY(qAbs(crypto::certificateExpiry(made->certificatePem)->secsTo(now.addDays(2))) < 120);
        QVERIFY(!crypto::certificateExpiry("not a certificate").ok());
    }

    void refusals()
    {
        crypto::CertificateRequest request;
        request.commonName = QStringLiteral("x");
        request.ipAddresses = {QStringLiteral("not-an-ip")};
        const auto badIp = crypto::makeSignedCertificate(m_ca, request);
        QVERIFY(!badIp.ok());
        QVERIFY2(badIp.error().message().contains(QLatin1String("not-an-ip")),
                 qPrintable(badIp.error().message()));
        request.ipAddresses.clear();
        const auto mismatched =
            crypto::makeSignedCertificate({m_ca.certificatePem, m_server.keyPem}, request);
        QVERIFY(!mismatched.ok());
        QVERIFY(!crypto::makeSignedCertificate({"junk", "junk"}, request).ok());
    }
};

QTEST_GUILESS_MAIN(TestCertificates)
#include "tst_certificates.moc"
