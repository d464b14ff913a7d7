#pragma once

#include "kube/manifest_set.h"
#include "observe/key_scan.h"
#include "redis/failover_job.h"
#include "redis/node_address.h"
#include "redis/rebalance_planner.h"
#include "workflows/upgrade_config.h"

#include <QByteArray>
#include <QList>
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
    Failover,
    // Read-only, on every target kind: the cluster and (on Kubernetes) the pods, with the situation.
    Status,
    // Read-only, on every target kind, after the status read: INFO sampled every sampleIntervalMs (top),
    // the merged slow logs and latency events of every node (slowlog).
    Top,
    SlowLog,
    // One command through the console, after the status read: routed like redis-cli -c, or to one node.
    Exec,
    // Read-only, on every target kind, after the status read: bounded key scans of every master (the
    // biggest keys, the hottest under an LFU policy) and the keys of every slot.
    BigKeys,
    HotKeys,
    SlotHeat,
    // Kubernetes and the sandbox only: they act on a StatefulSet.
    Deploy,
    Cleanup,
    Upgrade,
    RollingRestart,
    // A new password for one user, the old one removed after confirmation (Kubernetes: the Secret).
    RotatePassword,
    RotateCertificates,
    // Read-only, on every target kind, after the status read: every master's RDB over SYNC into one
    // archive (core/backup).
    Backup,
    // After the status read, on every target kind: a backup archive verified, then its keys put back
    // with RESTORE on the masters that own their slots (core/backup/restore_job.h).
    Restore
};

// The verb as the command line names it ("add-node", "check --fix").
QString operationName(OperationKind kind);

// What an operation is asked to do, on any target kind. The defaults here are the only defaults: the
// command line and the studio fill in what their user chose and leave the rest. Fields a target kind
// has no use for are ignored (a pod name on plain endpoints, a node id on Kubernetes).
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
    // Every destructive verb (remove-node, cleanup) on every target kind: unconfirmed, it lists what
    // would change (plan()) and changes nothing (Refused).
    bool confirmed = false;
    // Kubernetes: failover, the replica's pod; remove-node, the pod the user was shown (the removal
    // stops if another one would go).
    QString podName;
    // Kubernetes remove-node and cleanup: also delete the volumes (the data is lost); cleanup: also
    // the namespace.
    bool deletePvcs = false;
    bool deleteNamespace = false;
    // cleanup: find the names of what would be deleted and stop there, logging no command (what a
    // confirmation shows before it asks).
    bool previewOnly = false;
    // deploy: the manifests' parameters; a folder of manifests instead of the built-in ones (deploy,
    // cleanup).
    ManifestParameters manifest;
    QString manifestDirectory;
    FailoverJob::Mode failoverMode = FailoverJob::Mode::Default;
    // rebalance
    RebalanceOptions rebalance;
    // reshard: slotCount slots to reshardTarget from reshardSources (empty: every other master)
    QStringList reshardSources;
    QString reshardTarget;
    int reshardSlots = 0;
    // upgrade: the Redis container's new image and resource requests (empty: kept); rolling-restart
    // needs none. Unconfirmed (confirmed false), both list their plan and change nothing.
    QString image;
    QString cpu;
    QString memory;
    // upgrade and rolling-restart: a master without a replica gets a temporary one for its restart
    // (added, handed the slots and back, removed) instead of a refusal.
    bool temporaryReplica = false;
    // upgrade --set: redis.conf settings, live where CONFIG SET takes them, else by the rolling restart.
    QList<ConfigSetting> settings;
    // top: the time between samples and how many to take (0: until cancelled).
    int sampleIntervalMs = 1000;
    int sampleCount = 0;
    // bigkeys, hotkeys: SCAN's COUNT, the keys kept, SCAN calls per second per node, the time bound
    // (the mode follows the kind).
    observe::KeyScanOptions keyScan;
    // rotate-password: the user ("default" or the operator; empty: the operator when the deployment has
    // one) and the new password (empty: generated; never from the command line: a file or stdin).
    QString rotateUser;
    QString newPassword;
    // rotate-certificates: a new CA too, dropping the CAs that no longer sign (needs confirmed), or only
    // loading the certificates the TLS Secret holds now (the user's own Secret); validity of what is made.
    bool renewCa = false;
    bool dropOldCas = false;
    bool reloadOnly = false;
    int certificateDays = 365;
    // exec: the command's words (binary safe), sent to nodeId when set (an id, a unique id prefix, a
    // pod name or HOST:PORT; a MOVED is then the reply), else to the master of its key's slot, following
    // redirects. A destructive command (destructiveEffect) runs only when confirmed.
    QList<QByteArray> commandWords;
    // backup: the archive to write, and whether an existing file there may be replaced (--force).
    // restore: the archive to read; into a cluster that holds keys only with restoreMerge (existing keys
    // left as they are) or restoreReplace (existing keys overwritten: needs confirmed).
    QString backupPath;
    bool overwrite = false;
    bool restoreMerge = false;
    bool restoreReplace = false;
    // Plan only (--dry-run): rebalance and reshard on every kind; every changing verb on Kubernetes.
    bool dryRun = false;
};

} // namespace rcs::ops
