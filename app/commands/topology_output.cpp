#include "topology_output.h"

#include "command_registry.h"

#include <QJsonArray>
#include <QJsonDocument>

#include <cstdio>

namespace rcs::cli {

namespace {
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
        parts << QStringLiteral("slots %1 (%2)")
                     .arg(node.slotSet.isEmpty() ? QStringLiteral("-") : node.slotSet.toString())
                     .arg(node.slotSet.count());
    else if (node.isReplica())
        parts << QStringLiteral("replica of %1").arg(node.masterId.left(8));
    QStringList state;
    state << (node.reachable ? QStringLiteral("reachable") : QStringLiteral("UNREACHABLE"));
    if (node.server)
        state << node.server->toString();
    if (node.clusterState)
        state << QStringLiteral("cluster_state:") + *node.clusterState;
    const QString flags =
        nodeFlagsToString(node.flags & ~NodeFlags(NodeFlag::Master) & ~NodeFlags(NodeFlag::Replica));
    if (flags != QLatin1String("noflags"))
        state << flags;
    if (!node.linkConnected)
        state << QStringLiteral("link down");
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
    lines << QStringLiteral("cluster_state: %1 — %2 nodes, %3 masters, %4 of 16384 slots covered")
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
            lines << QStringLiteral("? %1 did not answer").arg(address.toString());
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

QByteArray jsonLine(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Indented);
}

void printBytes(const QByteArray &bytes)
{
    std::fwrite(bytes.constData(), 1, static_cast<size_t>(bytes.size()), stdout);
    std::fflush(stdout);
}

int printCheckResult(const ClusterCheckReport &report, const ClusterTopology &topology, bool json,
                     const QJsonObject &extra)
{
    if (json) {
        QJsonObject object = checkReportToJson(report);
        object.insert(QStringLiteral("cluster_state"), overallClusterState(topology));
        for (auto it = extra.begin(); it != extra.end(); ++it)
            object.insert(it.key(), it.value());
        printBytes(jsonLine(object));
    } else {
        printBytes(checkReportToText(report).toUtf8());
    }
    if (report.isHealthy())
        return ExitSuccess;
    const int errors = report.count(CheckSeverity::Error);
    std::fprintf(stderr, "The cluster is not healthy: %d %s, listed above.\n", errors,
                 errors == 1 ? "error" : "errors");
    return ExitFailure;
}

} // namespace rcs::cli
