#pragma once

#include <QHash>
#include <QJsonObject>
#include <QString>

namespace sandbox {

class ObjectStore;

// Writes core/v1 Events the way the scheduler, kubelet and StatefulSet controller do, so that
// `kubectl describe` and the app can say why a pod is stuck (FailedScheduling, BackOff, Unhealthy…).
// A repeated event (same object, reason and message) bumps count and lastTimestamp instead of piling
// up (at most one write per 10 s for a repeat, so a pod stuck in Pending does not churn the store);
// events older than an hour are dropped, like the API server's default TTL.
class EventRecorder final {
public:
    explicit EventRecorder(ObjectStore &store)
        : m_store(store)
    {}

    enum class Type { Normal, Warning };
    // involved: the Pod, StatefulSet or PVC as stored. component: "kubelet", "default-scheduler",
    // "statefulset-controller". host: the node name for kubelet events.
    void record(const QJsonObject &involved, Type type, const QString &reason, const QString &message,
                const QString &component, const QString &host = {}, const QString &fieldPath = {});
    void expireOld();

private:
    ObjectStore &m_store;
    QHash<QString, QString> m_names;      // uid|reason|message → event name
    QHash<QString, qint64> m_lastWritten; // uid|reason|message → ms since epoch
};

} // namespace sandbox
