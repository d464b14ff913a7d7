#pragma once

// Small readers for the metadata every stored object has; objects are JSON (see object_store.h).

#include <QJsonArray>
#include <QJsonObject>
#include <QString>

namespace sandbox {

inline QJsonObject metadataOf(const QJsonObject &object)
{
    return object.value(QLatin1String("metadata")).toObject();
}

inline QString nameOf(const QJsonObject &object)
{
    return metadataOf(object).value(QLatin1String("name")).toString();
}

inline QString namespaceOf(const QJsonObject &object)
{
    return metadataOf(object).value(QLatin1String("namespace")).toString();
}

inline QString uidOf(const QJsonObject &object)
{
    return metadataOf(object).value(QLatin1String("uid")).toString();
}

// The uid of the StatefulSet that controls an object (pod, claim, controller revision), or empty.
inline QString controllerUid(const QJsonObject &object)
{
    const QJsonArray owners = metadataOf(object).value(QLatin1String("ownerReferences")).toArray();
    for (const QJsonValue &value : owners) {
        const QJsonObject owner = value.toObject();
        if (owner.value(QLatin1String("kind")).toString() == QLatin1String("StatefulSet"))
            return owner.value(QLatin1String("uid")).toString();
    }
    return {};
}

inline QJsonObject specOf(const QJsonObject &object)
{
    return object.value(QLatin1String("spec")).toObject();
}

} // namespace sandbox
