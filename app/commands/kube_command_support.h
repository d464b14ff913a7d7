#pragma once

#include "common/job.h"
#include "operations/operation_request.h"

#include <QObject>
#include <QString>

#include <functional>
#include <memory>
#include <optional>

namespace rcs::ops {
struct Target;
class WorkflowOperationJob;
} // namespace rcs::ops

namespace rcs::cli {

class CommandLine;

inline const QString DryRunOption = QStringLiteral("dry-run");

// stdout / stderr, one line, flushed (the output interleaves with the equivalent commands).
void printOut(const QString &text);
void printErr(const QString &text);

// The target flags [--kubeconfig F] [--context C] | [--sandbox] [--sandbox-dir DIR], [-n NAMESPACE]
// [--statefulset NAME] [--access auto|direct|tunnel], --dry-run for changing commands, --timeout and
// --verbose.
void addKubeOptions(CommandLine &line, bool changing, int timeoutSeconds);

// The target the flags describe (a kubeconfig context, or the local sandbox); on a usage error prints
// why and returns the exit code.
std::optional<int> readKubeTarget(const CommandLine &line, ops::Target &target);

// How a read-only verb that runs on both target forms (top, exec, backup, …) adds its target's options
// and reads its target: plain endpoints (--nodes and the endpoint options) or a StatefulSet's pods
// (addKubeOptions without --dry-run, and --json).
struct TargetForm {
    std::function<void(CommandLine &)> addOptions;
    std::function<std::optional<int>(const CommandLine &, ops::Target &)> readTarget;
};
TargetForm endpointsForm(int timeoutSeconds);
TargetForm kubernetesForm(int timeoutSeconds);

// Shows what a workflow does while it runs: progress lines and the equivalent commands on stdout,
// warnings on stderr. quiet (JSON output) keeps stdout for the document.
class WorkflowPrinter final {
public:
    WorkflowPrinter(Job *job, bool quiet);

private:
    QObject m_context;
};

// What every Kubernetes command does after its own options are parsed and checked: the target from
// the flags, --dry-run and --timeout into the request, the job from core's catalogue (the road the
// studio takes too), run while printing its progress and equivalent commands (quiet: stdout is kept
// for a JSON document), then done() when it succeeded or failed with a result (a check that found
// errors). Returns the exit code: 0 done, 1 failed, 2 usage error in the flags or the request. The
// line must have been given the options of a changing command (addKubeOptions(line, true, …)).
int runKubeOperation(const CommandLine &line, ops::OperationRequest request,
                     const std::function<int(ops::WorkflowOperationJob &)> &done = {}, bool quiet = false);
// runKubeOperation() for the verbs whose result is their JSON document with --json (upgrade,
// rolling-restart, rotate-password): printed, quietly, whether the run succeeded or was refused.
int runKubeOperationWithJson(const CommandLine &line, const ops::OperationRequest &request);

} // namespace rcs::cli
