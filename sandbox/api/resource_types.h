#pragma once

#include <QList>
#include <QString>
#include <QStringList>

namespace sandbox {

// What the API serves for one kind: names for URLs and discovery, scope and verbs.
struct ResourceType {
    QString group; // "" for the core group
    QString version;
    QString plural; // URL segment and store key, e.g. "statefulsets"
    QString singular;
    QString kind;
    bool namespaced = true;
    bool readOnly = false; // served from the store, written only by the sandbox itself
    QStringList shortNames;
    QStringList categories;
    QStringList subresources; // e.g. "status", "scale", "exec"

    QString apiVersion() const { return group.isEmpty() ? version : group + u'/' + version; }
    // "statefulsets.apps" / "pods": the qualified resource Status messages use.
    QString qualifiedName() const { return group.isEmpty() ? plural : plural + u'.' + group; }
    // "/api/v1/namespaces/{namespace}/pods", "/apis/storage.k8s.io/v1/storageclasses": as OpenAPI writes it.
    QString collectionPath() const
    {
        return (group.isEmpty() ? QStringLiteral("/api/") : QStringLiteral("/apis/") + group + u'/') +
               version + (namespaced ? QStringLiteral("/namespaces/{namespace}/") : QStringLiteral("/")) +
               plural;
    }
    QStringList verbs() const;
};

const QList<ResourceType> &resourceTypes();
const ResourceType *findResourceType(const QString &group, const QString &version, const QString &plural);
const ResourceType *findResourceTypeByPlural(const QString &plural);

// The group versions served, e.g. {"", "v1"}, {"apps", "v1"}.
struct GroupVersion {
    QString group;
    QString version;
};
QList<GroupVersion> servedGroupVersions();

} // namespace sandbox
