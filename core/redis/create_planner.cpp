#include "create_planner.h"

#include <QCoreApplication>
#include <QHash>
#include <QMap>
#include <QSet>

#include <cmath>
#include <tuple>

namespace rcs {

namespace {
// The translation context of this file's texts: the GUI shows them in its language, the
// headless commands (which load no translation) in English.
struct Text {
    Q_DECLARE_TR_FUNCTIONS(rcs::CreatePlanner)
};
} // namespace

namespace {

QString groupOf(const PlannedNodeInput &node)
{
    return node.hostGroup.isEmpty() ? node.address.host : node.hostGroup;
}

// Round-robin over host groups in order of first appearance, like redis-cli's interleaving by IP.
QList<int> interleaveByGroup(const QList<PlannedNodeInput> &nodes)
{
    QStringList groupOrder;
    QHash<QString, QList<int>> members;
    for (int i = 0; i < nodes.size(); ++i) {
        const QString group = groupOf(nodes.at(i));
        if (!members.contains(group))
            groupOrder.append(group);
        members[group].append(i);
    }
    QList<int> interleaved;
    for (int round = 0; interleaved.size() < nodes.size(); ++round) {
        for (const QString &group : std::as_const(groupOrder)) {
            const QList<int> &list = members[group];
            if (round < list.size())
                interleaved.append(list.at(round));
        }
    }
    return interleaved;
}

// Maximum bipartite matching (Kuhn) of replica seats to candidate nodes over "different host group"
// edges: it maximises the number of replicas not sharing their master's group.
class SeatMatcher final {
public:
    SeatMatcher(const QList<QString> &seatGroups, const QList<QString> &candidateGroups)
        : m_seatGroups(seatGroups)
        , m_candidateGroups(candidateGroups)
        , m_candidateSeat(candidateGroups.size(), -1)
        , m_seatCandidate(seatGroups.size(), -1)
    {}

    void run()
    {
        for (int seat = 0; seat < m_seatGroups.size(); ++seat) {
            QList<bool> visited(m_candidateGroups.size(), false);
            augment(seat, visited);
        }
    }
    int candidateFor(int seat) const { return m_seatCandidate.at(seat); }
    bool isTaken(int candidate) const { return m_candidateSeat.at(candidate) >= 0; }

private:
    bool augment(int seat, QList<bool> &visited)
    {
        for (int c = 0; c < m_candidateGroups.size(); ++c) {
            if (visited.at(c) || m_candidateGroups.at(c) == m_seatGroups.at(seat))
                continue;
            visited[c] = true;
            if (m_candidateSeat.at(c) < 0 || augment(m_candidateSeat.at(c), visited)) {
                m_candidateSeat[c] = seat;
                m_seatCandidate[seat] = c;
                return true;
            }
        }
        return false;
    }

