#pragma once

#include <QStringList>

namespace rcs::cli {

// exec: one Redis command through the console's road (core's OperationKind::Exec), routed like
// `redis-cli -c` or sent to one node (--node), its reply printed like redis-cli's (or --json). On plain
// endpoints (--nodes) or on a StatefulSet's pods. Exit code 1 when the server answers an error.
int runExec(const QStringList &args);
int runKubeExec(const QStringList &args);

} // namespace rcs::cli
