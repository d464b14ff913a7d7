#include "job.h"

namespace rcs {

Job::Job(QObject *parent)
    : QObject(parent)
{
    m_timeout.setSingleShot(true);
    connect(&m_timeout, &QTimer::timeout, this, [this] {
        const QString what = m_step.isEmpty() ? (m_title.isEmpty() ? tr("the operation") : m_title) : m_step;
        doCancel();
        fail(ErrorCode::Timeout,
             tr("Timed out after %1 s while %2.").arg(QString::number(m_timeoutMs / 1000.0, 'f', 1), what));
    });
}

Job::~Job() = default;

void Job::start()
{
    if (m_state != State::Idle)
        return;
    m_state = State::Scheduled;
    QTimer::singleShot(0, this, [this] {
        if (m_state != State::Scheduled)
            return; // cancelled before it ran
        m_state = State::Running;
        m_elapsed.start();
        if (m_timeoutMs > 0)
            m_timeout.start(m_timeoutMs);
        Q_EMIT started(this);
        doStart();
    });
}

void Job::cancel()
{
    if (m_state == State::Finished)
        return;
    if (m_state == State::Running)
        doCancel();
    fail(ErrorCode::Cancelled,
         tr("%1 was cancelled.").arg(m_title.isEmpty() ? tr("The operation") : m_title));
}

void Job::succeed()
{
    if (m_state == State::Finished)
        return;
    finish();
}

void Job::fail(const Error &error)
{
    if (m_state == State::Finished)
        return;
    m_error = error.isError() ? error : Error(ErrorCode::Internal, tr("Unknown failure."));
    finish();
}

void Job::setStep(const QString &step)
{
    if (m_step == step)
        return;
    m_step = step;
    Q_EMIT stepChanged(step);
}

void Job::finish()
{
    m_state = State::Finished;
    m_timeout.stop();
    if (m_runningChild && !m_runningChild->isFinished())
        m_runningChild->cancel();
    Q_EMIT finished(this);
    if (m_autoDelete)
        deleteLater();
}

} // namespace rcs
