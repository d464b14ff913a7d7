#include "certificates.h"

#include <QCoreApplication>
#include <QHostAddress>

#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/rand.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>

#include <memory>

namespace rcs::crypto {

namespace {

struct Text {
    Q_DECLARE_TR_FUNCTIONS(rcs::crypto::Certificates)
};

template<class T, void (*Free)(T *)> struct Deleter {
    void operator()(T *p) const { Free(p); }
};
using PKeyPtr = std::unique_ptr<EVP_PKEY, Deleter<EVP_PKEY, EVP_PKEY_free>>;
using X509Ptr = std::unique_ptr<X509, Deleter<X509, X509_free>>;
using BioPtr = std::unique_ptr<BIO, Deleter<BIO, BIO_free_all>>;

QByteArray bioBytes(BIO *bio)
{
    char *data = nullptr;
    const long size = BIO_get_mem_data(bio, &data);
    return QByteArray(data, size);
}

QByteArray keyPem(EVP_PKEY *key)
{
    BioPtr bio(BIO_new(BIO_s_mem()));
    PEM_write_bio_PrivateKey(bio.get(), key, nullptr, nullptr, 0, nullptr, nullptr);
    return bioBytes(bio.get());
}

QByteArray certPem(X509 *cert)
{
    BioPtr bio(BIO_new(BIO_s_mem()));
    PEM_write_bio_X509(bio.get(), cert);
    return bioBytes(bio.get());
}

PKeyPtr readKey(const QByteArray &pem)
{
    BioPtr bio(BIO_new_mem_buf(pem.constData(), int(pem.size())));
    PKeyPtr key(PEM_read_bio_PrivateKey(bio.get(), nullptr, nullptr, nullptr));
    // A failed read leaves its reason in this thread's OpenSSL error queue, where a later TLS read
    // (kube-sandbox's HTTPS connections) would find it and drop its connection.
    ERR_clear_error();
    return key;
}

X509Ptr readCert(const QByteArray &pem)
{
    BioPtr bio(BIO_new_mem_buf(pem.constData(), int(pem.size())));
    X509Ptr cert(PEM_read_bio_X509(bio.get(), nullptr, nullptr, nullptr));
    ERR_clear_error();
    return cert;
}

void addExtension(X509 *cert, X509 *issuer, int nid, const QByteArray &value)
{
    X509V3_CTX ctx;
    X509V3_set_ctx_nodb(&ctx);
    X509V3_set_ctx(&ctx, issuer, cert, nullptr, nullptr, 0);
    X509_EXTENSION *ext = X509V3_EXT_conf_nid(nullptr, &ctx, nid, value.constData());
    if (ext) {
        X509_add_ext(cert, ext, -1);
        X509_EXTENSION_free(ext);
    }
}

void addNameEntry(X509_NAME *name, const char *field, const QString &value)
{
    const QByteArray utf8 = value.toUtf8();
    X509_NAME_add_entry_by_txt(name, field, MBSTRING_UTF8,
                               reinterpret_cast<const unsigned char *>(utf8.constData()), int(utf8.size()),
                               -1, 0);
}

// A certificate for key; a null issuer means self-signed (a CA).
X509Ptr issue(EVP_PKEY *key, const CertificateRequest &request, X509 *issuerCert, EVP_PKEY *issuerKey,
              bool isCa, const QByteArray &subjectAltNames)
{
    X509Ptr cert(X509_new());
    X509_set_version(cert.get(), 2);
    quint64 serial = 0;
    RAND_bytes(reinterpret_cast<unsigned char *>(&serial), sizeof serial);
    ASN1_INTEGER_set_uint64(X509_get_serialNumber(cert.get()), serial >> 1);
    X509_gmtime_adj(X509_getm_notBefore(cert.get()), -3600);
    X509_gmtime_adj(X509_getm_notAfter(cert.get()), long(request.validityDays) * 24 * 3600);
    X509_set_pubkey(cert.get(), key);
    X509_NAME *name = X509_get_subject_name(cert.get());
    if (!request.organization.isEmpty())
        addNameEntry(name, "O", request.organization);
    addNameEntry(name, "CN", request.commonName);
    X509 *issuer = issuerCert ? issuerCert : cert.get();
    X509_set_issuer_name(cert.get(), X509_get_subject_name(issuer));
    if (isCa) {
        addExtension(cert.get(), issuer, NID_basic_constraints, "critical,CA:TRUE");
        addExtension(cert.get(), issuer, NID_key_usage, "critical,keyCertSign,cRLSign,digitalSignature");
        addExtension(cert.get(), issuer, NID_subject_key_identifier, "hash");
    } else {
        addExtension(cert.get(), issuer, NID_basic_constraints, "critical,CA:FALSE");
        addExtension(cert.get(), issuer, NID_key_usage, "critical,digitalSignature,keyEncipherment");
        // Redis uses its server certificate as the client one too (replication, cluster bus), and a
        // server that demands client certificates checks for clientAuth: hence both usages.
        const char *usage = request.usage == CertificateRequest::Usage::Server   ? "serverAuth"
                            : request.usage == CertificateRequest::Usage::Client ? "clientAuth"
                                                                                 : "serverAuth,clientAuth";
        addExtension(cert.get(), issuer, NID_ext_key_usage, usage);
        if (!subjectAltNames.isEmpty())
            addExtension(cert.get(), issuer, NID_subject_alt_name, subjectAltNames);
    }
    X509_sign(cert.get(), issuerKey ? issuerKey : key, EVP_sha256());
    return cert;
}

} // namespace

Result<KeyAndCertificate> makeCertificateAuthority(const QString &commonName, int validityDays)
{
    PKeyPtr key(EVP_EC_gen("P-256"));
    if (!key)
        return Error(ErrorCode::Internal,
                     Text::tr("OpenSSL could not generate a key for the CA %1.").arg(commonName));
    CertificateRequest request;
    request.commonName = commonName;
    request.validityDays = validityDays;
    const X509Ptr cert = issue(key.get(), request, nullptr, nullptr, true, {});
    return KeyAndCertificate{certPem(cert.get()), keyPem(key.get())};
}

Result<KeyAndCertificate> makeSignedCertificate(const KeyAndCertificate &ca,
                                                const CertificateRequest &request)
{
    const PKeyPtr caKey = readKey(ca.keyPem);
    const X509Ptr caCert = readCert(ca.certificatePem);
    if (!caKey || !caCert)
        return Error(ErrorCode::InvalidInput,
                     Text::tr("The CA certificate or its key cannot be read; both must be PEM."));
    if (X509_check_private_key(caCert.get(), caKey.get()) != 1) {
        ERR_clear_error();
        return Error(ErrorCode::InvalidInput, Text::tr("The CA key does not belong to the CA certificate."));
    }
    QStringList altNames;
    for (const QString &dns : request.dnsNames)
        altNames << QStringLiteral("DNS:") + dns;
    for (const QString &ip : request.ipAddresses) {
        if (QHostAddress(ip).isNull())
            return Error(ErrorCode::InvalidInput,
                         Text::tr("\"%1\" is not an IP address; a certificate can name only IP addresses "
                                  "as IP entries.")
                             .arg(ip));
        altNames << QStringLiteral("IP:") + ip;
    }
    PKeyPtr key(EVP_EC_gen("P-256"));
    if (!key)
        return Error(ErrorCode::Internal,
                     Text::tr("OpenSSL could not generate a key for %1.").arg(request.commonName));
    const X509Ptr cert =
        issue(key.get(), request, caCert.get(), caKey.get(), false, altNames.join(u',').toUtf8());
    return KeyAndCertificate{certPem(cert.get()), keyPem(key.get())};
}

Result<QDateTime> certificateExpiry(const QByteArray &pem)
{
    const X509Ptr cert = readCert(pem);
    if (!cert)
        return Error(ErrorCode::InvalidInput, Text::tr("The text holds no PEM certificate."));
    struct tm time = {};
    if (ASN1_TIME_to_tm(X509_get0_notAfter(cert.get()), &time) != 1)
        return Error(ErrorCode::InvalidInput, Text::tr("The certificate's expiry date cannot be read."));
    return QDateTime(QDate(time.tm_year + 1900, time.tm_mon + 1, time.tm_mday),
                     QTime(time.tm_hour, time.tm_min, time.tm_sec), Qt::UTC);
}

bool isSignedBy(const QByteArray &certificatePem, const QByteArray &caPem)
{
    const X509Ptr cert = readCert(certificatePem);
    const X509Ptr ca = readCert(caPem);
    if (!cert || !ca)
        return false;
    if (X509_verify(cert.get(), X509_get0_pubkey(ca.get())) != 1) {
        // A failed verify leaves its reason in this thread's OpenSSL error queue, where the next TLS
        // read on the connection would find it and drop the connection instead of answering 401.
        ERR_clear_error();
        return false;
    }
    return X509_cmp_current_time(X509_get0_notBefore(cert.get())) <= 0 &&
           X509_cmp_current_time(X509_get0_notAfter(cert.get())) >= 0;
}

bool keyMatchesCertificate(const QByteArray &keyPem, const QByteArray &certificatePem)
{
    const PKeyPtr key = readKey(keyPem);
    const X509Ptr cert = readCert(certificatePem);
    if (!key || !cert)
        return false;
    const bool matches = X509_check_private_key(cert.get(), key.get()) == 1;
    ERR_clear_error();
    return matches;
}

QByteArray randomBytes(int size)
{
    QByteArray bytes(size, Qt::Uninitialized);
    RAND_bytes(reinterpret_cast<unsigned char *>(bytes.data()), size);
    return bytes;
}

} // namespace rcs::crypto
