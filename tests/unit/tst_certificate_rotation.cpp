// The certificate rotation's phases (core/workflows/certificate_rotation): each phase keeps every node
// able to talk to every other, and its certificate is new (the proof that a node loaded it).
#include "crypto/certificates.h"
#include "workflows/certificate_rotation.h"

#include <QTest>

using namespace rcs;

namespace {
struct Deployed {
    crypto::KeyAndCertificate ca;
    TlsMaterial material;
};

Deployed deployed(int caDays = 365)
{
    auto ca = crypto::makeCertificateAuthority(QStringLiteral("Test CA (ns/redis-app)"), caDays);
    crypto::CertificateRequest request;
    request.commonName = QStringLiteral("redis-app.ns");
    request.dnsNames = {QStringLiteral("*.redis-service.ns.svc.cluster.local"), QStringLiteral("localhost")};
    request.ipAddresses = {QStringLiteral("127.0.0.1")};
    request.usage = crypto::CertificateRequest::Usage::ServerAndClient;
    request.validityDays = 30;
    auto server = crypto::makeSignedCertificate(*ca, request);
    return {*ca, {ca->certificatePem, server->certificatePem, server->keyPem}};
}

QSslCertificate first(const QByteArray &pem)
{
    const QList<QSslCertificate> certificates = certificatesOf(pem);
    return certificates.isEmpty() ? QSslCertificate() : certificates.constFirst();
}
} // namespace

