#include "sequence_job.h"

namespace rcs::ui {

SequenceJob::SequenceJob(QList<Step> steps, QObject *parent)
    : rcs::Job(parent)
    , m_steps(std::move(steps))
{}

void SequenceJob::doStart()
{
    runNext();
}

void SequenceJob::runNext()
{
    if (m_next >= m_steps.size()) {
        succeed();
        return;
    }
    QString why;
    rcs::Job *job = m_steps.at(m_next++)(&why);
    if (!job) {
        fail(rcs::ErrorCode::Refused, why.isEmpty() ? tr("A step could not start.") : why);
        return;
    }
    m_current = job;
    connect(job, &rcs::Job::stepChanged, this, &SequenceJob::setStep);
    connect(job, &rcs::Job::infoMessage, this, &SequenceJob::info);
    connect(job, &rcs::Job::progress, this, &SequenceJob::setProgress);
    connect(job, &rcs::Job::finished, this, [this](rcs::Job *finished) {
        m_current = nullptr;
        if (finished->hasError())
            fail(finished->error());
        else
            runNext();
    });
    if (!job->title().isEmpty())
        setStep(job->title());
    job->start();
}

void SequenceJob::doCancel()
{
    if (m_current)
        m_current->cancel();
}

} // namespace rcs::ui
