#pragma once

#include "redis/cluster_topology.h"

#include <QJsonObject>
#include <QList>
#include <QMap>
#include <QString>

namespace rcs {

// One pod of the StatefulSet as the Kubernetes API shows it, with what the workflows need to explain
// a pod that does not become Ready.
//
// Two structs, no field twice: PodInfo (core/redis) is what the topology, the cards and NodeAccess
// need to know of the pod behind an address, and lives in core/redis because ClusterTopology carries
// it and core/redis cannot include the Kubernetes side. PodState wraps it with what only the
// workflows read from the API (ordinal, termination, why it is not Ready), so it stays out of the
// topology.
struct PodState {
    PodInfo info;     // name, IP, Kubernetes node, phase, ready, restarts
    int ordinal = -1; // NAME-<ordinal>
    bool terminating = false;
    // Why it is not Ready, in words, from its conditions and container state ("unschedulable: …",
    // "image pull failed: …", "crash loop: …"); empty when Ready or when there is nothing to say yet.
    QString problem;
    // A problem that will not go away by waiting a few seconds (unschedulable, image pull, crash loop).
    bool stuck = false;
    // The controller-revision-hash label: the StatefulSet template revision the pod was made from.
    QString revision;
    // Tells a re-created pod from the one it replaces (same name).
    QString uid;
    // It mounts the TLS Secret of a `deploy --tls` (ManifestSet::kTlsMountPath): its Redis speaks TLS only.
    bool servesTls = false;

    bool isReady() const { return info.ready && !terminating && !info.ip.isEmpty(); }
};

// Reads a Pod object. The ordinal is taken from the name's "-N" suffix.
PodState podStateFromJson(const QJsonObject &pod);
// The pods of a StatefulSet by ordinal: pods named STATEFULSET-N, sorted by N.
QList<PodState> podsOfStatefulSet(const QList<QJsonObject> &pods, const QString &statefulSetName);
// The pods' facts in pod order, for NodeAccess::prepare.
QList<PodInfo> podInfos(const QList<PodState> &pods);
// Pod facts keyed by pod IP, for ClusterTopology::fromViews.
QMap<QString, PodInfo> podsByIp(const QList<PodState> &pods);
// "redis-app-0 (10.244.1.5, Running, not ready: crash loop: …)" for messages.
QString describePod(const PodState &pod);

} // namespace rcs
