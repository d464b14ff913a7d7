#include "runtime/pod_status.h"

#include "api/object_defaults.h"
#include "runtime/pod_process.h"

#include <QDateTime>
#include <QJsonArray>

namespace sandbox {

namespace {

QString isoTime(const QDateTime &time)
{
    return time.toUTC().toString(Qt::ISODate);
}

QJsonObject condition(const QString &type, bool value, const QJsonObject &previous,
                      const QString &reason = {}, const QString &message = {})
{
    const QString status = value ? QStringLiteral("True") : QStringLiteral("False");
    QString since = isoTime(QDateTime::currentDateTimeUtc());
    const QJsonArray old = previous.value(QLatin1String("conditions")).toArray();
    for (const QJsonValue &entry : old) {
        const QJsonObject oldCondition = entry.toObject();
        if (oldCondition.value(QLatin1String("type")).toString() == type &&
            oldCondition.value(QLatin1String("status")).toString() == status) {
            since = oldCondition.value(QLatin1String("lastTransitionTime")).toString();
        }
    }
    QJsonObject result{{QStringLiteral("type"), type},
                       {QStringLiteral("status"), status},
                       {QStringLiteral("lastProbeTime"), QJsonValue::Null},
                       {QStringLiteral("lastTransitionTime"), since}};
    if (!reason.isEmpty())
        result.insert(QStringLiteral("reason"), reason);
    if (!message.isEmpty())
        result.insert(QStringLiteral("message"), message);
    return result;
}

QJsonObject terminatedState(const PodProcess::Termination &termination, const QString &containerId)
{
    QJsonObject state{{QStringLiteral("exitCode"), termination.exitCode},
                      {QStringLiteral("reason"), termination.reason},
                      {QStringLiteral("startedAt"), isoTime(termination.startedAt)},
                      {QStringLiteral("finishedAt"), isoTime(termination.finishedAt)},
                      {QStringLiteral("containerID"), containerId}};
    if (!termination.message.isEmpty())
        state.insert(QStringLiteral("message"), termination.message);
    return state;
}

} // namespace

QJsonObject buildPodStatus(const QJsonObject &pod, const PodStatusInput &input, const PodProcess *process,
                           const QJsonObject &previous)
{
    const QJsonObject spec = pod.value(QLatin1String("spec")).toObject();
    const QJsonObject container = spec.value(QLatin1String("containers")).toArray().first().toObject();
    const QString containerName = container.value(QLatin1String("name")).toString();
    const QString uid =
        pod.value(QLatin1String("metadata")).toObject().value(QLatin1String("uid")).toString();

    QJsonObject status{{QStringLiteral("qosClass"), podQosClass(spec)}};
    if (input.nodeName.isEmpty()) {
        status.insert(QStringLiteral("phase"), QStringLiteral("Pending"));
        status.insert(QStringLiteral("conditions"),
                      QJsonArray{condition(QStringLiteral("PodScheduled"), false, previous,
                                           QStringLiteral("Unschedulable"), input.unschedulableMessage)});
        return status;
    }

    const bool started = process && process->hasStarted();
    const bool ready = process && process->isReady();
    QString phase = started ? QStringLiteral("Running") : QStringLiteral("Pending");
    if (process && process->state() == PodProcess::State::Terminated && !process->isStopping()) {
        phase =
            process->lastTermination().exitCode == 0 ? QStringLiteral("Succeeded") : QStringLiteral("Failed");
    }
    status.insert(QStringLiteral("phase"), phase);
    status.insert(QStringLiteral("hostIP"), QStringLiteral("127.0.0.1"));
    status.insert(QStringLiteral("hostIPs"),
                  QJsonArray{QJsonObject{{QStringLiteral("ip"), QStringLiteral("127.0.0.1")}}});
    if (process) {
        status.insert(QStringLiteral("podIP"), process->context().podIp);
        status.insert(QStringLiteral("podIPs"),
                      QJsonArray{QJsonObject{{QStringLiteral("ip"), process->context().podIp}}});
    }
    if (!input.startTime.isEmpty())
        status.insert(QStringLiteral("startTime"), input.startTime);
    const QString notReadyMessage = QStringLiteral("containers with unready status: [%1]").arg(containerName);
    status.insert(
        QStringLiteral("conditions"),
        QJsonArray{condition(QStringLiteral("PodReadyToStartContainers"), process != nullptr, previous),
                   condition(QStringLiteral("Initialized"), true, previous),
                   condition(QStringLiteral("Ready"), ready, previous,
                             ready ? QString() : QStringLiteral("ContainersNotReady"),
                             ready ? QString() : notReadyMessage),
                   condition(QStringLiteral("ContainersReady"), ready, previous,
                             ready ? QString() : QStringLiteral("ContainersNotReady"),
                             ready ? QString() : notReadyMessage),
                   condition(QStringLiteral("PodScheduled"), true, previous)});

    const QString image = container.value(QLatin1String("image")).toString();
    const int restarts = process ? process->restartCount() : 0;
    const QString containerId = QStringLiteral("sandbox://%1-%2").arg(uid.left(8)).arg(restarts);
    QJsonObject state;
    if (!process) {
        state.insert(
            QStringLiteral("waiting"),
            input.configError.isEmpty()
                ? QJsonObject{{QStringLiteral("reason"), QStringLiteral("ContainerCreating")}}
                : QJsonObject{{QStringLiteral("reason"), QStringLiteral("CreateContainerConfigError")},
                              {QStringLiteral("message"), input.configError}});
    } else if (process->state() == PodProcess::State::Running) {
        state.insert(QStringLiteral("running"),
                     QJsonObject{{QStringLiteral("startedAt"), isoTime(process->startedAt())}});
    } else if (process->state() == PodProcess::State::Terminated) {
        state.insert(QStringLiteral("terminated"), terminatedState(process->lastTermination(), containerId));
    } else {
        QJsonObject waiting{{QStringLiteral("reason"), process->waitingReason()}};
        if (!process->waitingMessage().isEmpty())
            waiting.insert(QStringLiteral("message"), process->waitingMessage());
        state.insert(QStringLiteral("waiting"), waiting);
    }
    QJsonObject containerStatus{
        {QStringLiteral("name"), containerName},
        {QStringLiteral("image"), image},
        {QStringLiteral("imageID"), QString(QStringLiteral("sandbox://") + image)},
        {QStringLiteral("ready"), ready},
        {QStringLiteral("started"), process && process->state() == PodProcess::State::Running},
        {QStringLiteral("restartCount"), restarts},
        {QStringLiteral("state"), state},
        {QStringLiteral("lastState"), QJsonObject{}}};
    if (process && started)
        containerStatus.insert(QStringLiteral("containerID"), containerId);
    if (process && process->hasTerminated() && process->state() != PodProcess::State::Terminated) {
        containerStatus.insert(QStringLiteral("lastState"),
                               QJsonObject{{QStringLiteral("terminated"),
                                            terminatedState(process->lastTermination(), containerId)}});
    }
    status.insert(QStringLiteral("containerStatuses"), QJsonArray{containerStatus});
    return status;
}

} // namespace sandbox
