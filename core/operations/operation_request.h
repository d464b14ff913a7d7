#pragma once

#include "redis/failover_job.h"
#include "redis/node_address.h"
#include "redis/rebalance_planner.h"

#include <QString>
#include <QStringList>

namespace rcs::ops {

enum class OperationKind {
    Check,
    CheckFix,
    Create,
    Recover,
    AddNode,
    RemoveNode,
    Rebalance,
    Reshard,
    Failover
};

// The verb as the command line names it ("add-node", "check --fix").
QString operationName(OperationKind kind);

// What an operation on plain endpoints is asked to do. The defaults here are the only defaults: the
// command line and the studio fill in what their user chose and leave the rest.
struct OperationRequest {
    // The seed's procedure (and the Kubernetes form, and the deploy wizard): one replica per master,
    // so a master that dies has a replica to take over. `--cluster-replicas 0` asks for none.
    static constexpr int DefaultReplicasPerMaster = 1;
    enum class Role { Master, Replica };

    OperationKind kind = OperationKind::Check;
    // 0: each job's own bound (create, recover, failover: their convergence bound; others: none).
    int timeoutMs = 0;

    // create
    int replicasPerMaster = DefaultReplicasPerMaster;
    // add-node
    NodeAddress newNode;
    Role role = Role::Master;
    QString masterId; // replica role: the master to follow; empty = the studio chooses
    // remove-node (confirmed: the user said yes; unconfirmed lists the plan and changes nothing),
    // failover (the replica to promote)
    QString nodeId;
    bool confirmed = false;
    FailoverJob::Mode failoverMode = FailoverJob::Mode::Default;
    // rebalance
    RebalanceOptions rebalance;
    // reshard: slotCount slots to reshardTarget from reshardSources (empty: every other master)
    QStringList reshardSources;
    QString reshardTarget;
    int reshardSlots = 0;
    // rebalance, reshard: plan only (--dry-run)
    bool dryRun = false;
};

} // namespace rcs::ops
