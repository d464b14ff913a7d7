#pragma once

#include "redis/cluster_check.h"
#include "redis/cluster_topology.h"
#include "redis/rebalance_planner.h"
#include "workflows/cluster_situation.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QString>

namespace rcs::ops {

// The JSON and text forms of what the operations read and do, written once for the command line
// (which prints them) and the studio (which shows and logs them).

// "ok" when every node that answered reports cluster_state:ok, "fail" when one reports otherwise,
// "unknown" when no CLUSTER INFO was read.
QString overallClusterState(const ClusterTopology &topology);

// The JSON of `status` (documented in README.md, "Headless commands"):
// {"cluster_state", "nodes": [{"id", "address", "role", "master_id", "slots", "slot_count", "flags",
//  "link", "reachable", "node_cluster_state", "server": {"name": "redis"|"valkey", "version"} or null
//  when the node's INFO could not be read}], "unreachable": [...], "handshakes": [...]}
QJsonObject topologyToJson(const ClusterTopology &topology);
// A table like redis-cli's: one line per master, its replicas indented below.
QString topologyToText(const ClusterTopology &topology);

// {"healthy", "errors", "warnings", "findings": [{"severity", "code", "text", "node_id"}]}
QJsonObject checkReportToJson(const ClusterCheckReport &report);
// "[OK] …", "[ERR] …", "[WARNING] …" lines, as redis-cli prints them.
QString checkReportToText(const ClusterCheckReport &report);

// "Situation: healthy. The cluster is healthy; nothing to do.": the line status and check end with.
QString situationSentence(const SituationAssessment &assessment);

// The slot moves of a rebalance or reshard: [{"from", "to", "slots", "slot_count"}].
QJsonArray slotPlanJson(const SlotPlan &plan);

// One step of an operation's plan and the line a person would type for it.
struct PlanStep {
    QString description;
    QString command;
};
// "  DESCRIPTION\n    $ COMMAND\n" per step: what --dry-run and an unconfirmed verb print.
QString planToText(const QList<PlanStep> &steps);
// [{"step", "command"}]
QJsonArray planToJson(const QList<PlanStep> &steps);

} // namespace rcs::ops
