#include "test_certificates.h"

#include "support/program_run.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QStandardPaths>

namespace rcs::test {

QStringList pemBodyLines(const QByteArray &pem)
{
    QStringList lines;
    for (const QByteArray &line : pem.split('\n')) {
        const QByteArray trimmed = line.trimmed();
        if (trimmed.size() >= 16 && !trimmed.startsWith("-----"))
            lines.append(QString::fromLatin1(trimmed));
    }
    return lines;
}

namespace {
const QStringList ecKey = {QStringLiteral("-newkey"), QStringLiteral("ec"), QStringLiteral("-pkeyopt"),
                           QStringLiteral("ec_paramgen_curve:prime256v1"), QStringLiteral("-nodes")};

Result<void> openssl(const QStringList &args)
{
    const QString failure = runToSuccess(QStringLiteral("openssl"), args);
    if (!failure.isEmpty())
        return Error(ErrorCode::InvalidInput,
                     QStringLiteral("Making a test certificate failed: %1").arg(failure));
    return {};
}

Result<void> makeCa(const QString &cert, const QString &key, const QString &commonName)
{
    return openssl(QStringList{QStringLiteral("req"), QStringLiteral("-x509")} + ecKey +
                   QStringList{QStringLiteral("-subj"), QStringLiteral("/CN=") + commonName,
                               QStringLiteral("-days"), QStringLiteral("2"), QStringLiteral("-keyout"), key,
                               QStringLiteral("-out"), cert});
}

// A certificate signed by the CA: a key and request, then the CA's signature with the extensions.
Result<void> makeSigned(const QString &caCert, const QString &caKey, const QString &base,
                        const QString &commonName, const QStringList &dnsNames, const QString &usage,
                        int validDays, const QString &keyFile = {})
{
    const QString request = base + QStringLiteral(".csr");
    const QString extensions = base + QStringLiteral(".ext");
    const QStringList key =
        keyFile.isEmpty() ? ecKey + QStringList{QStringLiteral("-keyout"), base + QStringLiteral(".key")}
                          : QStringList{QStringLiteral("-new"), QStringLiteral("-key"), keyFile};
    if (Result<void> made = openssl(QStringList{QStringLiteral("req")} + key +
                                    QStringList{QStringLiteral("-subj"), QStringLiteral("/CN=") + commonName,
                                                QStringLiteral("-out"), request});
        !made)
        return made;
    QStringList lines = {QStringLiteral("extendedKeyUsage=") + usage};
    if (!dnsNames.isEmpty()) {
        QStringList alternatives;
        for (const QString &name : dnsNames)
            alternatives.append(QStringLiteral("DNS:") + name);
        lines.append(QStringLiteral("subjectAltName=") + alternatives.join(QLatin1Char(',')));
    }
    QFile file(extensions);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return Error(ErrorCode::Io,
                     QStringLiteral("Cannot write %1: %2.").arg(extensions, file.errorString()));
    file.write((lines.join(QLatin1Char('\n')) + QLatin1Char('\n')).toUtf8());
    file.close();
    return openssl({QStringLiteral("x509"), QStringLiteral("-req"), QStringLiteral("-in"), request,
                    QStringLiteral("-CA"), caCert, QStringLiteral("-CAkey"), caKey,
                    QStringLiteral("-CAcreateserial"), QStringLiteral("-days"), QString::number(validDays),
                    QStringLiteral("-extfile"), extensions, QStringLiteral("-out"),
                    base + QStringLiteral(".crt")});
}
} // namespace

Result<TestCertificates> TestCertificates::make(const QString &folder, const QStringList &serverNames,
                                                int validDays)
{
    if (QStandardPaths::findExecutable(QStringLiteral("openssl")).isEmpty())
        return Error(ErrorCode::NotFound,
                     QStringLiteral("openssl is not installed: the test certificates cannot be made."));
    const QDir dir(folder);
    TestCertificates made;
    made.caCert = dir.filePath(QStringLiteral("ca.crt"));
    made.caKey = dir.filePath(QStringLiteral("ca.key"));
    made.otherCaCert = dir.filePath(QStringLiteral("other-ca.crt"));
    made.otherCaKey = dir.filePath(QStringLiteral("other-ca.key"));
    made.serverCert = dir.filePath(QStringLiteral("server.crt"));
    made.serverKey = dir.filePath(QStringLiteral("server.key"));
    made.clientCert = dir.filePath(QStringLiteral("client.crt"));
    made.clientKey = dir.filePath(QStringLiteral("client.key"));
    if (Result<void> r = makeCa(made.caCert, made.caKey, QStringLiteral("rcs-test-ca")); !r)
        return r.error();
    if (Result<void> r = makeCa(made.otherCaCert, made.otherCaKey, QStringLiteral("unrelated-ca")); !r)
        return r.error();
    if (Result<QString> r = made.makeServerCertificate(QStringLiteral("server"), serverNames, validDays); !r)
        return r.error();
    if (Result<void> r =
            makeSigned(made.caCert, made.caKey, dir.filePath(QStringLiteral("client")),
                       QStringLiteral("rcs-studio"), {}, QStringLiteral("clientAuth"), validDays);
        !r)
        return r.error();
    return made;
}

Result<QString> TestCertificates::makeServerCertificate(const QString &name, const QStringList &serverNames,
                                                        int validDays, const QString &keyFile) const
{
    const QString base = QFileInfo(caCert).dir().filePath(name);
    if (Result<void> r = makeSigned(caCert, caKey, base, serverNames.value(0, name), serverNames,
                                    QStringLiteral("serverAuth,clientAuth"), validDays, keyFile);
        !r)
        return r.error();
    return QString(base + QStringLiteral(".crt"));
}

} // namespace rcs::test
