#pragma once

#include <QByteArray>
#include <QElapsedTimer>
#include <QList>
#include <QString>
#include <QStringList>
#include <QVariantMap>

#include <functional>

namespace rcs::bench {

double median(QList<qint64> values);
// "1044, 1060, …" and ", N failed" when some runs failed.
QString joined(const QList<qint64> &values, int failed = 0);
// "4.8×" (reference / ours), "—" when either side has no value.
QString speedUp(double ours, double reference);

// Calls done() until it returns true or timeoutMs of clock have passed, pausing pauseMs between calls;
// done() spins the event loop itself (bounded). Returns clock's elapsed ms when done() first returned
// true, -1 on timeout.
qint64 pollUntil(const std::function<bool()> &done, const QElapsedTimer &clock, int timeoutMs,
                 int pauseMs = 5);

struct ToolRun {
    qint64 doneAt = -1;   // ms from the tool's start until done() first held; -1 never
    qint64 exitedAt = -1; // ms from the tool's start until it exited; -1 when it did not (killed)
    int exitCode = -1;
    QByteArray output; // stdout and stderr, merged
    bool ok() const { return doneAt >= 0 && exitedAt >= 0 && exitCode == 0; }
    // The tool is finished when it exited and the condition holds, whichever came last.
    qint64 finishedAt() const { return ok() ? qMax(doneAt, exitedAt) : -1; }
};

// Starts program (tests/support's RunningProgram) and, while it runs and after, polls done() (see
// pollUntil) for up to timeoutMs; then waits for the exit (as long again). A tool that neither exits
// nor reaches done() in time is killed. A failure (start, exit code, condition never met) is printed to
// stderr with the tool's output.
ToolRun timeProgram(const QString &program, const QStringList &args, const std::function<bool()> &done,
                    int timeoutMs);

// CPU time (user + system) a process has used so far, in ms, from /proc/PID/stat; pid 0 is this process.
// -1 when it cannot be read (the process is gone).
qint64 cpuMsOf(qint64 pid);
// CPU time of this process's children that have exited and been waited for (a tool run by timeProgram).
qint64 exitedChildrenCpuMs();

// One line for bench/matrix.sh: "RESULT {json}" with the scenario, each side's times in ms and its
// failed runs, and the reference's name. Extra is merged into the object.
void printResult(const QString &scenario, const QList<qint64> &ours, int oursFailed, const QString &reference,
                 const QList<qint64> &theirs, int theirsFailed, const QVariantMap &extra = {});

} // namespace rcs::bench
