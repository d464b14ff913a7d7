#pragma once

#include "common/result.h"
#include "redis/cluster_node.h"

#include <QByteArray>
#include <QMap>

namespace rcs {

// Parses the reply of CLUSTER INFO ("key:value" lines, CRLF or LF). Errors (Protocol): a line without
// ':', a missing cluster_state, or a numeric field that is not a number.
Result<ClusterInfo> parseClusterInfo(const QByteArray &reply);

// Parses any INFO-style reply into key → value; "# Section" headers and blank lines are skipped,
// lines without ':' are ignored (INFO has none, but being lenient here costs nothing).
QMap<QString, QString> parseInfoFields(const QByteArray &reply);

// The number of keys over all databases from INFO keyspace fields ("db0:keys=12,expires=0,…").
qint64 keyCountFromInfo(const QMap<QString, QString> &fields);

} // namespace rcs
