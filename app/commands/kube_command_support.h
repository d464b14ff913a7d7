#pragma once

#include "common/job.h"

#include <QObject>
#include <QString>

#include <functional>
#include <memory>
#include <optional>

namespace rcs {
class KubeSession;
class Workflow;
} // namespace rcs

namespace rcs::cli {

class CommandLine;

inline const QString DryRunOption = QStringLiteral("dry-run");

// stdout / stderr, one line, flushed (the output interleaves with the equivalent commands).
void printOut(const QString &text);
void printErr(const QString &text);

// The target flags [--kubeconfig F] [--context C] [-n NAMESPACE] [--statefulset NAME]
// [--access auto|direct|tunnel], --dry-run for changing commands, --timeout and --verbose.
void addKubeOptions(CommandLine &line, bool changing, int timeoutSeconds);

// Opens the session the target flags describe; on failure prints why and returns the exit code.
std::optional<int> openKubeSession(const CommandLine &line, std::unique_ptr<KubeSession> &session);

// Shows what a workflow does while it runs: progress lines and the equivalent commands on stdout,
// warnings on stderr. quiet (JSON output) keeps stdout for the document.
class WorkflowPrinter final {
public:
    WorkflowPrinter(Job *job, bool quiet);

private:
    QObject m_context;
};

// What every Kubernetes command does after its own options are parsed and checked: opens the session
// from the target flags, builds the workflow with make() (owned here), applies --dry-run and
// --timeout (each step and each wait for pods), runs it while printing its progress and equivalent
// commands (quiet: stdout is kept for a JSON document), then calls done() when it succeeded.
// Returns the exit code: 0 done, 1 failed, 2 usage error in the target flags. The line must have
// been given the options of a changing command (addKubeOptions(line, true, …)).
int runKubeWorkflow(const CommandLine &line, const std::function<Workflow *(KubeSession *)> &make,
                    const std::function<int(Workflow *)> &done = {}, bool quiet = false);

} // namespace rcs::cli
