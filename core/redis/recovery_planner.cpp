#include "recovery_planner.h"

#include <QCoreApplication>
#include <QHash>
#include <QSet>

#include <algorithm>
#include <numeric>

namespace rcs {

namespace {
// The translation context of this file's texts: the GUI shows them in its language, the
// headless commands (which load no translation) in English.
struct Text {
    Q_DECLARE_TR_FUNCTIONS(rcs::RecoveryPlanner)
};
} // namespace

namespace {

const ClusterNodeInfo *findNode(const QList<ClusterNodeInfo> &nodes, const QString &id)
{
    for (const ClusterNodeInfo &node : nodes) {
        if (node.id == id)
            return &node;
    }
    return nullptr;
}

const ClusterNodeInfo *myselfOf(const RecoveryNodeInput &input)
{
    for (const ClusterNodeInfo &node : input.nodes) {
        if (node.isMyself())
            return &node;
    }
    return nullptr;
}

quint16 busPortOf(const RecoveryNodeInput &input)
{
    const ClusterNodeInfo *self = myselfOf(input);
    if (self && self->busPort != 0)
        return self->busPort;
    return static_cast<quint16>(input.address.port + 10000);
}

// True when `viewer` already talks to `peer` at its current address, so a MEET would change nothing.
bool seesCorrectly(const RecoveryNodeInput &viewer, const RecoveryNodeInput &peer)
{
    const ClusterNodeInfo *line = findNode(viewer.nodes, peer.myId);
    if (!line)
        return false;
    const NodeFlags bad =
        NodeFlags(NodeFlag::Fail) | NodeFlag::PFail | NodeFlag::Handshake | NodeFlag::NoAddr;
    return line->address == peer.address && line->linkConnected && !(line->flags & bad);
}

// A node prints its own address as it last learnt it; an empty or different host means it needs an
// incoming MEET to learn where it is now.
bool ownAddressStale(const RecoveryNodeInput &input)
{
    const ClusterNodeInfo *self = myselfOf(input);
    return !self || self->address.host != input.address.host;
}

class UnionFind final {
public:
    explicit UnionFind(int size)
        : m_parent(size)
    {
        std::iota(m_parent.begin(), m_parent.end(), 0);
    }
    int find(int x) { return m_parent[x] == x ? x : m_parent[x] = find(m_parent[x]); }
    void unite(int a, int b) { m_parent[find(a)] = find(b); }

private:
    QList<int> m_parent;
};

QString describeLost(const LostNode &lost)
{
    const QString role =
        lost.wasMaster
            ? (lost.slotSet.isEmpty() ? Text::tr("a master without slots")
                                      : Text::tr("the master of slots %1").arg(lost.slotSet.toString()))
            : Text::tr("a replica of %1").arg(lost.masterId.left(8));
    return Text::tr("Node %1 (%2, last at %3) answers at none of the given addresses: its pod is not "
                    "running or its data folder was lost. If it runs, add its address to the node addresses; "
                    "if its data is gone, remove the node and add a blank node in its place.")
        .arg(lost.id, role, lost.lastAddress.toString());
}

} // namespace

Result<RecoveryPlan> planRecovery(const QList<RecoveryNodeInput> &inputs, int fullMeshLimit)
{
    if (inputs.isEmpty())
        return Error(ErrorCode::InvalidInput, Text::tr("Recovery needs at least one reachable node."));
    QHash<QString, int> inputById;
    for (int i = 0; i < inputs.size(); ++i) {
        const RecoveryNodeInput &input = inputs.at(i);
        if (input.myId.isEmpty()) {
            return Error(ErrorCode::InvalidInput,
                         Text::tr("The node at %1 has no node id; recovery can only use nodes that "
                                  "answered CLUSTER MYID.")
                             .arg(input.address.toString()));
        }
        if (inputById.contains(input.myId)) {
            return Error(ErrorCode::InvalidInput,
                         Text::tr("%1 and %2 both answer to node id %3: one runs on a copy of the other's "
                                  "data folder. Stop one of them before recovering, or the cluster will "
                                  "flap between their addresses.")
                             .arg(inputs.at(inputById.value(input.myId)).address.toString(),
                                  input.address.toString(), input.myId));
        }
        inputById.insert(input.myId, i);
    }

    // Members: the largest group of live nodes that know each other's ids.
    const int count = static_cast<int>(inputs.size());
    UnionFind groups(count);
    for (int i = 0; i < count; ++i) {
        for (const ClusterNodeInfo &node : inputs.at(i).nodes) {
            if (!node.isMyself() && !node.isHandshake() && inputById.contains(node.id))
                groups.unite(i, inputById.value(node.id));
        }
    }
    QHash<int, int> groupSize;
    for (int i = 0; i < count; ++i)
        ++groupSize[groups.find(i)];
    int bestRoot = groups.find(0);
    for (int i = 0; i < count; ++i) {
        const int root = groups.find(i);
        if (groupSize.value(root) > groupSize.value(bestRoot))
            bestRoot = root;
    }

    RecoveryPlan plan;
    QSet<QString> memberIds;
    for (int i = 0; i < count; ++i) {
        if (groups.find(i) == bestRoot) {
            plan.members.append(i);
            memberIds.insert(inputs.at(i).myId);
            continue;
        }
        const RecoveryNodeInput &input = inputs.at(i);
        const ClusterNodeInfo *self = myselfOf(input);
        const bool knowsOthers =
            std::any_of(input.nodes.cbegin(), input.nodes.cend(),
                        [](const ClusterNodeInfo &n) { return !n.isMyself() && !n.isHandshake(); });
        const bool hasSlots = self && !self->slotSet.isEmpty();
        if (!knowsOthers && !hasSlots) {
            plan.unknownEmptyNodes.append(i);
            plan.notes.append(Text::tr("%1 (id %2) is a blank node no cluster member knows; it is left "
                                       "alone. Use add-node to make it part of the cluster.")
                                  .arg(input.address.toString(), input.myId));
        } else {
            plan.strangers.append(i);
            plan.notes.append(Text::tr("%1 (id %2) is unknown to this cluster but %3; it is left alone. "
                                       "Check that it belongs to another cluster before reusing it.")
                                  .arg(input.address.toString(), input.myId,
                                       hasSlots ? Text::tr("serves slots") : Text::tr("knows other nodes")));
        }
    }

    // Ids the members remember that nobody answers to.
    QSet<QString> lostSeen;
    for (const int i : std::as_const(plan.members)) {
        for (const ClusterNodeInfo &node : inputs.at(i).nodes) {
            if (node.isHandshake() || inputById.contains(node.id) || lostSeen.contains(node.id))
                continue;
            lostSeen.insert(node.id);
            LostNode lost{node.id, node.address, node.isMaster(), node.slotSet, node.masterId};
            plan.lostNodes.append(lost);
            plan.notes.append(describeLost(lost));
        }
    }

    // Stale FAIL/PFAIL flags on live members.
    for (const int i : std::as_const(plan.members)) {
        for (const ClusterNodeInfo &node : inputs.at(i).nodes) {
            if (!node.isMyself() && memberIds.contains(node.id) && (node.isFail() || node.isPfail()))
                plan.staleFailFlags = true;
        }
    }

    // MEETs.
    const auto meet = [&](int from, int to) {
        const RecoveryNodeInput &target = inputs.at(to);
        plan.meets.append({from, to, target.address, busPortOf(target)});
    };
    const int memberCount = static_cast<int>(plan.members.size());
    plan.scheme =
        memberCount <= fullMeshLimit ? RecoveryPlan::Scheme::FullMesh : RecoveryPlan::Scheme::HalfMesh;
    for (int a = 0; a < memberCount; ++a) {
        for (int b = 0; b < memberCount; ++b) {
            const int from = plan.members.at(a);
            const int to = plan.members.at(b);
            if (a == b)
                continue;
            if (plan.scheme == RecoveryPlan::Scheme::FullMesh) {
                if (!seesCorrectly(inputs.at(from), inputs.at(to)))
                    meet(from, to);
            } else if (a < b) {
                if (!seesCorrectly(inputs.at(from), inputs.at(to)) ||
                    !seesCorrectly(inputs.at(to), inputs.at(from)))
                    meet(from, to);
            }
        }
    }
    // Every member that does not know its own address must receive a MEET.
    for (int b = 0; b < memberCount && memberCount > 1; ++b) {
        const int to = plan.members.at(b);
        if (!ownAddressStale(inputs.at(to)))
            continue;
        const bool received = std::any_of(plan.meets.cbegin(), plan.meets.cend(),
                                          [&](const MeetCommand &m) { return m.to == to; });
        if (!received)
            meet(plan.members.at(b == 0 ? 1 : 0), to);
    }
    plan.schemeDescription =
        plan.scheme == RecoveryPlan::Scheme::FullMesh
            ? Text::tr("full mesh: each of the %1 members MEETs every member it does not already reach at "
                       "its current address (%2 MEETs)")
                  .arg(memberCount)
                  .arg(plan.meets.size())
            : Text::tr("half mesh (more than %1 members): one MEET per pair of the %2 members, the other "
                       "side learning the address from the PINGs on the new link (%3 MEETs)")
                  .arg(fullMeshLimit)
                  .arg(memberCount)
                  .arg(plan.meets.size());
    return plan;
}

} // namespace rcs
