#include "sandbox_controller.h"

#include "common/job.h"
#include "common/logger.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QStandardPaths>
#include <QTimer>

#include <csignal>
#include <functional>

namespace rcs {

namespace {

bool processAlive(qint64 pid)
{
    if (pid <= 0)
        return false;
    if (::kill(pid_t(pid), 0) != 0)
        return false;
    // A zombie still answers kill(0): look at its state.
    QFile stat(QStringLiteral("/proc/%1/stat").arg(pid));
    if (stat.open(QIODevice::ReadOnly)) {
        const QByteArray text = stat.readAll();
        const qsizetype close = text.lastIndexOf(')');
        if (close > 0 && close + 2 < text.size() && text.at(close + 2) == 'Z')
            return false;
    }
    return true;
}

QString lastLogLines(const QString &path, int count = 5)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    QStringList lines = QString::fromUtf8(file.readAll()).trimmed().split(QLatin1Char('\n'));
    if (lines.size() > count)
        lines = lines.mid(lines.size() - count);
    return lines.join(QLatin1String(" | "));
}

// Polls a condition every 100 ms until it holds, fails or the job's timeout ends it.
class PollJob final : public Job {
public:
    // check returns true when done; sets *error to stop with a failure.
    PollJob(std::function<Result<void>()> begin, std::function<bool(Error *)> check,
            QObject *parent = nullptr)
        : Job(parent)
        , m_begin(std::move(begin))
        , m_check(std::move(check))
    {
        m_timer.setInterval(100);
        connect(&m_timer, &QTimer::timeout, this, &PollJob::poll);
    }

protected:
    void doStart() override
    {
        if (const Result<void> begun = m_begin(); !begun) {
            fail(begun.error());
            return;
        }
        m_timer.start();
        poll();
    }
    void doCancel() override { m_timer.stop(); }

private:
    void poll()
    {
        if (isFinished())
            return;
        Error error;
        if (m_check(&error)) {
            m_timer.stop();
            succeed();
        } else if (error.isError()) {
            m_timer.stop();
            fail(error);
        }
    }

    std::function<Result<void>()> m_begin;
    std::function<bool(Error *)> m_check;
    QTimer m_timer;
};

} // namespace

SandboxController::SandboxController(QString dataDir, QObject *parent)
    : QObject(parent)
    , m_dataDir(dataDir.isEmpty() ? defaultDataDir() : QDir(dataDir).absolutePath())
{}

QString SandboxController::defaultDataDir()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppLocalDataLocation) +
           QStringLiteral("/sandbox");
}

QString SandboxController::findExecutable()
{
    const QDir appDir(QCoreApplication::applicationDirPath());
    for (const QString &candidate :
         {QStringLiteral("../sandbox/kube-sandbox"), QStringLiteral("kube-sandbox"),
          QStringLiteral("../../sandbox/kube-sandbox")}) {
        const QFileInfo info(appDir.filePath(candidate));
        if (info.isFile() && info.isExecutable())
            return info.canonicalFilePath();
    }
    return QStandardPaths::findExecutable(QStringLiteral("kube-sandbox"));
}

QString SandboxController::kubeconfigPath() const
{
    return QDir(m_dataDir).filePath(QStringLiteral("kubeconfig"));
}

QString SandboxController::pidFilePath() const
{
    return QDir(m_dataDir).filePath(QStringLiteral("kube-sandbox.pid"));
}

QString SandboxController::logFilePath() const
{
    return QDir(m_dataDir).filePath(QStringLiteral("kube-sandbox.log"));
}

qint64 SandboxController::runningPid() const
{
    QFile file(pidFilePath());
    if (!file.open(QIODevice::ReadOnly))
        return 0;
    const qint64 pid = file.readAll().trimmed().toLongLong();
    return processAlive(pid) ? pid : 0;
}

Job *SandboxController::start(int timeoutMs)
{
    auto pid = std::make_shared<qint64>(0);
    const QString dataDir = m_dataDir;
    const QString logFile = logFilePath();
    const QString pidFile = pidFilePath();
    const QStringList extra = m_extraArguments;
    auto alreadyRunning = std::make_shared<bool>(false);
    auto begin = [=, this]() -> Result<void> {
        if (const qint64 running = runningPid()) {
            *pid = running;
            *alreadyRunning = true;
            return {};
        }
        const QString program = findExecutable();
        if (program.isEmpty()) {
            return Error(ErrorCode::Io,
                         tr("kube-sandbox was not found next to %1 nor on PATH: build it with 'cmake "
                            "--build build --target kube-sandbox', or install it.")
                             .arg(QCoreApplication::applicationDirPath()));
        }
        if (!QDir().mkpath(dataDir))
            return Error(ErrorCode::Io, tr("Cannot create the sandbox folder %1.").arg(dataDir));
        QFile::remove(kubeconfigPath());
        QProcess process;
        process.setProgram(program);
        process.setArguments(QStringList{QStringLiteral("--data-dir"), dataDir} + extra);
        process.setStandardOutputFile(logFile);
        process.setStandardErrorFile(logFile, QIODevice::Append);
        process.setStandardInputFile(QProcess::nullDevice());
        qint64 started = 0;
        if (!process.startDetached(&started))
            return Error(ErrorCode::Io, tr("Cannot start %1: %2").arg(program, process.errorString()));
        *pid = started;
        QFile file(pidFile);
        if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
            return Error(ErrorCode::Io, tr("Cannot write %1.").arg(pidFile));
        file.write(QByteArray::number(started) + '\n');
        Logger::instance().command(
            QStringLiteral("sandbox"), tr("Start the sandbox"),
            QStringLiteral("%1 --data-dir %2 %3").arg(program, dataDir, extra.join(QLatin1Char(' '))));
        return {};
    };
    auto check = [=, this](Error *error) {
        if (!processAlive(*pid)) {
            *error =
                Error(ErrorCode::Io, tr("kube-sandbox exited while starting: %1").arg(lastLogLines(logFile)));
            return false;
        }
        if (*alreadyRunning)
            return QFileInfo::exists(kubeconfigPath());
        QFile log(logFile);
        return log.open(QIODevice::ReadOnly) && log.readAll().contains("listening on ");
    };
    auto *job = new PollJob(begin, check);
    job->setTitle(tr("Start the sandbox"));
    job->setTimeout(timeoutMs);
    return job;
}

Job *SandboxController::stop(int timeoutMs)
{
    auto pid = std::make_shared<qint64>(0);
    const QString pidFile = pidFilePath();
    auto begin = [=, this]() -> Result<void> {
        *pid = runningPid();
        if (*pid > 0) {
            Logger::instance().command(QStringLiteral("sandbox"), tr("Stop the sandbox"),
                                       QStringLiteral("kill -TERM %1").arg(*pid));
            ::kill(pid_t(*pid), SIGTERM);
        }
        return {};
    };
    auto check = [=](Error *) {
        if (processAlive(*pid))
            return false;
        QFile::remove(pidFile);
        return true;
    };
    auto *job = new PollJob(begin, check);
    job->setTitle(tr("Stop the sandbox"));
    job->setTimeout(timeoutMs);
    return job;
}

} // namespace rcs
