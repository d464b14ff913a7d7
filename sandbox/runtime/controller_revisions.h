#pragma once

#include <QJsonObject>
#include <QSet>
#include <QString>

namespace sandbox {

class ObjectStore;

// A StatefulSet's ControllerRevisions (apps/v1), kept as Kubernetes keeps them (pkg/controller/history
// and the StatefulSet controller's newRevision): one per pod template the set has had, named after the
// template's revision (SET-HASH, the controller-revision-hash of its pods), holding the patch
// {"spec":{"template":{…,"$patch":"replace"}}} that restores it, with the template's labels, the set's
// annotations (kubernetes.io/change-cause is what `kubectl rollout history` prints) and a controller
// ownerReference. The current template's revision has the highest number: a template the set returns to
// gets a new one. Beyond spec.revisionHistoryLimit (default 10) the oldest revisions no pod runs go.
// Writes only what differs.
void syncControllerRevisions(ObjectStore &store, const QJsonObject &statefulSet, const QString &revision,
                             const QSet<QString> &revisionsInUse);

// Removes the revisions whose owning StatefulSet is gone (the garbage collector's part).
void collectControllerRevisions(ObjectStore &store, const QSet<QString> &liveSetUids);

} // namespace sandbox
