#include "redis_app_objects.h"

#include <QJsonArray>

namespace rcs::test {

namespace {
const QString Namespace = QStringLiteral("redis-cluster");
const QString Selector = QStringLiteral("app=redis,appCluster=redis-cluster");
} // namespace

QList<QJsonObject> redisAppPods(E2eSandbox &sandbox)
{
    const Result<QList<QJsonObject>> items =
        sandbox.list(QStringLiteral("v1"), QStringLiteral("Pod"), Namespace, Selector);
    return items ? *items : QList<QJsonObject>();
}

QJsonObject redisAppStatefulSet(E2eSandbox &sandbox)
{
    const Result<QList<QJsonObject>> items =
        sandbox.list(QStringLiteral("apps/v1"), QStringLiteral("StatefulSet"), Namespace);
    return items && !items->isEmpty() ? items->first() : QJsonObject();
}

QHash<QString, QString> redisAppPodUids(E2eSandbox &sandbox)
{
    QHash<QString, QString> uids;
    for (const QJsonObject &pod : redisAppPods(sandbox))
        uids.insert(pod[QLatin1String("metadata")][QLatin1String("name")].toString(),
                    pod[QLatin1String("metadata")][QLatin1String("uid")].toString());
    return uids;
}

QString labelOf(const QJsonObject &object, const char *label)
{
    return object[QLatin1String("metadata")][QLatin1String("labels")][QLatin1String(label)].toString();
}

QString templateImage(const QJsonObject &statefulSet)
{
    return statefulSet[QLatin1String("spec")][QLatin1String("template")][QLatin1String("spec")]
                      [QLatin1String("containers")]
                          .toArray()
                          .first()[QLatin1String("image")]
                          .toString();
}

QJsonObject secretOf(E2eSandbox &sandbox, const QString &name)
{
    const Result<QList<QJsonObject>> secrets =
        sandbox.list(QStringLiteral("v1"), QStringLiteral("Secret"), Namespace);
    if (secrets) {
        for (const QJsonObject &object : *secrets)
            if (object[QLatin1String("metadata")][QLatin1String("name")].toString() == name)
                return object;
    }
    return {};
}

QByteArray secretValue(E2eSandbox &sandbox, const QString &name, const QString &key)
{
    return QByteArray::fromBase64(secretOf(sandbox, name)[QLatin1String("data")][key].toString().toLatin1());
}

RedisConnectionOptions tlsClientOptions(E2eSandbox &sandbox)
{
    const QString secret = QStringLiteral("redis-app-tls");
    RedisConnectionOptions options;
    options.tls.enabled = true;
    options.tls.caCertificates = secretValue(sandbox, secret, QStringLiteral("ca.crt"));
    options.tls.clientCertificate = secretValue(sandbox, secret, QStringLiteral("tls.crt"));
    options.tls.clientKey = secretValue(sandbox, secret, QStringLiteral("tls.key"));
    options.tls.peerName = QStringLiteral("redis-app-0.redis-service.redis-cluster.svc.cluster.local");
    return options;
}

QString situationOf(const QStringList &target)
{
    StudioRun run;
    const QJsonObject json = statusJson(target, &run);
    return json.isEmpty() ? QStringLiteral("status failed: ") + run.all()
                          : json.value(QLatin1String("situation")).toString();
}

} // namespace rcs::test
