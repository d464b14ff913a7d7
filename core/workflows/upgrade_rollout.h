#pragma once

#include "redis/cluster_convergence.h"
#include "upgrade_planner.h"
#include "workflow.h"

#include <QElapsedTimer>
#include <QHash>

namespace rcs {

class RedisReply;

// Runs an upgrade plan (planUpgrade) on a StatefulSet that is already OnDelete with the new template,
// one step at a time; UpgradeWorkflow around it patches the StatefulSet and restores its strategy
// however this ends.
// - Restart: delete the pod; wait until it is back, Ready, at the update revision (a pod stuck in a
//   crash loop or image pull, or not Ready in time, stops the run with its last log lines); let the
//   cluster learn its new IP (RecoverJob); a pod that came back blank (no volume) is made a replica of
//   its master again and its old node id forgotten on every node; then wait until the replica is in sync
//   (master_link_status:up, its offset at its master's) and every node sees the expected cluster.
// - Failover: CLUSTER FAILOVER on the upgraded replica (FailoverJob waits until every node sees the
//   swap), then wait until every node sees the expected cluster — on Valkey also each replica in its
//   master's shard, or a node restarted next would refuse its own nodes.conf.
//
// Error behaviour: the first failing step stops the run, named; Timeout for a pod not back in time
// (with the reason and its log) or a cluster that does not settle (with the remaining gaps).
class UpgradeRollout final : public Workflow {
    Q_OBJECT
public:
    static constexpr int kLogLines = 20;

    UpgradeRollout(KubeSession *session, const ClusterSurvey &found, const UpgradePlan &plan,
                   QString revision, QObject *parent = nullptr);

    // Steps done so far (a stopped run says how far it got).
    int stepsDone() const { return m_done; }
    QStringList restartedPods() const { return m_restarted; }
    // Ends the run between two steps (the GUI's Cancel): the current step finishes first, and while a
    // temporary pod (--temporary-replica) serves a shard, the steps up to the hand-back too.
    void stopAfterStep() { m_stopRequested = true; }
    // After a stop or a failure: what a temporary pod left behind is doing, and that a re-run finishes
    // with it (one sentence), or empty.
    QString temporaryPodLeft() const;

protected:
    void doStart() override;

private:
    void nextStep();
    void restart(const UpgradeStep &step);
    void waitUpdated(const UpgradeStep &step, const QString &oldUid, QDeadlineTimer deadline);
    void podNotBack(const UpgradeStep &step, const QString &why);
    // Reads the pods again and reaches them (m_pods, m_addresses), then next.
    void refreshPods(std::function<void()> next);
    void rejoin(const UpgradeStep &step);
    void rejoinBlank(const UpgradeStep &step, const QString &newId);
    // A restarted pod: in sync with its master, and every node sees it back; then the next step.
    void settle(const UpgradeStep &step);
    void failover(const UpgradeStep &step);
    // AddTemporary / RemoveTemporary (TemporaryReplicaJob), Replicate.
    void temporaryReplica(const UpgradeStep &step);
    void replicate(const UpgradeStep &step);
    bool temporaryServesSlots() const;
    // One command as part of a step: next gets the answer, an error fails the step.
    void ask(const NodeAddress &address, const QList<QByteArray> &argv, const QString &step,
             std::function<void(const RedisReply &)> next);
    void waitInSync(const QString &pod, std::function<void()> next);
    void pollSync(const QString &pod, qint64 target, QDeadlineTimer deadline, std::function<void()> next);
    void waitConverged(const QString &step, std::function<void()> next);
    void pollConverged(const QString &step, QDeadlineTimer deadline, std::function<void()> next);
    NodeAddress addressOf(const QString &pod) const;
    QList<NodeAddress> addresses() const;

    UpgradePlan m_plan;
    QString m_revision;
    QList<PodState> m_pods;                  // in pod order
    QHash<QString, QString> m_uidOfPod;      // every pod of the StatefulSet at the start: name → uid
    QList<NodeAddress> m_addresses;          // their cluster addresses, same order
    QHash<QString, ExpectedNode> m_expected; // by node id: what every node must show
    QHash<QString, QString> m_podOfNode;
    int m_done = 0;
    QStringList m_restarted;
    bool m_stopRequested = false;
    QString m_temporaryPod; // --temporary-replica: the extra pod, its node id, and whether it runs now
    QString m_temporaryId;
    bool m_temporaryPresent = false;
    QElapsedTimer m_temporaryElection; // since its last failover
};

} // namespace rcs
