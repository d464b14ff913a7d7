#include "store/memory_object_store.h"

#include "common/logging.h"

#include <QDateTime>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSaveFile>
#include <QUuid>

using rcs::Error;
using rcs::ErrorCode;

namespace sandbox {

namespace {

constexpr size_t kHistoryLimit = 10000;

QString keyOf(const QString &ns, const QString &name)
{
    return ns + u'/' + name;
}

QString nowTimestamp()
{
    return QDateTime::currentDateTimeUtc().toString(Qt::ISODate);
}

// Fields that change on every write and must not make an otherwise identical update count as a change.
QJsonObject withoutVolatileMetadata(QJsonObject object)
{
    QJsonObject metadata = object.value(QLatin1String("metadata")).toObject();
    metadata.remove(QLatin1String("resourceVersion"));
    metadata.remove(QLatin1String("managedFields"));
    object.insert(QLatin1String("metadata"), metadata);
    return object;
}

} // namespace

MemoryObjectStore::MemoryObjectStore(const QString &statePath, QObject *parent)
    : ObjectStore(parent)
    , m_statePath(statePath)
{
    // Debounced so that a burst of controller writes costs one file write.
    m_saveTimer.setSingleShot(true);
    m_saveTimer.setInterval(200);
    connect(&m_saveTimer, &QTimer::timeout, this, &MemoryObjectStore::flush);
}

MemoryObjectStore::~MemoryObjectStore()
{
    if (m_saveTimer.isActive())
        flush();
}

rcs::Result<void> MemoryObjectStore::load()
{
    if (m_statePath.isEmpty())
        return {};
    QFile file(m_statePath);
    if (!file.exists())
        return {};
    if (!file.open(QIODevice::ReadOnly))
        return Error(
            ErrorCode::Io,
            QStringLiteral("Cannot read the sandbox state %1: %2.").arg(m_statePath, file.errorString()));
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(file.readAll(), &parseError);
    if (!document.isObject())
        return Error(
            ErrorCode::InvalidInput,
            QStringLiteral("The sandbox state %1 is not valid JSON (%2); move it away to start empty.")
                .arg(m_statePath, parseError.errorString()));
    const QJsonObject root = document.object();
    m_resourceVersion = root.value(QLatin1String("resourceVersion")).toString().toLongLong();
    const QJsonObject objects = root.value(QLatin1String("objects")).toObject();
    for (auto it = objects.begin(); it != objects.end(); ++it) {
        auto &bucket = m_objects[it.key()];
        for (const QJsonValue &value : it.value().toArray()) {
            const QJsonObject object = value.toObject();
            const QJsonObject metadata = object.value(QLatin1String("metadata")).toObject();
            bucket.insert(keyOf(metadata.value(QLatin1String("namespace")).toString(),
                                metadata.value(QLatin1String("name")).toString()),
                          object);
        }
    }
    m_historyStart = m_resourceVersion;
    return {};
}

void MemoryObjectStore::flush()
{
    m_saveTimer.stop();
    if (m_statePath.isEmpty())
        return;
    QJsonObject objects;
    for (auto it = m_objects.cbegin(); it != m_objects.cend(); ++it) {
        QJsonArray array;
        for (const QJsonObject &object : it.value())
            array.append(object);
        if (!array.isEmpty())
            objects.insert(it.key(), array);
    }
    QJsonObject root;
    root.insert(QLatin1String("resourceVersion"), QString::number(m_resourceVersion));
    root.insert(QLatin1String("objects"), objects);
    QSaveFile file(m_statePath);
    if (!file.open(QIODevice::WriteOnly)) {
        qCWarning(lcSandbox) << "cannot save the sandbox state to" << m_statePath << ":"
                             << file.errorString();
        return;
    }
    file.write(QJsonDocument(root).toJson(QJsonDocument::Compact));
    if (!file.commit())
        qCWarning(lcSandbox) << "cannot save the sandbox state to" << m_statePath << ":"
                             << file.errorString();
}

void MemoryObjectStore::scheduleSave()
{
    if (!m_statePath.isEmpty() && !m_saveTimer.isActive())
        m_saveTimer.start();
}

std::optional<QJsonObject> MemoryObjectStore::get(const QString &resource, const QString &ns,
                                                  const QString &name) const
{
    const auto bucket = m_objects.constFind(resource);
    if (bucket == m_objects.cend())
        return std::nullopt;
    const auto it = bucket->constFind(keyOf(ns, name));
    if (it == bucket->cend())
        return std::nullopt;
    return *it;
}

QList<QJsonObject> MemoryObjectStore::list(const QString &resource, const QString &ns) const
{
    QList<QJsonObject> out;
    const auto bucket = m_objects.constFind(resource);
    if (bucket == m_objects.cend())
        return out;
    if (ns.isEmpty())
        return bucket->values();
    const QString prefix = ns + u'/';
    for (auto it = bucket->lowerBound(prefix); it != bucket->cend() && it.key().startsWith(prefix); ++it)
        out.append(*it);
    return out;
}

rcs::Result<QJsonObject> MemoryObjectStore::create(const QString &resource, QJsonObject object)
{
    QJsonObject metadata = object.value(QLatin1String("metadata")).toObject();
    const QString name = metadata.value(QLatin1String("name")).toString();
    const QString ns = metadata.value(QLatin1String("namespace")).toString();
    if (name.isEmpty())
        return Error(ErrorCode::InvalidInput, QStringLiteral("%1: metadata.name is required.").arg(resource));
    auto &bucket = m_objects[resource];
    const QString key = keyOf(ns, name);
    if (bucket.contains(key))
        return Error(ErrorCode::Conflict, QStringLiteral("%1 \"%2\" already exists").arg(resource, name));
    ++m_resourceVersion;
    metadata.insert(QLatin1String("uid"), QUuid::createUuid().toString(QUuid::WithoutBraces));
    metadata.insert(QLatin1String("resourceVersion"), QString::number(m_resourceVersion));
    metadata.insert(QLatin1String("creationTimestamp"), nowTimestamp());
    if (object.contains(QLatin1String("spec")))
        metadata.insert(QLatin1String("generation"), 1);
    object.insert(QLatin1String("metadata"), metadata);
    bucket.insert(key, object);
    record({WatchEvent::Type::Added, resource, object, m_resourceVersion}, {});
    return object;
}

rcs::Result<QJsonObject> MemoryObjectStore::update(const QString &resource, QJsonObject object,
                                                   bool checkVersion)
{
    QJsonObject metadata = object.value(QLatin1String("metadata")).toObject();
    const QString name = metadata.value(QLatin1String("name")).toString();
    const QString ns = metadata.value(QLatin1String("namespace")).toString();
    auto &bucket = m_objects[resource];
    const auto it = bucket.find(keyOf(ns, name));
    if (it == bucket.end())
        return Error(ErrorCode::NotFound, QStringLiteral("%1 \"%2\" not found").arg(resource, name));
    const QJsonObject old = *it;
    const QJsonObject oldMetadata = old.value(QLatin1String("metadata")).toObject();
    if (checkVersion && metadata.contains(QLatin1String("resourceVersion")) &&
        metadata.value(QLatin1String("resourceVersion")).toString() !=
            oldMetadata.value(QLatin1String("resourceVersion")).toString())
        return Error(
            ErrorCode::Conflict,
            QStringLiteral("Operation cannot be fulfilled on %1 \"%2\": the object has been modified; "
                           "please apply your changes to the latest version and try again")
                .arg(resource, name));
    // Identity fields are the store's, whatever the writer sent.
    for (const char *field : {"uid", "creationTimestamp", "generation"}) {
        const QLatin1String key(field);
        if (oldMetadata.contains(key))
            metadata.insert(key, oldMetadata.value(key));
    }
    metadata.insert(QLatin1String("resourceVersion"), oldMetadata.value(QLatin1String("resourceVersion")));
    object.insert(QLatin1String("metadata"), metadata);
    if (withoutVolatileMetadata(object) == withoutVolatileMetadata(old))
        return old; // no-op writes keep the version, as the API server does
    if (object.value(QLatin1String("spec")) != old.value(QLatin1String("spec")))
        metadata.insert(QLatin1String("generation"),
                        metadata.value(QLatin1String("generation")).toInteger(1) + 1);
    ++m_resourceVersion;
    metadata.insert(QLatin1String("resourceVersion"), QString::number(m_resourceVersion));
    object.insert(QLatin1String("metadata"), metadata);
    *it = object;
    record({WatchEvent::Type::Modified, resource, object, m_resourceVersion}, old);
    return object;
}

rcs::Result<QJsonObject> MemoryObjectStore::remove(const QString &resource, const QString &ns,
                                                   const QString &name)
{
    auto &bucket = m_objects[resource];
    const auto it = bucket.find(keyOf(ns, name));
    if (it == bucket.end())
        return Error(ErrorCode::NotFound, QStringLiteral("%1 \"%2\" not found").arg(resource, name));
    QJsonObject object = *it;
    bucket.erase(it);
    ++m_resourceVersion;
    QJsonObject metadata = object.value(QLatin1String("metadata")).toObject();
    metadata.insert(QLatin1String("resourceVersion"), QString::number(m_resourceVersion));
    object.insert(QLatin1String("metadata"), metadata);
    record({WatchEvent::Type::Deleted, resource, object, m_resourceVersion}, object);
    return object;
}

void MemoryObjectStore::record(const WatchEvent &event, const QJsonObject &previous)
{
    m_history.push_back({event, previous});
    while (m_history.size() > kHistoryLimit) {
        m_historyStart = m_history.front().event.resourceVersion;
        m_history.pop_front();
    }
    scheduleSave();
    Q_EMIT changed(event);
    Q_EMIT changedFrom(m_history.back());
}

std::optional<QList<MemoryObjectStore::Change>> MemoryObjectStore::eventsSince(qint64 resourceVersion) const
{
    if (resourceVersion < m_historyStart)
        return std::nullopt;
    QList<Change> out;
    for (const Change &change : m_history) {
        if (change.event.resourceVersion > resourceVersion)
            out.append(change);
    }
    return out;
}

} // namespace sandbox
