#include "status_result.h"

#include "redis/cluster_check.h"
#include "result_forms.h"

#include <QCoreApplication>
#include <QJsonArray>

namespace rcs::ops {

namespace {
struct Text {
    Q_DECLARE_TR_FUNCTIONS(rcs::ops::ResultForms)
};

// The situation's name and core's advice, the same three fields for every target kind.
void insertAssessment(QJsonObject &json, const SituationAssessment &assessment)
{
    json.insert(QStringLiteral("situation"), situationName(assessment.situation));
    json.insert(QStringLiteral("advice"), phrasedAdvice(assessment));
    json.insert(QStringLiteral("next"), suggestedOperationName(assessment.next));
}

} // namespace

Rollout rolloutOf(const StatusReport &status)
{
    Rollout rollout;
    const QJsonObject setStatus = status.deployment.statefulSet.value(QLatin1String("status")).toObject();
    rollout.currentRevision = setStatus.value(QLatin1String("currentRevision")).toString();
    rollout.updateRevision = setStatus.value(QLatin1String("updateRevision")).toString();
    // An API that keeps no revisions (or no StatefulSet) says nothing about a rollout.
    if (!rollout.updateRevision.isEmpty()) {
        for (const PodState &pod : status.deployment.pods) {
            if (pod.revision != rollout.updateRevision)
                rollout.behind << pod.info.name;
        }
    }
    for (const TopologyNode &node : status.topology.nodes()) {
        if (node.server && !rollout.servers.contains(node.server->toString()))
            rollout.servers << node.server->toString();
    }
    rollout.servers.sort();
    return rollout;
}

namespace {

void insertKubernetes(QJsonObject &json, const StatusReport &status)
{
    json.insert(QStringLiteral("namespace"), status.ns);
    json.insert(QStringLiteral("statefulset"), status.statefulSet);
    json.insert(QStringLiteral("replicas"), status.deployment.replicas);
    QJsonArray pods;
    for (const PodState &pod : status.deployment.pods) {
        pods.append(QJsonObject{{QStringLiteral("name"), pod.info.name},
                                {QStringLiteral("ip"), pod.info.ip},
                                {QStringLiteral("k8s_node"), pod.info.kubeNode},
                                {QStringLiteral("phase"), pod.info.phase},
                                {QStringLiteral("ready"), pod.isReady()},
                                {QStringLiteral("restarts"), pod.info.restarts},
                                {QStringLiteral("problem"), pod.problem},
                                {QStringLiteral("revision"), pod.revision}});
    }
    json.insert(QStringLiteral("pods"), pods);
    const Rollout rollout = rolloutOf(status);
    json.insert(QStringLiteral("rollout"),
                QJsonObject{{QStringLiteral("current_revision"), rollout.currentRevision},
                            {QStringLiteral("update_revision"), rollout.updateRevision},
                            {QStringLiteral("in_progress"), rollout.inProgress()},
                            {QStringLiteral("pods_behind"), QJsonArray::fromStringList(rollout.behind)},
                            {QStringLiteral("servers"), QJsonArray::fromStringList(rollout.servers)},
                            {QStringLiteral("mixed_servers"), rollout.mixedServers()}});
    QJsonArray nodes = json.value(QLatin1String("nodes")).toArray();
    for (qsizetype i = 0; i < nodes.size(); ++i) {
        QJsonObject node = nodes.at(i).toObject();
        const TopologyNode *known = status.topology.node(node.value(QLatin1String("id")).toString());
        node.insert(QStringLiteral("pod"), known && known->pod ? known->pod->name : QString());
        node.insert(QStringLiteral("k8s_node"), known && known->pod ? known->pod->kubeNode : QString());
        nodes[i] = node;
    }
    json.insert(QStringLiteral("nodes"), nodes);
}

// The pods as a table like kubectl's, with the Redis role of each (or why it is not Ready).
QStringList podTable(const StatusReport &status)
{
    QStringList lines;
    if (status.deployment.pods.isEmpty())
        return lines;
    const QString row = QStringLiteral("%1 %2 %3 %4 %5 %6 %7");
    lines << row.arg(Text::tr("POD", "column heading"), -16)
                 .arg(Text::tr("IP", "column heading"), -16)
                 .arg(Text::tr("NODE", "column heading"), -14)
                 .arg(Text::tr("PHASE", "column heading"), -10)
                 .arg(Text::tr("READY", "column heading"), -6)
                 .arg(Text::tr("RESTARTS", "column heading"), -9)
                 .arg(Text::tr("ROLE", "column heading"));
    for (const PodState &pod : status.deployment.pods) {
        QString role;
        for (const TopologyNode &node : status.topology.nodes()) {
            if (node.pod && node.pod->name == pod.info.name)
                role = nodeRoleName(node.role);
        }
        lines << row.arg(pod.info.name, -16)
                     .arg(pod.info.ip, -16)
                     .arg(pod.info.kubeNode, -14)
                     .arg(pod.info.phase, -10)
                     .arg(pod.isReady() ? Text::tr("yes") : Text::tr("no"), -6)
                     .arg(pod.info.restarts, -9)
                     .arg(pod.problem.isEmpty() ? role : pod.problem);
    }
    return lines;
}
} // namespace

QJsonObject statusToJson(const StatusReport &status)
{
    QJsonObject json = topologyToJson(status.topology);
    insertAssessment(json, status.assessment);
    if (status.onKubernetes)
        insertKubernetes(json, status);
    return json;
}

QString statusToText(const StatusReport &status)
{
    const std::optional<CheckFinding> certificates =
        certificateFinding(status.topology, QDateTime::currentDateTimeUtc());
    if (!status.onKubernetes)
        return topologyToText(status.topology) +
               (certificates ? certificates->text + QLatin1Char('\n') : QString()) +
               situationSentence(status.assessment) + QLatin1Char('\n');
    QStringList lines;
    lines << Text::tr("Situation: %1").arg(situationName(status.assessment.situation));
    lines << Text::tr("Namespace %1, StatefulSet %2 (%3 replicas), context %4")
                 .arg(status.ns, status.statefulSet)
                 .arg(status.deployment.replicas)
                 .arg(status.context);
    const Rollout rollout = rolloutOf(status);
    if (rollout.inProgress())
        lines << Text::tr("Rollout in progress: %1 of %2 pods run the update revision %3; not yet: %4.")
                     .arg(status.deployment.pods.size() - rollout.behind.size())
                     .arg(status.deployment.pods.size())
                     .arg(rollout.updateRevision, rollout.behind.join(QLatin1String(", ")));
    if (rollout.mixedServers())
        lines << Text::tr("Mixed server versions: %1 (an upgrade half done, or a pod started from another "
                          "image).")
                     .arg(rollout.servers.join(QLatin1String(", ")));
    if (certificates)
        lines << certificates->text;
    lines << podTable(status);
    if (!status.topology.isEmpty())
        lines << QString() << topologyToText(status.topology).trimmed();
    lines << QString() << phrasedAdvice(status.assessment);
    return lines.join(QLatin1Char('\n')) + QLatin1Char('\n');
}

} // namespace rcs::ops
