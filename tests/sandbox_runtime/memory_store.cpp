#include "memory_store.h"

#include <QDateTime>
#include <QUuid>

using rcs::Error;
using rcs::ErrorCode;

namespace {

QJsonObject metadataOf(const QJsonObject &object)
{
    return object.value(QLatin1String("metadata")).toObject();
}

} // namespace

QString MemoryStore::key(const QString &resource, const QString &ns, const QString &name)
{
    return resource + u'|' + ns + u'|' + name;
}

std::optional<QJsonObject> MemoryStore::get(const QString &resource, const QString &ns,
                                            const QString &name) const
{
    const auto it = m_objects.constFind(key(resource, ns, name));
    if (it == m_objects.constEnd())
        return std::nullopt;
    return *it;
}

QList<QJsonObject> MemoryStore::list(const QString &resource, const QString &ns) const
{
    QList<QJsonObject> result;
    const QString prefix = resource + u'|' + (ns.isEmpty() ? QString() : ns + u'|');
    for (auto it = m_objects.constBegin(); it != m_objects.constEnd(); ++it) {
        if (it.key().startsWith(prefix))
            result.append(it.value());
    }
    return result;
}

rcs::Result<QJsonObject> MemoryStore::create(const QString &resource, QJsonObject object)
{
    QJsonObject metadata = metadataOf(object);
    const QString k = key(resource, metadata.value(QLatin1String("namespace")).toString(),
                          metadata.value(QLatin1String("name")).toString());
    if (m_objects.contains(k))
        return Error(ErrorCode::Conflict, QStringLiteral("%1 already exists").arg(k));
    metadata.insert(QStringLiteral("uid"), QUuid::createUuid().toString(QUuid::WithoutBraces));
    metadata.insert(QStringLiteral("resourceVersion"), QString::number(++m_version));
    metadata.insert(QStringLiteral("generation"), 1);
    metadata.insert(QStringLiteral("creationTimestamp"),
                    QDateTime::currentDateTimeUtc().toString(Qt::ISODate));
    object.insert(QStringLiteral("metadata"), metadata);
    m_objects.insert(k, object);
    emitChanged(sandbox::WatchEvent::Type::Added, resource, object);
    return object;
}

rcs::Result<QJsonObject> MemoryStore::update(const QString &resource, QJsonObject object, bool checkVersion)
{
    QJsonObject metadata = metadataOf(object);
    const QString k = key(resource, metadata.value(QLatin1String("namespace")).toString(),
                          metadata.value(QLatin1String("name")).toString());
    const auto it = m_objects.find(k);
    if (it == m_objects.end())
        return Error(ErrorCode::NotFound, QStringLiteral("%1 not found").arg(k));
    const QJsonObject stored = metadataOf(*it);
    if (checkVersion &&
        metadata.value(QLatin1String("resourceVersion")) != stored.value(QLatin1String("resourceVersion")))
        return Error(ErrorCode::Conflict, QStringLiteral("%1 was modified").arg(k));
    int generation = stored.value(QLatin1String("generation")).toInt(1);
    if (object.value(QLatin1String("spec")) != it->value(QLatin1String("spec")))
        ++generation;
    metadata.insert(QStringLiteral("uid"), stored.value(QLatin1String("uid")));
    metadata.insert(QStringLiteral("creationTimestamp"), stored.value(QLatin1String("creationTimestamp")));
    metadata.insert(QStringLiteral("generation"), generation);
    metadata.insert(QStringLiteral("resourceVersion"), QString::number(++m_version));
    object.insert(QStringLiteral("metadata"), metadata);
    *it = object;
    emitChanged(sandbox::WatchEvent::Type::Modified, resource, object);
    return object;
}

rcs::Result<QJsonObject> MemoryStore::remove(const QString &resource, const QString &ns, const QString &name)
{
    const auto it = m_objects.find(key(resource, ns, name));
    if (it == m_objects.end())
        return Error(ErrorCode::NotFound, QStringLiteral("%1 %2/%3 not found").arg(resource, ns, name));
    const QJsonObject object = *it;
    m_objects.erase(it);
    ++m_version;
    emitChanged(sandbox::WatchEvent::Type::Deleted, resource, object);
    return object;
}

void MemoryStore::emitChanged(sandbox::WatchEvent::Type type, const QString &resource,
                              const QJsonObject &object)
{
    sandbox::WatchEvent event;
    event.type = type;
    event.resource = resource;
    event.object = object;
    event.resourceVersion = m_version;
    Q_EMIT changed(event);
}
