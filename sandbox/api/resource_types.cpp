#include "api/resource_types.h"

namespace sandbox {

QStringList ResourceType::verbs() const
{
    if (readOnly)
        return {QStringLiteral("get"), QStringLiteral("list"), QStringLiteral("watch")};
    return {QStringLiteral("create"), QStringLiteral("delete"), QStringLiteral("deletecollection"),
            QStringLiteral("get"),    QStringLiteral("list"),   QStringLiteral("patch"),
            QStringLiteral("update"), QStringLiteral("watch")};
}

const QList<ResourceType> &resourceTypes()
{
    static const QList<ResourceType> types = [] {
        const QString v1 = QStringLiteral("v1");
        const QStringList all{QStringLiteral("all")};
        QList<ResourceType> t;
        t.append({{},
                  v1,
                  QStringLiteral("namespaces"),
                  QStringLiteral("namespace"),
                  QStringLiteral("Namespace"),
                  false,
                  false,
                  {QStringLiteral("ns")},
                  {},
                  {QStringLiteral("status"), QStringLiteral("finalize")}});
        t.append({{},
                  v1,
                  QStringLiteral("configmaps"),
                  QStringLiteral("configmap"),
                  QStringLiteral("ConfigMap"),
                  true,
                  false,
                  {QStringLiteral("cm")},
                  {},
                  {}});
        t.append({{},
                  v1,
                  QStringLiteral("secrets"),
                  QStringLiteral("secret"),
                  QStringLiteral("Secret"),
                  true,
                  false,
                  {},
                  {},
                  {}});
        t.append({{},
                  v1,
                  QStringLiteral("services"),
                  QStringLiteral("service"),
                  QStringLiteral("Service"),
                  true,
                  false,
                  {QStringLiteral("svc")},
                  all,
                  {QStringLiteral("status")}});
        t.append({{},
                  v1,
                  QStringLiteral("persistentvolumeclaims"),
                  QStringLiteral("persistentvolumeclaim"),
                  QStringLiteral("PersistentVolumeClaim"),
                  true,
                  false,
                  {QStringLiteral("pvc")},
                  {},
                  {QStringLiteral("status")}});
        t.append({{},
                  v1,
                  QStringLiteral("pods"),
                  QStringLiteral("pod"),
                  QStringLiteral("Pod"),
                  true,
                  false,
                  {QStringLiteral("po")},
                  all,
                  {QStringLiteral("status"), QStringLiteral("exec"), QStringLiteral("attach"),
                   QStringLiteral("portforward"), QStringLiteral("log")}});
        t.append({{},
                  v1,
                  QStringLiteral("events"),
                  QStringLiteral("event"),
                  QStringLiteral("Event"),
                  true,
                  false,
                  {QStringLiteral("ev")},
                  {},
                  {}});
        t.append({{},
                  v1,
                  QStringLiteral("nodes"),
                  QStringLiteral("node"),
                  QStringLiteral("Node"),
                  false,
                  true,
                  {QStringLiteral("no")},
                  {},
                  {QStringLiteral("status")}});
        t.append({QStringLiteral("apps"),
                  v1,
                  QStringLiteral("statefulsets"),
                  QStringLiteral("statefulset"),
                  QStringLiteral("StatefulSet"),
                  true,
                  false,
                  {QStringLiteral("sts")},
                  all,
                  {QStringLiteral("status"), QStringLiteral("scale")}});
        t.append({QStringLiteral("apps"),
                  v1,
                  QStringLiteral("controllerrevisions"),
                  QStringLiteral("controllerrevision"),
                  QStringLiteral("ControllerRevision"),
                  true,
                  false,
                  {},
                  {},
                  {}});
        t.append({QStringLiteral("storage.k8s.io"),
                  v1,
                  QStringLiteral("storageclasses"),
                  QStringLiteral("storageclass"),
                  QStringLiteral("StorageClass"),
                  false,
                  true,
                  {QStringLiteral("sc")},
                  {},
                  {}});
        return t;
    }();
    return types;
}

const ResourceType *findResourceType(const QString &group, const QString &version, const QString &plural)
{
    for (const ResourceType &type : resourceTypes()) {
        if (type.group == group && type.version == version && type.plural == plural)
            return &type;
    }
    return nullptr;
}

const ResourceType *findResourceTypeByPlural(const QString &plural)
{
    for (const ResourceType &type : resourceTypes()) {
        if (type.plural == plural)
            return &type;
    }
    return nullptr;
}

QList<GroupVersion> servedGroupVersions()
{
    // autoscaling/v1 is served only for the Scale kind of statefulsets/scale.
    return {{{}, QStringLiteral("v1")},
            {QStringLiteral("apps"), QStringLiteral("v1")},
            {QStringLiteral("autoscaling"), QStringLiteral("v1")},
            {QStringLiteral("storage.k8s.io"), QStringLiteral("v1")}};
}

} // namespace sandbox
