#pragma once

#include "redis/cluster_check.h"
#include "redis/cluster_topology.h"

#include <QString>

#include <functional>

namespace rcs {

struct Deployment;

// The one-word answer to "what state is my Redis cluster on Kubernetes in", and what to do about it.
// Both front ends name situations with these values (the studio's buttons follow them).
enum class Situation {
    Unknown,      // not assessed: no target chosen yet, or nothing has answered so far
    NotDeployed,  // no namespace or no StatefulSet
    PodsNotReady, // some pods are missing or not Ready
    NotCreated,   // pods run, but no cluster was formed
    Healthy,
    Degraded,     // formed, with problems (failing node, missing coverage, …)
    TotalFailure, // every node restarted with a new IP and nobody finds its peers
    OpenSlots,    // a slot migration was interrupted
};

QString situationName(Situation situation); // "not-deployed", "pods-not-ready", …

// The operation an assessment suggests. The advice sentence never names a command or a button: each
// front end says how to start the operation ("run 'redis-cluster-studio recover'", "click Recover").
enum class SuggestedOperation {
    None, // nothing to start (healthy, or wait)
    Deploy,
    Create,
    Recover,
    Check,
    CheckFix, // close open slots
};

QString suggestedOperationName(SuggestedOperation operation); // "recover", "check --fix", "" for None

struct SituationAssessment {
    Situation situation = Situation::NotDeployed;
    QString advice; // one sentence: what is wrong and what it takes, without a command
    SuggestedOperation next = SuggestedOperation::None;
};

// How the front end that shows core's texts asks for an operation, as a sentence ("Run
// 'redis-cluster-studio recover'." / "Click Recover."). Each front end installs its own once at start;
// core's messages that carry an assessment's advice (refusals, status results) use it.
using SuggestionPhrasing = std::function<QString(SuggestedOperation)>;
void setSuggestionPhrasing(SuggestionPhrasing phrasing);
// sentence followed by the installed phrasing's sentence for operation (sentence alone for None or
// when no phrasing was installed), for core's messages that suggest a next step.
QString withSuggestion(const QString &sentence, SuggestedOperation operation);
// The advice followed by the installed phrasing of its operation; the advice alone when there is no
// operation or no phrasing was installed.
QString phrasedAdvice(const SituationAssessment &assessment);
// The advice followed by phrase's sentence for its operation (for a front end that phrases itself).
QString phrasedAdvice(const SituationAssessment &assessment, const SuggestionPhrasing &phrase);

// Pure: the deployment as the API shows it, and (when pods could be asked) the topology joined with
// the pods and its check report. A formed cluster is recognised by assigned slots or known peers.
SituationAssessment assessSituation(const Deployment &deployment, const ClusterTopology &topology,
                                    const ClusterCheckReport &report, const QString &ns);
// Pure: the same judgement from Redis alone, for plain endpoints (no pods to ask about): never
// NotDeployed or PodsNotReady; Unknown when the topology has no node.
SituationAssessment assessClusterSituation(const ClusterTopology &topology, const ClusterCheckReport &report);
// True when some node has slots assigned or knows another node.
bool isClusterFormed(const ClusterTopology &topology);

} // namespace rcs
