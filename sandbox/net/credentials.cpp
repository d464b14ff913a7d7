#include "net/credentials.h"

#include "common/logging.h"

#include <QDir>
#include <QFile>
#include <QSaveFile>

#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/rand.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>

#include <memory>

using rcs::Error;
using rcs::ErrorCode;

namespace sandbox {

namespace {

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
    return PKeyPtr(PEM_read_bio_PrivateKey(bio.get(), nullptr, nullptr, nullptr));
}

X509Ptr readCert(const QByteArray &pem)
{
    BioPtr bio(BIO_new_mem_buf(pem.constData(), int(pem.size())));
    return X509Ptr(PEM_read_bio_X509(bio.get(), nullptr, nullptr, nullptr));
}

void addExtension(X509 *cert, X509 *issuer, int nid, const char *value)
{
    X509V3_CTX ctx;
    X509V3_set_ctx_nodb(&ctx);
    X509V3_set_ctx(&ctx, issuer, cert, nullptr, nullptr, 0);
    X509_EXTENSION *ext = X509V3_EXT_conf_nid(nullptr, &ctx, nid, value);
    if (ext) {
        X509_add_ext(cert, ext, -1);
        X509_EXTENSION_free(ext);
    }
}

// Issues a certificate for key; a null issuer means self-signed (the CA).
X509Ptr issue(EVP_PKEY *key, const char *commonName, const char *organization, X509 *issuerCert,
              EVP_PKEY *issuerKey, bool isCa, const char *subjectAltNames, const char *extendedUsage)
{
    X509Ptr cert(X509_new());
    X509_set_version(cert.get(), 2);
    quint64 serial = 0;
    RAND_bytes(reinterpret_cast<unsigned char *>(&serial), sizeof serial);
    ASN1_INTEGER_set_uint64(X509_get_serialNumber(cert.get()), serial >> 1);
    X509_gmtime_adj(X509_getm_notBefore(cert.get()), -3600);
    X509_gmtime_adj(X509_getm_notAfter(cert.get()), 10L * 365 * 24 * 3600);
    X509_set_pubkey(cert.get(), key);
    X509_NAME *name = X509_get_subject_name(cert.get());
    if (organization)
        X509_NAME_add_entry_by_txt(name, "O", MBSTRING_ASC,
                                   reinterpret_cast<const unsigned char *>(organization), -1, -1, 0);
    X509_NAME_add_entry_by_txt(name, "CN", MBSTRING_ASC, reinterpret_cast<const unsigned char *>(commonName),
                               -1, -1, 0);
    X509 *issuer = issuerCert ? issuerCert : cert.get();
    X509_set_issuer_name(cert.get(), X509_get_subject_name(issuer));
    if (isCa) {
        addExtension(cert.get(), issuer, NID_basic_constraints, "critical,CA:TRUE");
        addExtension(cert.get(), issuer, NID_key_usage, "critical,keyCertSign,cRLSign,digitalSignature");
        addExtension(cert.get(), issuer, NID_subject_key_identifier, "hash");
    } else {
        addExtension(cert.get(), issuer, NID_basic_constraints, "critical,CA:FALSE");
        addExtension(cert.get(), issuer, NID_key_usage, "critical,digitalSignature,keyEncipherment");
        addExtension(cert.get(), issuer, NID_ext_key_usage, extendedUsage);
        if (subjectAltNames)
            addExtension(cert.get(), issuer, NID_subject_alt_name, subjectAltNames);
    }
    X509_sign(cert.get(), issuerKey ? issuerKey : key, EVP_sha256());
    return cert;
}

rcs::Result<void> writeFile(const QString &path, const QByteArray &data, bool secret)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return Error(ErrorCode::Io,
                     QStringLiteral("Cannot write %1: %2. Check that the data folder is writable.")
                         .arg(path, file.errorString()));
    if (secret)
        file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    file.write(data);
    if (!file.commit())
        return Error(ErrorCode::Io, QStringLiteral("Cannot write %1: %2.").arg(path, file.errorString()));
    return {};
}

QByteArray readFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return file.readAll();
}

QList<LimitedToken> readLimitedTokens(const QString &path)
{
    QList<LimitedToken> tokens;
    for (const QByteArray &raw : readFile(path).split('\n')) {
        const QByteArray line = raw.trimmed();
        if (line.isEmpty() || line.startsWith('#'))
            continue;
        const QList<QByteArray> fields = line.simplified().split(' ');
        if (fields.size() != 5) {
            qCWarning(lcSandbox,
                      "%s: ignoring a line without the 5 fields TOKEN USER VERBS RESOURCES NAMESPACES",
                      qPrintable(path));
            continue;
        }
        const auto list = [](const QByteArray &field) {
            return field == "-" ? QStringList{QString()} : QString::fromUtf8(field).split(u',');
        };
        tokens.append({fields.at(0), QString::fromUtf8(fields.at(1)), list(fields.at(2)), list(fields.at(3)),
                       list(fields.at(4))});
    }
    return tokens;
}

} // namespace

bool LimitedToken::allows(const QString &verb, const QString &resource, const QString &ns) const
{
    const auto matches = [](const QStringList &allowed, const QString &value) {
        return allowed.contains(QStringLiteral("*")) || allowed.contains(value);
    };
    return matches(verbs, verb) && matches(resources, resource) && matches(namespaces, ns);
}

const LimitedToken *Credentials::limitedToken(const QByteArray &token) const
{
    for (const LimitedToken &limited : m_limitedTokens)
        if (limited.token == token)
            return &limited;
    return nullptr;
}

