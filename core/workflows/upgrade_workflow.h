#pragma once

#include "stalled_rollout.h"
#include "upgrade_planner.h"
#include "workflow.h"

#include <QPointer>
#include <QSet>

namespace rcs {

class UpgradeRollout;

// A rolling upgrade (new image or resources) or a rolling restart of the Redis pods, without a write
// lost: a healthy cluster is required; the plan (planUpgrade) is made from the pods' revisions; the
// StatefulSet gets the new template and `updateStrategy: OnDelete` in one patch (the previous strategy
// kept in an annotation), then UpgradeRollout restarts one pod at a time, replicas first, each master
// handed over by a failover before it restarts. At the end the previous strategy comes back — also
// after a failure or a stop, then holding every pod (a RollingUpdate partition of all pods) so the
// controller replaces no master behind the studio's back until a re-run finishes. Pods already at the
// new revision are skipped, so a re-run goes on where a stopped one ended and a re-run of a finished one
// changes nothing. Unconfirmed (no --yes), it lists the plan and changes nothing; so does a dry run.
//
// Settings (UpgradeChange::settings, upgrade_workflow_config.cpp): before the plan, one node is asked each
// key's value (CONFIG GET) and whether CONFIG SET takes it live (its current value set back). Once
// confirmed, live settings are tried on one node, then set on every node; every setting goes to the
// redis.conf of the ConfigMap the StatefulSet mounts; settings that need a restart change the template's
// config-hash annotation, so the rolling restart above follows. Only live settings: no pod restarts.
//
// A cluster whose only problems are replica pods a stopped upgrade left not Ready (stalledRolloutReplicas:
// every slot still served by a reachable master) is accepted too, those pods restarted first: the
// upgrade back to the previous image after a bad one (the rollback) must not need a healthy cluster.
//
// Error behaviour: Refused when the cluster is not healthy (but for those pods), when a master to restart has
// no replica (planUpgrade), when a server does not know a setting's key or refuses its value (nothing
// changed), or when not confirmed; RedisError when a live setting fails on some node (named); the API's
// error for the patches; UpgradeRollout's errors.
class UpgradeWorkflow final : public Workflow {
    Q_OBJECT
public:
    explicit UpgradeWorkflow(KubeSession *session, QObject *parent = nullptr);

    void setChange(const UpgradeChange &change) { m_change = change; }
    void setConfirmed(bool confirmed) { m_confirmed = confirmed; }
    // --temporary-replica: masters without a replica are served by a temporary extra pod
    // (upgrade_temporary_replica.h) instead of refused.
    void setTemporaryReplica(bool temporary) { m_temporaryReplica = temporary; }
    // The plan the run followed (or would follow: dry run, unconfirmed).
    const UpgradePlan &plan() const { return m_plan; }
    QStringList restartedPods() const { return m_restarted; }
    // upgrade --set: how each setting applies, as the servers said (empty before they were asked).
    const QList<ProbedSetting> &settings() const { return m_probed; }
    // Ends the run between two pods (the current one finishes), restoring the strategy; asked before
    // the first pod, the run stops before it.
    void stopBetweenPods();

protected:
    void doStart() override;
    void doCancel() override;

private:
    void surveyed(const QString &action, const ClusterSurvey &found);
    void planned(const ClusterSurvey &found);
    void listPlan(const ClusterSurvey &found, bool patchTemplate);
    void patchAndRollOut(const ClusterSurvey &found, const QJsonObject &templ, bool rollout);
    void started(const ClusterSurvey &found, const QJsonObject &patched);
    void waitForRevision(qint64 generation, QDeadlineTimer deadline,
                         std::function<void(const QJsonObject &)> next);
    void rollOut(const ClusterSurvey &found, const QString &revision);
    void finish(const std::optional<Error> &error, int replicas);
    QList<UpgradeNode> upgradeNodes(const ClusterSurvey &found, const QString &revision) const;
    Result<UpgradePlan> makePlan(const ClusterSurvey &found, const QString &revision) const;
    // --set (upgrade_workflow_config.cpp)
    void probeSettings(const ClusterSurvey &found, std::function<void()> next);
    void probeSetting(const ClusterSurvey &found, qsizetype index, std::function<void()> next);
    void readConf(std::function<void()> next);
    bool needsConfigRestart() const;
    QString configHashToSet() const;
    bool settingsChangeSomething() const;
    QString settingsWouldDo() const;
    void listSettings(const ClusterSurvey &found);
    void applySettings(const ClusterSurvey &found, std::function<void()> next);
    void trySettings(const ClusterSurvey &found, const QList<ProbedSetting> &live, qsizetype index,
                     std::function<void()> next);
    void applyEverywhere(const ClusterSurvey &found, const QList<ProbedSetting> &live, qsizetype index,
                         std::function<void()> next);
    void persistConf(std::function<void()> next);

    UpgradeChange m_change;
    bool m_confirmed = false;
    bool m_temporaryReplica = false;
    UpgradePlan m_plan;
    QStringList m_restarted;
    QJsonObject m_statefulSet; // as read before the run, for the strategy to restore
    QPointer<UpgradeRollout> m_rollout;
    bool m_patched = false;
    bool m_stopRequested = false;
    QList<ProbedSetting> m_probed;
    QSet<QString> m_liveAlready; // live keys every node already has
    QString m_configMap;
    QString m_conf;    // redis.conf as the ConfigMap holds it
    QString m_newConf; // with the settings
    QList<StalledReplica>
        m_stalled; // not Ready, left by a stopped upgrade: restarted whatever their revision
};

} // namespace rcs
