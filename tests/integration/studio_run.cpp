#include "studio_run.h"

#include <QJsonDocument>
#include <QProcess>

namespace rcs::test {

StudioRun studio(const QStringList &args, int timeoutMs)
{
    QProcess process;
    process.start(qEnvironmentVariable("RCS_BINARY_DIR") + QStringLiteral("/app/redis-cluster-studio"), args);
    StudioRun run;
    if (!process.waitForFinished(timeoutMs)) {
        process.kill();
        process.waitForFinished(5000);
        run.err = "timed out";
        return run;
    }
    run.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    run.out = process.readAllStandardOutput();
    run.err = process.readAllStandardError();
    return run;
}

QString describe(const StudioRun &run)
{
    return QStringLiteral("exit %1\nstdout:\n%2\nstderr:\n%3")
        .arg(run.exitCode)
        .arg(QString::fromUtf8(run.out), QString::fromUtf8(run.err));
}

QJsonObject json(const StudioRun &run)
{
    return QJsonDocument::fromJson(run.out).object();
}

} // namespace rcs::test
