#pragma once

#include <csignal>

class QProcess;

namespace rcs {

// Makes the process QProcess is about to start get signal (SIGTERM unless given) when the thread that starts
// it ends, crash and kill -9 included: a kube-sandbox pod outliving its sandbox, or a test's redis-server and
// kube-sandbox outliving a test killed on timeout, keep their loopback addresses and ports, and the
// next sandbox or test handed the same addresses meets a stranger there. Linux only (prctl
// PR_SET_PDEATHSIG); elsewhere it does nothing. Call before start().
void endWithParent(QProcess &process, int signal = SIGTERM);

} // namespace rcs
