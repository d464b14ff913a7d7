#pragma once

#include <QStringList>

namespace rcs::cli {

// The Kubernetes form of a verb is chosen when --nodes is absent. Commands that also have a
// plain-endpoint form dispatch with this: `kubeTargetRequested(args) ? runKubeX(args) : runX(args)`.
bool kubeTargetRequested(const QStringList &args);

// Target flags of every command below: [--kubeconfig F] [--context C] [-n NAMESPACE]
// [--statefulset NAME] [--access auto|direct|tunnel]. The day-2 commands are in kube_day2_command.h. Changing
// commands take --dry-run (print the equivalent kubectl / redis-cli commands, change nothing). Exit codes: 0
// done, 1 failed, 2 usage.
int runKubeDeploy(const QStringList &args);
int runKubeCreate(const QStringList &args);
int runKubeStatus(const QStringList &args);
int runKubeRecover(const QStringList &args);
int runKubeCleanup(const QStringList &args);
// `sandbox start [--data-dir D] [--nodes K] | stop | status`
int runSandbox(const QStringList &args);

} // namespace rcs::cli
