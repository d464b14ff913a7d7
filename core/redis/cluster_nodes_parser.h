#pragma once

#include "common/result.h"
#include "redis/cluster_node.h"

#include <QByteArray>
#include <QList>

namespace rcs {

// Parses the reply of CLUSTER NODES, or the content of a nodes.conf file (its trailing
// "vars currentEpoch … lastVoteEpoch …" line is skipped). Understands the 5.0 format, the 7.x address
// form "ip:port@cport,hostname", 7.2 aux fields ("…,hostname,shard-id=…"), ":0@0" for noaddr, IPv6
// addresses, every flag, and the "[slot->-id]" / "[slot-<-id]" entries. Blank lines are skipped; empty
// input gives an empty list.
//
// Errors (Protocol) name the 1-based line and what is wrong with it, with the line in detail(): too
// few fields, a node id that is not 40 hex digits, a bad address, port, number, link state or slot,
// a duplicated node id, more than one "myself" line.
Result<QList<ClusterNodeInfo>> parseClusterNodes(const QByteArray &text);

// Parses a single line; lineNumber only labels errors.
Result<ClusterNodeInfo> parseClusterNodeLine(const QByteArray &line, int lineNumber = 1);

} // namespace rcs
