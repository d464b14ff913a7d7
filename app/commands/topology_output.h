#pragma once

#include "redis/cluster_check.h"
#include "redis/cluster_topology.h"

#include <QJsonObject>
#include <QString>

namespace rcs::cli {

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

// Compact JSON text plus a newline, for stdout.
QByteArray jsonLine(const QJsonObject &object);

// Writes bytes to stdout and flushes, so output and stderr messages keep their order in a pipe.
void printBytes(const QByteArray &bytes);

// Prints a check's result on stdout — JSON (the report, cluster_state, then extra's fields) or
// redis-cli's text — and returns the exit status: ExitSuccess when healthy, else ExitFailure with a
// line on stderr.
int printCheckResult(const ClusterCheckReport &report, const ClusterTopology &topology, bool json,
                     const QJsonObject &extra = {});

} // namespace rcs::cli
