#pragma once

#include "support/program_run.h"

#include <QProcessEnvironment>
#include <QString>
#include <QStringList>

#include <memory>

namespace rcs::test {

// One run of the real redis-cluster-studio executable, as a script would run it: exitCode, out, err,
// all(), describe() (the command and both outputs) and json() (stdout parsed).
using StudioRun = ProgramRun;

// $RCS_BINARY_DIR/app/redis-cluster-studio (the tests that run it depend on its target).
QString studioExecutable();

// Runs the studio with args until it exits, spinning the event loop (a kube-sandbox or a server the
// test serves keeps being served); killed after timeoutMs (exit code -1, err says so). environment:
// the studio's environment, empty for this process's. A run longer than 30 s is named on stderr: it is
// worth knowing about even when it passes.
StudioRun runStudio(const QStringList &args, int timeoutMs = 180000,
                    const QProcessEnvironment &environment = {});

// The same, started in the background (a fault is injected while it runs); finish() waits (bounded).
std::unique_ptr<RunningProgram> startStudio(const QStringList &args, int timeoutMs = 180000,
                                            const QProcessEnvironment &environment = {});

} // namespace rcs::test
