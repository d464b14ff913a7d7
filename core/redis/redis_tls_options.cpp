#include "redis_tls_options.h"

#include "common/pem_files.h"

#include <QCoreApplication>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QSslError>
#include <QSslSocket>

namespace rcs {

namespace {
struct Text {
    Q_DECLARE_TR_FUNCTIONS(rcs::RedisTlsOptions)
};

bool notSignedByCa(QSslError::SslError error)
{
    switch (error) {
    case QSslError::UnableToGetIssuerCertificate:
    case QSslError::UnableToGetLocalIssuerCertificate:
    case QSslError::UnableToVerifyFirstCertificate:
    case QSslError::SelfSignedCertificate:
    case QSslError::SelfSignedCertificateInChain:
    case QSslError::CertificateSignatureFailed:
    case QSslError::UnableToDecryptCertificateSignature:
        return true;
    default:
        return false;
    }
}

QString reasonFor(const QSslError &error, const QString &peerName)
{
    const QSslCertificate certificate = error.certificate();
    if (notSignedByCa(error.error()))
        return Text::tr("the certificate is not signed by the cluster's CA");
    switch (error.error()) {
    case QSslError::HostNameMismatch: {
        QStringList names = certificate.subjectAlternativeNames().values(QSsl::DnsEntry);
        names.append(certificate.subjectAlternativeNames().values(QSsl::IpAddressEntry));
        if (names.isEmpty())
            names = certificate.subjectInfo(QSslCertificate::CommonName);
        return Text::tr("the certificate is for %1, not for %2")
            .arg(names.isEmpty() ? Text::tr("no name") : names.join(QStringLiteral(", ")), peerName);
    }
    case QSslError::CertificateExpired:
        return Text::tr("the certificate expired on %1")
            .arg(certificate.expiryDate().toUTC().toString(Qt::ISODate));
    case QSslError::CertificateNotYetValid:
        return Text::tr("the certificate is not valid before %1")
            .arg(certificate.effectiveDate().toUTC().toString(Qt::ISODate));
    default:
        return error.errorString();
    }
}
} // namespace

Result<QSslConfiguration> sslConfigurationFor(const RedisTlsOptions &options)
{
    QSslConfiguration configuration = QSslConfiguration::defaultConfiguration();
    configuration.setPeerVerifyMode(QSslSocket::VerifyPeer);
    if (!options.caCertificates.isEmpty() || !options.caFile.isEmpty()) {
        const auto roots =
            loadCertificates(options.caCertificates, options.caFile, Text::tr("CA certificate"));
        if (!roots)
            return roots.error();
        // Replaces the system's roots: only the cluster's CA may vouch for its nodes.
        configuration.setCaCertificates(*roots);
    }
    const bool hasCertificate =
        !options.clientCertificate.isEmpty() || !options.clientCertificateFile.isEmpty();
    const bool hasKey = !options.clientKey.isEmpty() || !options.clientKeyFile.isEmpty();
    if (hasCertificate != hasKey) {
        return Error(ErrorCode::InvalidInput,
                     Text::tr("A client certificate needs its key and a key its certificate; give both "
                              "or neither."));
    }
    if (hasCertificate) {
        const auto chain = loadCertificates(options.clientCertificate, options.clientCertificateFile,
                                            Text::tr("client certificate"));
        if (!chain)
            return chain.error();
        const auto key = loadPrivateKey(options.clientKey, options.clientKeyFile, Text::tr("client key"));
        if (!key)
            return key.error();
        configuration.setLocalCertificateChain(*chain);
        configuration.setPrivateKey(*key);
    }
    return configuration;
}

QString tlsHandshakeFailure(const QString &node, const QList<QSslError> &errors, const QString &peerName,
                            const QString &socketError)
{
    QString reason;
    QString detail = socketError;
    if (!errors.isEmpty()) {
        // The first error says most (an unknown issuer makes the rest follow); its text goes along.
        reason = reasonFor(errors.first(), peerName);
        QStringList texts;
        for (const QSslError &error : errors)
            texts.append(error.errorString());
        texts.removeDuplicates();
        detail = texts.join(QStringLiteral("; "));
    } else if (socketError.contains(QLatin1String("certificate required"), Qt::CaseInsensitive)) {
        reason = Text::tr("the server requires a client certificate; give the client certificate and key");
    } else {
        reason = socketError;
        detail.clear();
    }
    if (detail.isEmpty() || detail == reason)
        return Text::tr("%1: TLS handshake failed: %2.").arg(node, reason);
    return Text::tr("%1: TLS handshake failed: %2 (%3).").arg(node, reason, detail);
}

} // namespace rcs
