#pragma once

#include "redis/cluster_topology.h"

#include <QDateTime>
#include <QList>
#include <QString>

#include <optional>

namespace rcs {

enum class CheckSeverity { Ok, Info, Warning, Error };
QString checkSeverityName(CheckSeverity severity); // "ok", "info", "warning", "error"

struct CheckFinding {
    CheckSeverity severity = CheckSeverity::Info;
    // A stable identifier for scripts: agreement, blind-owner, coverage, open-slot, replica-open-slot,
    // contested-slot, unreachable, cluster-state, failing, link, stale-address, handshake, no-replica,
    // colocated, servers (ok), mixed-servers (warning).
    QString code;
    QString text;   // one sentence
    QString nodeId; // the node concerned, when there is one
};

struct ClusterCheckReport {
    QList<CheckFinding> findings;

    // No finding of severity Error.
    bool isHealthy() const;
    int count(CheckSeverity severity) const;
};

// What `redis-cli --cluster check` checks — slot agreement between nodes, open (migrating/importing)
// slots, coverage of all 16384 slots, nodes that cannot be reached — plus what it misses: cluster_state
// per node, fail flags, links, stale addresses after an IP change, pending handshakes, and (as
// warnings) masters without replicas, replicas sharing their master's host group, and nodes running
// different servers (engine or version), each named.
// Errors make the cluster unhealthy; warnings and infos do not. Pure.
// With TLS, the earliest end of the nodes' certificates: an OK line, a warning within
// kCertificateWarningDays of now, an error once passed.
ClusterCheckReport checkCluster(const ClusterTopology &topology,
                                const QDateTime &now = QDateTime::currentDateTimeUtc());

inline constexpr int kCertificateWarningDays = 30;
// The certificate finding alone (what status shows), or nullopt on plain TCP.
std::optional<CheckFinding> certificateFinding(const ClusterTopology &topology, const QDateTime &now);

} // namespace rcs
