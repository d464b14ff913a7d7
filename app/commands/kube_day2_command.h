#pragma once

#include <QStringList>

namespace rcs::cli {

// The day-2 commands on the Kubernetes target (the form without --nodes). Target flags and exit codes
// as in kube_workflow_command.h; each takes --dry-run.
// `add-node [--role master|replica]`: one more pod, joined as a master (slots rebalanced) or replica.
int runKubeAddNode(const QStringList &args);
// `remove-node [--delete-pvc] [--yes]`: the highest ordinal pod; without --yes lists and exits 1.
int runKubeRemoveNode(const QStringList &args);
// `rebalance [--weight POD=W,…] [--threshold P]`
int runKubeRebalance(const QStringList &args);
int runKubeReshard(const QStringList &args);
// `failover --pod NAME [--force|--takeover]`
int runKubeFailover(const QStringList &args);
// `check [--fix] [--json]`: exits 0 only when healthy.
int runKubeCheck(const QStringList &args);

} // namespace rcs::cli
