#pragma once

#include <QStringList>

namespace rcs::cli {

// `create --nodes H:P,… [--cluster-replicas N] [--password P] [--json] [--timeout S] [--verbose]`:
// forms a cluster from blank nodes, verifies it, prints the topology. 0 formed, 1 failed, 2 usage.
int runCreate(const QStringList &args);
// `status --nodes H:P[,…] [--json]`: the topology as the nodes see it. 0 when a node answered.
int runStatus(const QStringList &args);
// `check --nodes H:P[,…] [--json]`: redis-cli --cluster check and more. 0 only when healthy.
int runCheck(const QStringList &args);

} // namespace rcs::cli
