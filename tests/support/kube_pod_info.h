#pragma once

#include <QJsonObject>
#include <QList>
#include <QString>

namespace rcs::test {

// What a test checks about a pod, read from its JSON (reference §4): test support only, the product
// reads pods through core/workflows' PodState.
struct KubePodInfo {
    QString name;
    QString ns;
    QString ip;       // status.podIP, empty until the pod sandbox exists
    QString nodeName; // spec.nodeName: the Kubernetes node
    QString hostIp;
    QString phase; // Pending | Running | Succeeded | Failed | Unknown
    bool ready = false;
    bool terminating = false; // metadata.deletionTimestamp is set
    int restarts = 0;
    QString waitingReason; // e.g. CrashLoopBackOff, ImagePullBackOff
    QString waitingMessage;
    QString unschedulableMessage; // PodScheduled=False with its message (no storage class, no node)
    int ordinal = -1;             // the StatefulSet ordinal from the name suffix, -1 if none

    static KubePodInfo fromJson(const QJsonObject &pod);
    // Sorted by ordinal, then name.
    static QList<KubePodInfo> fromList(const QList<QJsonObject> &pods);
    // One sentence saying why a pod is not Ready yet, for progress and timeout messages.
    QString notReadyReason() const;
};

} // namespace rcs::test
