#include "reliability_support.h"

#include "common/job.h"

#include <QProcess>
#include <QSignalSpy>

namespace rcs::test {

QString StudioRun::describe(const QStringList &args) const
{
    return QStringLiteral("redis-cluster-studio %1 → exit %2\n--- stdout\n%3\n--- stderr\n%4")
        .arg(args.join(u' '))
        .arg(exitCode)
        .arg(out, err);
}

QString studioExecutable()
{
    return qEnvironmentVariable("RCS_BINARY_DIR") + QStringLiteral("/app/redis-cluster-studio");
}

StudioRun runStudio(const QStringList &args, const QProcessEnvironment &env, int timeoutMs)
{
    StudioRun run;
    QProcess process;
    process.setProcessEnvironment(env);
    QSignalSpy finished(&process, &QProcess::finished);
    process.start(studioExecutable(), args);
    if (!process.waitForStarted(10000)) {
        run.err = process.errorString();
        return run;
    }
    if (finished.isEmpty() && !finished.wait(timeoutMs)) {
        process.kill();
        finished.wait(5000);
    } else {
        run.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    }
    run.out = QString::fromUtf8(process.readAllStandardOutput());
    run.err = QString::fromUtf8(process.readAllStandardError());
    return run;
}

bool runJob(Job *job, int timeoutMs)
{
    job->setAutoDelete(false);
    QSignalSpy finished(job, &Job::finished);
    job->start();
    return (job->isFinished() || finished.wait(timeoutMs)) && !job->hasError();
}

} // namespace rcs::test
