#pragma once

#include <QStringList>

namespace rcs::cli {

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
