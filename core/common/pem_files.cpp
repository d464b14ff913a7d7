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
    for (const QSsl::KeyAlgorithm algorithm : {QSsl::Rsa, QSsl::Ec}) {
        const QSslKey key(*pem, algorithm, QSsl::Pem, QSsl::PrivateKey);
        if (!key.isNull())
            return key;
    }
    return Error(ErrorCode::InvalidInput,
                 Text::tr("The %1 %2 is not an unencrypted RSA or EC private key in PEM form.")
                     .arg(what, file.isEmpty() ? Text::tr("(inline data)") : file));
}

} // namespace rcs
