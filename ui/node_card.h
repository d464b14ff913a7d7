#pragma once

#include "situation.h"

#include <QDateTime>
#include <QList>
#include <QPair>
#include <QString>

namespace rcs::ui {

// What a topology card shows about one Redis node (and the pod it runs in). The view-model of the
// topology view: filled from the core's ClusterTopology by one adapter (topology_adapter.h), so that
// the items depend on this struct only.
struct NodeCard {
    enum class Role { Unknown, Master, Replica };
    // The worst state wins when several apply; the order is the severity order.
    enum class State { Connected, Migrating, Handshake, StaleAddress, Disconnected, PFail, Fail, PodDown };

    QString id;        // Redis node id (40 hex), empty before the pod answered
    QString podName;   // "redis-app-0", empty on plain endpoints
    QString address;   // "10.244.1.5:6379" as the cluster knows it
    QString hostGroup; // the Kubernetes node name ("worker-1"), or the host on plain endpoints
    Role role = Role::Unknown;
    QString masterId;                  // for replicas
    QString masterName;                // the master's pod name or address, for display
    QList<QPair<int, int>> slotRanges; // inclusive ranges 0..16383
    QString slotsText;                 // "0-5460,5462"
    int migratingSlots = 0;
    int importingSlots = 0;
    qint64 keys = -1;        // -1 = unknown
    qint64 memoryBytes = -1; // used_memory, -1 = unknown
    QString server;          // "redis 7.0.15", "valkey 8.0.1"; empty until its INFO was read
    State state = State::Connected;
    QString flags;    // raw CLUSTER NODES flags, for the details panel and tooltips
    QString podPhase; // "Running", "Pending", ...
    bool podReady = true;
    int restarts = 0;
    // The pod's StatefulSet revision (controller-revision-hash) and, while a rollout is in progress
    // (an upgrade or a restart half done), whether the pod already runs the new one.
    enum class Revision { Current, New, Old };
    QString revision;
    Revision revisionState = Revision::Current;
    qint64 configEpoch = 0;
    QString detail; // one sentence about a problem, shown in tooltips and details
    // Commands per second at the last refreshes, oldest first (at most SparklineSamples), for the card's
    // sparkline; a refresh without a rate (the first, or after a restart) is left out.
    static constexpr int SparklineSamples = 60;
    QList<float> opsHistory;

    // The identity across refreshes: the node id survives a pod restart (nodes.conf is on the PVC),
    // the pod name survives before the node id is known.
    QString key() const { return !id.isEmpty() ? id : (!podName.isEmpty() ? podName : address); }
    QString displayName() const { return !podName.isEmpty() ? podName : address; }
    int slotCount() const;
    bool isMaster() const { return role == Role::Master; }
    bool operator==(const NodeCard &) const = default;
};

QString nodeStateName(NodeCard::State state); // "pfail", "stale address", ...
QString roleName(NodeCard::Role role);
QString formatBytes(qint64 bytes);
QString formatCount(qint64 count);
// "1 master" / "3 masters": English plurals without an English translation file (tr's %n needs one).
// Callers translate the units with the disambiguation "count", so that a language can put its measure
// word into them ("3 个主节点").
QString countOf(qint64 count, const QString &one, const QString &many);

// One refresh worth of cluster state, as the model receives it.
struct TopologySnapshot {
    QList<NodeCard> nodes;
    // Core's assessment (assessSituation on Kubernetes, assessClusterSituation on plain endpoints).
    Situation situation = Situation::Unknown;
    QString advice; // core's sentence without a command; shown with suggestionText(next)
    SuggestedOperation next = SuggestedOperation::None;
    QString clusterState; // "ok" / "fail" / empty when unknown
    int slotsOk = -1;
    int slotsAssigned = -1;
    int knownNodes = -1;
    qint64 currentEpoch = -1;
    QString message; // a sentence from the scan, e.g. why a node is unreachable
    QDateTime takenAt;
};

} // namespace rcs::ui
