#include "deploy_tls.h"

#include "crypto/certificates.h"

#include <QCoreApplication>
#include <QFile>

namespace rcs {

namespace {

struct Text {
    Q_DECLARE_TR_FUNCTIONS(rcs::DeployWorkflow)
};

Result<QByteArray> readPem(const QString &path, const QString &what)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return Error(ErrorCode::Io,
                     Text::tr("Cannot read the TLS %1 file %2: %3.").arg(what, path, file.errorString()));
    return file.readAll();
}

Result<void> readUserFiles(TlsParameters &tls)
{
    if (tls.caFile.isEmpty() || tls.certificateFile.isEmpty() || tls.keyFile.isEmpty())
        return Error(ErrorCode::InvalidInput,
                     Text::tr("Give all three of the CA, certificate and key files for TLS, or none to have "
                              "the studio make them."));
    auto ca = readPem(tls.caFile, Text::tr("CA"));
    auto certificate = readPem(tls.certificateFile, Text::tr("certificate"));
    auto key = readPem(tls.keyFile, Text::tr("key"));
    for (const auto *read : {&ca, &certificate, &key})
        if (!*read)
            return read->error();
    if (!crypto::certificateExpiry(*ca))
        return Error(ErrorCode::InvalidInput,
                     Text::tr("The CA file %1 holds no PEM certificate.").arg(tls.caFile));
    if (!crypto::isSignedBy(*certificate, *ca))
        return Error(ErrorCode::InvalidInput,
                     Text::tr("The certificate %1 is not signed by the CA %2, or is expired: the pods could "
                              "not verify each other. Give the CA that issued it.")
                         .arg(tls.certificateFile, tls.caFile));
    if (!crypto::keyMatchesCertificate(*key, *certificate))
        return Error(ErrorCode::InvalidInput,
                     Text::tr("The key %1 is not the private key of the certificate %2.")
                         .arg(tls.keyFile, tls.certificateFile));
    tls.caPem = *ca;
    tls.certificatePem = *certificate;
    tls.keyPem = *key;
    return {};
}

} // namespace

Result<void> prepareTlsMaterial(ManifestParameters &parameters, const ManifestSet &set)
{
    TlsParameters &tls = parameters.tls;
    if (!tls.enabled || !tls.existingSecret.isEmpty() || !tls.keyPem.isEmpty())
        return {};
    if (!tls.caFile.isEmpty() || !tls.certificateFile.isEmpty() || !tls.keyFile.isEmpty())
        return readUserFiles(tls);
    auto ca = crypto::makeCertificateAuthority(
        QStringLiteral("Redis Cluster Studio CA (%1/%2)").arg(parameters.ns, parameters.statefulSetName));
    if (!ca)
        return ca.error();
    crypto::CertificateRequest request;
    request.commonName = parameters.statefulSetName + QLatin1Char('.') + parameters.ns;
    request.dnsNames = set.certificateDnsNames(parameters);
    request.ipAddresses = {QStringLiteral("127.0.0.1")};
    request.usage = crypto::CertificateRequest::Usage::ServerAndClient;
    auto server = crypto::makeSignedCertificate(*ca, request);
    if (!server)
        return server.error();
    // The CA's key is kept (in a Secret that no pod mounts) so that a renewal can issue a certificate
    // the clients already trust.
    tls.caKeyPem = ca->keyPem;
    tls.caPem = ca->certificatePem;
    tls.certificatePem = server->certificatePem;
    tls.keyPem = server->keyPem;
    return {};
}

QString tlsPlanSummary(const ManifestParameters &parameters, const ManifestSet &set)
{
    const TlsParameters &tls = parameters.tls;
    if (!tls.enabled)
        return {};
    QString source;
    if (!tls.existingSecret.isEmpty())
        source = Text::tr("certificates from the existing Secret %1 (keys ca.crt, tls.crt, tls.key)")
                     .arg(tls.existingSecret);
    else if (!tls.certificateFile.isEmpty())
        source = Text::tr("the certificate %1 signed by %2").arg(tls.certificateFile, tls.caFile);
    else
        source = Text::tr("a new CA and a server certificate for %1, valid one year")
                     .arg(set.certificateDnsNames(parameters).join(QLatin1String(", ")));
    return Text::tr("TLS (%1; %2)").arg(ManifestSet::tlsConfigLines(tls).join(QLatin1String(", ")), source);
}

} // namespace rcs
