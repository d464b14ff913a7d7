#include "deployment_tls.h"

#include "common/logger.h"
#include "kube/manifest_set.h"

#include <QJsonArray>
#include <QStringList>

namespace rcs {

DeploymentTls deploymentTlsOf(const QJsonObject &statefulSet)
{
    DeploymentTls tls;
    const QJsonObject spec = statefulSet.value(QLatin1String("spec")).toObject();
    tls.serviceName = spec.value(QLatin1String("serviceName")).toString();
    const QJsonObject podSpec =
        spec.value(QLatin1String("template")).toObject().value(QLatin1String("spec")).toObject();
    QString volumeName;
    for (const QJsonValue &container : podSpec.value(QLatin1String("containers")).toArray()) {
        for (const QJsonValue &mount : container.toObject().value(QLatin1String("volumeMounts")).toArray()) {
            if (mount.toObject().value(QLatin1String("mountPath")).toString() ==
                QLatin1String(ManifestSet::kTlsMountPath))
                volumeName = mount.toObject().value(QLatin1String("name")).toString();
        }
    }
    if (volumeName.isEmpty())
        return tls;
    for (const QJsonValue &volume : podSpec.value(QLatin1String("volumes")).toArray()) {
        if (volume.toObject().value(QLatin1String("name")).toString() == volumeName)
            tls.secretName = volume.toObject()
                                 .value(QLatin1String("secret"))
                                 .toObject()
                                 .value(QLatin1String("secretName"))
                                 .toString();
    }
    return tls;
}

RedisTlsOptions tlsOptionsFromSecret(const QJsonObject &secret)
{
    const auto value = [&secret](const char *key) {
        return ManifestSet::secretValue(secret, QLatin1String(key));
    };
    RedisTlsOptions options;
    options.enabled = true;
    options.caCertificates = value("ca.crt");
    const QByteArray certificate = value("tls.crt");
    const QByteArray key = value("tls.key");
    if (!certificate.isEmpty() && !key.isEmpty()) {
        Logger::instance().addSecretValue(key);
        options.clientCertificate = certificate;
        options.clientKey = key;
    }
    return options;
}

QString podDomain(const QString &service, const QString &ns)
{
    return QStringLiteral("%1.%2.svc.cluster.local").arg(service, ns);
}

QString tlsFilesCommand(const QString &kubectl, const QString &secretName, bool withClientCertificate)
{
    QStringList files{QStringLiteral("ca.crt")};
    if (withClientCertificate)
        files << QStringLiteral("tls.crt") << QStringLiteral("tls.key");
    QStringList lines;
    for (const QString &file : files) {
        QString escaped = file;
        escaped.replace(QLatin1Char('.'), QLatin1String("\\."));
        lines << QStringLiteral("%1 get secret %2 -o jsonpath='{.data.%3}' | base64 -d > %4")
                     .arg(kubectl, secretName, escaped, file);
    }
    return lines.join(QLatin1String(" && "));
}

} // namespace rcs
