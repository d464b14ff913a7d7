#pragma once

#include "common/result.h"
#include "upgrade_config.h"

#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

namespace rcs {

// What a rolling upgrade changes in the StatefulSet's pod template. Empty fields are kept as they are.
struct UpgradeChange {
    QString image;  // the Redis container's image
    QString cpu;    // resources.requests.cpu (and limits.cpu where a limit is set)
    QString memory; // resources.requests.memory (and limits.memory where a limit is set)
    // rolling-restart: a new kubectl.kubernetes.io/restartedAt annotation on the template, as
    // `kubectl rollout restart` writes, so every pod gets a new revision with nothing else changed.
    bool restart = false;
    // upgrade --set: redis.conf directives, live through CONFIG SET where the servers accept it, else
    // read by the pods as the rolling restart replaces them (upgrade_config.h).
    QList<ConfigSetting> settings;

    bool isEmpty() const
    {
        return image.isEmpty() && cpu.isEmpty() && memory.isEmpty() && !restart && settings.isEmpty();
    }
};

// Where the strategy the StatefulSet had before an upgrade is kept while the upgrade runs with OnDelete:
// a re-run after a crash or a stop finds it there and restores it at its end.
inline constexpr const char *kPreviousStrategyAnnotation = "redis-cluster-studio/previous-update-strategy";

// The strategic-merge patch of spec.template that the change needs (the container named "redis", else
// the first one), or an empty object when the template already is that way (a re-run). restartedAt is
// the annotation's value (an RFC 3339 time) for change.restart.
QJsonObject templatePatch(const QJsonObject &statefulSet, const UpgradeChange &change,
                          const QString &restartedAt);
// The one patch that starts an upgrade: the template change (may be empty) together with
// `updateStrategy: {type: OnDelete}` — in the same patch, or the controller would start replacing pods
// itself — and the previous strategy kept in an annotation (unless a stopped run already kept it).
QJsonObject startPatch(const QJsonObject &statefulSet, const QJsonObject &templateChange);
// The update strategy to go back to: the kept annotation, else spec.updateStrategy, else the API's
// default (RollingUpdate).
QJsonObject previousStrategy(const QJsonObject &statefulSet);
// The patch that ends an upgrade. When every pod runs the new revision (done), the previous strategy
// comes back and the annotation goes. Otherwise (a stop or a failure halfway) a RollingUpdate strategy
// comes back with a partition of `replicas`, so the controller replaces no pod without a failover, and
// the annotation stays for the re-run that finishes; an OnDelete strategy comes back as it was.
QJsonObject endPatch(const QJsonObject &statefulSet, bool done, int replicas);

// One node of the cluster as the upgrade planner needs it, in pod order.
struct UpgradeNode {
    QString pod;
    QString nodeId;
    bool master = false;
    QString masterId;     // replicas: the node id they follow
    bool updated = false; // the pod runs the StatefulSet's update revision
    // The extra pod an earlier --temporary-replica run added (named in the StatefulSet's annotation,
    // upgrade_temporary_replica.h): never counted as a shard's replica, removed at the end.
    bool temporary = false;
};

struct UpgradeStep {
    enum class Kind {
        Restart,  // delete the pod (a replica), wait Ready at the new revision and in sync
        Failover, // CLUSTER FAILOVER on the (upgraded) replica pod: it takes over its master's slots
        // --temporary-replica (upgrade_temporary_replica.h): scale the StatefulSet up by one and join
        // the new pod (at the new revision) as a replica of masterPod (add-node) …
        AddTemporary,
        // … point the temporary pod at the next master without a replica (CLUSTER REPLICATE) …
        Replicate,
        // … and at the end remove it (remove-node: it is the highest ordinal).
        RemoveTemporary
    };
    Kind kind = Kind::Restart;
    QString pod; // the pod restarted, or the replica promoted
    QString nodeId;
    QString masterPod; // Restart: the master it follows; Failover: the master it takes over from
    QString masterId;

    friend bool operator==(const UpgradeStep &, const UpgradeStep &) = default;
};

struct UpgradePlan {
    QList<UpgradeStep> steps;
    QStringList upToDate; // pods already at the new revision: skipped
    bool isNoop() const { return steps.isEmpty(); }
};

// Orders the rolling upgrade: first every replica not yet updated (shard by shard, in pod order);
// then, per master not yet updated, a failover to its first replica (upgraded by then) and the restart of
// the old master, which is a replica by then. No master is restarted while it is a master.
// Masters without a replica, with temporaryPod given (--temporary-replica: the pod a scale-up by one
// creates), are served last by one temporary pod, one after another (planTemporaryReplica); a
// temporary pod left by an earlier run (UpgradeNode::temporary) is always finished with and removed.
//
// Error behaviour: Refused, naming every master not yet updated that has no replica (its slots would
// be down while it restarts, and its data lost if its pod has no volume), with what to do; nothing is
// planned then.
Result<UpgradePlan> planUpgrade(const QList<UpgradeNode> &nodes, const QString &temporaryPod = {});

// "Restart redis-app-3 (replica of redis-app-0)" / "Fail over redis-app-0 to redis-app-3".
QString describeUpgradeStep(const UpgradeStep &step);

} // namespace rcs
