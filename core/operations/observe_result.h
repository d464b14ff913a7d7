#pragma once

#include "observe/cluster_metrics.h"
#include "observe/slow_log.h"
#include "redis/cluster_topology.h"

#include <QJsonObject>
#include <QString>

namespace rcs::ops {

// One sample of `top --json`, one line each: {"time": ms since the epoch, "nodes_read", "nodes_unread",
// "rates" (false: a node was read for the first time or restarted, its rates count as 0),
// "ops_per_sec", "hits_per_sec", "misses_per_sec", "net_in_per_sec", "net_out_per_sec",
// "expired_per_sec", "evicted_per_sec", "cpu_percent", "used_memory", "maxmemory", "clients", "keys",
// "max_lag_bytes", "nodes": [{"address", "id", "pod", "role", "error" | the same fields per node,
// "lag_bytes", "lag_seconds"}]}.
QJsonObject sampleToJson(const observe::ClusterSample &sample);
// The text of `top`: a header (every 20 lines, like redis-cli --stat) and one line per sample.
QString sampleHeader();
QString sampleToLine(const observe::ClusterSample &sample);
// `top --csv`: one CSV row per node read in the sample (observe/metrics_csv.h: the Metrics dock's export
// format, whose header is metricsCsvHeader()), each ending with "\n".
QString sampleToCsv(const observe::ClusterSample &sample);
// The last sample per node, a table (the end of `top` and its text result).
QString sampleToTable(const observe::ClusterSample &sample);

// `slowlog --json`: {"entries": [{"time", "node", "pod", "duration_us", "command", "latency_event"}],
// "unread": [{"node", "error"}]}.
QJsonObject slowLogToJson(const QList<observe::SlowLogRow> &rows,
                          const QList<std::pair<observe::SampledNode, QString>> &unread);
// `slowlog`: a table (time, node, pod, duration, command), then the nodes that could not be read.
QString slowLogToText(const QList<observe::SlowLogRow> &rows,
                      const QList<std::pair<observe::SampledNode, QString>> &unread);

} // namespace rcs::ops
