#pragma once

#include "cluster_situation.h"
#include "common/job.h"
#include "kube_session.h"
#include "pod_state.h"
#include "redis/cluster_topology.h"
#include "redis/node_address.h"
#include "redis/removal_plan.h"

#include <QDeadlineTimer>
#include <QJsonObject>
#include <QPointer>
#include <QStringList>

#include <functional>

namespace rcs {

struct NodeReply;

class KubeRequest;

// What the API shows of a deployment.
struct Deployment {
    bool namespaceExists = false;
    bool statefulSetExists = false;
    int replicas = 0; // spec.replicas of the StatefulSet
    QJsonObject statefulSet;
    QString selector; // the StatefulSet's label selector, e.g. "app=redis,appCluster=redis-cluster"
    QList<PodState> pods;
    bool hasPassword = false;
    // The Secret holds the operator user's password: the studio authenticates as the operator.
    bool hasOperatorUser = false;
    // The password Secret as read (its data holds secrets: never shown or logged), empty without one.
    QJsonObject passwordSecret;

    int readyCount() const;
};

// What survey() found: the deployment, the cluster addresses of the pods that have an IP (in pod
// order), their topology joined with the pods, its check report and the named situation.
struct ClusterSurvey {
    Deployment deployment;
    QList<PodState> pods; // the pods that were asked (an IP, not terminating)
    QList<NodeAddress> addresses;
    ClusterTopology topology;
    ClusterCheckReport report;
    SituationAssessment assessment;

    // The cluster node running in the pod, or null.
    const TopologyNode *nodeOfPod(const QString &podName) const;
    // The pod name of a node id for messages ("redis-app-3"), else its address, else the id's prefix.
    QString podName(const QString &nodeId) const;
    // The pods with the highest ordinals that run a blank node (no slots, knowing no other node, no
    // member knowing it): what an add-node stopped after scaling leaves. Lowest ordinal first.
    QList<PodState> blankTopPods() const;
    // This survey without those pods (as if the StatefulSet were that much smaller), re-assessed; the
    // cluster the members form.
    ClusterSurvey withoutBlankTopPods() const;
};

// Base of the Kubernetes workflows: a composite job whose steps are child jobs or bounded polls.
// Each step has a timeout; the first error stops the run and names the step ("Waiting for the pods:
// …"). Changing steps log their equivalent kubectl / redis-cli command; in dry-run mode they log it
// (prefixed "[dry-run]") and do nothing. result() lines summarise the outcome for the CLI and the GUI.
class Workflow : public Job {
    Q_OBJECT
public:
    static constexpr int kDefaultStepTimeoutMs = 60000;
    static constexpr int kPodPollIntervalMs = 500;

    explicit Workflow(KubeSession *session, QObject *parent = nullptr);
    ~Workflow() override;

    void setDryRun(bool dryRun) { m_dryRun = dryRun; }
    bool isDryRun() const { return m_dryRun; }
    // Bound of each step that has no bound of its own (default 60 s).
    void setStepTimeout(int ms) { m_stepTimeoutMs = ms; }
    int stepTimeout() const { return m_stepTimeoutMs; }
    // Bound of the waits for pods (default: the step timeout).
    void setPodTimeout(int ms) { m_podTimeoutMs = ms; }
    int podTimeout() const { return m_podTimeoutMs > 0 ? m_podTimeoutMs : m_stepTimeoutMs; }

    // What happened, one sentence a line (what changed, or why nothing had to).
    QStringList result() const { return m_result; }
    // True when the workflow found nothing to do and changed nothing.
    bool changedNothing() const { return m_changedNothing; }
    // The changes a dry run or an unconfirmed run listed instead of making them, in order, with the
    // line a person would type for each (what --dry-run prints and a confirmation shows); empty for a
    // run that made its changes.
    const QList<EquivalentCommand> &plannedCommands() const { return m_planned; }
    KubeSession *session() const { return m_session; }

protected:
    void addResult(const QString &line);
    void setChangedNothing(bool value) { m_changedNothing = value; }

