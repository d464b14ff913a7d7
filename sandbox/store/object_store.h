#pragma once

// CONTRACT between the API server half of kube-sandbox (owner: the API-server developer) and the
// controllers/pod-runtime half (owner: the runtime developer). Change it only in a way both halves
// keep compiling with.

#include "common/result.h"

#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QString>

#include <optional>

namespace sandbox {

// Objects are stored as the JSON the API serves. A key is (resource plural such as "pods" or
// "statefulsets", namespace — empty for cluster-scoped kinds —, name).
struct WatchEvent {
    enum class Type { Added, Modified, Deleted };
    Type type = Type::Added;
    QString resource;
    QJsonObject object; // for Deleted: the last state
    qint64 resourceVersion = 0;
};

class ObjectStore : public QObject {
    Q_OBJECT
public:
    using QObject::QObject;
    ~ObjectStore() override = default;

    virtual std::optional<QJsonObject> get(const QString &resource, const QString &ns,
                                           const QString &name) const = 0;
    // ns empty = every namespace (or a cluster-scoped kind).
    virtual QList<QJsonObject> list(const QString &resource, const QString &ns) const = 0;
    // Fills metadata (uid, resourceVersion, creationTimestamp, generation 1, namespace), stores the
    // object, emits changed(Added). Fails with Conflict ("already exists") if the name is taken.
    virtual rcs::Result<QJsonObject> create(const QString &resource, QJsonObject object) = 0;
    // Replaces the object. When checkVersion is true and metadata.resourceVersion differs from the
    // stored one, fails with Conflict. Bumps resourceVersion, and generation when spec changed.
    // Controllers write status with checkVersion = false.
    virtual rcs::Result<QJsonObject> update(const QString &resource, QJsonObject object,
                                            bool checkVersion = true) = 0;
    // Removes at once and emits changed(Deleted). NotFound if absent.
    virtual rcs::Result<QJsonObject> remove(const QString &resource, const QString &ns,
                                            const QString &name) = 0;
    virtual qint64 currentResourceVersion() const = 0;

Q_SIGNALS:
    void changed(const sandbox::WatchEvent &event);
};

} // namespace sandbox
