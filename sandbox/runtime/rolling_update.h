#pragma once

#include <QJsonObject>
#include <QList>
#include <QMap>
#include <QString>

namespace sandbox {

// The pod template revisions of a StatefulSet and its RollingUpdate step, as kube-controller-manager's
// StatefulSet controller takes it.

// SET-HASH of the set's current pod template: the controller-revision-hash of the pods it creates and
// the name of its ControllerRevision.
QString templateRevision(const QJsonObject &statefulSet);
// The controller-revision-hash label of a pod.
QString podRevision(const QJsonObject &pod);

// spec.updateStrategy.rollingUpdate.maxUnavailable: a number, or a percentage of the replicas rounded
// down; never below 1 (as getStatefulSetMaxUnavailable); 1 when absent or unparsable.
int maxUnavailableOf(const QJsonObject &statefulSet, int replicas);

// The ordinals a RollingUpdate pass deletes, highest first: pods of an older revision at or above the
// partition, as many as maxUnavailable leaves room for beside the `unavailable` pods (absent or not
// Running and Ready) of the set. Empty under OnDelete, which waits for the user to delete pods.
QList<int> ordinalsToUpdate(const QJsonObject &statefulSet, const QMap<int, QJsonObject> &pods, int replicas,
                            int unavailable);

} // namespace sandbox
