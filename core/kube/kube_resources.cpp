#include "kube_resources.h"

#include <QList>

namespace rcs {

QString KubeResource::path(const QString &ns, const QString &name, const QString &subresource) const
{
    QString p = group.isEmpty() ? QString(QStringLiteral("/api/") + version)
                                : QString(QStringLiteral("/apis/") + group + QLatin1Char('/') + version);
    if (namespaced && !ns.isEmpty())
        p += QStringLiteral("/namespaces/") + ns;
    p += QLatin1Char('/') + resource;
    if (!name.isEmpty())
        p += QLatin1Char('/') + name;
    if (!subresource.isEmpty())
        p += QLatin1Char('/') + subresource;
    return p;
}

KubeObjectRef KubeObjectRef::fromObject(const QJsonObject &object)
{
    const QJsonObject metadata = object.value(QStringLiteral("metadata")).toObject();
    return {object.value(QStringLiteral("apiVersion")).toString(),
            object.value(QStringLiteral("kind")).toString(),
            metadata.value(QStringLiteral("namespace")).toString(),
            metadata.value(QStringLiteral("name")).toString()};
}

std::pair<QString, QString> splitApiVersion(const QString &apiVersion)
{
    const int slash = apiVersion.indexOf(QLatin1Char('/'));
    if (slash < 0)
        return {QString(), apiVersion};
    return {apiVersion.left(slash), apiVersion.mid(slash + 1)};
}

QString discoveryPath(const QString &apiVersion)
{
    const auto [group, version] = splitApiVersion(apiVersion);
    return group.isEmpty() ? QString(QStringLiteral("/api/") + version)
                           : QString(QStringLiteral("/apis/") + apiVersion);
}

std::optional<KubeResource> knownResource(const QString &apiVersion, const QString &kind)
{
    struct Row {
        const char *apiVersion;
        const char *kind;
        const char *resource;
        bool namespaced;
    };
    static const Row rows[] = {
        {"v1", "Namespace", "namespaces", false},
        {"v1", "ConfigMap", "configmaps", true},
        {"v1", "Service", "services", true},
        {"v1", "Secret", "secrets", true},
        {"v1", "PersistentVolumeClaim", "persistentvolumeclaims", true},
        {"v1", "Pod", "pods", true},
        {"v1", "Node", "nodes", false},
        {"v1", "Event", "events", true},
        {"v1", "ServiceAccount", "serviceaccounts", true},
        {"apps/v1", "StatefulSet", "statefulsets", true},
        {"apps/v1", "Deployment", "deployments", true},
        {"autoscaling/v1", "Scale", "scale", true},
        {"policy/v1", "PodDisruptionBudget", "poddisruptionbudgets", true},
        {"storage.k8s.io/v1", "StorageClass", "storageclasses", false},
    };
    for (const Row &row : rows) {
        if (apiVersion == QLatin1String(row.apiVersion) && kind == QLatin1String(row.kind)) {
            const auto [group, version] = splitApiVersion(apiVersion);
            return KubeResource{group, version, QString::fromLatin1(row.resource), kind, row.namespaced};
        }
    }
    return std::nullopt;
}

QString guessPlural(const QString &kind)
{
    const QString lower = kind.toLower();
    if (lower.isEmpty())
        return lower;
    for (const char *suffix : {"s", "x", "z", "ch", "sh"}) {
        if (lower.endsWith(QLatin1String(suffix)))
            return lower + QStringLiteral("es");
    }
    if (lower.endsWith(QLatin1Char('y')) && lower.size() > 1 &&
        !QStringLiteral("aeiou").contains(lower.at(lower.size() - 2)))
        return lower.left(lower.size() - 1) + QStringLiteral("ies");
    return lower + QLatin1Char('s');
}

QString kubectlName(const QString &kind)
{
    if (kind == QLatin1String("PersistentVolumeClaim"))
        return QStringLiteral("pvc");
    return kind.toLower();
}

} // namespace rcs
