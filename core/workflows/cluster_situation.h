#pragma once

#include "common/next_step.h"
#include "redis/cluster_check.h"
#include "redis/cluster_topology.h"

#include <QString>

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

// The operation an assessment suggests: one of None, Deploy, Create, Recover, Check, CheckFix. The
// advice sentence never names a command or a button: each front end phrases the step (NextStep).
using SuggestedOperation = NextStep;

QString suggestedOperationName(SuggestedOperation operation); // "recover", "check --fix", "" for None and
                                                              // steps that are no operation

struct SituationAssessment {
    Situation situation = Situation::NotDeployed;
    QString advice; // one sentence: what is wrong and what it takes, without a command
    SuggestedOperation next = SuggestedOperation::None;
};

// The advice followed by the installed phrasing of its operation (withNextStep); the advice alone when
// there is no operation or no phrasing was installed.
QString phrasedAdvice(const SituationAssessment &assessment);
// The advice followed by phrase's sentence for its operation (for a front end that phrases itself).
QString phrasedAdvice(const SituationAssessment &assessment, const NextStepPhrasing &phrase);

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
