#include "runtime/pod_process.h"

#include "common/child_process.h"
#include "common/logging.h"
#include "runtime/readiness_probe.h"

#include <QJsonArray>
#include <QProcess>
#include <QTimer>

#include <algorithm>

#include <csignal>

namespace sandbox {

namespace {

constexpr int kMaxLogLines = 1000;
constexpr int kMessageLines = 10;
constexpr int kMaxBackoffMs = 10000;
// A container that ran this long before dying starts its back-off from the beginning again.
constexpr qint64 kStableRunMs = 10000;

} // namespace

PodProcess::PodProcess(const QJsonObject &pod, const PodContext &context, const LaunchPlan &plan,
                       const RedisTools &tools, QObject *parent)
    : QObject(parent)
    , m_context(context)
    , m_plan(plan)
    , m_backoffTimer(new QTimer(this))
    , m_probeTimer(new QTimer(this))
    , m_killTimer(new QTimer(this))
{
    const QJsonObject metadata = pod.value(QLatin1String("metadata")).toObject();
    const QJsonObject spec = pod.value(QLatin1String("spec")).toObject();
    const QJsonObject container = spec.value(QLatin1String("containers")).toArray().first().toObject();
    m_podKey = metadata.value(QLatin1String("namespace")).toString() + u'/' +
               metadata.value(QLatin1String("name")).toString();
    m_podUid = metadata.value(QLatin1String("uid")).toString();
    m_containerName = container.value(QLatin1String("name")).toString();
    m_restartPolicy = spec.value(QLatin1String("restartPolicy")).toString(QStringLiteral("Always"));
    m_probe = new ReadinessProbe(container.value(QLatin1String("readinessProbe")).toObject(), container,
                                 context, tools, plan.isRedisServer, this);
    connect(m_probe, &ReadinessProbe::finished, this, [this](bool ok, const QString &message) {
        onProbeFinished(ok);
        // A server still starting up is not news; one that stopped answering is.
        const bool startingUp = !m_everReady && m_startedAt.msecsTo(QDateTime::currentDateTimeUtc()) < 5000;
        if (!ok && m_state == State::Running && !m_stopping && !startingUp)
            Q_EMIT probeFailed(message);
    });
    m_backoffTimer->setSingleShot(true);
    connect(m_backoffTimer, &QTimer::timeout, this, &PodProcess::launch);
    m_probeTimer->setSingleShot(true);
    connect(m_probeTimer, &QTimer::timeout, m_probe, &ReadinessProbe::check);
    m_killTimer->setSingleShot(true);
    connect(m_killTimer, &QTimer::timeout, this, [this] {
        if (m_process)
            m_process->kill();
    });
}

PodProcess::~PodProcess()
{
    if (m_process && m_process->state() != QProcess::NotRunning)
        stopNow(2000);
}

void PodProcess::start()
{
    launch();
}

void PodProcess::launch()
{
    if (m_stopping)
        return;
    m_process = new QProcess(this);
    m_process->setProcessChannelMode(QProcess::MergedChannels);
    m_process->setWorkingDirectory(m_context.workDir);
    m_process->setProcessEnvironment(m_context.processEnvironment());
    // The pod processes must not outlive kube-sandbox, even when it is killed: they hold pod IPs.
    rcs::endWithParent(*m_process, SIGKILL);
    QProcess *process = m_process;
    connect(process, &QProcess::readyRead, this, &PodProcess::onOutput);
    connect(process, &QProcess::finished, this, [this, process](int exitCode, QProcess::ExitStatus status) {
        if (process != m_process)
            return;
        onFinished(status == QProcess::CrashExit ? 137 : exitCode, status == QProcess::CrashExit);
    });
    connect(process, &QProcess::errorOccurred, this, [this, process](QProcess::ProcessError error) {
        if (process != m_process || error != QProcess::FailedToStart)
            return;
        m_log.append(
            QStringLiteral("kube-sandbox: cannot start %1: %2").arg(m_plan.program, process->errorString()));
        onFinished(128, false);
    });
    qCInfo(lcSandbox).noquote() << "pod" << m_podKey << "starts" << m_plan.program
                                << m_plan.arguments.join(u' ');
    m_process->start(m_plan.program, m_plan.arguments);
    m_state = State::Running;
    m_started = true;
    m_startedAt = QDateTime::currentDateTimeUtc();
    m_waitingReason.clear();
    m_waitingMessage.clear();
    m_probeFailures = 0;
    scheduleProbe(m_probe->initialDelayMs());
    Q_EMIT containerStarted();
    Q_EMIT statusChanged();
}

void PodProcess::onOutput()
{
    if (!m_process)
        return;
    const QByteArray data = m_process->readAll();
    if (data.isEmpty())
        return;
    Q_EMIT outputReceived(data);
    m_partialLine += data;
    qsizetype newline;
    while ((newline = m_partialLine.indexOf('\n')) >= 0) {
        m_log.append(QString::fromUtf8(m_partialLine.left(newline)));
        m_partialLine.remove(0, newline + 1);
    }
    if (m_log.size() > kMaxLogLines)
        m_log.remove(0, m_log.size() - kMaxLogLines);
}

void PodProcess::onFinished(int exitCode, bool crashed)
{
    onOutput();
    if (!m_partialLine.isEmpty()) {
        m_log.append(QString::fromUtf8(m_partialLine));
        m_partialLine.clear();
    }
    m_process->deleteLater();
    m_process = nullptr;
    m_probeTimer->stop();
    m_killTimer->stop();
    setReady(false);

    m_lastTermination.exitCode = exitCode;
    m_lastTermination.reason =
        exitCode == 0 && !crashed ? QStringLiteral("Completed") : QStringLiteral("Error");
    m_lastTermination.message = m_log.mid(std::max<qsizetype>(0, m_log.size() - kMessageLines)).join(u'\n');
    m_lastTermination.startedAt = m_startedAt;
    m_lastTermination.finishedAt = QDateTime::currentDateTimeUtc();
    m_state = State::Terminated;
    Q_EMIT containerExited(exitCode);

    if (m_stopping) {
        Q_EMIT statusChanged();
        Q_EMIT stopped();
        return;
    }
    qCInfo(lcSandbox).noquote() << "pod" << m_podKey << "container exited with code" << exitCode;
    const bool restart = m_restartPolicy == QLatin1String("Always") ||
                         (m_restartPolicy == QLatin1String("OnFailure") && exitCode != 0);
    if (!restart) {
        Q_EMIT statusChanged();
        return;
    }
    if (m_startedAt.msecsTo(m_lastTermination.finishedAt) >= kStableRunMs)
        m_consecutiveFailures = 0;
    const int delay = std::min(1000 << std::min(m_consecutiveFailures, 4), kMaxBackoffMs);
    ++m_consecutiveFailures;
    ++m_restartCount;
    m_state = State::Waiting;
    m_waitingReason = QStringLiteral("CrashLoopBackOff");
    m_waitingMessage = QStringLiteral("back-off %1s restarting failed container=%2 pod=%3")
                           .arg(delay / 1000)
                           .arg(m_containerName, m_podKey.section(u'/', 1));
    m_backoffTimer->start(delay);
    Q_EMIT backingOff(delay, exitCode);
    Q_EMIT statusChanged();
}

void PodProcess::scheduleProbe(int delayMs)
{
    m_probeTimer->start(delayMs);
}

void PodProcess::onProbeFinished(bool ok)
{
    if (m_state != State::Running || m_stopping)
        return;
    if (ok) {
        m_probeFailures = 0;
        setReady(true);
    } else if (++m_probeFailures >= m_probe->failureThreshold() || !m_ready) {
        setReady(false);
    }
    scheduleProbe(m_probe->periodMs(m_ready));
}

void PodProcess::setReady(bool ready)
{
    if (m_ready == ready)
        return;
    m_ready = ready;
    m_everReady = m_everReady || ready;
    Q_EMIT statusChanged();
}

void PodProcess::stop(int graceMs)
{
    if (m_stopping)
        return;
    m_stopping = true;
    m_backoffTimer->stop();
    m_probeTimer->stop();
    if (!m_process) {
        QTimer::singleShot(0, this, &PodProcess::stopped);
        return;
    }
    m_process->terminate();
    m_killTimer->start(graceMs);
}

void PodProcess::stopNow(int graceMs)
{
    m_stopping = true;
    m_backoffTimer->stop();
    m_probeTimer->stop();
    if (!m_process || m_process->state() == QProcess::NotRunning)
        return;
    m_process->disconnect(this);
    m_process->terminate();
    if (!m_process->waitForFinished(graceMs)) {
        m_process->kill();
        m_process->waitForFinished(1000);
    }
}

} // namespace sandbox
