#include "redis_cli_runner.h"

#include "support/server_under_test.h"

#include <QProcess>
#include <QStandardPaths>

namespace rcs::test {

Result<ProcessRun> runProgram(const QString &program, const QStringList &args, int timeoutMs)
{
    const QString path =
        program.contains(QLatin1Char('/')) ? program : QStandardPaths::findExecutable(program);
    if (path.isEmpty())
        return Error(ErrorCode::NotFound, QStringLiteral("%1 is not installed (not on PATH).").arg(program));
    QProcess process;
    process.setProcessChannelMode(QProcess::MergedChannels);
    process.start(path, args);
    if (!process.waitForStarted(10000))
        return Error(ErrorCode::Io,
                     QStringLiteral("Could not start %1: %2.").arg(path, process.errorString()));
    if (!process.waitForFinished(timeoutMs)) {
        process.kill();
        process.waitForFinished(5000);
        return Error(ErrorCode::Timeout, QStringLiteral("'%1 %2' did not finish within %3 s.")
                                             .arg(program, args.join(QLatin1Char(' ')))
                                             .arg(timeoutMs / 1000));
    }
    ProcessRun run;
    run.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    run.output = QString::fromLocal8Bit(process.readAll());
    return run;
}

Result<ProcessRun> runRedisCli(const QStringList &args, int timeoutMs)
{
    const QString cli = redisCliProgram();
    return runProgram(cli.isEmpty() ? QStringLiteral("redis-cli") : cli, args, timeoutMs);
}

} // namespace rcs::test
