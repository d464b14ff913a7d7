#include "result_forms.h"

#include <QCoreApplication>
#include <QSet>

namespace rcs::ops {

namespace {
struct Text {
    Q_DECLARE_TR_FUNCTIONS(rcs::ops::ResultForms)
};

QJsonArray flagList(NodeFlags flags)
{
    QJsonArray list;
    const QString text = nodeFlagsToString(flags);
    if (text == QLatin1String("noflags"))
        return list;
    for (const QString &flag : text.split(QLatin1Char(',')))
        list.append(flag);
    return list;
}

QString nodeLine(const TopologyNode &node, const QString &indent)
{
    QStringList parts;
    parts << indent + (node.isMaster()    ? QStringLiteral("M")
                       : node.isReplica() ? QStringLiteral("S")
                                          : QStringLiteral("?"));
    parts << node.id.left(8) << node.address.toString().leftJustified(21);
    if (node.isMaster())
        parts << Text::tr("slots %1 (%2)")
                     .arg(node.slotSet.isEmpty() ? QStringLiteral("-") : node.slotSet.toString())
                     .arg(node.slotSet.count());
    else if (node.isReplica())
        parts << Text::tr("replica of %1").arg(node.masterId.left(8));
    QStringList state;
    state << (node.reachable ? Text::tr("reachable") : Text::tr("UNREACHABLE"));
    if (node.server)
        state << node.server->toString();
    if (node.clusterState)
        state << QStringLiteral("cluster_state:") + *node.clusterState;
    const QString flags =
        nodeFlagsToString(node.flags & ~NodeFlags(NodeFlag::Master) & ~NodeFlags(NodeFlag::Replica));
    if (flags != QLatin1String("noflags"))
        state << flags;
    if (!node.linkConnected)
        state << Text::tr("link down");
    parts << QLatin1Char('[') + state.join(QStringLiteral(", ")) + QLatin1Char(']');
    return parts.join(QLatin1Char(' '));
}
} // namespace

QString overallClusterState(const ClusterTopology &topology)
{
    const QMap<QString, QString> states = topology.clusterStates();
    if (states.isEmpty())
        return QStringLiteral("unknown");
    return topology.allStatesOk() ? QStringLiteral("ok") : QStringLiteral("fail");
}

QJsonObject topologyToJson(const ClusterTopology &topology)
{
    QJsonArray nodes;
    for (const TopologyNode &node : topology.nodes()) {
        QJsonObject object{
            {QStringLiteral("id"), node.id},
            {QStringLiteral("address"), node.address.toString()},
            {QStringLiteral("role"), nodeRoleName(node.role)},
            {QStringLiteral("master_id"), node.isReplica() ? QJsonValue(node.masterId) : QJsonValue()},
            {QStringLiteral("slots"), node.slotSet.toString()},
            {QStringLiteral("slot_count"), node.slotSet.count()},
            {QStringLiteral("flags"), flagList(node.flags)},
            {QStringLiteral("link"),
             node.linkConnected ? QStringLiteral("connected") : QStringLiteral("disconnected")},
            {QStringLiteral("reachable"), node.reachable},
            {QStringLiteral("node_cluster_state"),
             node.clusterState ? QJsonValue(*node.clusterState) : QJsonValue()},
            {QStringLiteral("server"),
             node.server ? QJsonObject{{QStringLiteral("name"), node.server->name()},
                                       {QStringLiteral("version"), node.server->version.toString()}}
                         : QJsonValue()},
            {QStringLiteral("certificate_expiry"),
             node.certificateExpiry ? QJsonValue(node.certificateExpiry->toString(Qt::ISODate))
                                    : QJsonValue()},
        };
        nodes.append(object);
    }
    QJsonArray unreachable;
    for (const NodeAddress &address : topology.unreachableAddresses())
        unreachable.append(address.toString());
    QJsonArray handshakes;
    for (const NodeAddress &address : topology.pendingHandshakes())
        handshakes.append(address.toString());
    return {
        {QStringLiteral("cluster_state"), overallClusterState(topology)},
        {QStringLiteral("nodes"), nodes},
        {QStringLiteral("unreachable"), unreachable},
        {QStringLiteral("handshakes"), handshakes},
    };
}

QString topologyToText(const ClusterTopology &topology)
{
    QStringList lines;
    const QList<TopologyNode> masters = topology.masters();
    lines << Text::tr("cluster_state: %1 — %2 nodes, %3 masters, %4 of 16384 slots covered")
                 .arg(overallClusterState(topology))
                 .arg(topology.nodes().size())
                 .arg(masters.size())
                 .arg(topology.coveredSlots().count());
    QSet<QString> shown;
    for (const TopologyNode &master : masters) {
        lines << nodeLine(master, QString());
        shown.insert(master.id);
        for (const TopologyNode &replica : topology.replicasOf(master.id)) {
            lines << nodeLine(replica, QStringLiteral("  "));
            shown.insert(replica.id);
        }
    }
    for (const TopologyNode &node : topology.nodes()) {
        if (!shown.contains(node.id))
            lines << nodeLine(node, QString());
    }
    for (const NodeAddress &address : topology.unreachableAddresses()) {
        if (!topology.nodeAt(address))
            lines << Text::tr("? %1 did not answer").arg(address.toString());
    }
    return lines.join(QLatin1Char('\n')) + QLatin1Char('\n');
}

QJsonObject checkReportToJson(const ClusterCheckReport &report)
{
    QJsonArray findings;
    for (const CheckFinding &finding : report.findings) {
        findings.append(QJsonObject{
            {QStringLiteral("severity"), checkSeverityName(finding.severity)},
            {QStringLiteral("code"), finding.code},
            {QStringLiteral("text"), finding.text},
            {QStringLiteral("node_id"), finding.nodeId.isEmpty() ? QJsonValue() : QJsonValue(finding.nodeId)},
        });
    }
    return {
        {QStringLiteral("healthy"), report.isHealthy()},
        {QStringLiteral("errors"), report.count(CheckSeverity::Error)},
        {QStringLiteral("warnings"), report.count(CheckSeverity::Warning)},
        {QStringLiteral("findings"), findings},
    };
}

QString checkReportToText(const ClusterCheckReport &report)
{
    QString text;
    for (const CheckFinding &finding : report.findings) {
        const QString tag = finding.severity == CheckSeverity::Ok        ? QStringLiteral("[OK]")
                            : finding.severity == CheckSeverity::Info    ? QStringLiteral("[INFO]")
                            : finding.severity == CheckSeverity::Warning ? QStringLiteral("[WARNING]")
                                                                         : QStringLiteral("[ERR]");
        text += tag + QLatin1Char(' ') + finding.text + QLatin1Char('\n');
    }
    return text;
}

QString situationSentence(const SituationAssessment &assessment)
{
    return Text::tr("Situation: %1. %2").arg(situationName(assessment.situation), phrasedAdvice(assessment));
}

QJsonArray slotPlanJson(const SlotPlan &plan)
{
    QJsonArray moves;
    for (const SlotMove &move : plan.moves) {
        moves.append(QJsonObject{{QStringLiteral("from"), move.sourceId},
                                 {QStringLiteral("to"), move.targetId},
                                 {QStringLiteral("slots"), move.slotSet.toString()},
                                 {QStringLiteral("slot_count"), move.slotSet.count()}});
    }
    return moves;
}

QString planToText(const QList<PlanStep> &steps)
{
    QString text;
    for (const PlanStep &step : steps) {
        text += QStringLiteral("  ") + step.description + QLatin1Char('\n');
        if (!step.command.isEmpty())
            text += QStringLiteral("    $ ") + step.command + QLatin1Char('\n');
    }
    return text;
}

QJsonArray planToJson(const QList<PlanStep> &steps)
{
    QJsonArray list;
    for (const PlanStep &step : steps)
        list.append(QJsonObject{{QStringLiteral("step"), step.description},
                                {QStringLiteral("command"), step.command}});
    return list;
}

} // namespace rcs::ops
