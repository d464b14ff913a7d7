#include "child_process.h"

#include <QProcess>

#include <csignal>

#ifdef Q_OS_LINUX
#include <sys/prctl.h>
#include <unistd.h>
#endif

namespace rcs {

void endWithParent(QProcess &process, int signal)
{
#ifdef Q_OS_LINUX
    const pid_t parent = getpid();
    process.setChildProcessModifier([parent, signal] {
        // Runs in the child between fork and exec: only async-signal-safe calls.
        prctl(PR_SET_PDEATHSIG, signal);
        if (getppid() != parent) // the parent died before prctl took effect
            _exit(1);
    });
#else
    Q_UNUSED(process)
    Q_UNUSED(signal)
#endif
}

} // namespace rcs
