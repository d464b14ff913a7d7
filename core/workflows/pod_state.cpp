#include "pod_state.h"

#include "kube/manifest_set.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QRegularExpression>

#include <algorithm>

namespace rcs {

namespace {
// The translation context of this file's texts: the GUI shows them in its language, the
// headless commands (which load no translation) in English.
struct Text {
    Q_DECLARE_TR_FUNCTIONS(rcs::PodState)
};
} // namespace

namespace {

QJsonObject conditionOf(const QJsonObject &status, const QString &type)
{
    for (const QJsonValue &value : status.value(QLatin1String("conditions")).toArray()) {
        const QJsonObject condition = value.toObject();
        if (condition.value(QLatin1String("type")).toString() == type)
            return condition;
    }
    return {};
}

// The last few lines of a long termination message: the end of a log says why a process died.
QString lastLines(const QString &text, int count = 3)
{
    QStringList lines = text.trimmed().split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    if (lines.size() > count)
        lines = lines.mid(lines.size() - count);
    return lines.join(QLatin1String(" | "));
}

void explain(PodState &state, const QJsonObject &status)
{
    const QJsonObject scheduled = conditionOf(status, QStringLiteral("PodScheduled"));
    if (scheduled.value(QLatin1String("status")).toString() == QLatin1String("False")) {
        const QString message = scheduled.value(QLatin1String("message")).toString();
        const bool storage = message.contains(QLatin1String("PersistentVolumeClaim"), Qt::CaseInsensitive) ||
                             message.contains(QLatin1String("storage class"), Qt::CaseInsensitive);
        state.problem = storage ? Text::tr("unschedulable, its volume cannot be bound (no such storage "
                                           "class?): %1")
                                      .arg(message)
                                : Text::tr("unschedulable: %1").arg(message);
        state.stuck = true;
        return;
    }
    const QJsonArray containers = status.value(QLatin1String("containerStatuses")).toArray();
    for (const QJsonValue &value : containers) {
        const QJsonObject container = value.toObject();
        const QJsonObject waiting =
            container.value(QLatin1String("state")).toObject().value(QLatin1String("waiting")).toObject();
        const QJsonObject lastTerminated = container.value(QLatin1String("lastState"))
                                               .toObject()
                                               .value(QLatin1String("terminated"))
                                               .toObject();
        const QJsonObject terminated =
            container.value(QLatin1String("state")).toObject().value(QLatin1String("terminated")).toObject();
        const QString reason = waiting.value(QLatin1String("reason")).toString();
        const QString message = waiting.value(QLatin1String("message")).toString();
        if (reason == QLatin1String("ImagePullBackOff") || reason == QLatin1String("ErrImagePull") ||
            reason == QLatin1String("InvalidImageName")) {
            state.problem = Text::tr("image pull failed (%1): %2").arg(reason, message);
            state.stuck = true;
            return;
        }
        if (reason == QLatin1String("CrashLoopBackOff") || !terminated.isEmpty() ||
            (!lastTerminated.isEmpty() && state.info.restarts > 0)) {
            const QJsonObject last = terminated.isEmpty() ? lastTerminated : terminated;
            const QString why = last.value(QLatin1String("message")).toString();
            state.problem =
                Text::tr("crash loop (%1 restarts, last exit code %2, %3)%4")
                    .arg(state.info.restarts)
                    .arg(last.value(QLatin1String("exitCode")).toInt())
                    .arg(last.value(QLatin1String("reason")).toString(QStringLiteral("Error")))
                    .arg(why.isEmpty() ? QString() : QString(QLatin1String(": ") + lastLines(why)));
            state.stuck = reason == QLatin1String("CrashLoopBackOff") || state.info.restarts >= 2;
            return;
        }
        if (reason == QLatin1String("CreateContainerConfigError") ||
            reason == QLatin1String("CreateContainerError")) {
            state.problem = Text::tr("container cannot be created (%1): %2").arg(reason, message);
            state.stuck = true;
            return;
        }
        if (!reason.isEmpty()) {
            state.problem = message.isEmpty() ? reason : QStringLiteral("%1: %2").arg(reason, message);
            return;
        }
    }
    if (!state.info.ready && state.info.phase == QLatin1String("Running"))
        state.problem = Text::tr("running, readiness probe not passed yet");
}

} // namespace

PodState podStateFromJson(const QJsonObject &pod)
{
    const QJsonObject metadata = pod.value(QLatin1String("metadata")).toObject();
    const QJsonObject spec = pod.value(QLatin1String("spec")).toObject();
    const QJsonObject status = pod.value(QLatin1String("status")).toObject();
    PodState state;
    state.info.name = metadata.value(QLatin1String("name")).toString();
    state.info.ip = status.value(QLatin1String("podIP")).toString();
    state.info.kubeNode = spec.value(QLatin1String("nodeName")).toString();
    const QJsonArray containers = spec.value(QLatin1String("containers")).toArray();
    const QJsonArray mounts =
        containers.isEmpty() ? QJsonArray()
                             : containers.first().toObject().value(QLatin1String("volumeMounts")).toArray();
    for (const QJsonValue &mount : mounts)
        state.servesTls = state.servesTls || mount.toObject().value(QLatin1String("mountPath")).toString() ==
                                                 QLatin1String(ManifestSet::kTlsMountPath);
    state.info.phase = status.value(QLatin1String("phase")).toString(QStringLiteral("Pending"));
    state.info.ready =
        conditionOf(status, QStringLiteral("Ready")).value(QLatin1String("status")).toString() ==
        QLatin1String("True");
    for (const QJsonValue &value : status.value(QLatin1String("containerStatuses")).toArray())
        state.info.restarts += value.toObject().value(QLatin1String("restartCount")).toInt();
    state.terminating = metadata.contains(QLatin1String("deletionTimestamp"));
    state.revision = metadata.value(QLatin1String("labels"))
                         .toObject()
                         .value(QLatin1String("controller-revision-hash"))
                         .toString();
    state.uid = metadata.value(QLatin1String("uid")).toString();
    static const QRegularExpression ordinalPattern(QStringLiteral("-(\\d+)$"));
    const QRegularExpressionMatch match = ordinalPattern.match(state.info.name);
    if (match.hasMatch())
        state.ordinal = match.captured(1).toInt();
    if (state.terminating)
        state.problem = QStringLiteral("terminating");
    else if (!state.info.ready)
        explain(state, status);
    return state;
}

QList<PodState> podsOfStatefulSet(const QList<QJsonObject> &pods, const QString &statefulSetName)
{
    QList<PodState> result;
    const QRegularExpression pattern(
        QStringLiteral("^%1-\\d+$").arg(QRegularExpression::escape(statefulSetName)));
    for (const QJsonObject &pod : pods) {
        const QString name =
            pod.value(QLatin1String("metadata")).toObject().value(QLatin1String("name")).toString();
        if (pattern.match(name).hasMatch())
            result.append(podStateFromJson(pod));
    }
    std::sort(result.begin(), result.end(),
              [](const PodState &a, const PodState &b) { return a.ordinal < b.ordinal; });
    return result;
}

QList<PodInfo> podInfos(const QList<PodState> &pods)
{
    QList<PodInfo> infos;
    for (const PodState &pod : pods)
        infos.append(pod.info);
    return infos;
}

QMap<QString, PodInfo> podsByIp(const QList<PodState> &pods)
{
    QMap<QString, PodInfo> map;
    for (const PodState &pod : pods) {
        if (!pod.info.ip.isEmpty())
            map.insert(pod.info.ip, pod.info);
    }
    return map;
}

QString describePod(const PodState &pod)
{
    QStringList parts;
    if (!pod.info.ip.isEmpty())
        parts << pod.info.ip;
    if (!pod.info.kubeNode.isEmpty())
        parts << Text::tr("on %1", "pod description: the Kubernetes node").arg(pod.info.kubeNode);
    parts << pod.info.phase;
    if (!pod.isReady())
        parts << (pod.problem.isEmpty() ? Text::tr("not ready") : Text::tr("not ready: ") + pod.problem);
    return QStringLiteral("%1 (%2)").arg(pod.info.name, parts.join(QLatin1String(", ")));
}

} // namespace rcs
