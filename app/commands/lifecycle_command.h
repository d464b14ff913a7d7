#pragma once

#include <QStringList>

namespace rcs::cli {

// Day-2 commands on plain endpoints (issue 5). Each: 0 done and verified, 1 failed, 2 usage error.

// `recover --nodes H:P,…` (CURRENT addresses; the reachable nodes they list join them): MEETs so every node
// learns every peer's new address, waits until all are connected, unflagged and cluster_state:ok.
int runRecover(const QStringList &args);
// `add-node --nodes H:P,… --new H:P [--role master|replica] [--master-id ID]`.
int runAddNode(const QStringList &args);
// `remove-node --nodes H:P,… --node ID [--yes]`: drain, re-point replicas, FORGET everywhere, reset
// it; without --yes it lists what would change and exits 1.
int runRemoveNode(const QStringList &args);
// `rebalance --nodes H:P,… [--weight ID=W,…] [--threshold P] [--dry-run]`.
int runRebalance(const QStringList &args);
// `reshard --nodes H:P,… --to ID --slots N [--from ID,…|all] [--dry-run]`.
int runReshard(const QStringList &args);
// `failover --nodes H:P,… --node REPLICA_ID [--force|--takeover]`.
int runFailover(const QStringList &args);
// `check --fix` part: closes open slots (FixOpenSlotsJob); the check command delegates here.
int runCheckFix(const QStringList &args);

} // namespace rcs::cli
