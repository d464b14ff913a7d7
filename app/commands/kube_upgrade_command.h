#pragma once

#include <QStringList>

namespace rcs::cli {

// The rolling upgrade and restart of the Redis pods on a Kubernetes target (README "Upgrade and rolling
// restart"). Target flags and exit codes as in kube_workflow_command.h; both take --dry-run and --json.
// `upgrade [--image IMG] [--cpu Q] [--memory Q] [--yes]`: without --yes lists the plan and exits 1.
int runKubeUpgrade(const QStringList &args);
// `rolling-restart [--yes]`: every pod restarted the same way, nothing else changed.
int runKubeRollingRestart(const QStringList &args);

} // namespace rcs::cli
