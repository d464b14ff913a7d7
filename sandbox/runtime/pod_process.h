#pragma once

#include "runtime/container_command.h"
#include "runtime/pod_context.h"

#include <QDateTime>
#include <QJsonObject>
#include <QObject>
#include <QStringList>

class QProcess;
class QTimer;

namespace sandbox {

class ReadinessProbe;

// The kubelet's view of one pod's (first) container: a local process started from a LaunchPlan,
// restarted with back-off (1 s, 2 s, 4 s … at most 10 s) when it dies, as restartPolicy says, with
// its readiness tracked by a ReadinessProbe. It keeps the tail of the process output so that a stuck
// pod can be explained. Every change of what the pod status shows emits statusChanged().
class PodProcess final : public QObject {
    Q_OBJECT
public:
    enum class State { Waiting, Running, Terminated };

    struct Termination {
        int exitCode = 0;
        QString reason;  // Completed, Error, OOMKilled-like reasons are not modelled
        QString message; // last lines of the output
        QDateTime startedAt;
        QDateTime finishedAt;
    };

    PodProcess(const QJsonObject &pod, const PodContext &context, const LaunchPlan &plan,
               const RedisTools &tools, QObject *parent = nullptr);
    ~PodProcess() override;

    void start();
    // SIGTERM, then SIGKILL after graceMs; emits stopped() once the process is gone (at once if none).
    void stop(int graceMs);
    // Synchronous variant for shutdown: SIGTERM, wait at most graceMs, SIGKILL, wait at most 1 s.
    void stopNow(int graceMs);

    QString podKey() const { return m_podKey; }
    QString podUid() const { return m_podUid; }
    const PodContext &context() const { return m_context; }
    const LaunchPlan &plan() const { return m_plan; }
    QString containerName() const { return m_containerName; }

    State state() const { return m_state; }
    bool isReady() const { return m_ready; }
    bool isStopping() const { return m_stopping; }
    bool hasStarted() const { return m_started; }
    int restartCount() const { return m_restartCount; }
    QDateTime startedAt() const { return m_startedAt; }
    QString waitingReason() const { return m_waitingReason; }
    QString waitingMessage() const { return m_waitingMessage; }
    const Termination &lastTermination() const { return m_lastTermination; }
    bool hasTerminated() const { return m_lastTermination.finishedAt.isValid(); }
    QString log() const { return m_log.join(u'\n'); }

Q_SIGNALS:
    void statusChanged();
    void stopped();
    // For events: what a kubelet reports as Started, BackOff and Unhealthy.
    void containerStarted();
    void backingOff(int delayMs, int exitCode);
    void probeFailed(const QString &message);
    // The container's output as it comes, and the end of its process (what `kubectl attach` follows).
    void outputReceived(const QByteArray &data);
    void containerExited(int exitCode);

private:
    void launch();
    void onFinished(int exitCode, bool crashed);
    void onOutput();
    void scheduleProbe(int delayMs);
    void onProbeFinished(bool ok);
    void setReady(bool ready);

    QString m_podKey;
    QString m_podUid;
    QString m_containerName;
    QString m_restartPolicy;
    PodContext m_context;
    LaunchPlan m_plan;
    QProcess *m_process = nullptr;
    QTimer *m_backoffTimer = nullptr;
    QTimer *m_probeTimer = nullptr;
    QTimer *m_killTimer = nullptr;
    ReadinessProbe *m_probe = nullptr;
    State m_state = State::Waiting;
    bool m_ready = false;
    bool m_everReady = false;
    bool m_stopping = false;
    bool m_started = false;
    int m_restartCount = 0;
    int m_consecutiveFailures = 0;
    int m_probeFailures = 0;
    QDateTime m_startedAt;
    QString m_waitingReason = QStringLiteral("ContainerCreating");
    QString m_waitingMessage;
    Termination m_lastTermination;
    QStringList m_log;
    QByteArray m_partialLine;
};

} // namespace sandbox
