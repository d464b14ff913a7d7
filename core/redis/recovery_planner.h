#pragma once

#include "common/result.h"
#include "redis/cluster_node.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace rcs {

// What recovery knows about one live address: the id the node answers to CLUSTER MYID there and its
// CLUSTER NODES (which, after a restart on a new IP, still shows old addresses, its own included).
struct RecoveryNodeInput {
    NodeAddress address; // the node's current address (pod IP)
    QString myId;
    QList<ClusterNodeInfo> nodes;
};

// "CLUSTER MEET <target> <busPort>" sent to inputs[from].
struct MeetCommand {
    int from = 0;
    int to = 0;
    NodeAddress target;
    quint16 busPort = 0;
    friend bool operator==(const MeetCommand &, const MeetCommand &) = default;
};

// An id the cluster remembers that no live node answers to: its data folder (nodes.conf) is gone or
// its pod is not running.
struct LostNode {
    QString id;
    NodeAddress lastAddress;
    bool wasMaster = false;
    SlotSet slotSet;
    QString masterId;
};

struct RecoveryPlan {
    enum class Scheme { FullMesh, HalfMesh };

    // Indexes into the inputs of the nodes that belong to the cluster and get MEETs.
    QList<int> members;
    QList<MeetCommand> meets;
    Scheme scheme = Scheme::FullMesh;
    QString schemeDescription;
    // Some member still flags a peer fail/fail?: the executor may lower cluster-node-timeout for a
    // moment so the flags clear fast (a FAIL master is otherwise cleared only after 2 × node timeout).
    bool staleFailFlags = false;
    QList<LostNode> lostNodes;
    // Live nodes nobody in the cluster knows and that know nobody and hold no slots: blank nodes.
    QList<int> unknownEmptyNodes;
    // Live nodes nobody in the cluster knows but that know other nodes or hold slots: another cluster.
    QList<int> strangers;
    // One sentence per finding above, with what to do.
    QStringList notes;

    bool isNoop() const { return meets.isEmpty() && !staleFailFlags; }
};

// Plans the MEETs that bring a cluster back after its nodes restarted on new addresses:
// - the members are the largest group of live nodes linked by knowing each other's ids;
// - a node learns its own new address only from an incoming MEET, and a peer's new address only by
//   talking to it; so up to fullMeshLimit members every member MEETs every other member whose current
//   address it does not already list, connected and unflagged (a healthy cluster needs no MEET);
// - beyond fullMeshLimit, each unordered pair gets one MEET (lower index → higher; the other side learns
//   the address from the PINGs that follow on the new link), plus one MEET to the first member, so the
//   command count is halved and every member still receives at least one MEET.
// Errors (InvalidInput): no input with an id, an input without an id, two addresses answering to the
// same id (a copied data folder: one of them must go before anything is MEET).
Result<RecoveryPlan> planRecovery(const QList<RecoveryNodeInput> &inputs, int fullMeshLimit = 100);

} // namespace rcs