rcs::Result<Credentials> Credentials::loadOrCreate(const QString &dataDir)
{
    const QDir dir(dataDir);
    const QString caCertPath = dir.filePath(QStringLiteral("ca.crt"));
    const QString caKeyPath = dir.filePath(QStringLiteral("ca.key"));
    const QString serverCertPath = dir.filePath(QStringLiteral("server.crt"));
    const QString serverKeyPath = dir.filePath(QStringLiteral("server.key"));
    const QString clientCertPath = dir.filePath(QStringLiteral("client.crt"));
    const QString clientKeyPath = dir.filePath(QStringLiteral("client.key"));
    const QString tokenPath = dir.filePath(QStringLiteral("token"));

    QByteArray caCertText = readFile(caCertPath);
    QByteArray caKeyText = readFile(caKeyPath);
    PKeyPtr caKey = readKey(caKeyText);
    X509Ptr caCert = readCert(caCertText);
    bool newCa = false;
    if (!caKey || !caCert) {
        caKey.reset(EVP_EC_gen("P-256"));
        if (!caKey)
            return Error(ErrorCode::Internal,
                         QStringLiteral("OpenSSL could not generate the sandbox CA key."));
        caCert = issue(caKey.get(), "kube-sandbox-ca", nullptr, nullptr, nullptr, true, nullptr, nullptr);
        caCertText = certPem(caCert.get());
        caKeyText = keyPem(caKey.get());
        if (auto r = writeFile(caKeyPath, caKeyText, true); !r)
            return r.error();
        if (auto r = writeFile(caCertPath, caCertText, false); !r)
            return r.error();
        newCa = true;
    }

    const auto ensureLeaf = [&](const QString &certPath, const QString &keyPath, const char *cn,
                                const char *org, const char *sans, const char *usage) -> rcs::Result<void> {
        if (!newCa && readKey(readFile(keyPath)) && readCert(readFile(certPath)))
            return {};
        PKeyPtr key(EVP_EC_gen("P-256"));
        if (!key)
            return Error(ErrorCode::Internal,
                         QStringLiteral("OpenSSL could not generate a key for %1.").arg(certPath));
        X509Ptr cert = issue(key.get(), cn, org, caCert.get(), caKey.get(), false, sans, usage);
        if (auto r = writeFile(keyPath, keyPem(key.get()), true); !r)
            return r;
        return writeFile(certPath, certPem(cert.get()), false);
    };
    if (auto r = ensureLeaf(serverCertPath, serverKeyPath, "kube-sandbox", nullptr,
                            "DNS:localhost,IP:127.0.0.1,IP:::1,DNS:kubernetes,DNS:kubernetes.default",
                            "serverAuth");
        !r)
        return r.error();
    if (auto r = ensureLeaf(clientCertPath, clientKeyPath, "sandbox-admin", "system:masters", nullptr,
                            "clientAuth");
        !r)
        return r.error();

    QByteArray token = readFile(tokenPath).trimmed();
    if (token.isEmpty()) {
        unsigned char random[24];
        RAND_bytes(random, sizeof random);
        token = QByteArray(reinterpret_cast<const char *>(random), sizeof random).toHex();
        if (auto r = writeFile(tokenPath, token + '\n', true); !r)
            return r.error();
    }

    Credentials credentials;
    credentials.m_caPem = caCertText;
    credentials.m_caCertificate = QSslCertificate(caCertText);
    credentials.m_serverCertificate = QSslCertificate(readFile(serverCertPath));
    credentials.m_serverKey = QSslKey(readFile(serverKeyPath), QSsl::Ec);
    credentials.m_token = token;
    credentials.m_limitedTokens = readLimitedTokens(dir.filePath(QStringLiteral("tokens")));
    credentials.m_clientCertificatePath = clientCertPath;
    credentials.m_clientKeyPath = clientKeyPath;
    if (credentials.m_caCertificate.isNull() || credentials.m_serverCertificate.isNull() ||
        credentials.m_serverKey.isNull())
        return Error(ErrorCode::Io,
                     QStringLiteral("The certificates in %1 cannot be read; delete ca.crt and ca.key "
                                    "there to have new ones generated.")
                         .arg(dataDir));
    return credentials;
}

bool Credentials::isSignedByCa(const QSslCertificate &certificate) const
{
    if (certificate.isNull())
        return false;
    X509Ptr cert = readCert(certificate.toPem());
    X509Ptr ca = readCert(m_caPem);
    if (!cert || !ca)
        return false;
    EVP_PKEY *caKey = X509_get0_pubkey(ca.get());
    if (X509_verify(cert.get(), caKey) != 1) {
        // A failed verify leaves its reason in this thread's OpenSSL error queue, where the next TLS
        // read on the connection would find it and drop the connection instead of answering 401.
        ERR_clear_error();
        return false;
    }
    if (X509_cmp_current_time(X509_get0_notBefore(cert.get())) > 0 ||
        X509_cmp_current_time(X509_get0_notAfter(cert.get())) < 0)
        return false;
    return true;
}

rcs::Result<void> Credentials::writeKubeconfig(const QString &path, const QString &serverUrl) const
{
    const QByteArray text = "apiVersion: v1\n"
                            "kind: Config\n"
                            "clusters:\n"
                            "- name: sandbox\n"
                            "  cluster:\n"
                            "    server: " +
                            serverUrl.toUtf8() +
                            "\n"
                            "    certificate-authority-data: " +
                            m_caPem.toBase64() +
                            "\n"
                            "users:\n"
                            "- name: sandbox\n"
                            "  user:\n"
                            "    token: " +
                            m_token +
                            "\n"
                            "contexts:\n"
                            "- name: sandbox\n"
                            "  context:\n"
                            "    cluster: sandbox\n"
                            "    user: sandbox\n"
                            "    namespace: default\n"
                            "current-context: sandbox\n"
                            "preferences: {}\n";
    return writeFile(path, text, true);
}

} // namespace sandbox
