#pragma once

#include <QStringList>

#include <functional>

namespace rcs::test {

// What the operation-path tests (tst_operation_paths, tst_operation_paths_kube) share to compare the
// command line's road with the studio's.

// Runs the command `name` of the command library in-process; its exit code, -1 when there is none.
int runCommandInProcess(const QString &name, const QStringList &args);
// The equivalent commands logged while run() runs, node ids blanked (a re-created cluster has new
// ones) and sorted (parallel steps log in any order).
QStringList commandsLoggedBy(const std::function<void()> &run);
// The same blanking and order for a list of commands from elsewhere (a plan).
QStringList normalisedCommands(QStringList commands);

} // namespace rcs::test
