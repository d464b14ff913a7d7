#pragma once

#include "error.h"

#include <QElapsedTimer>
#include <QObject>
#include <QPointer>
#include <QTimer>

namespace rcs {

// An asynchronous unit of work (after KDE's KJob). start() only schedules doStart() on the event loop;
// the job reports progress and steps while it runs and emits finished() exactly once, on success,
// error, timeout or cancel. A job never blocks the thread it lives in.
//
// Error behaviour: the first fail() wins; later fail()/succeed() calls are ignored. A timeout
// (setTimeout) fails with ErrorCode::Timeout naming the current step; cancel() fails with
// ErrorCode::Cancelled after doCancel() had a chance to stop in-flight work.
class Job : public QObject {
    Q_OBJECT
public:
    explicit Job(QObject *parent = nullptr);
    ~Job() override;

    void start();
    void cancel();

    bool isRunning() const { return m_state == State::Running; }
    bool isFinished() const { return m_state == State::Finished; }
    bool hasError() const { return m_error.isError(); }
    const Error &error() const { return m_error; }
    QString errorString() const { return m_error.message(); }

    QString title() const { return m_title; }
    void setTitle(const QString &title) { m_title = title; }
    QString currentStep() const { return m_step; }
    qint64 elapsedMs() const { return m_elapsed.isValid() ? m_elapsed.elapsed() : 0; }

    // Overall bound on the job, 0 = none. Set before start().
    void setTimeout(int ms) { m_timeoutMs = ms; }
    int timeout() const { return m_timeoutMs; }
    // When true (the default) the job deletes itself (deleteLater) after finished().
    void setAutoDelete(bool autoDelete) { m_autoDelete = autoDelete; }

Q_SIGNALS:
    void started(rcs::Job *job);
    void stepChanged(const QString &step);
    void progress(qint64 done, qint64 total);
    void infoMessage(const QString &message);
    void finished(rcs::Job *job);

protected:
    virtual void doStart() = 0;
    // Stop in-flight work; the job is failed with Cancelled right after this returns.
    virtual void doCancel() {}

    void succeed();
    void fail(const Error &error);
    void fail(ErrorCode code, const QString &message, const QString &detail = {})
    {
        fail(Error(code, message, detail));
    }
    void setStep(const QString &step);
    // Runs child as a step of this job: the child's failure becomes this job's failure,
    // onSuccess(child) runs when it succeeds, and a child still running when this job finishes
    // (cancel, timeout, error) is cancelled with it.
    template<class Child, class OnSuccess> void runChild(Child *child, OnSuccess onSuccess)
    {
        m_runningChild = child;
        connect(child, &Job::finished, this, [this, child, onSuccess] {
            if (isFinished())
                return;
            if (child->hasError())
                return fail(child->error());
            onSuccess(child);
        });
        child->start();
    }
    void setProgress(qint64 done, qint64 total) { Q_EMIT progress(done, total); }
    void info(const QString &message) { Q_EMIT infoMessage(message); }

private:
    enum class State { Idle, Scheduled, Running, Finished };
    void finish();

    State m_state = State::Idle;
    Error m_error;
    QString m_title;
    QString m_step;
    QElapsedTimer m_elapsed;
    QTimer m_timeout;
    QPointer<Job> m_runningChild;
    int m_timeoutMs = 0;
    bool m_autoDelete = true;
};

} // namespace rcs
