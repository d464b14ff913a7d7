#include "certificate_rotation.h"

#include "crypto/certificates.h"

#include <QCoreApplication>
#include <QDateTime>

namespace rcs {

namespace {
struct Text {
    Q_DECLARE_TR_FUNCTIONS(CertificateRotation)
};

bool contains(const QList<QSslCertificate> &bundle, const QSslCertificate &certificate)
{
    return std::any_of(bundle.cbegin(), bundle.cend(),
                       [&](const QSslCertificate &c) { return sameCertificate(c, certificate); });
}

QByteArray pemOf(const QList<QSslCertificate> &certificates)
{
    QByteArray pem;
    for (const QSslCertificate &certificate : certificates)
        pem += certificate.toPem();
    return pem;
}

QString commonName(const QSslCertificate &certificate)
{
    const QStringList names = certificate.subjectInfo(QSslCertificate::CommonName);
    return names.isEmpty() ? QString() : names.constFirst();
}

// A request for a certificate with the names of current.
crypto::CertificateRequest renewalOf(const QSslCertificate &current, int validityDays)
{
    crypto::CertificateRequest request;
    request.commonName = commonName(current);
    const QStringList organizations = current.subjectInfo(QSslCertificate::Organization);
    request.organization = organizations.isEmpty() ? QString() : organizations.constFirst();
    const auto names = current.subjectAlternativeNames();
    request.dnsNames = names.values(QSsl::DnsEntry);
    request.ipAddresses = names.values(QSsl::IpAddressEntry);
    // QMultiMap returns the values of one key newest first: keep the certificate's order.
    std::reverse(request.dnsNames.begin(), request.dnsNames.end());
    std::reverse(request.ipAddresses.begin(), request.ipAddresses.end());
    request.usage = crypto::CertificateRequest::Usage::ServerAndClient;
    request.validityDays = validityDays;
    return request;
}

Result<TlsMaterial> signedMaterial(const SigningAuthority &authority,
                                   const crypto::CertificateRequest &request, const QByteArray &bundle)
{
    auto issued = crypto::makeSignedCertificate({authority.certificatePem, authority.keyPem}, request);
    if (!issued)
        return issued.error();
    return TlsMaterial{bundle, issued->certificatePem, issued->keyPem};
}
} // namespace

bool sameCertificate(const QSslCertificate &a, const QSslCertificate &b)
{
    return a.digest(QCryptographicHash::Sha256) == b.digest(QCryptographicHash::Sha256);
}

QByteArray mergedBundle(const QByteArray &a, const QByteArray &b)
{
    QList<QSslCertificate> all = certificatesOf(a);
    for (const QSslCertificate &certificate : certificatesOf(b)) {
        if (!contains(all, certificate))
            all.append(certificate);
    }
    return pemOf(all);
}

QList<QSslCertificate> certificatesOf(const QByteArray &pem)
{
    QList<QSslCertificate> certificates = QSslCertificate::fromData(pem, QSsl::Pem);
    certificates.removeIf([](const QSslCertificate &c) { return c.isNull(); });
    return certificates;
}

QString describeCertificate(const QSslCertificate &certificate)
{
    return Text::tr("%1, serial %2, valid until %3")
        .arg(commonName(certificate), QString::fromLatin1(certificate.serialNumber()),
             certificate.expiryDate().toUTC().toString(Qt::ISODate));
}

QString describePhase(const RotationPhase &phase)
{
    const QList<QSslCertificate> certificate = certificatesOf(phase.material.certificatePem);
    const QString what = certificate.isEmpty() ? QString() : describeCertificate(certificate.constFirst());
    switch (phase.kind) {
    case RotationPhase::Kind::Trust:
        return Text::tr("every node trusts the new CA beside the old one (ca.crt holds %1 CAs) and serves a "
                        "renewed certificate from the old CA (%2)")
            .arg(certificatesOf(phase.material.caBundlePem).size())
            .arg(what);
    case RotationPhase::Kind::Reissue:
        return Text::tr("every node serves a new certificate (%1)").arg(what);
    case RotationPhase::Kind::Drop:
        return Text::tr("ca.crt keeps only the signing CA; every node serves a renewed certificate (%1)")
            .arg(what);
    }
    return {};
}

Result<RotationPlan> planCertificateRotation(const TlsMaterial &current, const SigningAuthority &authority,
                                             const RotationOptions &options)
{
    const QList<QSslCertificate> bundle = certificatesOf(current.caBundlePem);
    const QList<QSslCertificate> served = certificatesOf(current.certificatePem);
    const QList<QSslCertificate> signer = certificatesOf(authority.certificatePem);
    if (bundle.isEmpty() || served.isEmpty())
        return Error(
            ErrorCode::InvalidInput,
            Text::tr("The TLS Secret holds no readable ca.crt or tls.crt: there is no certificate to "
                     "renew. Deploy with --tls again, or put the certificates into the Secret."));
    if (signer.isEmpty() || authority.keyPem.isEmpty())
        return Error(
            ErrorCode::InvalidInput,
            Text::tr("The CA Secret holds no readable ca.crt and ca.key: the studio cannot sign a new "
                     "certificate."));
    if (!contains(bundle, signer.constFirst()))
        return Error(
            ErrorCode::InvalidInput,
            Text::tr("The CA in the CA Secret (%1) is not among the CAs the nodes trust (ca.crt of the "
                     "TLS Secret): a certificate it signs would be refused. Put it back into ca.crt, "
                     "or rotate with --ca.")
                .arg(describeCertificate(signer.constFirst())));
    const crypto::CertificateRequest request = renewalOf(served.constFirst(), options.validityDays);
    RotationPlan plan;
    SigningAuthority signing = authority;
    QList<QSslCertificate> trusted = bundle;
    if (options.renewCa) {
        // A name of its own: two CAs with one subject in a bundle make chain building guess.
        auto ca = crypto::makeCertificateAuthority(
            Text::tr("%1, renewed %2")
                .arg(commonName(signer.constFirst()).section(QLatin1String(", renewed "), 0, 0),
                     QDateTime::currentDateTimeUtc().toString(QStringLiteral("yyyy-MM-dd hh:mm:ss"))),
            qMax(options.validityDays, 365) * 5);
        if (!ca)
            return ca.error();
        trusted.append(certificatesOf(ca->certificatePem));
        auto trust = signedMaterial(authority, request, pemOf(trusted));
        if (!trust)
            return trust.error();
        plan.phases.append({RotationPhase::Kind::Trust, *trust});
        signing = {ca->certificatePem, ca->keyPem};
        plan.newAuthority = signing;
    }
    const QSslCertificate signingCertificate = certificatesOf(signing.certificatePem).constFirst();
    if (signingCertificate.expiryDate() < QDateTime::currentDateTimeUtc().addDays(options.validityDays))
        plan.warnings << Text::tr("The CA (%1) expires before the new certificate would: from then on the "
                                  "certificate is refused. Rotate with --ca to renew the CA too.")
                             .arg(describeCertificate(signingCertificate));
    auto reissue = signedMaterial(signing, request, pemOf(trusted));
    if (!reissue)
        return reissue.error();
    plan.phases.append({RotationPhase::Kind::Reissue, *reissue});
    if (options.dropOldCas) {
        const QSslCertificate &kept = signingCertificate;
        for (const QSslCertificate &ca : std::as_const(trusted)) {
            if (!sameCertificate(ca, kept))
                plan.droppedCas << describeCertificate(ca);
        }
        if (!plan.droppedCas.isEmpty()) {
            auto drop = signedMaterial(signing, request, kept.toPem());
            if (!drop)
                return drop.error();
            plan.phases.append({RotationPhase::Kind::Drop, *drop});
        }
    }
    return plan;
}

} // namespace rcs
