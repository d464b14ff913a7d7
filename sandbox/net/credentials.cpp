#include "net/credentials.h"

#include "common/logging.h"
#include "crypto/certificates.h"

#include <QDir>
#include <QFile>
#include <QSaveFile>

using rcs::Error;
using rcs::ErrorCode;
namespace crypto = rcs::crypto;

namespace sandbox {

namespace {

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

    // The sandbox's certificates live ten years: a data folder must not stop working under a test bed.
    constexpr int kValidityDays = 3650;
    crypto::KeyAndCertificate ca{readFile(caCertPath), readFile(caKeyPath)};
    bool newCa = false;
    if (!crypto::keyMatchesCertificate(ca.keyPem, ca.certificatePem)) {
        auto made = crypto::makeCertificateAuthority(QStringLiteral("kube-sandbox-ca"), kValidityDays);
        if (!made)
            return Error(ErrorCode::Internal,
                         QStringLiteral("OpenSSL could not generate the sandbox CA key."));
        ca = *made;
        if (auto r = writeFile(caKeyPath, ca.keyPem, true); !r)
            return r.error();
        if (auto r = writeFile(caCertPath, ca.certificatePem, false); !r)
            return r.error();
        newCa = true;
    }

    const auto ensureLeaf = [&](const QString &certPath, const QString &keyPath,
                                crypto::CertificateRequest request) -> rcs::Result<void> {
        if (!newCa && crypto::keyMatchesCertificate(readFile(keyPath), readFile(certPath)))
            return {};
        request.validityDays = kValidityDays;
        auto leaf = crypto::makeSignedCertificate(ca, request);
        if (!leaf)
            return Error(
                ErrorCode::Internal,
                QStringLiteral("OpenSSL could not make %1: %2").arg(certPath, leaf.error().message()));
        if (auto r = writeFile(keyPath, leaf->keyPem, true); !r)
            return r;
        return writeFile(certPath, leaf->certificatePem, false);
    };
    crypto::CertificateRequest server;
    server.commonName = QStringLiteral("kube-sandbox");
    server.dnsNames = {QStringLiteral("localhost"), QStringLiteral("kubernetes"),
                       QStringLiteral("kubernetes.default")};
    server.ipAddresses = {QStringLiteral("127.0.0.1"), QStringLiteral("::1")};
    if (auto r = ensureLeaf(serverCertPath, serverKeyPath, server); !r)
        return r.error();
    crypto::CertificateRequest client;
    client.commonName = QStringLiteral("sandbox-admin");
    client.organization = QStringLiteral("system:masters");
    client.usage = crypto::CertificateRequest::Usage::Client;
    if (auto r = ensureLeaf(clientCertPath, clientKeyPath, client); !r)
        return r.error();

    QByteArray token = readFile(tokenPath).trimmed();
    if (token.isEmpty()) {
        token = crypto::randomBytes(24).toHex();
        if (auto r = writeFile(tokenPath, token + '\n', true); !r)
            return r.error();
    }

    Credentials credentials;
    credentials.m_caPem = ca.certificatePem;
    credentials.m_caCertificate = QSslCertificate(ca.certificatePem);
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
    return !certificate.isNull() && crypto::isSignedBy(certificate.toPem(), m_caPem);
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
