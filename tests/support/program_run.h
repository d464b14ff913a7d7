#pragma once

#include "common/error.h"

#include <QByteArray>
#include <QElapsedTimer>
#include <QJsonObject>
#include <QProcessEnvironment>
#include <QString>
#include <QStringList>

#include <memory>

class QProcess;

namespace rcs::test {

// How a test runs a program: every wait is bounded by timeoutMs (counted from the start).
struct ProgramOptions {
    int timeoutMs = 60000;
    QProcessEnvironment environment; // empty: this process's environment
    QByteArray input;                // written to the program's standard input, which is then closed
    bool mergeChannels = false;      // stderr into out, in the order the program wrote them
};

// One run of a program, as a script would see it.
struct ProgramRun {
    QString program; // as given (a name on PATH or a path)
    QStringList args;
    int exitCode = -1;         // -1: not installed, not started, crashed, or killed after the timeout
    qint64 exitedAfterMs = -1; // from the start until the exit, stamped when it happened; -1: killed
    QString out;
    QString err;   // starts with "[failure] " when the run did not reach its end, so every message shows it
    Error failure; // NotFound (not installed), Io (could not start), Timeout (killed); none when it ran

    bool ran() const { return !failure.isError(); }
    // Both outputs, for failure messages: without the studio's "$ kubectl … port-forward pod/…" echo
    // lines (one per pod in tunnel mode), which would fill the 1 KB a QVERIFY2 message keeps before the
    // error itself is reached.
    QString all() const;
    // The command, its exit code and both outputs, for failure messages.
    QString describe() const;
    // Standard output parsed as one JSON object (empty when it is not one).
    QJsonObject json() const;
};

// A program started in the background, e.g. a command that runs while the test injects a fault.
// Every test launcher (runProgram, runRedisCli, the studio) starts programs through this class.
class RunningProgram final {
public:
    // Starts program (a path, or a name looked up on PATH). A program that is not installed or does
    // not start is reported by finish().
    RunningProgram(const QString &program, const QStringList &args, const ProgramOptions &options = {});
    ~RunningProgram(); // kills the program if it still runs
    RunningProgram(const RunningProgram &) = delete;
    RunningProgram &operator=(const RunningProgram &) = delete;

    qint64 processId() const;
    // False when it is not installed or did not start (finish() says why).
    bool started() const { return m_process != nullptr; }
    bool isRunning() const;
    // Spins the event loop (servers the test runs in-process keep being served) until the program
    // exits or the timeout given at the start passes; then it is killed. Call once.
    ProgramRun finish();

private:
    ProgramRun m_run;
    ProgramOptions m_options;
    std::unique_ptr<QProcess> m_process;
    QElapsedTimer m_clock;
};

// Runs a program to its end (bounded, event loop spinning) and returns its exit code and output.
ProgramRun runProgram(const QString &program, const QStringList &args, const ProgramOptions &options = {});

// Runs a tool that must succeed (openssl making certificates, …): empty when it exited 0, else the
// run's describe() (command, exit code, output) for the failure message.
QString runToSuccess(const QString &program, const QStringList &args, int timeoutMs = 60000);

// The server's own client (redisCliProgram(): $RCS_REDIS_CLI, the cli next to $RCS_REDIS_SERVER, else
// redis-cli on PATH), run to its end with input on its standard input. Not installed: failure is
// NotFound (tests skip then, naming the package).
ProgramRun runRedisCli(const QStringList &args, int timeoutMs = 60000, const QByteArray &input = {});

} // namespace rcs::test
