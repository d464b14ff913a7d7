#include "runtime/readiness_probe.h"

#include <QJsonArray>
#include <QProcess>
#include <QTcpSocket>
#include <QTimer>

#include <algorithm>

namespace sandbox {

namespace {

int seconds(const QJsonObject &probe, const char *key, int fallback)
{
    const QJsonValue value = probe.value(QLatin1String(key));
    return value.isDouble() ? value.toInt() : fallback;
}

} // namespace

ReadinessProbe::ReadinessProbe(const QJsonObject &probe, const QJsonObject &container,
                               const PodContext &context, const RedisTools &tools, bool isRedisServer,
                               QObject *parent)
    : QObject(parent)
    , m_probe(probe)
    , m_container(container)
    , m_context(context)
    , m_tools(tools)
    , m_isRedisServer(isRedisServer)
    , m_timeout(new QTimer(this))
{
    m_timeout->setSingleShot(true);
    connect(m_timeout, &QTimer::timeout, this, [this] { finish(false, QStringLiteral("probe timed out")); });
}

ReadinessProbe::~ReadinessProbe()
{
    if (m_process) {
        m_process->disconnect(this);
        m_process->kill();
        m_process->waitForFinished(1000); // bounded reap so no zombie is left behind
    }
}

int ReadinessProbe::initialDelayMs() const
{
    return std::min(seconds(m_probe, "initialDelaySeconds", 0) * 1000, 1000);
}

int ReadinessProbe::periodMs(bool wasReady) const
{
    return wasReady ? std::clamp(seconds(m_probe, "periodSeconds", 1) * 1000, 500, 2000) : 500;
}

int ReadinessProbe::failureThreshold() const
{
    return std::max(1, seconds(m_probe, "failureThreshold", 3));
}

void ReadinessProbe::check()
{
    if (m_running)
        return;
    m_running = true;
    // A loaded 2-core machine may need more than the usual 1 s for a process probe.
    m_timeout->start(std::max(seconds(m_probe, "timeoutSeconds", 1), 3) * 1000);
    if (m_probe.contains(QLatin1String("exec"))) {
        QStringList command;
        const QJsonArray array =
            m_probe.value(QLatin1String("exec")).toObject().value(QLatin1String("command")).toArray();
        for (const QJsonValue &value : array)
            command.append(value.toString());
        checkExec(command);
    } else if (m_probe.contains(QLatin1String("tcpSocket"))) {
        checkTcp(
            resolvePort(m_probe.value(QLatin1String("tcpSocket")).toObject().value(QLatin1String("port"))),
            false);
    } else if (m_probe.contains(QLatin1String("httpGet"))) {
        checkTcp(resolvePort(m_probe.value(QLatin1String("httpGet")).toObject().value(QLatin1String("port"))),
                 false);
    } else if (m_isRedisServer) {
        // A TLS-only server would drop a plain PING; without a probe that speaks TLS, a connect is the check.
        checkTcp(m_context.port, !m_context.tls);
    } else {
        finish(true, {});
    }
}

quint16 ReadinessProbe::resolvePort(const QJsonValue &port) const
{
    if (port.isDouble())
        return quint16(port.toInt());
    const QJsonArray ports = m_container.value(QLatin1String("ports")).toArray();
    for (const QJsonValue &value : ports) {
        const QJsonObject containerPort = value.toObject();
        if (containerPort.value(QLatin1String("name")).toString() == port.toString())
            return quint16(containerPort.value(QLatin1String("containerPort")).toInt());
    }
    return port.toString().toUShort();
}

void ReadinessProbe::checkExec(const QStringList &command)
{
    const LaunchPlan plan = planExec(command, m_context, m_tools);
    if (plan.program.isEmpty()) {
        finish(false, QStringLiteral("the exec probe has no command"));
        return;
    }
    m_process = new QProcess(this);
    m_process->setProcessChannelMode(QProcess::MergedChannels);
    m_process->setWorkingDirectory(m_context.workDir);
    m_process->setProcessEnvironment(m_context.processEnvironment());
    QProcess *process = m_process;
    connect(process, &QProcess::finished, this, [this, process](int exitCode, QProcess::ExitStatus status) {
        const QString output = QString::fromUtf8(process->readAll()).trimmed();
        process->deleteLater();
        finish(status == QProcess::NormalExit && exitCode == 0, output);
    });
    connect(process, &QProcess::errorOccurred, this, [this, process](QProcess::ProcessError error) {
        if (error == QProcess::FailedToStart) {
            process->deleteLater();
            finish(false, process->errorString());
        }
    });
    m_process->start(plan.program, plan.arguments);
}

void ReadinessProbe::checkTcp(quint16 port, bool sendPing)
{
    m_socket = new QTcpSocket(this);
    QTcpSocket *socket = m_socket;
    connect(socket, &QTcpSocket::connected, this, [this, socket, sendPing] {
        if (!sendPing) {
            socket->deleteLater();
            finish(true, {});
            return;
        }
        socket->write("PING\r\n");
    });
    connect(socket, &QTcpSocket::readyRead, this, [this, socket] {
        if (!socket->canReadLine())
            return;
        const QByteArray line = socket->readLine().trimmed();
        socket->deleteLater();
        // NOAUTH still proves a live server; LOADING (reading the AOF) is not ready yet, as in Kubernetes.
        finish(line == "+PONG" || line.startsWith("-NOAUTH"), QString::fromUtf8(line));
    });
    connect(socket, &QTcpSocket::errorOccurred, this, [this, socket] {
        socket->deleteLater();
        finish(false, socket->errorString());
    });
    socket->connectToHost(m_context.podIp, port);
}

void ReadinessProbe::finish(bool ok, const QString &message)
{
    if (!m_running)
        return;
    m_running = false;
    m_timeout->stop();
    if (m_process) {
        m_process->disconnect(this);
        if (m_process->state() != QProcess::NotRunning) {
            m_process->kill();
            m_process->waitForFinished(1000); // bounded reap of a probe that overran its timeout
        }
        m_process->deleteLater();
    }
    if (m_socket) {
        m_socket->disconnect(this);
        m_socket->abort();
        m_socket->deleteLater();
    }
    Q_EMIT finished(ok, message);
}

} // namespace sandbox
