#include "studio_process.h"

#include <QDebug>
#include <QElapsedTimer>

namespace rcs::test {

QString studioExecutable()
{
    return qEnvironmentVariable("RCS_BINARY_DIR") + QStringLiteral("/app/redis-cluster-studio");
}

std::unique_ptr<RunningProgram> startStudio(const QStringList &args, int timeoutMs,
                                            const QProcessEnvironment &environment)
{
    ProgramOptions options;
    options.timeoutMs = timeoutMs;
    options.environment = environment;
    return std::make_unique<RunningProgram>(studioExecutable(), args, options);
}

StudioRun runStudio(const QStringList &args, int timeoutMs, const QProcessEnvironment &environment)
{
    QElapsedTimer elapsed;
    elapsed.start();
    StudioRun run = startStudio(args, timeoutMs, environment)->finish();
    if (elapsed.elapsed() > 30000)
        qWarning().noquote() << "redis-cluster-studio" << args.join(QLatin1Char(' ')) << "took"
                             << elapsed.elapsed() << "ms";
    return run;
}

} // namespace rcs::test
