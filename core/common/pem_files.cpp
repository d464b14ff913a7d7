#include "pem_files.h"

#include <QCoreApplication>
#include <QFile>

namespace rcs {

namespace {
// The texts keep the context they were first translated in (the kubeconfig's certificates).
struct Text {
    Q_DECLARE_TR_FUNCTIONS(rcs::KubeTransport)
};

Result<QByteArray> readAll(const QByteArray &data, const QString &file, const QString &what)
{
    if (!data.isEmpty())
        return data;
    QFile in(file);
    if (!in.open(QIODevice::ReadOnly))
        return Error(ErrorCode::Io,
                     Text::tr("Cannot read the %1 file %2: %3.").arg(what, file, in.errorString()));
    return in.readAll();
}

// The algorithms to try for a PEM key, the right one first: a failed attempt (an EC key read as RSA)
// leaves "expecting an rsa key" in OpenSSL's per-thread error queue, and a later SSL_read of any TLS
// socket in this thread takes that stale entry as its own failure and drops the connection (seen as
// Valkey nodes lost mid-migration). The header says the algorithm, or for PKCS#8 ("BEGIN PRIVATE
// KEY") the AlgorithmIdentifier's OID in the DER body.
QList<QSsl::KeyAlgorithm> algorithmsFor(const QByteArray &pem)
{
    if (pem.contains("-----BEGIN EC PRIVATE KEY-----"))
        return {QSsl::Ec};
    if (pem.contains("-----BEGIN RSA PRIVATE KEY-----"))
        return {QSsl::Rsa};
    const QByteArray begin = "-----BEGIN PRIVATE KEY-----";
    const qsizetype from = pem.indexOf(begin);
    const qsizetype to = pem.indexOf("-----END PRIVATE KEY-----");
    if (from >= 0 && to > from) {
        const QByteArray der = QByteArray::fromBase64(pem.mid(from + begin.size(), to - from - begin.size()));
        if (der.contains(QByteArray::fromHex("2a8648ce3d0201"))) // 1.2.840.10045.2.1 id-ecPublicKey
            return {QSsl::Ec, QSsl::Rsa};
    }
    return {QSsl::Rsa, QSsl::Ec};
}
} // namespace

Result<QList<QSslCertificate>> loadCertificates(const QByteArray &data, const QString &file,
                                                const QString &what)
{
    const auto pem = readAll(data, file, what);
    if (!pem)
        return pem.error();
    const QList<QSslCertificate> certificates = QSslCertificate::fromData(*pem, QSsl::Pem);
    if (certificates.isEmpty())
        return Error(ErrorCode::InvalidInput,
                     Text::tr("The %1 %2 holds no PEM certificate.")
                         .arg(what, file.isEmpty() ? Text::tr("(inline data)") : file));
    return certificates;
}

Result<QSslKey> loadPrivateKey(const QByteArray &data, const QString &file, const QString &what)
{
    const auto pem = readAll(data, file, what);
    if (!pem)
        return pem.error();
    for (const QSsl::KeyAlgorithm algorithm : algorithmsFor(*pem)) {
        const QSslKey key(*pem, algorithm, QSsl::Pem, QSsl::PrivateKey);
        if (!key.isNull())
            return key;
    }
    return Error(ErrorCode::InvalidInput,
                 Text::tr("The %1 %2 is not an unencrypted RSA or EC private key in PEM form.")
                     .arg(what, file.isEmpty() ? Text::tr("(inline data)") : file));
}

} // namespace rcs
