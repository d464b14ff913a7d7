#include "reliability_support.h"

#include "common/job.h"

#include <QSignalSpy>

namespace rcs::test {

bool runJob(Job *job, int timeoutMs)
{
    job->setAutoDelete(false);
    QSignalSpy finished(job, &Job::finished);
    job->start();
    return (job->isFinished() || finished.wait(timeoutMs)) && !job->hasError();
}

} // namespace rcs::test
