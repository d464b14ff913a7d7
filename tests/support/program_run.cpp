#include "program_run.h"

#include "common/child_process.h"

#include "support/server_under_test.h"

#include <QEventLoop>
#include <QJsonDocument>
#include <QProcess>
#include <QStandardPaths>
#include <QTimer>

namespace rcs::test {

namespace {
constexpr int StartTimeoutMs = 10000;
constexpr int KillTimeoutMs = 5000;

void fail(ProgramRun &run, ErrorCode code, const QString &message)
{
    run.exitCode = -1;
    run.failure = Error(code, message);
    run.err = QStringLiteral("[%1] %2").arg(message, run.err);
}
} // namespace

QString ProgramRun::all() const
{
    QStringList kept;
    int tunnels = 0;
    const QString both = out + err;
    for (const QString &line : both.split(u'\n')) {
        if (line.startsWith(QLatin1String("$ kubectl ")) &&
            line.contains(QLatin1String(" port-forward pod/")))
            ++tunnels;
        else
            kept.append(line);
    }
    if (tunnels > 0)
        kept.append(QStringLiteral("(%1 port-forward lines left out)").arg(tunnels));
    return kept.join(u'\n');
}

QString ProgramRun::describe() const
{
    return QStringLiteral("%1 %2 → exit %3\n--- stdout\n%4\n--- stderr\n%5")
        .arg(program, args.join(u' '))
        .arg(exitCode)
        .arg(out, err);
}

QJsonObject ProgramRun::json() const
{
    return QJsonDocument::fromJson(out.toUtf8()).object();
}

RunningProgram::RunningProgram(const QString &program, const QStringList &args, const ProgramOptions &options)
    : m_options(options)
{
    m_run.program = program;
    m_run.args = args;
    const QString path =
        program.contains(QLatin1Char('/')) ? program : QStandardPaths::findExecutable(program);
    if (path.isEmpty()) {
        fail(m_run, ErrorCode::NotFound, QStringLiteral("%1 is not installed (not on PATH).").arg(program));
        return;
    }
    m_process = std::make_unique<QProcess>();
    rcs::endWithParent(*m_process); // the studio (and its tunnels) end with a test killed on timeout
    if (!options.environment.isEmpty())
        m_process->setProcessEnvironment(options.environment);
    if (options.mergeChannels)
        m_process->setProcessChannelMode(QProcess::MergedChannels);
    // The exit is stamped when it happens (benchmarks time tools by it), not when finish() looks.
    QObject::connect(m_process.get(), &QProcess::finished, m_process.get(),
                     [this] { m_run.exitedAfterMs = m_clock.elapsed(); });
    m_clock.start();
    m_process->start(path, args);
    if (!m_process->waitForStarted(StartTimeoutMs)) {
        fail(m_run, ErrorCode::Io,
             QStringLiteral("Could not start %1: %2.").arg(path, m_process->errorString()));
        m_process.reset();
        return;
    }
    if (!options.input.isEmpty())
        m_process->write(options.input);
    m_process->closeWriteChannel();
}

RunningProgram::~RunningProgram()
{
    if (m_process && m_process->state() != QProcess::NotRunning) {
        m_process->kill();
        m_process->waitForFinished(KillTimeoutMs);
    }
}

bool RunningProgram::isRunning() const
{
    return m_process && m_process->state() != QProcess::NotRunning;
}

qint64 RunningProgram::processId() const
{
    return m_process ? m_process->processId() : 0;
}

ProgramRun RunningProgram::finish()
{
    if (!m_process)
        return m_run;
    const qint64 left = m_options.timeoutMs - m_clock.elapsed();
    if (m_process->state() != QProcess::NotRunning && left > 0) {
        QEventLoop loop;
        QObject::connect(m_process.get(), &QProcess::finished, &loop, &QEventLoop::quit);
        QTimer bound;
        bound.setSingleShot(true);
        QObject::connect(&bound, &QTimer::timeout, &loop, &QEventLoop::quit);
        bound.start(static_cast<int>(left));
        if (m_process->state() != QProcess::NotRunning)
            loop.exec();
    }
    const bool killed = m_process->state() != QProcess::NotRunning;
    if (killed) {
        m_process->kill();
        m_process->waitForFinished(KillTimeoutMs);
        m_run.exitedAfterMs = -1;
    }
    m_run.out = QString::fromUtf8(m_process->readAllStandardOutput());
    if (!m_options.mergeChannels)
        m_run.err = QString::fromUtf8(m_process->readAllStandardError());
    if (killed)
        fail(m_run, ErrorCode::Timeout,
             QStringLiteral("'%1 %2' did not finish within %3 s and was killed")
                 .arg(m_run.program, m_run.args.join(u' '))
                 .arg(m_options.timeoutMs / 1000.0));
    else
        m_run.exitCode = m_process->exitStatus() == QProcess::NormalExit ? m_process->exitCode() : -1;
    m_process.reset();
    return m_run;
}

ProgramRun runProgram(const QString &program, const QStringList &args, const ProgramOptions &options)
{
    return RunningProgram(program, args, options).finish();
}

QString runToSuccess(const QString &program, const QStringList &args, int timeoutMs)
{
    ProgramOptions options;
    options.timeoutMs = timeoutMs;
    const ProgramRun run = runProgram(program, args, options);
    return run.exitCode == 0 ? QString() : run.describe();
}

ProgramRun runRedisCli(const QStringList &args, int timeoutMs, const QByteArray &input)
{
    const QString cli = redisCliProgram();
    ProgramOptions options;
    options.timeoutMs = timeoutMs;
    options.input = input;
    return runProgram(cli.isEmpty() ? QStringLiteral("redis-cli") : cli, args, options);
}

} // namespace rcs::test
