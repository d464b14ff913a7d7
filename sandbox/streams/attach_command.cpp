#include "streams/attach_command.h"

namespace sandbox {

AttachCommand::AttachCommand(const ExecRequest &request, bool running, QObject *parent)
    : RemoteCommand(parent)
    , m_request(request)
    , m_running(running)
{}

void AttachCommand::start()
{
    m_started = true;
    if (m_running)
        return;
    m_finished = true;
    const QString podName =
        m_request.pod.value(QLatin1String("metadata")).toObject().value(QLatin1String("name")).toString();
    Q_EMIT finished(failureStatus(
        QStringLiteral("BadRequest"),
        QStringLiteral("container is not running in pod %1: wait until the pod is Running").arg(podName),
        400));
}

void AttachCommand::containerOutput(const QByteArray &data)
{
    if (m_started && !m_finished && m_request.stdoutEnabled)
        Q_EMIT output(Stdout, data);
}

void AttachCommand::containerExited()
{
    if (m_finished)
        return;
    m_finished = true;
    Q_EMIT finished(successStatus());
}

} // namespace sandbox
