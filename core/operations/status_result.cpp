#include "status_result.h"

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
                                {QStringLiteral("problem"), pod.problem}});
    }
    json.insert(QStringLiteral("pods"), pods);
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
    if (!status.onKubernetes)
        return topologyToText(status.topology) + situationSentence(status.assessment) + QLatin1Char('\n');
    QStringList lines;
    lines << Text::tr("Situation: %1").arg(situationName(status.assessment.situation));
    lines << Text::tr("Namespace %1, StatefulSet %2 (%3 replicas), context %4")
                 .arg(status.ns, status.statefulSet)
                 .arg(status.deployment.replicas)
                 .arg(status.context);
    lines << podTable(status);
    if (!status.topology.isEmpty())
        lines << QString() << topologyToText(status.topology).trimmed();
    lines << QString() << phrasedAdvice(status.assessment);
    return lines.join(QLatin1Char('\n')) + QLatin1Char('\n');
}

} // namespace rcs::ops
