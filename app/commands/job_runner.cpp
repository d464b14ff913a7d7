#include "job_runner.h"

#include "common/job.h"

#include <QEventLoop>

namespace rcs::cli {

Error runJob(Job *job)
{
    job->setAutoDelete(false);
    QEventLoop loop;
    QObject::connect(job, &Job::finished, &loop, &QEventLoop::quit);
    job->start();
    // Every job bounds its own waits (per-command and overall timeouts), so this returns.
    loop.exec();
    return job->error();
}

} // namespace rcs::cli
