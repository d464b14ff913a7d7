#pragma once

#include <QJsonObject>
#include <QString>

#include <optional>

namespace rcs {

// Where a kind lives in the API.
struct KubeResource {
    QString group; // "" for core
    QString version;
    QString resource; // plural
    QString kind;
    bool namespaced = true;

    QString apiVersion() const
    {
        return group.isEmpty() ? version : QString(group + QLatin1Char('/') + version);
    }
    // "/api/v1/namespaces/ns/pods/name/sub"; ns is ignored for cluster-scoped resources.
    QString path(const QString &ns = {}, const QString &name = {}, const QString &subresource = {}) const;
};

// A reference to one object (name may be empty for a collection).
struct KubeObjectRef {
    QString apiVersion;
    QString kind;
    QString ns;
    QString name;

    static KubeObjectRef fromObject(const QJsonObject &object);
};

// The static kind → resource table of the kinds the studio uses (reference §2); discovery covers others.
std::optional<KubeResource> knownResource(const QString &apiVersion, const QString &kind);
// client-go's guess: lower-case kind plus "s" ("es" after s/x/z/ch/sh, "ies" after consonant + y).
QString guessPlural(const QString &kind);
// "apps/v1" → {"apps", "v1"}; "v1" → {"", "v1"}.
std::pair<QString, QString> splitApiVersion(const QString &apiVersion);
// The path of a group version's discovery document: "/api/v1" or "/apis/apps/v1".
QString discoveryPath(const QString &apiVersion);
// Short names kubectl users know ("statefulset", "pvc") for the equivalent commands.
QString kubectlName(const QString &kind);

} // namespace rcs
