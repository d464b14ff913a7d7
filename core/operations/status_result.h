#pragma once

#include "redis/cluster_topology.h"
#include "workflows/cluster_situation.h"
#include "workflows/workflow.h"

#include <QJsonObject>
#include <QString>
#include <QStringList>

namespace rcs::ops {

// What `status` read, on every target kind: the cluster as its nodes see it and the situation core
// names from it; on Kubernetes and the sandbox also the StatefulSet and its pods. The command line
// prints its forms, the studio draws its cards from it.
struct StatusReport {
    ClusterTopology topology;
    SituationAssessment assessment;
    // Kubernetes and the sandbox: where the pods are and what the API shows of them.
    bool onKubernetes = false;
    QString ns;
    QString statefulSet;
    QString context;
    Deployment deployment;
};

// Where a rollout stands: the pods not at the StatefulSet's update revision, and which servers the
// reachable nodes run (more than one: an upgrade half done, or a pod started from another image).
struct Rollout {
    QString currentRevision;
    QString updateRevision; // empty when the API keeps no revisions (or there is no StatefulSet)
    QStringList behind;     // pod names
    QStringList servers;    // "redis 7.0.15", sorted, each once

    bool inProgress() const { return !behind.isEmpty(); }
    bool mixedServers() const { return servers.size() > 1; }
};
Rollout rolloutOf(const StatusReport &status);

// The JSON of `status` (README.md, "Headless commands"): topologyToJson's document plus "situation",
// "advice" and "next"; on Kubernetes also "namespace", "statefulset", "replicas", "pods" (name, ip,
// k8s_node, phase, ready, restarts, problem, revision), "rollout" (current_revision, update_revision,
// in_progress, pods_behind: the pods not at the update revision, servers: the distinct servers the
// nodes run, mixed_servers) and each node's "pod" and "k8s_node".
QJsonObject statusToJson(const StatusReport &status);
// The text of `status`: on plain endpoints the topology table and a "Situation: …" line; on
// Kubernetes the situation, the StatefulSet, a rollout in progress and mixed server versions, a table of the
// pods with their roles, the topology table and the advice. Ends with a newline.
QString statusToText(const StatusReport &status);

} // namespace rcs::ops
