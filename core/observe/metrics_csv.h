#pragma once

#include "cluster_metrics.h"
#include "node_sample.h"

#include <QByteArray>
#include <QString>

namespace rcs::observe {

// Metrics as CSV (RFC 4180, comma separated, "\n" line ends): one row per sample per node, the header
// first with the unit in each column's name. Times are ISO 8601 UTC with milliseconds. Rates are empty
// for a sample without them (the first reading, after a restart): a gap, never a made-up 0 or a
// negative value; replica lag is empty where it is not known (a master).

// The header line, without the line end.
QString metricsCsvHeader();
// One sample of node (its cluster address, "host:port") and its pod (empty off Kubernetes) as a line,
// without the line end.
QString metricsCsvRow(const QString &node, const QString &pod, const NodeSample &sample);
// Every kept sample of every node of metrics, oldest first (nodes by address at the same time), header
// first; each line ends with "\n".
QByteArray metricsCsv(const ClusterMetrics &metrics);

} // namespace rcs::observe
