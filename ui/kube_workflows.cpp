#include "kube_workflows.h"

#include "core_backend.h"
#include "kube/kube_watch.h"
#include "sequence_job.h"
#include "topology_adapter.h"
#include "workflows/add_node_workflow.h"
#include "workflows/check_workflow.h"
#include "workflows/cleanup_workflow.h"
#include "workflows/create_workflow.h"
#include "workflows/deploy_workflow.h"
#include "workflows/failover_workflow.h"
#include "workflows/kube_session.h"
#include "workflows/rebalance_workflow.h"
#include "workflows/recover_workflow.h"
#include "workflows/remove_node_workflow.h"
#include "workflows/sandbox_controller.h"
#include "workflows/status_workflow.h"

#include <QCoreApplication>
#include <QSet>

namespace rcs::ui {

namespace {
// The cards of a status: every Redis node the pods showed, plus the pods that have no Redis answer
// yet (Pending, crashing), so a deployment in trouble is visible before any cluster exists.
TopologySnapshot snapshotFromStatus(const rcs::StatusWorkflow &status)
{
    TopologySnapshot snapshot = snapshotFromTopology(status.topology());
    setAssessment(snapshot, status.assessment());
    QSet<QString> shown;
    for (const NodeCard &card : std::as_const(snapshot.nodes))
        shown.insert(card.podName);
    for (const rcs::PodState &pod : status.deployment().pods) {
        if (shown.contains(pod.info.name))
            continue;
        NodeCard card;
        card.podName = pod.info.name;
        card.address = pod.info.ip.isEmpty() ? QString() : pod.info.ip + QStringLiteral(":6379");
        card.hostGroup = pod.info.kubeNode;
        card.podPhase = pod.info.phase;
        card.podReady = pod.info.ready;
        card.restarts = pod.info.restarts;
        card.state = NodeCard::State::PodDown;
        card.detail = rcs::describePod(pod);
        snapshot.nodes.append(card);
    }
    return snapshot;
}

// The cleanup the confirmation's choices describe; the plan and the run are made alike.
rcs::CleanupWorkflow *newCleanup(rcs::KubeSession *session, const ActionRequest &request)
{
    auto *cleanup = new rcs::CleanupWorkflow(session);
    cleanup->setDeletePersistentVolumeClaims(request.deletePvcs);
    cleanup->setDeleteNamespace(request.deleteNamespace);
    return cleanup;
}

// CheckWorkflow judged like `check`: succeeds when the report has no error, fails with the findings.
class KubeCheckJob final : public rcs::Job {
public:
    explicit KubeCheckJob(rcs::KubeSession *session)
        : m_check(new rcs::CheckWorkflow(session, this))
    {
        setTitle(KubeWorkflows::tr("Check"));
        m_check->setAutoDelete(false);
    }

protected:
    void doStart() override
    {
        connect(m_check, &rcs::Job::stepChanged, this, &KubeCheckJob::setStep);
        connect(m_check, &rcs::Job::finished, this, [this] {
            if (m_check->hasError()) {
                fail(m_check->error());
                return;
            }
            const rcs::ClusterCheckReport &report = m_check->report();
            const QString lines = logCheckFindings(report, QStringLiteral("workflow"));
            if (report.isHealthy()) {
                succeed();
                return;
            }
            fail(rcs::ErrorCode::Unhealthy, rcs::phrasedAdvice(m_check->assessment(), &suggestionText),
                 lines);
        });
        m_check->start();
    }
    void doCancel() override { m_check->cancel(); }

private:
    rcs::CheckWorkflow *m_check;
};
} // namespace

KubeWorkflows::KubeWorkflows(QObject *parent)
    : QObject(parent)
    , m_sandbox(new rcs::SandboxController(QString(), this))
{}

KubeWorkflows::~KubeWorkflows() = default;

QString KubeWorkflows::kubeconfigOf(const StudioTarget &target) const
{
    return target.kind == StudioTarget::Kind::Sandbox ? m_sandbox->kubeconfigPath() : target.kubeconfig;
}

rcs::KubeSession *KubeWorkflows::session(const StudioTarget &target, QString *why)
{
    if (m_session && m_sessionTarget == target)
        return m_session;
    if (m_session)
        m_session->deleteLater();
    rcs::ClusterTarget clusterTarget;
    clusterTarget.kubeconfig = kubeconfigOf(target);
    clusterTarget.context = target.kind == StudioTarget::Kind::Sandbox ? QString() : target.context;
    clusterTarget.ns = target.ns;
    clusterTarget.statefulSet = target.statefulSet;
    clusterTarget.access = target.access;
    auto opened = rcs::KubeSession::open(clusterTarget, this);
    if (!opened) {
        if (why)
            *why = opened.error().message();
        return nullptr;
    }
    m_session = opened.value();
    m_sessionTarget = target;
    return m_session;
}

QObject *KubeWorkflows::watchPods(const StudioTarget &target, const std::function<void()> &onChange)
{
    if (target.kind == StudioTarget::Kind::Sandbox && m_sandbox->runningPid() == 0)
        return nullptr;
    rcs::KubeSession *opened = session(target, nullptr);
    if (!opened)
        return nullptr;
    auto *watch = new rcs::KubeWatch(
        opened->client(), rcs::KubeObjectRef{QStringLiteral("v1"), QStringLiteral("Pod"), target.ns, {}},
        rcs::KubeListOptions{});
    // Pods of the StatefulSet only: other workloads in the namespace do not change the picture.
    const QString prefix = target.statefulSet + QLatin1Char('-');
    connect(watch, &rcs::KubeWatch::eventReceived, watch,
            [onChange, prefix](const rcs::KubeWatchEvent &event) {
                const QString name = event.object.value(QLatin1String("metadata"))
                                         .toObject()
                                         .value(QLatin1String("name"))
                                         .toString();
                if (event.type != rcs::KubeWatchEvent::Type::Bookmark && name.startsWith(prefix))
                    onChange();
            });
    // The session (and its client) may be replaced for another target: the watch ends with it. A
    // watch that gave up (API server away too long) goes too; the window makes a new one after its
    // next successful refresh.
    connect(opened, &QObject::destroyed, watch, &QObject::deleteLater);
    connect(watch, &rcs::KubeWatch::failed, watch, &QObject::deleteLater);
    watch->start();
    return watch;
}

rcs::Job *KubeWorkflows::withSandbox(const StudioTarget &target, std::function<rcs::Job *(QString *)> make,
                                     QString *why)
{
    if (target.kind != StudioTarget::Kind::Sandbox || m_sandbox->runningPid() != 0)
        return make(why);
    // Started on demand: the first look at the sandbox starts it (bounded by the controller's timeout).
    QPointer<rcs::SandboxController> sandbox = m_sandbox;
    auto *job = new SequenceJob({[sandbox](QString *reason) -> rcs::Job * {
                                     if (!sandbox) {
                                         *reason = tr("The studio is closing.");
                                         return nullptr;
                                     }
                                     rcs::Job *start = sandbox->start();
                                     start->setTitle(tr("Starting the local sandbox"));
                                     return start;
                                 },
                                 std::move(make)});
    return job;
}

rcs::Job *KubeWorkflows::refresh(const StudioTarget &target,
                                 const StudioBackend::SnapshotCallback &onSnapshot, QString *why)
{
    QPointer<KubeWorkflows> self = this;
    rcs::Job *job = withSandbox(
        target,
        [self, target, onSnapshot](QString *reason) -> rcs::Job * {
            rcs::KubeSession *session = self ? self->session(target, reason) : nullptr;
            if (!session)
                return nullptr;
            auto *status = new rcs::StatusWorkflow(session);
            status->setTitle(tr("Refresh"));
            QObject::connect(status, &rcs::Job::finished, session, [onSnapshot](rcs::Job *finished) {
                if (!finished->hasError())
                    onSnapshot(snapshotFromStatus(*static_cast<rcs::StatusWorkflow *>(finished)));
            });
            return status;
        },
        why);
    if (job && job->title().isEmpty())
        job->setTitle(tr("Refresh"));
    return job;
}

rcs::Job *KubeWorkflows::deploy(const StudioTarget &target, const DeployParameters &parameters, QString *why)
{
    QPointer<KubeWorkflows> self = this;
    rcs::Job *job = withSandbox(
        target,
        [self, target, parameters](QString *reason) -> rcs::Job * {
            rcs::KubeSession *session = self ? self->session(target, reason) : nullptr;
            if (!session)
                return nullptr;
            auto *deploy = new rcs::DeployWorkflow(session, toManifestParameters(parameters));
            deploy->setTitle(tr("Deploy %1/%2").arg(parameters.ns, parameters.name));
            // Per-pod lines for the wizard's list, from every pod wait of the workflow.
            return deploy;
        },
        why);
    if (job)
        job->setTitle(tr("Deploy %1/%2").arg(parameters.ns, parameters.name));
    return job;
}

rcs::Job *KubeWorkflows::cleanupPlan(const StudioTarget &target, const ActionRequest &request,
                                     const StudioBackend::NamesCallback &onPlan, QString *why)
{
    QPointer<KubeWorkflows> self = this;
    return withSandbox(
        target,
        [self, target, request, onPlan](QString *reason) -> rcs::Job * {
            rcs::KubeSession *session = self ? self->session(target, reason) : nullptr;
            if (!session)
                return nullptr;
            auto *plan = newCleanup(session, request);
            plan->setPlanOnly(true);
            plan->setTitle(tr("Finding what Cleanup would delete"));
            QObject::connect(plan, &rcs::Job::finished, session, [onPlan](rcs::Job *finished) {
                if (!finished->hasError())
                    onPlan(static_cast<rcs::CleanupWorkflow *>(finished)->plannedDeletions());
            });
            return plan;
        },
        why);
}

rcs::Job *KubeWorkflows::action(Action action, const StudioTarget &target, const ActionRequest &request,
                                QString *why)
{
    QPointer<KubeWorkflows> self = this;
    const auto make = [self, target](std::function<rcs::Job *(rcs::KubeSession *)> build) {
        return [self, target, build](QString *reason) -> rcs::Job * {
            rcs::KubeSession *session = self ? self->session(target, reason) : nullptr;
            return session ? build(session) : nullptr;
        };
    };
    switch (action) {
    case Action::CreateCluster:
        return withSandbox(target, make([](rcs::KubeSession *s) { return new rcs::CreateWorkflow(s, 1); }),
                           why);
    case Action::Recover:
        return withSandbox(target, make([](rcs::KubeSession *s) { return new rcs::RecoverWorkflow(s); }),
                           why);
    case Action::Check:
        return withSandbox(target, make([](rcs::KubeSession *s) { return new KubeCheckJob(s); }), why);
    case Action::AddNode:
        return withSandbox(target, make([request](rcs::KubeSession *s) {
                               auto *add = new rcs::AddNodeWorkflow(s);
                               add->setRole(request.role == QLatin1String("replica")
                                                ? rcs::AddNodeWorkflow::Role::Replica
                                                : rcs::AddNodeWorkflow::Role::Master);
                               return add;
                           }),
                           why);
    case Action::RemoveNode:
        return withSandbox(target, make([request](rcs::KubeSession *s) {
                               auto *remove = new rcs::RemoveNodeWorkflow(s);
                               // The confirmation named this pod and its PVC choice.
                               remove->setExpectedPodName(request.podName);
                               remove->setDeletePersistentVolumeClaim(request.deletePvcs);
                               remove->setConfirmed(true);
                               return remove;
                           }),
                           why);
    case Action::Rebalance:
        return withSandbox(target, make([](rcs::KubeSession *s) { return new rcs::RebalanceWorkflow(s); }),
                           why);
    case Action::Failover:
        if (request.podName.isEmpty()) {
            if (why)
                *why = tr("Select the replica to promote (or a master that has one) in the picture.");
            return nullptr;
        }
        return withSandbox(target, make([request](rcs::KubeSession *s) {
                               auto *failover = new rcs::FailoverWorkflow(s);
                               failover->setPodName(request.podName);
                               return failover;
                           }),
                           why);
    case Action::Cleanup:
        return withSandbox(target, make([request](rcs::KubeSession *s) {
                               auto *cleanup = newCleanup(s, request);
                               cleanup->setConfirmed(true); // the confirmation dialog named everything
                               return cleanup;
                           }),
                           why);
    default:
        break;
    }
    if (why)
        *why = tr("%1 on Kubernetes is not in this build yet; the headless command may have it.")
                   .arg(actionTitle(action));
    return nullptr;
}

} // namespace rcs::ui
