#include "streams/exec_command.h"

#include "common/logging.h"
#include "common/shell_quote.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QProcess>
#include <QStandardPaths>
#include <QTimer>

#include <fcntl.h>
#include <sys/ioctl.h>
#include <termios.h>
#include <unistd.h>

namespace sandbox {

namespace {

// The terminal the command runs on: standard input of `script`'s child (the command itself once the
// shell exec'd it), found through /proc.
QString terminalOf(qint64 scriptPid)
{
    QFile children(QStringLiteral("/proc/%1/task/%1/children").arg(scriptPid));
    if (!children.open(QIODevice::ReadOnly))
        return {};
    const QByteArray child = children.readAll().trimmed().split(' ').value(0);
    if (child.isEmpty())
        return {};
    const QString terminal =
        QFile::symLinkTarget(QStringLiteral("/proc/%1/fd/0").arg(QString::fromLatin1(child)));
    return terminal.startsWith(QLatin1String("/dev/pts/")) ? terminal : QString();
}

} // namespace

ExecCommand::ExecCommand(const ExecRequest &request, const std::optional<PodContext> &context,
                         const RedisTools &tools, QObject *parent)
    : RemoteCommand(parent)
    , m_request(request)
    , m_context(context)
    , m_tools(tools)
{}

ExecCommand::~ExecCommand()
{
    if (m_process && m_process->state() != QProcess::NotRunning) {
        m_process->disconnect(this);
        m_process->kill();
        m_process->waitForFinished(1000); // bounded reap of a command whose client went away
    }
}

std::optional<QString> ExecCommand::refusal() const
{
    const QString podName =
        m_request.pod.value(QLatin1String("metadata")).toObject().value(QLatin1String("name")).toString();
    if (!m_request.container.isEmpty()) {
        bool known = false;
        const QJsonArray containers = m_request.pod.value(QLatin1String("spec"))
                                          .toObject()
                                          .value(QLatin1String("containers"))
                                          .toArray();
        for (const QJsonValue &container : containers)
            known =
                known || container.toObject().value(QLatin1String("name")).toString() == m_request.container;
        if (!known)
            return QStringLiteral("container %1 is not valid for pod %2").arg(m_request.container, podName);
    }
    if (!m_context)
        return QStringLiteral("container is not running in pod %1: wait until the pod is Running")
            .arg(podName);
    if (m_request.command.isEmpty())
        return QStringLiteral("you must specify at least one command for the container");
    return std::nullopt;
}

void ExecCommand::start()
{
    if (const auto reason = refusal()) {
        finish(failureStatus(QStringLiteral("BadRequest"), *reason, 400));
        return;
    }
    const LaunchPlan plan = planExec(m_request.command, *m_context, m_tools);
    m_process = new QProcess(this);
    // Without a terminal, a tty request still gets one stream: stderr joins stdout as on a terminal.
    m_process->setProcessChannelMode(m_request.tty ? QProcess::MergedChannels : QProcess::SeparateChannels);
    m_process->setWorkingDirectory(m_context->workDir);
    QProcessEnvironment environment = m_context->processEnvironment();
    m_process->setProcessEnvironment(environment);
    connect(m_process, &QProcess::readyReadStandardOutput, this, &ExecCommand::forwardOutput);
    connect(m_process, &QProcess::readyReadStandardError, this, &ExecCommand::forwardOutput);
    connect(m_process, &QProcess::started, this, [this] {
        if (!m_pendingStdin.isEmpty())
            m_process->write(m_pendingStdin);
        m_pendingStdin.clear();
        if (m_stdinClosed || !m_request.stdinEnabled)
            m_process->closeWriteChannel();
    });
    connect(m_process, &QProcess::finished, this, [this](int exitCode, QProcess::ExitStatus exitStatus) {
        forwardOutput();
        const int code = exitStatus == QProcess::CrashExit ? 137 : exitCode;
        if (code == 0) {
            finish(successStatus());
            return;
        }
        QJsonObject status = failureStatus(QStringLiteral("NonZeroExitCode"),
                                           QStringLiteral("command terminated with non-zero exit code: error "
                                                          "executing command [%1], exit code %2")
                                               .arg(m_request.command.join(u' '))
                                               .arg(code),
                                           0);
        status.remove(QStringLiteral("code"));
        status.insert(
            QStringLiteral("details"),
            QJsonObject{{QStringLiteral("causes"),
                         QJsonArray{QJsonObject{{QStringLiteral("reason"), QStringLiteral("ExitCode")},
                                                {QStringLiteral("message"), QString::number(code)}}}}});
        finish(status);
    });
    connect(m_process, &QProcess::errorOccurred, this, [this](QProcess::ProcessError error) {
        if (error != QProcess::FailedToStart)
            return;
        finish(failureStatus(
            QStringLiteral("InternalError"),
            QStringLiteral("error executing command in container: exec: \"%1\": executable file "
                           "not found in $PATH")
                .arg(m_request.command.first()),
            500));
    });
    const QString podName =
        m_request.pod.value(QLatin1String("metadata")).toObject().value(QLatin1String("name")).toString();
    qCInfo(lcSandbox).noquote() << "exec in pod" << podName << ":" << plan.program
                                << plan.arguments.join(u' ');
    const QString script = QStandardPaths::findExecutable(QStringLiteral("script"));
    if (m_request.tty && !script.isEmpty()) {
        // `kubectl exec -it … -- bash` wants a terminal (prompts, echo, line editing): util-linux
        // script gives the command a pseudo-terminal and returns its exit code (-e). Its shell sets
        // the terminal to the client's size first, then becomes the command.
        QString line = rcs::shellJoin(QStringList{plan.program} + plan.arguments);
        if (m_size.isValid())
            line = QStringLiteral("stty cols %1 rows %2 2>/dev/null; exec %3")
                       .arg(m_size.width())
                       .arg(m_size.height())
                       .arg(line);
        environment.insert(QStringLiteral("TERM"), QStringLiteral("xterm"));
        environment.insert(QStringLiteral("SHELL"), QStringLiteral("/bin/sh")); // the shell script -c uses
        m_process->setProcessEnvironment(environment);
        m_process->start(script, {QStringLiteral("-q"), QStringLiteral("-f"), QStringLiteral("-e"),
                                  QStringLiteral("-c"), line, QStringLiteral("/dev/null")});
    } else {
        m_process->start(plan.program, plan.arguments);
    }
}

void ExecCommand::writeStdin(const QByteArray &data)
{
    if (m_process && m_process->state() == QProcess::Running)
        m_process->write(data);
    else if (!m_finished)
        m_pendingStdin.append(data);
}

void ExecCommand::closeStdin()
{
    m_stdinClosed = true;
    if (m_process && m_process->state() == QProcess::Running)
        m_process->closeWriteChannel();
}

void ExecCommand::resize(QSize size)
{
    m_size = size;
    applyTerminalSize();
}

void ExecCommand::applyTerminalSize()
{
    if (!m_request.tty || !m_process || m_process->state() != QProcess::Running || !m_size.isValid())
        return;
    const QString terminal = terminalOf(m_process->processId());
    if (terminal.isEmpty()) {
        // The command is not on its terminal yet: try again shortly, for a second at most.
        if (++m_sizeAttempts <= 20)
            QTimer::singleShot(50, this, &ExecCommand::applyTerminalSize);
        return;
    }
    m_sizeAttempts = 0;
    const int fd = ::open(QFile::encodeName(terminal).constData(), O_RDWR | O_NOCTTY | O_NONBLOCK);
    if (fd < 0)
        return;
    struct winsize size {};
    size.ws_col = quint16(m_size.width());
    size.ws_row = quint16(m_size.height());
    ::ioctl(fd, TIOCSWINSZ, &size); // the kernel sends SIGWINCH to the terminal's foreground job
    ::close(fd);
}

void ExecCommand::forwardOutput()
{
    if (!m_process || m_finished)
        return;
    const QByteArray out = m_process->readAllStandardOutput();
    if (!out.isEmpty() && m_request.stdoutEnabled)
        Q_EMIT output(Stdout, out);
    if (m_request.tty)
        return; // a terminal has one stream: stderr was merged into stdout above
    const QByteArray err = m_process->readAllStandardError();
    if (!err.isEmpty() && m_request.stderrEnabled)
        Q_EMIT output(Stderr, err);
}

void ExecCommand::finish(const QJsonObject &status)
{
    if (m_finished)
        return;
    m_finished = true;
    Q_EMIT finished(status);
}

} // namespace sandbox
