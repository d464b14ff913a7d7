#include "api/discovery.h"

#include "api/resource_types.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonDocument>

namespace sandbox::discovery {

namespace {

QJsonArray toArray(const QStringList &list)
{
    return QJsonArray::fromStringList(list);
}

QStringList subresourceVerbs(const QString &subresource)
{
    if (subresource == u"exec" || subresource == u"attach" || subresource == u"portforward")
        return {QStringLiteral("create"), QStringLiteral("get")};
    if (subresource == u"log")
        return {QStringLiteral("get")};
    if (subresource == u"finalize")
        return {QStringLiteral("update")};
    return {QStringLiteral("get"), QStringLiteral("patch"), QStringLiteral("update")};
}

struct SubresourceKind {
    QString group;
    QString version;
    QString kind;
};

SubresourceKind subresourceKind(const ResourceType &type, const QString &subresource)
{
    if (subresource == u"scale")
        return {QStringLiteral("autoscaling"), QStringLiteral("v1"), QStringLiteral("Scale")};
    if (subresource == u"exec")
        return {{}, QStringLiteral("v1"), QStringLiteral("PodExecOptions")};
    if (subresource == u"attach")
        return {{}, QStringLiteral("v1"), QStringLiteral("PodAttachOptions")};
    if (subresource == u"portforward")
        return {{}, QStringLiteral("v1"), QStringLiteral("PodPortForwardOptions")};
    return {type.group, type.version, type.kind};
}

QJsonObject groupVersionKind(const QString &group, const QString &version, const QString &kind)
{
    return QJsonObject{{QStringLiteral("group"), group},
                       {QStringLiteral("version"), version},
                       {QStringLiteral("kind"), kind}};
}

QString groupVersionPath(const QString &group, const QString &version)
{
    return group.isEmpty() ? QString(QStringLiteral("api/") + version)
                           : QString(QStringLiteral("apis/") + group + u'/' + version);
}

QJsonObject groupEntry(const QString &group)
{
    const QString gv = group + QStringLiteral("/v1");
    const QJsonObject version{{QStringLiteral("groupVersion"), gv},
                              {QStringLiteral("version"), QStringLiteral("v1")}};
    return QJsonObject{{QStringLiteral("name"), group},
                       {QStringLiteral("versions"), QJsonArray{version}},
                       {QStringLiteral("preferredVersion"), version}};
}

} // namespace

QJsonObject versionInfo()
{
    // Minor 32 makes kubectl's dispatcher run kubectl 1.32 (reference §0).
    return QJsonObject{
        {QStringLiteral("major"), QStringLiteral("1")},
        {QStringLiteral("minor"), QStringLiteral("32")},
        {QStringLiteral("gitVersion"), QStringLiteral("v1.32.0-sandbox")},
        {QStringLiteral("gitCommit"), QStringLiteral("0000000000000000000000000000000000000000")},
        {QStringLiteral("gitTreeState"), QStringLiteral("clean")},
        {QStringLiteral("buildDate"), QStringLiteral("2024-12-11T00:00:00Z")},
        {QStringLiteral("goVersion"), QStringLiteral("go1.23.3")},
        {QStringLiteral("compiler"), QStringLiteral("gc")},
        {QStringLiteral("platform"), QStringLiteral("linux/amd64")}};
}

QJsonObject apiVersions()
{
    return QJsonObject{
        {QStringLiteral("kind"), QStringLiteral("APIVersions")},
        {QStringLiteral("versions"), QJsonArray{QStringLiteral("v1")}},
        {QStringLiteral("serverAddressByClientCIDRs"),
         QJsonArray{QJsonObject{{QStringLiteral("clientCIDR"), QStringLiteral("0.0.0.0/0")},
                                {QStringLiteral("serverAddress"), QStringLiteral("127.0.0.1")}}}}};
}

QJsonObject apiGroupList()
{
    QJsonArray groups;
    for (const GroupVersion &gv : servedGroupVersions()) {
        if (!gv.group.isEmpty())
            groups.append(groupEntry(gv.group));
    }
    return QJsonObject{{QStringLiteral("kind"), QStringLiteral("APIGroupList")},
                       {QStringLiteral("apiVersion"), QStringLiteral("v1")},
                       {QStringLiteral("groups"), groups}};
}

QJsonObject apiResourceList(const QString &group, const QString &version)
{
    bool served = false;
    for (const GroupVersion &gv : servedGroupVersions())
        served = served || (gv.group == group && gv.version == version);
    if (!served)
        return {};
    QJsonArray resources;
    for (const ResourceType &type : resourceTypes()) {
        if (type.group != group || type.version != version)
            continue;
        QJsonObject entry{{QStringLiteral("name"), type.plural},
                          {QStringLiteral("singularName"), type.singular},
                          {QStringLiteral("namespaced"), type.namespaced},
                          {QStringLiteral("kind"), type.kind},
                          {QStringLiteral("verbs"), toArray(type.verbs())}};
        if (!type.shortNames.isEmpty())
            entry.insert(QStringLiteral("shortNames"), toArray(type.shortNames));
        if (!type.categories.isEmpty())
            entry.insert(QStringLiteral("categories"), toArray(type.categories));
        resources.append(entry);
        for (const QString &sub : type.subresources) {
            const SubresourceKind kind = subresourceKind(type, sub);
            QJsonObject subEntry{{QStringLiteral("name"), QString(type.plural + u'/' + sub)},
                                 {QStringLiteral("singularName"), QString()},
                                 {QStringLiteral("namespaced"), type.namespaced},
                                 {QStringLiteral("kind"), kind.kind},
                                 {QStringLiteral("verbs"), toArray(subresourceVerbs(sub))}};
            if (kind.group != type.group) {
                subEntry.insert(QStringLiteral("group"), kind.group);
                subEntry.insert(QStringLiteral("version"), kind.version);
            }
            resources.append(subEntry);
        }
    }
    return QJsonObject{
        {QStringLiteral("kind"), QStringLiteral("APIResourceList")},
        {QStringLiteral("apiVersion"), QStringLiteral("v1")},
        {QStringLiteral("groupVersion"), group.isEmpty() ? version : QString(group + u'/' + version)},
        {QStringLiteral("resources"), resources}};
}

QJsonObject aggregatedDiscovery(bool coreGroup, const QString &discoveryVersion)
{
    QJsonArray items;
    for (const GroupVersion &gv : servedGroupVersions()) {
        if (gv.group.isEmpty() != coreGroup)
            continue;
        QJsonArray resources;
        for (const ResourceType &type : resourceTypes()) {
            if (type.group != gv.group || type.version != gv.version)
                continue;
            QJsonArray subresources;
            for (const QString &sub : type.subresources) {
                const SubresourceKind kind = subresourceKind(type, sub);
                subresources.append(QJsonObject{
                    {QStringLiteral("subresource"), sub},
                    {QStringLiteral("responseKind"), groupVersionKind(kind.group, kind.version, kind.kind)},
                    {QStringLiteral("verbs"), toArray(subresourceVerbs(sub))}});
            }
            QJsonObject resource{
                {QStringLiteral("resource"), type.plural},
                {QStringLiteral("responseKind"), groupVersionKind(type.group, type.version, type.kind)},
                {QStringLiteral("scope"),
                 type.namespaced ? QStringLiteral("Namespaced") : QStringLiteral("Cluster")},
                {QStringLiteral("singularResource"), type.singular},
                {QStringLiteral("verbs"), toArray(type.verbs())}};
            if (!type.shortNames.isEmpty())
                resource.insert(QStringLiteral("shortNames"), toArray(type.shortNames));
            if (!type.categories.isEmpty())
                resource.insert(QStringLiteral("categories"), toArray(type.categories));
            if (!subresources.isEmpty())
                resource.insert(QStringLiteral("subresources"), subresources);
            resources.append(resource);
        }
        const QJsonObject version{{QStringLiteral("version"), gv.version},
                                  {QStringLiteral("freshness"), QStringLiteral("Current")},
                                  {QStringLiteral("resources"), resources}};
        items.append(
            QJsonObject{{QStringLiteral("metadata"), QJsonObject{{QStringLiteral("name"), gv.group}}},
                        {QStringLiteral("versions"), QJsonArray{version}}});
    }
    return QJsonObject{
        {QStringLiteral("kind"), QStringLiteral("APIGroupDiscoveryList")},
        {QStringLiteral("apiVersion"), QString(QStringLiteral("apidiscovery.k8s.io/") + discoveryVersion)},
        {QStringLiteral("metadata"), QJsonObject{}},
        {QStringLiteral("items"), items}};
}

QJsonObject openApiIndex()
{
    QJsonObject paths;
    for (const GroupVersion &gv : servedGroupVersions()) {
        const QString path = groupVersionPath(gv.group, gv.version);
        const QByteArray document = QJsonDocument(openApiGroupVersion(gv.group, gv.version)).toJson();
        const QByteArray hash =
            QCryptographicHash::hash(document, QCryptographicHash::Sha256).toHex().left(32);
        paths.insert(path, QJsonObject{{QStringLiteral("serverRelativeURL"),
                                        QString(QStringLiteral("/openapi/v3/") + path +
                                                QStringLiteral("?hash=") + QString::fromLatin1(hash))}});
    }
    return QJsonObject{{QStringLiteral("paths"), paths}};
}

QJsonObject openApiGroupVersion(const QString &group, const QString &version)
{
    bool served = false;
    for (const GroupVersion &gv : servedGroupVersions())
        served = served || (gv.group == group && gv.version == version);
    if (!served)
        return {};
    const QJsonArray parameters{
        QJsonObject{
            {QStringLiteral("name"), QStringLiteral("fieldValidation")},
            {QStringLiteral("in"), QStringLiteral("query")},
            {QStringLiteral("description"), QStringLiteral("Ignore, Warn or Strict")},
            {QStringLiteral("schema"), QJsonObject{{QStringLiteral("type"), QStringLiteral("string")}}}},
        QJsonObject{
            {QStringLiteral("name"), QStringLiteral("fieldManager")},
            {QStringLiteral("in"), QStringLiteral("query")},
            {QStringLiteral("schema"), QJsonObject{{QStringLiteral("type"), QStringLiteral("string")}}}}};
    QJsonObject paths;
    for (const ResourceType &type : resourceTypes()) {
        if (type.group != group || type.version != version)
            continue;
        const QString base = type.collectionPath() + QStringLiteral("/{name}");
        const QJsonObject gvk = groupVersionKind(group, version, type.kind);
        const auto operation = [&](const QString &verb) {
            return QJsonObject{
                {QStringLiteral("operationId"), QString(verb + type.kind)},
                {QStringLiteral("x-kubernetes-action"), verb},
                {QStringLiteral("x-kubernetes-group-version-kind"), gvk},
                {QStringLiteral("parameters"), parameters},
                {QStringLiteral("responses"),
                 QJsonObject{{QStringLiteral("200"),
                              QJsonObject{{QStringLiteral("description"), QStringLiteral("OK")}}}}}};
        };
        paths.insert(base, QJsonObject{{QStringLiteral("get"), operation(QStringLiteral("get"))},
                                       {QStringLiteral("put"), operation(QStringLiteral("put"))},
                                       {QStringLiteral("patch"), operation(QStringLiteral("patch"))}});
    }
    return QJsonObject{
        {QStringLiteral("openapi"), QStringLiteral("3.0.0")},
        {QStringLiteral("info"), QJsonObject{{QStringLiteral("title"), QStringLiteral("Kubernetes")},
                                             {QStringLiteral("version"), QStringLiteral("v1.32.0")}}},
        {QStringLiteral("paths"), paths},
        {QStringLiteral("components"), QJsonObject{{QStringLiteral("schemas"), QJsonObject{}}}}};
}

} // namespace sandbox::discovery
