#pragma once

#include "node_card.h"

namespace rcs {
class ClusterTopology;
struct SituationAssessment;
namespace ops {
struct StatusReport;
}
namespace observe {
class ClusterMetrics;
}
} // namespace rcs

namespace rcs::ui {

// The one place where the view-model meets the core's ClusterTopology: every card field comes from here.
// The cards and summary of a topology, with the situation as core's assessClusterSituation names it
// from Redis alone (plain endpoints); a Kubernetes status replaces it with assessSituation's.
TopologySnapshot snapshotFromTopology(const rcs::ClusterTopology &topology);
// The cards of a status, on every target kind: every Redis node that answered, plus (Kubernetes) the
// pods that have no Redis answer yet (Pending, crashing), so a deployment in trouble is visible before
// any cluster exists, and each pod's revision while a rollout is in progress; the situation is the one
// core named in the status.
TopologySnapshot snapshotFromStatus(const rcs::ops::StatusReport &status);
void setAssessment(TopologySnapshot &snapshot, const rcs::SituationAssessment &assessment);
// Feeds the INFO the topology's views hold into metrics (one sample per refresh, no command of its
// own) and gives each card of the snapshot its sparkline (NodeCard::opsHistory) from its node's history.
void addMetrics(TopologySnapshot &snapshot, rcs::observe::ClusterMetrics &metrics,
                const rcs::ClusterTopology &topology, qint64 atMs);
// The advice the studio shows for a snapshot: core's sentence and "Click <action>.", or the studio's
// own sentence when no assessment came with the snapshot.
QString adviceText(const TopologySnapshot &snapshot);

} // namespace rcs::ui
