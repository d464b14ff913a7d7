#pragma once

#include <QJsonObject>
#include <QList>
#include <QString>

#include <functional>

namespace sandbox {

class EventRecorder;
class ObjectStore;

// The StatefulSet controller: pods NAME-0..N-1 with ownerReferences to their set (one by one under
// OrderedReady — the next only once the previous is Running and Ready —, all at once under Parallel),
// PVCs TEMPLATE-NAME-ORDINAL from volumeClaimTemplates carrying the selector's matchLabels and owned by
// nobody (they survive the pods and the set), scale-down from the highest ordinal, and the set's status.
// A changed pod template rolls out from the highest ordinal (RollingUpdate with partition and
// maxUnavailable, see rolling_update.h; OnDelete waits for the user); each template is kept as a
// ControllerRevision (controller_revisions.h) for `kubectl rollout history` and `undo`. It also
// garbage-collects pods whose owning StatefulSet is gone. persistentVolumeClaimRetentionPolicy Delete
// (whenDeleted, whenScaled) removes the claims with the set, or with the scaled-down pods.
//
// A pod name that is still held by a terminating process is not re-used until that process is gone
// (isTerminating), so a re-created pod never shares its PVC with the old process.
class StatefulSetController final {
public:
    using TerminatingCheck = std::function<bool(const QString &ns, const QString &podName)>;

    // events: optional; receives SuccessfulCreate/SuccessfulDelete like the real controller's.
    StatefulSetController(ObjectStore &store, TerminatingCheck isTerminating,
                          EventRecorder *events = nullptr);

    // One pass over every StatefulSet; idempotent: writes only what differs from the store.
    void reconcileAll();

    // The pod object the set's template gives for an ordinal (exposed for tests).
    static QJsonObject podFor(const QJsonObject &statefulSet, int ordinal);
    static QJsonObject claimFor(const QJsonObject &statefulSet, const QJsonObject &claimTemplate,
                                int ordinal);
    static bool isRunningAndReady(const QJsonObject &pod);

private:
    void reconcile(const QJsonObject &statefulSet);
    void adoptOrphans(const QJsonObject &statefulSet);
    void collectGarbage();
    void ensureClaims(const QJsonObject &statefulSet, int ordinal);
    void deleteScaledDownClaims(const QJsonObject &statefulSet, int replicas,
                                const QList<int> &livingOrdinals);
    // Deletes a pod of the set, with the event the real controller records.
    void deletePod(const QJsonObject &statefulSet, const QJsonObject &pod);
    void writeStatus(const QJsonObject &statefulSet, const QList<QJsonObject> &pods);

    ObjectStore &m_store;
    TerminatingCheck m_isTerminating;
    EventRecorder *m_events = nullptr;
};

} // namespace sandbox
