#pragma once

#include "common/result.h"

#include <QObject>
#include <QString>
#include <QStringList>

namespace rcs {

class Job;

// Runs kube-sandbox in the background for the desktop and the `sandbox` command: detached (it keeps
// running after the studio exits), its pid in DATA/kube-sandbox.pid, its output in DATA/kube-sandbox.log,
// its kubeconfig in DATA/kubeconfig. The executable is looked up next to the studio (the build tree's
// ../sandbox/kube-sandbox, or the install's bin/), then on PATH.
class SandboxController final : public QObject {
    Q_OBJECT
public:
    static constexpr int kDefaultStartTimeoutMs = 60000;
    static constexpr int kDefaultStopTimeoutMs = 30000;

    // dataDir empty: defaultDataDir().
    explicit SandboxController(QString dataDir = {}, QObject *parent = nullptr);

    // QStandardPaths::AppLocalDataLocation + "/sandbox".
    static QString defaultDataDir();
    // Empty when kube-sandbox is nowhere to be found.
    static QString findExecutable();

    QString dataDir() const { return m_dataDir; }
    QString kubeconfigPath() const;
    QString pidFilePath() const;
    QString logFilePath() const;
    // The pid of a running sandbox of this data folder, or 0.
    qint64 runningPid() const;
    // Extra kube-sandbox arguments (e.g. --nodes 3, --pod-network CIDR).
    void setExtraArguments(const QStringList &arguments) { m_extraArguments = arguments; }

    // A job (not started) that launches the sandbox unless it already runs, then waits (bounded) until
    // it listens and its kubeconfig is written. Errors: no executable (Io, saying how to build it), the
    // process exits early (its log's last lines), Timeout.
    Job *start(int timeoutMs = kDefaultStartTimeoutMs);
    // A job (not started) that sends SIGTERM (pods stopped, state saved) and waits until it exited;
    // succeeds at once when nothing runs.
    Job *stop(int timeoutMs = kDefaultStopTimeoutMs);

private:
    QString m_dataDir;
    QStringList m_extraArguments;
};

} // namespace rcs
