#pragma once

#include <QStringList>

namespace rcs::cli {

// `demo [--count N] [--cluster-replicas R]`: starts N (default 6) throw-away redis-server nodes on local
// loopback addresses, forms a cluster from them with the same create as `create`, prints it, checks it,
// and stops the nodes again. 0 when the cluster formed and checked healthy.
int runDemo(const QStringList &args);

} // namespace rcs::cli
