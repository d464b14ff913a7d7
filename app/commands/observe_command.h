#pragma once

#include <QStringList>

namespace rcs::cli {

// top: a refreshing whole-cluster line per sample (like redis-cli --stat), or one JSON line per sample.
// slowlog: the slow logs and latency events of every node in one table. Each on plain endpoints
// (--nodes) or on a StatefulSet's pods.
int runTop(const QStringList &args);
int runKubeTop(const QStringList &args);
int runSlowLog(const QStringList &args);
int runKubeSlowLog(const QStringList &args);

} // namespace rcs::cli
