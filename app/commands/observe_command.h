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

// bigkeys: the biggest keys of the cluster (MEMORY USAGE, like redis-cli --memkeys); hotkeys: the most
// used (OBJECT FREQ under an LFU policy, like --hotkeys); slot-heat: the keys of every slot. Each a
// bounded, paced scan, on plain endpoints (--nodes) or on a StatefulSet's pods.
int runBigKeys(const QStringList &args);
int runKubeBigKeys(const QStringList &args);
int runHotKeys(const QStringList &args);
int runKubeHotKeys(const QStringList &args);
int runSlotHeat(const QStringList &args);
int runKubeSlotHeat(const QStringList &args);

} // namespace rcs::cli
