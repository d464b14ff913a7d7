#pragma once

#include <QProcessEnvironment>
#include <QString>
#include <QStringList>

namespace rcs {
class Job;
}

namespace rcs::test {

// One run of the redis-cluster-studio executable.
struct StudioRun {
    int exitCode = -1; // -1: did not finish in time (killed) or did not start
    QString out;
    QString err;
    QString all() const { return out + err; }
    // For failure messages: the command and its output.
    QString describe(const QStringList &args) const;
};

// $RCS_BINARY_DIR/app/redis-cluster-studio.
QString studioExecutable();

// Runs the studio with args in environment env, spinning the event loop (so a kube-sandbox started
// by the same test keeps being served) until it exits; killed after timeoutMs.
StudioRun runStudio(const QStringList &args, const QProcessEnvironment &env, int timeoutMs = 240000);

// Starts job and spins the event loop until it finishes (bounded). False on error or timeout; the
// job is not auto-deleted, the caller owns it.
bool runJob(Job *job, int timeoutMs = 60000);

} // namespace rcs::test
