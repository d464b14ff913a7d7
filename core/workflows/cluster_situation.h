#pragma once

#include "redis/cluster_check.h"
#include "redis/cluster_topology.h"

#include <QString>

namespace rcs {

struct Deployment;

// The one-word answer to "what state is my Redis cluster on Kubernetes in", and what to do about it.
enum class Situation {
    NotDeployed,  // no namespace or no StatefulSet
    PodsNotReady, // some pods are missing or not Ready
    NotCreated,   // pods run, but no cluster was formed
    Healthy,
    Degraded,     // formed, with problems (failing node, missing coverage, …)
    TotalFailure, // every node restarted with a new IP and nobody finds its peers
    OpenSlots,    // a slot migration was interrupted
};

QString situationName(Situation situation); // "not-deployed", "pods-not-ready", …

struct SituationAssessment {
    Situation situation = Situation::NotDeployed;
    QString advice; // one sentence: what to do
};

// Pure: the deployment as the API shows it, and (when pods could be asked) the topology joined with
// the pods and its check report. A formed cluster is recognised by assigned slots or known peers.
SituationAssessment assessSituation(const Deployment &deployment, const ClusterTopology &topology,
                                    const ClusterCheckReport &report, const QString &ns);
// True when some node has slots assigned or knows another node.
bool isClusterFormed(const ClusterTopology &topology);

} // namespace rcs