    // Runs a child job as a step; next gets the job (valid until next returns) when it succeeded.
    void runStep(const QString &step, Job *job, std::function<void(Job *)> next, int timeoutMs = 0);
    void failStep(const QString &step, const Error &error);
    // The same call with 404 as a successful answer (its httpStatus() says which): a missing object is
    // something to report or, for a delete, what was asked for. The given request is dropped.
    KubeRequest *allowNotFound(KubeRequest *request) const;
    // refusalUnlessConfirmed() as a step that knows the dry run: returns true when the run may change
    // things; else it failed (not confirmed) or, in a dry run, logged the commands, recorded
    // dryRunResult and succeeded, changing nothing.
    bool proceedIfConfirmed(bool confirmed, const QString &wouldDo, const QString &dryRunResult,
                            const std::function<void()> &logCommands);
    // Logs a changing action with its equivalent command ([dry-run] prefix in dry-run mode).
    void logCommand(const QString &category, const QString &message, const QString &command);

    // Reads namespace, StatefulSet, password Secret and pods.
    void inspect(std::function<void(const Deployment &)> next);
    // Polls the pods until ordinals 0..count-1 exist and are Ready and no other pod of the StatefulSet
    // is left (bounded by podTimeout()). Progress per pod goes to infoMessage(); a stuck pod is
    // explained once as a warning; the timeout names every pod that is not Ready and why.
    void waitForPods(int count, const QString &step, std::function<void(const Deployment &)> next);
    // Prepares the node access to the pods; next gets their cluster addresses in pod order.
    void reach(const QList<PodState> &pods, std::function<void(const QList<NodeAddress> &)> next);
    // Scans the given addresses (no discovery) and joins the pods; next gets the topology.
    void scan(const QList<NodeAddress> &addresses, const QList<PodState> &pods,
              std::function<void(const ClusterTopology &)> next);
    // inspect(); fails (NotFound) without the StatefulSet, adding `advice` ("nothing to recover.");
    // then waits for every pod to be Ready, reaches and scans them: next gets the ready deployment,
    // the pods' cluster addresses in pod order and their topology.
    using ReadyScan = std::function<void(const Deployment &ready, const QList<NodeAddress> &addresses,
                                         const ClusterTopology &topology)>;
    void scanReadyPods(const QString &advice, NextStep step, ReadyScan next);
    // inspect(), then reach() and scan() the pods that have an IP, and name the situation. Fails only
    // when the API or the node access fails; an unhealthy cluster is an answer.
    void survey(std::function<void(const ClusterSurvey &)> next);
    // survey(), then refuses (Refused) with the situation's advice unless the cluster is healthy:
    // `action` says what would have been done ("Adding a node").
    void requireHealthy(const QString &action, std::function<void(const ClusterSurvey &)> next);
    // Fails (Refused) as requireHealthy() does and returns true unless found is healthy.
    bool refuseUnlessHealthy(const QString &action, const ClusterSurvey &found);
    // The pods (by name where addresses[i] runs pods[i], else the address) whose reply of a
    // commandAll() was an error, and in *why the last error's message.
    static QStringList failedNodes(const QList<NodeReply> &replies, const QList<NodeAddress> &addresses,
                                   const QList<PodState> &pods, QString *why);
    // Changing steps must not start once the run ended (timeout / cancel).
    bool ended() const { return isFinished(); }

private:
    void pollPods(int count, const QString &step, QDeadlineTimer deadline, QHash<QString, QString> *seen,
                  std::function<void(const Deployment &)> next);

    QPointer<KubeSession> m_session;
    bool m_dryRun = false;
    int m_stepTimeoutMs = kDefaultStepTimeoutMs;
    bool m_podsServeTls = false; // the last pods waited for mount the TLS Secret (failStep says why it fails)
    int m_podTimeoutMs = 0;
    QStringList m_result;
    bool m_changedNothing = false;
    // Set while an unconfirmed run lists its commands: they are the plan, not changes made.
    bool m_listingPlan = false;
    QList<EquivalentCommand> m_planned;
};

} // namespace rcs
