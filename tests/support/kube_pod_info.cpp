#include "support/kube_pod_info.h"

#include <QJsonArray>

#include <algorithm>

namespace rcs::test {

KubePodInfo KubePodInfo::fromJson(const QJsonObject &pod)
{
    KubePodInfo info;
    const QJsonObject metadata = pod.value(QStringLiteral("metadata")).toObject();
    const QJsonObject spec = pod.value(QStringLiteral("spec")).toObject();
    const QJsonObject status = pod.value(QStringLiteral("status")).toObject();
    info.name = metadata.value(QStringLiteral("name")).toString();
    info.ns = metadata.value(QStringLiteral("namespace")).toString();
    info.terminating = metadata.contains(QStringLiteral("deletionTimestamp"));
    info.nodeName = spec.value(QStringLiteral("nodeName")).toString();
    info.ip = status.value(QStringLiteral("podIP")).toString();
    info.hostIp = status.value(QStringLiteral("hostIP")).toString();
    info.phase = status.value(QStringLiteral("phase")).toString();
    for (const QJsonValue &value : status.value(QStringLiteral("conditions")).toArray()) {
        const QJsonObject condition = value.toObject();
        const QString type = condition.value(QStringLiteral("type")).toString();
        const bool isTrue = condition.value(QStringLiteral("status")).toString() == QLatin1String("True");
        if (type == QLatin1String("Ready"))
            info.ready = isTrue && !info.terminating;
        else if (type == QLatin1String("PodScheduled") && !isTrue)
            info.unschedulableMessage = condition.value(QStringLiteral("message")).toString();
    }
    for (const QJsonValue &value : status.value(QStringLiteral("containerStatuses")).toArray()) {
        const QJsonObject container = value.toObject();
        info.restarts += container.value(QStringLiteral("restartCount")).toInt();
        const QJsonObject waiting =
            container.value(QStringLiteral("state")).toObject().value(QStringLiteral("waiting")).toObject();
        if (!waiting.isEmpty() && info.waitingReason.isEmpty()) {
            info.waitingReason = waiting.value(QStringLiteral("reason")).toString();
            info.waitingMessage = waiting.value(QStringLiteral("message")).toString();
        }
    }
    const int dash = info.name.lastIndexOf(QLatin1Char('-'));
    bool ok = false;
    const int ordinal = dash < 0 ? -1 : info.name.mid(dash + 1).toInt(&ok);
    info.ordinal = ok ? ordinal : -1;
    return info;
}

QList<KubePodInfo> KubePodInfo::fromList(const QList<QJsonObject> &pods)
{
    QList<KubePodInfo> infos;
    for (const QJsonObject &pod : pods)
        infos.append(fromJson(pod));
    std::sort(infos.begin(), infos.end(), [](const KubePodInfo &a, const KubePodInfo &b) {
        return a.ordinal != b.ordinal ? a.ordinal < b.ordinal : a.name < b.name;
    });
    return infos;
}

QString KubePodInfo::notReadyReason() const
{
    if (ready)
        return QStringLiteral("Pod %1 is ready.").arg(name);
    if (terminating)
        return QStringLiteral("Pod %1 is terminating.").arg(name);
    if (!unschedulableMessage.isEmpty())
        return QStringLiteral(
                   "Pod %1 cannot be scheduled: %2 (is there a storage class for its volume claim, and a "
                   "node with room?)")
            .arg(name, unschedulableMessage);
    if (waitingReason == QLatin1String("ImagePullBackOff") || waitingReason == QLatin1String("ErrImagePull"))
        return QStringLiteral("Pod %1 cannot pull its image (%2): %3")
            .arg(name, waitingReason, waitingMessage);
    if (waitingReason == QLatin1String("CrashLoopBackOff"))
        return QStringLiteral("Pod %1 keeps crashing (CrashLoopBackOff, %2 restarts): %3")
            .arg(name)
            .arg(restarts)
            .arg(waitingMessage);
    if (!waitingReason.isEmpty())
        return QStringLiteral("Pod %1 is waiting: %2 %3").arg(name, waitingReason, waitingMessage).trimmed();
    if (phase == QLatin1String("Running"))
        return QStringLiteral("Pod %1 runs but its readiness probe does not pass yet.").arg(name);
    return QStringLiteral("Pod %1 is %2.")
        .arg(name, phase.isEmpty() ? QStringLiteral("not scheduled yet") : phase);
}

} // namespace rcs::test
