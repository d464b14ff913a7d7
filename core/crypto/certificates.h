#pragma once

#include "common/result.h"

#include <QByteArray>
#include <QDateTime>
#include <QString>
#include <QStringList>

namespace rcs::crypto {

// A certificate and its private key, both PEM. The key is a secret: never log it.
struct KeyAndCertificate {
    QByteArray certificatePem;
    QByteArray keyPem;
};

// What a certificate signed by a CA says about its holder.
struct CertificateRequest {
    enum class Usage { Server, Client, ServerAndClient };
    QString commonName;
    QString organization;    // empty: none
    QStringList dnsNames;    // subjectAltName DNS entries; wildcards such as *.svc allowed
    QStringList ipAddresses; // subjectAltName IP entries
    Usage usage = Usage::Server;
    int validityDays = 365;
};

// A new EC P-256 key and a self-signed CA certificate for it (SHA-256, valid from an hour ago, to
// absorb clock skew, for validityDays). Error Internal when OpenSSL cannot make the key.
Result<KeyAndCertificate> makeCertificateAuthority(const QString &commonName, int validityDays = 365);

// A new EC P-256 key and a certificate for it signed by ca. Errors: InvalidInput when ca's
// certificate or key cannot be read or do not belong together, or an IP address is malformed.
Result<KeyAndCertificate> makeSignedCertificate(const KeyAndCertificate &ca,
                                                const CertificateRequest &request);

// The notAfter of the first certificate in pem (UTC). InvalidInput when pem holds no certificate.
Result<QDateTime> certificateExpiry(const QByteArray &pem);

// True when certificatePem was signed by the CA in caPem and is within its validity period now.
bool isSignedBy(const QByteArray &certificatePem, const QByteArray &caPem);

// True when keyPem is the private key of certificatePem.
bool keyMatchesCertificate(const QByteArray &keyPem, const QByteArray &certificatePem);

// size bytes from OpenSSL's random generator.
QByteArray randomBytes(int size);

} // namespace rcs::crypto