class TestCertificateRotation : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void renewalKeepsTheCaAndTheNames()
    {
        const Deployed d = deployed();
        auto plan = planCertificateRotation(d.material, {d.ca.certificatePem, d.ca.keyPem}, {});
        QVERIFY2(plan.ok(), qPrintable(plan.ok() ? QString() : plan.error().message()));
        QCOMPARE(plan->phases.size(), 1);
        const RotationPhase &phase = plan->phases.constFirst();
        QCOMPARE(phase.kind, RotationPhase::Kind::Reissue);
        QCOMPARE(phase.material.caBundlePem, first(d.material.caBundlePem).toPem());
        QVERIFY(crypto::isSignedBy(phase.material.certificatePem, d.ca.certificatePem));
        QVERIFY(crypto::keyMatchesCertificate(phase.material.keyPem, phase.material.certificatePem));
        QVERIFY(phase.material.keyPem != d.material.keyPem);
        const QSslCertificate before = first(d.material.certificatePem);
        const QSslCertificate after = first(phase.material.certificatePem);
        QVERIFY(before.serialNumber() != after.serialNumber());
        QCOMPARE(after.subjectAlternativeNames(), before.subjectAlternativeNames());
        QCOMPARE(after.subjectInfo(QSslCertificate::CommonName),
                 before.subjectInfo(QSslCertificate::CommonName));
        QVERIFY(after.expiryDate() > QDateTime::currentDateTimeUtc().addDays(364));
        QVERIFY(!plan->newAuthority);
        QVERIFY(plan->droppedCas.isEmpty());
        // The deploy's CA lives one year: a one-year certificate outlives it, and the plan says so.
        QCOMPARE(plan->warnings.size(), 1);
        QVERIFY(plan->warnings.constFirst().contains(QLatin1String("--ca")));
    }

    void renewingTheCaTrustsItEverywhereFirst()
    {
        const Deployed d = deployed();
        RotationOptions options;
        options.renewCa = true;
        auto plan = planCertificateRotation(d.material, {d.ca.certificatePem, d.ca.keyPem}, options);
        QVERIFY(plan.ok());
        QCOMPARE(plan->phases.size(), 2);
        QVERIFY(plan->newAuthority.has_value());
        QVERIFY(plan->warnings.isEmpty());
        const QByteArray newCa = plan->newAuthority->certificatePem;
        QVERIFY(first(newCa).subjectInfo(QSslCertificate::CommonName) !=
                first(d.ca.certificatePem).subjectInfo(QSslCertificate::CommonName));

        // Phase 1: both CAs trusted, the certificate still from the old one (the nodes not reloaded
        // yet accept it), with a new serial.
        const RotationPhase &trust = plan->phases.at(0);
        QCOMPARE(trust.kind, RotationPhase::Kind::Trust);
        QCOMPARE(certificatesOf(trust.material.caBundlePem).size(), 2);
        QVERIFY(crypto::isSignedBy(trust.material.certificatePem, d.ca.certificatePem));
        QVERIFY(first(trust.material.certificatePem).serialNumber() !=
                first(d.material.certificatePem).serialNumber());
        // Phase 2: the new CA signs; both stay trusted.
        const RotationPhase &reissue = plan->phases.at(1);
        QCOMPARE(reissue.kind, RotationPhase::Kind::Reissue);
        QCOMPARE(reissue.material.caBundlePem, trust.material.caBundlePem);
        QVERIFY(crypto::isSignedBy(reissue.material.certificatePem, newCa));
        QVERIFY(!crypto::isSignedBy(reissue.material.certificatePem, d.ca.certificatePem));
        QVERIFY(crypto::keyMatchesCertificate(plan->newAuthority->keyPem, newCa));
    }

    void droppingTheOldCaComesLast()
    {
        const Deployed d = deployed();
        RotationOptions options;
        options.renewCa = true;
        options.dropOldCas = true;
        auto plan = planCertificateRotation(d.material, {d.ca.certificatePem, d.ca.keyPem}, options);
        QVERIFY(plan.ok());
        QCOMPARE(plan->phases.size(), 3);
        const RotationPhase &drop = plan->phases.at(2);
        QCOMPARE(drop.kind, RotationPhase::Kind::Drop);
        QCOMPARE(drop.material.caBundlePem, first(plan->newAuthority->certificatePem).toPem());
        QVERIFY(crypto::isSignedBy(drop.material.certificatePem, plan->newAuthority->certificatePem));
        QVERIFY(first(drop.material.certificatePem).serialNumber() !=
                first(plan->phases.at(1).material.certificatePem).serialNumber());
        QCOMPARE(plan->droppedCas.size(), 1);
        QVERIFY(plan->droppedCas.constFirst().startsWith(QLatin1String("Test CA (ns/redis-app)")));
    }

    void droppingWithOnlyOneCaChangesNoTrust()
    {
        const Deployed d = deployed();
        RotationOptions options;
        options.dropOldCas = true;
        auto plan = planCertificateRotation(d.material, {d.ca.certificatePem, d.ca.keyPem}, options);
        QVERIFY(plan.ok());
        QCOMPARE(plan->phases.size(), 1);
        QVERIFY(plan->droppedCas.isEmpty());
    }

    void aSignerTheNodesDoNotTrustIsRefused()
    {
        const Deployed d = deployed();
        const Deployed other = deployed();
        auto plan = planCertificateRotation(d.material, {other.ca.certificatePem, other.ca.keyPem}, {});
        QVERIFY(!plan.ok());
        QCOMPARE(plan.error().code(), ErrorCode::InvalidInput);
        QVERIFY2(plan.error().message().contains(QLatin1String("not among the CAs")),
                 qPrintable(plan.error().message()));
    }

    void unreadableMaterialIsRefused()
    {
        const Deployed d = deployed();
        TlsMaterial broken = d.material;
        broken.certificatePem = "not a certificate";
        QVERIFY(!planCertificateRotation(broken, {d.ca.certificatePem, d.ca.keyPem}, {}).ok());
        QVERIFY(!planCertificateRotation(d.material, {d.ca.certificatePem, QByteArray()}, {}).ok());
    }

    void aLongLivedCaGivesNoWarning()
    {
        const Deployed d = deployed(3650);
        auto plan = planCertificateRotation(d.material, {d.ca.certificatePem, d.ca.keyPem}, {});
        QVERIFY(plan.ok());
        QVERIFY(plan->warnings.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestCertificateRotation)
#include "tst_certificate_rotation.moc"
