#pragma once

// Small readers for the metadata every stored object has; objects are JSON (see object_store.h).

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

inline QJsonObject specOf(const QJsonObject &object)
{
    return object.value(QLatin1String("spec")).toObject();
}

} // namespace sandbox
