#pragma once

#include "store/object_store.h"

#include <QMap>

// A minimal in-memory ObjectStore for testing the runtime's controller logic without the API half:
// uid, resourceVersion, generation and creationTimestamp as the contract describes, changed() emitted
// synchronously like the real store.
class MemoryStore final : public sandbox::ObjectStore {
    Q_OBJECT
public:
    using ObjectStore::ObjectStore;

    std::optional<QJsonObject> get(const QString &resource, const QString &ns,
                                   const QString &name) const override;
    QList<QJsonObject> list(const QString &resource, const QString &ns) const override;
    rcs::Result<QJsonObject> create(const QString &resource, QJsonObject object) override;
    rcs::Result<QJsonObject> update(const QString &resource, QJsonObject object,
                                    bool checkVersion = true) override;
    rcs::Result<QJsonObject> remove(const QString &resource, const QString &ns, const QString &name) override;
    qint64 currentResourceVersion() const override { return m_version; }

private:
    static QString key(const QString &resource, const QString &ns, const QString &name);
    void emitChanged(sandbox::WatchEvent::Type type, const QString &resource, const QJsonObject &object);

    QMap<QString, QJsonObject> m_objects;
    qint64 m_version = 1;
};
