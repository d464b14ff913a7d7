#pragma once

#include <QStringList>

namespace rcs::cli {

// `rotate-password [--user NAME] [--password-file FILE|-] [--yes]` on a Kubernetes target (README
// "Passwords and the operator user"). Without --yes it lists the plan and exits 1. The new password is
// generated, or read from a file or stdin: never from the command line, where ps and the shell's
// history would show it.
int runKubeRotatePassword(const QStringList &args);

} // namespace rcs::cli