    QList<QString> m_seatGroups;
    QList<QString> m_candidateGroups;
    QList<int> m_candidateSeat;
    QList<int> m_seatCandidate;
};

// Swaps masters between pairs of replicas while that lowers 10000·(co-located pairs) + (pairs of
// replicas of one master sharing a group): redis-cli's anti-affinity score, minimised
// deterministically instead of by random swaps.
void spreadSiblings(QList<CreatePlan::Replica> &replicas, const QList<CreatePlan::Master> &masters)
{
    QList<QHash<QString, int>> perMaster(masters.size());
    for (const CreatePlan::Replica &replica : std::as_const(replicas))
        ++perMaster[replica.master][replica.hostGroup];
    const auto colocated = [&](const QString &group, int master) {
        return group == masters.at(master).hostGroup ? 1 : 0;
    };

    for (int pass = 0; pass < 50; ++pass) {
        bool improved = false;
        for (int a = 0; a < replicas.size(); ++a) {
            for (int b = a + 1; b < replicas.size(); ++b) {
                const int ma = replicas.at(a).master;
                const int mb = replicas.at(b).master;
                const QString ga = replicas.at(a).hostGroup;
                const QString gb = replicas.at(b).hostGroup;
                if (ma == mb || ga == gb)
                    continue;
                const int colocation =
                    colocated(ga, mb) + colocated(gb, ma) - colocated(ga, ma) - colocated(gb, mb);
                const int siblings = -(perMaster[ma][ga] - 1) + perMaster[ma][gb] - (perMaster[mb][gb] - 1) +
                                     perMaster[mb][ga];
                if (10000 * colocation + siblings >= 0)
                    continue;
                --perMaster[ma][ga];
                ++perMaster[ma][gb];
                --perMaster[mb][gb];
                ++perMaster[mb][ga];
                replicas[a].master = mb;
                replicas[b].master = ma;
                improved = true;
            }
        }
        if (!improved)
            break;
    }
}

} // namespace

QList<int> CreatePlan::replicasOf(int master) const
{
    QList<int> result;
    for (int i = 0; i < replicas.size(); ++i) {
        if (replicas.at(i).master == master)
            result.append(i);
    }
    return result;
}

QList<SlotRange> evenSlotRanges(int masters)
{
    // Mirrors redis-cli (clusterManagerCommandCreate): float cursor, lround, last master takes the rest.
    QList<SlotRange> ranges;
    if (masters <= 0)
        return ranges;
    const float slotsPerNode = SlotSet::SlotCount / static_cast<float>(masters);
    long first = 0;
    float cursor = 0.0f;
    for (int i = 0; i < masters; ++i) {
        long last = std::lround(cursor + slotsPerNode - 1);
        if (last > SlotSet::SlotCount || i == masters - 1)
            last = SlotSet::SlotCount - 1;
        if (last < first)
            last = first;
        ranges.append({static_cast<int>(first), static_cast<int>(last)});
        first = last + 1;
        cursor += slotsPerNode;
    }
    return ranges;
}

Result<CreatePlan> planCreate(const QList<PlannedNodeInput> &nodes, int replicasPerMaster)
{
    if (replicasPerMaster < 0) {
        return Error(
            ErrorCode::InvalidInput,
            Text::tr("The number of replicas per master must be 0 or more, not %1.").arg(replicasPerMaster));
    }
    QSet<NodeAddress> seen;
    for (const PlannedNodeInput &node : nodes) {
        if (!node.address.isValid()) {
            return Error(ErrorCode::InvalidInput,
                         Text::tr("The node address '%1' is not valid; give every node as HOST:PORT.")
                             .arg(node.address.toString()));
        }
        if (seen.contains(node.address)) {
            return Error(
                ErrorCode::InvalidInput,
                Text::tr("The node %1 is listed twice; give every node once.").arg(node.address.toString()));
        }
        seen.insert(node.address);
    }
    const int nodeCount = static_cast<int>(nodes.size());
    const int masterCount = nodeCount / (replicasPerMaster + 1);
    if (masterCount < 3) {
        return Error(ErrorCode::InvalidInput,
                     Text::tr("Cannot create a cluster from %1 nodes with %2 replicas per master: that "
                              "gives %3 masters and a cluster needs at least 3. At least "
                              "3*(replicas+1) nodes are required, %4 here.")
                         .arg(nodeCount)
                         .arg(replicasPerMaster)
                         .arg(masterCount)
                         .arg(3 * (replicasPerMaster + 1)));
    }

    CreatePlan plan;
    const QList<int> interleaved = interleaveByGroup(nodes);
    const QList<SlotRange> ranges = evenSlotRanges(masterCount);
    for (int i = 0; i < masterCount; ++i) {
        const int input = interleaved.at(i);
        plan.masters.append({input, nodes.at(input).address, groupOf(nodes.at(input)), ranges.at(i)});
    }

    const QList<int> candidates = interleaved.mid(masterCount);
    QList<QString> candidateGroups;
    for (const int input : candidates)
        candidateGroups.append(groupOf(nodes.at(input)));
    // Seat (round r, master m) = r * masterCount + m: first one replica for every master, then the second.
    QList<QString> seatGroups;
    for (int round = 0; round < replicasPerMaster; ++round) {
        for (const CreatePlan::Master &master : std::as_const(plan.masters))
            seatGroups.append(master.hostGroup);
    }
    SeatMatcher matcher(seatGroups, candidateGroups);
    matcher.run();

    QList<bool> used(candidates.size(), false);
    QList<int> seatCandidate(seatGroups.size(), -1);
    for (int seat = 0; seat < seatGroups.size(); ++seat) {
        seatCandidate[seat] = matcher.candidateFor(seat);
        if (seatCandidate.at(seat) >= 0)
            used[seatCandidate.at(seat)] = true;
    }
    // Seats the matching could not fill from another group: any free node is in the master's group
    // (otherwise the matching would not be maximal), so co-location there is unavoidable.
    for (int seat = 0; seat < seatGroups.size(); ++seat) {
        if (seatCandidate.at(seat) >= 0)
            continue;
        const int free = static_cast<int>(used.indexOf(false));
        seatCandidate[seat] = free;
        used[free] = true;
    }
    for (int seat = 0; seat < seatGroups.size(); ++seat) {
        const int c = seatCandidate.at(seat);
        const int input = candidates.at(c);
        plan.replicas.append({input, nodes.at(input).address, candidateGroups.at(c), seat % masterCount});
    }

    // Extra nodes: to a master in another group first, then the one with the fewest replicas, then the
    // one whose replicas do not use this group yet.
    for (int c = 0; c < candidates.size(); ++c) {
        if (used.at(c))
            continue;
        const QString group = candidateGroups.at(c);
        int best = -1;
        std::tuple<int, int, int> bestKey;
        for (int m = 0; m < masterCount; ++m) {
            int count = 0;
            int sharing = 0;
            for (const CreatePlan::Replica &replica : std::as_const(plan.replicas)) {
                if (replica.master != m)
                    continue;
                ++count;
                sharing += replica.hostGroup == group ? 1 : 0;
            }
            const std::tuple<int, int, int> key{plan.masters.at(m).hostGroup == group ? 1 : 0, count,
                                                sharing};
            if (best < 0 || key < bestKey) {
                best = m;
                bestKey = key;
            }
        }
        const int input = candidates.at(c);
        plan.replicas.append({input, nodes.at(input).address, group, best});
    }

    spreadSiblings(plan.replicas, plan.masters);

    for (int r = 0; r < plan.replicas.size(); ++r) {
        const CreatePlan::Replica &replica = plan.replicas.at(r);
        const CreatePlan::Master &master = plan.masters.at(replica.master);
        if (replica.hostGroup != master.hostGroup)
            continue;
        plan.colocations.append({r, replica.master});
        plan.warnings.append(Text::tr("Replica %1 and its master %2 are both on host group '%3': if that "
                                      "host fails, slots %4-%5 become unavailable. Add nodes on other "
                                      "hosts to separate them.")
                                 .arg(replica.address.toString(), master.address.toString(), master.hostGroup)
                                 .arg(master.slotRange.first)
                                 .arg(master.slotRange.last));
    }
    QMap<QString, int> mastersPerGroup;
    for (const CreatePlan::Master &master : std::as_const(plan.masters))
        ++mastersPerGroup[master.hostGroup];
    for (auto it = mastersPerGroup.cbegin(); it != mastersPerGroup.cend(); ++it) {
        if (it.value() * 2 > masterCount) {
            plan.warnings.append(Text::tr("Host group '%1' holds %2 of the %3 masters: if it fails, the "
                                          "cluster loses its majority and stops serving.")
                                     .arg(it.key())
                                     .arg(it.value())
                                     .arg(masterCount));
        }
    }
    return plan;
}

} // namespace rcs
