#include "cluster_check.h"
#include "common/next_step.h"
#include "redis/blind_owners.h"

#include <QCoreApplication>
#include <QSet>

#include <algorithm>
#include <tuple>

namespace rcs {

namespace {
// The translation context of this file's texts: the GUI shows them in its language, the
// headless commands (which load no translation) in English.
struct Text {
    Q_DECLARE_TR_FUNCTIONS(rcs::ClusterCheck)
};
} // namespace

namespace {
QString shortId(const QString &id)
{
    return id.left(8);
}

QString describe(const TopologyNode &node)
{
    return QStringLiteral("%1 (%2 %3)")
        .arg(node.address.toString(), nodeRoleName(node.role), shortId(node.id));
}

// Which server the reachable nodes run: an OK line when it is one, a warning naming the nodes of each
// when they differ (an upgrade half done, or a pod started from another image) — replication, failover
// and slot moves behave differently across versions and engines.
void checkServers(const ClusterTopology &topology, QList<CheckFinding> &findings)
{
    constexpr int ShownPerServer = 10;
    QList<std::pair<ServerIdentity, QStringList>> groups;
    for (const TopologyNode &node : topology.nodes()) {
        if (!node.server)
            continue;
        auto group = std::find_if(groups.begin(), groups.end(),
                                  [&](const auto &entry) { return entry.first == *node.server; });
        if (group == groups.end())
            group = groups.insert(groups.end(), {*node.server, {}});
        group->second.append(node.address.toString());
    }
    if (groups.size() == 1) {
        findings.append({CheckSeverity::Ok, QStringLiteral("servers"),
                         Text::tr("All %1 nodes that answered run %2.")
                             .arg(groups.first().second.size())
                             .arg(groups.first().first.toString()),
                         QString()});
        return;
    }
    if (groups.isEmpty())
        return;
    std::sort(groups.begin(), groups.end(), [](const auto &a, const auto &b) {
        return std::tie(a.first.engine, a.first.version) < std::tie(b.first.engine, b.first.version);
    });
    QStringList parts;
    for (const auto &[server, addresses] : std::as_const(groups)) {
        const QStringList shown = addresses.mid(0, ShownPerServer);
        parts.append(Text::tr("%1 on %2%3")
                         .arg(server.toString(), shown.join(QStringLiteral(", ")),
                              addresses.size() > shown.size()
                                  ? Text::tr(" and %1 more").arg(addresses.size() - shown.size())
                                  : QString()));
    }
    findings.append({CheckSeverity::Warning, QStringLiteral("mixed-servers"),
                     Text::tr("The nodes run different servers: %1. Finish the upgrade (or roll it back) "
                              "so that every node runs the same server.")
                         .arg(parts.join(QStringLiteral("; "))),
                     QString()});
}
} // namespace

QString checkSeverityName(CheckSeverity severity)
{
    switch (severity) {
    case CheckSeverity::Ok:
        return QStringLiteral("ok");
    case CheckSeverity::Info:
        return QStringLiteral("info");
    case CheckSeverity::Warning:
        return QStringLiteral("warning");
    case CheckSeverity::Error:
        return QStringLiteral("error");
    }
    return QStringLiteral("error");
}

bool ClusterCheckReport::isHealthy() const
{
    return count(CheckSeverity::Error) == 0;
}

int ClusterCheckReport::count(CheckSeverity severity) const
{
    return static_cast<int>(
        std::count_if(findings.cbegin(), findings.cend(),
                      [severity](const CheckFinding &f) { return f.severity == severity; }));
}

std::optional<CheckFinding> certificateFinding(const ClusterTopology &topology, const QDateTime &now)
{
    const TopologyNode *first = nullptr;
    int withTls = 0;
    for (const TopologyNode &node : topology.nodes()) {
        if (!node.certificateExpiry)
            continue;
        ++withTls;
        if (!first || *node.certificateExpiry < *first->certificateExpiry)
            first = &node;
    }
    if (!first)
        return std::nullopt;
    const QDateTime end = *first->certificateExpiry;
    const qint64 days = now.daysTo(end);
    const QString who = first->pod ? first->pod->name : first->address.toString();
    const QString date = end.toString(Qt::ISODate);
    if (end <= now)
        return CheckFinding{CheckSeverity::Error, QStringLiteral("certificate-expired"),
                            Text::tr("The certificate %1 serves expired on %2: clients that verify it are "
                                     "refused. Renew it (rotate-certificates).")
                                .arg(who, date),
                            first->id};
    if (days < kCertificateWarningDays)
        return CheckFinding{CheckSeverity::Warning, QStringLiteral("certificate-expiring"),
                            Text::tr("The certificate %1 serves expires on %2, in %3 days: renew it "
                                     "(rotate-certificates) before clients are refused.")
                                .arg(who, date)
                                .arg(days),
                            first->id};
    return CheckFinding{
        CheckSeverity::Ok, QStringLiteral("certificates"),
        Text::tr("The TLS certificates of the %1 nodes that answered are valid until %2 or later "
                 "(%3 days).")
            .arg(withTls)
            .arg(date)
            .arg(days),
        QString()};
}

ClusterCheckReport checkCluster(const ClusterTopology &topology, const QDateTime &now)
{
    ClusterCheckReport report;
    const auto add = [&report](CheckSeverity severity, const QString &code, const QString &text,
                               const QString &nodeId = {}) {
        report.findings.append({severity, code, text, nodeId});
    };

    // Reachability: known nodes first, then addresses that answered nothing at all.
    QSet<NodeAddress> reported;
    for (const TopologyNode &node : topology.nodes()) {
        if (node.reachable)
            continue;
        QString why;
        for (const NodeView &view : topology.views()) {
            if (view.address == node.address && !view.reachable)
                why = view.error;
        }
        reported.insert(node.address);
        add(CheckSeverity::Error, QStringLiteral("unreachable"),
            Text::tr("%1 cannot be reached%2; its peers flag it '%3'.")
                .arg(describe(node), why.isEmpty() ? QString() : QStringLiteral(" (%1)").arg(why),
                     nodeFlagsToString(node.flags)),
            node.id);
    }
    for (const NodeView &view : topology.views()) {
        if (!view.reachable && !reported.contains(view.address)) {
            reported.insert(view.address);
            add(CheckSeverity::Error, QStringLiteral("unreachable"), view.error);
        }
    }
    if (topology.isEmpty())
        return report;

    if (topology.slotsAgree()) {
        add(CheckSeverity::Ok, QStringLiteral("agreement"),
            Text::tr("All nodes agree about the slots configuration."));
    } else {
        for (const QString &sentence : topology.disagreements())
            add(CheckSeverity::Error, QStringLiteral("agreement"), sentence);
        for (const BlindOwner &owner : findBlindOwners(topology.views()))
            add(CheckSeverity::Error, QStringLiteral("blind-owner"),
                Text::tr("%1 does not hold slots %2 in its own view, though every other node names it as "
                         "their owner; gossip never gives them back. Run check --fix.")
                    .arg(owner.address.toString(), owner.lostSlots.toString()),
                owner.id);
    }

    for (const OpenSlot &open : topology.openSlots()) {
        const TopologyNode *node = topology.node(open.nodeId);
        add(CheckSeverity::Error, QStringLiteral("open-slot"),
            Text::tr("Slot %1 is open on %2: %3 %4 %5; finish or undo the migration.")
                .arg(open.slot)
                .arg(node ? node->address.toString() : shortId(open.nodeId),
                     open.migrating ? Text::tr("migrating") : Text::tr("importing"),
                     open.migrating ? Text::tr("to") : Text::tr("from"), shortId(open.peerId)),
            open.nodeId);
    }

    for (const OpenSlot &open : topology.replicaOnlyOpenSlots()) {
        const TopologyNode *node = topology.node(open.nodeId);
        add(CheckSeverity::Warning, QStringLiteral("replica-open-slot"),
            withNextStep(Text::tr("Slot %1 is %2 %3 on the replica %4, but not on its master (a CLUSTER "
                                  "SETSLOT that ran out of time waiting for the replicas); closing the "
                                  "open slots clears it.")
                             .arg(open.slot)
                             .arg(open.migrating ? Text::tr("migrating to") : Text::tr("importing from"),
                                  shortId(open.peerId),
                                  node ? node->address.toString() : shortId(open.nodeId)),
                         NextStep::CheckFix),
            open.nodeId);
    }

    const SlotSet uncovered = topology.uncoveredSlots();
    if (uncovered.isEmpty()) {
        add(CheckSeverity::Ok, QStringLiteral("coverage"), Text::tr("All 16384 slots are covered."));
    } else {
        add(CheckSeverity::Error, QStringLiteral("coverage"),
            Text::tr("Not all 16384 slots are covered: %1 slots (%2) have no master.")
                .arg(uncovered.count())
                .arg(uncovered.toString()));
    }
    if (!topology.contestedSlots().isEmpty()) {
        add(CheckSeverity::Error, QStringLiteral("contested-slot"),
            Text::tr("Slots %1 are claimed by more than one master.")
                .arg(topology.contestedSlots().toString()));
    }

    for (const TopologyNode &node : topology.nodes()) {
        if (node.clusterState && *node.clusterState != QLatin1String("ok")) {
            add(CheckSeverity::Error, QStringLiteral("cluster-state"),
                Text::tr("%1 reports cluster_state:%2.").arg(describe(node), *node.clusterState), node.id);
        }
        if (node.reachable && (node.isFailing() || !node.failReportedBy.isEmpty())) {
            add(CheckSeverity::Error, QStringLiteral("failing"),
                Text::tr("%1 answers, but %2 of its peers flag it as failing.")
                    .arg(describe(node))
                    .arg(node.failReportedBy.size()),
                node.id);
        }
        if (node.reachable && !node.linkConnected) {
            add(CheckSeverity::Error, QStringLiteral("link"),
                Text::tr("%1 has no cluster-bus link from %2 of its peers.")
                    .arg(describe(node))
                    .arg(node.disconnectedFrom.size()),
                node.id);
        }
        if (node.staleAtPeers) {
            add(CheckSeverity::Error, QStringLiteral("stale-address"),
                Text::tr("%1 is listed at an old address by %2 of its peers; they need a CLUSTER MEET.")
                    .arg(describe(node))
                    .arg(node.staleAtPeerIds.size()),
                node.id);
        }
        if (node.ownAddressStale) {
            add(CheckSeverity::Error, QStringLiteral("stale-address"),
                Text::tr("%1 still believes it has its old address; it learns the new one from an incoming "
                         "CLUSTER MEET.")
                    .arg(describe(node)),
                node.id);
        }
        if (node.isMaster() && !node.slotSet.isEmpty() && topology.replicasOf(node.id).isEmpty()) {
            add(CheckSeverity::Warning, QStringLiteral("no-replica"),
                Text::tr("%1 has no replica: losing it loses slots %2.")
                    .arg(describe(node), node.slotSet.toString()),
                node.id);
        }
        if (node.isReplica()) {
            const TopologyNode *master = topology.node(node.masterId);
            if (master && !master->hostGroup.isEmpty() && master->hostGroup == node.hostGroup) {
                add(CheckSeverity::Warning, QStringLiteral("colocated"),
                    Text::tr("%1 runs on the same host (%2) as its master %3.")
                        .arg(describe(node), node.hostGroup, master->address.toString()),
                    node.id);
            }
        }
    }
    for (const NodeAddress &address : topology.pendingHandshakes()) {
        add(CheckSeverity::Warning, QStringLiteral("handshake"),
            Text::tr("A handshake with %1 has not completed.").arg(address.toString()));
    }
    checkServers(topology, report.findings);
    if (const std::optional<CheckFinding> certificates = certificateFinding(topology, now))
        report.findings.append(*certificates);
    return report;
}

} // namespace rcs
