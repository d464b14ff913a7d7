#pragma once

#include "common/result.h"
#include "redis/node_address.h"
#include "redis/slot_set.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace rcs {

// A node offered to the create planner. hostGroup says which nodes fail together (the Kubernetes node
// name; the IP on plain endpoints); empty means "its own host": the address' host is used.
struct PlannedNodeInput {
    NodeAddress address;
    QString hostGroup;
};

struct CreatePlan {
    struct Master {
        int input = 0; // index into the planner's input list
        NodeAddress address;
        QString hostGroup;
        SlotRange slotRange;
    };
    struct Replica {
        int input = 0;
        NodeAddress address;
        QString hostGroup;
        int master = 0; // index into masters
    };
    // A replica that shares its master's host group: losing that host loses both.
    struct Colocation {
        int replica = 0; // index into replicas
        int master = 0;  // index into masters
    };

    QList<Master> masters;
    QList<Replica> replicas;
    QList<Colocation> colocations;
    // One sentence per problem the plan could not avoid (co-located pairs, a host group holding most
    // masters).
    QStringList warnings;

    QList<int> replicasOf(int master) const;
};

// Plans a new cluster the way redis-cli --cluster create does, but with anti-affinity by host group:
// - masters = N / (replicasPerMaster + 1), at least 3;
// - masters are picked round-robin over host groups (groups in order of first appearance);
// - slots are split evenly exactly like redis-cli (3 masters: 0-5460, 5461-10922, 10923-16383);
// - replicas are matched to masters so that the number of replicas sharing their master's host group
//   is the smallest possible (maximum bipartite matching), then replicas of one master are spread over
//   groups where that costs nothing; nodes left over become extra replicas.
// Pure and deterministic. Errors (InvalidInput): negative replicas, duplicated or invalid addresses,
// too few nodes ("At least 3*(replicas+1) nodes are required").
Result<CreatePlan> planCreate(const QList<PlannedNodeInput> &nodes, int replicasPerMaster);

// The redis-cli slot split for `masters` masters (single-precision arithmetic, as redis-cli uses).
QList<SlotRange> evenSlotRanges(int masters);

} // namespace rcs
