#include "streams/exec_session.h"

#include "common/logging.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QStandardPaths>
#include <QTimer>
#include <QWebSocket>

namespace sandbox {

namespace {

constexpr quint8 kStdin = 0;
constexpr quint8 kStdout = 1;
constexpr quint8 kStderr = 2;
constexpr quint8 kError = 3;
constexpr quint8 kClose = 255;

QJsonObject failure(const QString &reason, const QString &message, int code)
{
    return QJsonObject{{QStringLiteral("metadata"), QJsonObject{}},
                       {QStringLiteral("status"), QStringLiteral("Failure")},
                       {QStringLiteral("message"), message},
                       {QStringLiteral("reason"), reason},
                       {QStringLiteral("code"), code}};
}

QString shellQuote(const QStringList &words)
{
    QStringList quoted;
    for (QString word : words)
        quoted.append(u'\'' + word.replace(u'\'', QLatin1String("'\\''")) + u'\'');
    return quoted.join(u' ');
}

} // namespace

ExecSession::ExecSession(QWebSocket *socket, const ExecRequest &request,
                         const std::optional<PodContext> &context, const RedisTools &tools, QObject *parent)
    : QObject(parent)
    , m_socket(socket)
    , m_request(request)
    , m_context(context)
    , m_tools(tools)
    , m_framing(request.subprotocol)
{
    m_socket->setParent(this);
    connect(m_socket, &QWebSocket::disconnected, this, &QObject::deleteLater);
    m_framing.receive(m_socket, this,
                      [this](quint8 channel, const QByteArray &payload) { onMessage(channel, payload); });
}

ExecSession::~ExecSession()
{
    if (m_process && m_process->state() != QProcess::NotRunning) {
        m_process->disconnect(this);
        m_process->kill();
        m_process->waitForFinished(1000); // bounded reap of a command whose client went away
    }
}

void ExecSession::start()
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
        if (!known) {
            finish(failure(
                QStringLiteral("BadRequest"),
                QStringLiteral("container %1 is not valid for pod %2").arg(m_request.container, podName),
                400));
            return;
        }
    }
    if (!m_context) {
        finish(failure(
            QStringLiteral("BadRequest"),
            QStringLiteral("container is not running in pod %1: wait until the pod is Running").arg(podName),
            400));
        return;
    }
    if (m_request.command.isEmpty()) {
        finish(failure(QStringLiteral("BadRequest"),
                       QStringLiteral("you must specify at least one command for the container"), 400));
        return;
    }
    const LaunchPlan plan = planExec(m_request.command, *m_context, m_tools);
    m_process = new QProcess(this);
    // Without a terminal, a tty request still gets one stream: stderr joins stdout as on a terminal.
    m_process->setProcessChannelMode(m_request.tty ? QProcess::MergedChannels : QProcess::SeparateChannels);
    m_process->setWorkingDirectory(m_context->workDir);
    QProcessEnvironment environment = m_context->processEnvironment();
    m_process->setProcessEnvironment(environment);
    connect(m_process, &QProcess::readyReadStandardOutput, this, &ExecSession::forwardOutput);
    connect(m_process, &QProcess::readyReadStandardError, this, &ExecSession::forwardOutput);
    connect(m_process, &QProcess::finished, this, [this](int exitCode, QProcess::ExitStatus exitStatus) {
        forwardOutput();
        const int code = exitStatus == QProcess::CrashExit ? 137 : exitCode;
        if (code == 0) {
            finish(QJsonObject{{QStringLiteral("metadata"), QJsonObject{}},
                               {QStringLiteral("status"), QStringLiteral("Success")}});
            return;
        }
        QJsonObject status =
            failure(QStringLiteral("NonZeroExitCode"),
                    QStringLiteral("command terminated with non-zero exit code: error executing "
                                   "command [%1], exit code %2")
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
        finish(
            failure(QStringLiteral("InternalError"),
                    QStringLiteral("error executing command in container: exec: \"%1\": executable file not "
                                   "found in $PATH")
                        .arg(m_request.command.first()),
                    500));
    });
    qCInfo(lcSandbox).noquote() << "exec in pod" << podName << ":" << plan.program
                                << plan.arguments.join(u' ');
    const QString script = QStandardPaths::findExecutable(QStringLiteral("script"));
    if (m_request.tty && !script.isEmpty()) {
        // `kubectl exec -it … -- bash` wants a terminal (prompts, echo, line editing): util-linux
        // script gives the command a pseudo-terminal and returns its exit code (-e).
        environment.insert(QStringLiteral("TERM"), QStringLiteral("xterm"));
        m_process->setProcessEnvironment(environment);
        m_process->start(
            script, {QStringLiteral("-q"), QStringLiteral("-f"), QStringLiteral("-e"), QStringLiteral("-c"),
                     shellQuote(QStringList{plan.program} + plan.arguments), QStringLiteral("/dev/null")});
    } else {
        m_process->start(plan.program, plan.arguments);
    }
    if (!m_request.stdinEnabled)
        m_process->closeWriteChannel();
}

void ExecSession::onMessage(quint8 channel, const QByteArray &payload)
{
    if (!m_process)
        return;
    if (channel == kStdin) {
        m_process->write(payload);
    } else if (channel == kClose && !payload.isEmpty() && quint8(payload.at(0)) == kStdin) {
        m_process->closeWriteChannel();
    }
    // Channel 4 (resize) has no meaning without a terminal.
}

void ExecSession::forwardOutput()
{
    if (!m_process || m_finished)
        return;
    const QByteArray out = m_process->readAllStandardOutput();
    if (!out.isEmpty() && m_request.stdoutEnabled)
        m_framing.send(m_socket, kStdout, out);
    if (m_request.tty)
        return; // a terminal has one stream: stderr was merged into stdout above
    const QByteArray err = m_process->readAllStandardError();
    if (!err.isEmpty() && m_request.stderrEnabled)
        m_framing.send(m_socket, kStderr, err);
}

void ExecSession::finish(const QJsonObject &status)
{
    if (m_finished)
        return;
    m_finished = true;
    m_framing.send(m_socket, kError, QJsonDocument(status).toJson(QJsonDocument::Compact));
    m_socket->flush();
    m_socket->close(QWebSocketProtocol::CloseCodeNormal);
    // A peer that never completes the closing handshake must not keep the session alive.
    QTimer::singleShot(10000, this, &QObject::deleteLater);
}

} // namespace sandbox
