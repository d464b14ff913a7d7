#include "workflow_operation_job.h"

#include "connections.h"

#include "workflows/add_node_workflow.h"
#include "workflows/check_workflow.h"
#include "workflows/cleanup_workflow.h"
#include "workflows/create_workflow.h"
#include "workflows/deploy_workflow.h"
#include "workflows/failover_workflow.h"
#include "workflows/rebalance_workflow.h"
#include "workflows/recover_workflow.h"
#include "workflows/remove_node_workflow.h"
#include "workflows/rotate_certificates_workflow.h"
#include "workflows/rotate_password_workflow.h"
#include "workflows/sandbox_controller.h"
#include "workflows/status_workflow.h"
#include "workflows/upgrade_workflow.h"

#include <QJsonArray>

namespace rcs::ops {

namespace {
// The upgrade's steps in order: [{"action":"restart","pod":…,"master":…} | {"action":"failover",…} |
// the temporary replica's add-temporary-replica, replicate, remove-temporary-replica].
QJsonArray upgradeStepsToJson(const UpgradePlan &plan)
{
    QJsonArray steps;
    for (const UpgradeStep &step : plan.steps) {
        const bool failover = step.kind == UpgradeStep::Kind::Failover;
        const QString action = [&step] {
            switch (step.kind) {
            case UpgradeStep::Kind::Restart:
                return QStringLiteral("restart");
            case UpgradeStep::Kind::Failover:
                return QStringLiteral("failover");
            case UpgradeStep::Kind::AddTemporary:
                return QStringLiteral("add-temporary-replica");
            case UpgradeStep::Kind::Replicate:
                return QStringLiteral("replicate");
            case UpgradeStep::Kind::RemoveTemporary:
                break;
            }
            return QStringLiteral("remove-temporary-replica");
        }();
        steps.append(
            QJsonObject{{QStringLiteral("action"), action},
                        {QStringLiteral("pod"), step.pod},
                        {failover ? QStringLiteral("from_master") : QStringLiteral("master"), step.masterPod},
                        {QStringLiteral("text"), describeUpgradeStep(step)}});
    }
    return steps;
}
// upgrade --set: [{"key":…,"value":…,"current":…,"apply":"live"|"restart","why":…}].
QJsonArray settingsToJson(const QList<ProbedSetting> &settings)
{
    QJsonArray array;
    for (const ProbedSetting &probed : settings) {
        const bool live = probed.apply == ConfigApply::Live;
        QJsonObject setting{
            {QStringLiteral("key"), probed.setting.key},
            {QStringLiteral("value"), probed.setting.value},
            {QStringLiteral("current"), probed.current},
            {QStringLiteral("apply"), live ? QStringLiteral("live") : QStringLiteral("restart")}};
        if (!live)
            setting.insert(QStringLiteral("why"), probed.refusal);
        array.append(setting);
    }
    return array;
}
} // namespace

WorkflowOperationJob::WorkflowOperationJob(Target target, OperationRequest request, Connections *connections,
                                           QObject *parent)
    : OperationJob(std::move(request), parent)
    , m_target(std::move(target))
    , m_connections(connections ? connections : new Connections(this))
{
    if (m_request.kind == OperationKind::Deploy)
        setTitle(tr("Deploy %1/%2").arg(m_target.kube.ns, m_target.kube.statefulSet));
}

WorkflowOperationJob::~WorkflowOperationJob() = default;

void WorkflowOperationJob::doStart()
{
    if (m_target.kind == Target::Kind::Sandbox) {
        SandboxController *sandbox = m_connections->sandbox(m_target);
        if (sandbox->runningPid() == 0) {
            // Started on demand: the first operation on the sandbox starts it (bounded by the
            // controller's timeout).
            setStep(tr("Starting the local sandbox"));
            Job *start = sandbox->start();
            start->setTitle(tr("Starting the local sandbox"));
            return runEngine(start, [this](Job *) { runWorkflow(); });
        }
    }
    runWorkflow();
}

void WorkflowOperationJob::runWorkflow()
{
    if (!m_connections)
        return fail(ErrorCode::Cancelled, tr("The studio is closing."));
    const Result<KubeSession *> session = m_connections->session(m_target);
    if (!session)
        return fail(session.error());
    m_workflow = makeWorkflow(session.value());
    m_workflow->setAutoDelete(false);
    m_workflow->setDryRun(m_request.dryRun);
    if (m_request.timeoutMs > 0) {
        m_workflow->setStepTimeout(m_request.timeoutMs);
        m_workflow->setPodTimeout(m_request.timeoutMs);
    }
    // A refused (unconfirmed) run ends with an error: its plan is kept all the same.
    connect(m_workflow, &Job::finished, this, [this] {
        for (const EquivalentCommand &command : m_workflow->plannedCommands())
            m_plan.append({command.message, command.command});
    });
    if (m_stopRequested)
        stopUpgradeBetweenPods();
    runEngine(m_workflow, [this](Job *) { concluded(); });
}

bool WorkflowOperationJob::stopAtSafePoint()
{
    if (m_request.kind != OperationKind::Upgrade && m_request.kind != OperationKind::RollingRestart)
        return false;
    if (!m_stopRequested && m_workflow)
        stopUpgradeBetweenPods();
    m_stopRequested = true;
    return true;
}

void WorkflowOperationJob::stopUpgradeBetweenPods()
{
    static_cast<UpgradeWorkflow *>(m_workflow.data())->stopBetweenPods();
}

Workflow *WorkflowOperationJob::makeWorkflow(KubeSession *session)
{
    const OperationRequest &r = m_request;
    switch (r.kind) {
    case OperationKind::Status:
    case OperationKind::Top:
    case OperationKind::SlowLog:
    case OperationKind::Exec:
    case OperationKind::BigKeys:
    case OperationKind::HotKeys:
    case OperationKind::SlotHeat:
    case OperationKind::Backup:
    case OperationKind::Restore:
        return new StatusWorkflow(session, this);
    case OperationKind::Deploy: {
        auto *deploy = new DeployWorkflow(session, r.manifest, this);
        deploy->setManifestDirectory(r.manifestDirectory);
        return deploy;
    }
    case OperationKind::Create:
        return new CreateWorkflow(session, r.replicasPerMaster, this);
    case OperationKind::Recover:
        return new RecoverWorkflow(session, this);
    case OperationKind::Check:
    case OperationKind::CheckFix: {
        auto *check = new CheckWorkflow(session, this);
        check->setFix(r.kind == OperationKind::CheckFix);
        return check;
    }
    case OperationKind::AddNode: {
        auto *add = new AddNodeWorkflow(session, this);
        add->setRole(r.role == OperationRequest::Role::Replica ? AddNodeWorkflow::Role::Replica
                                                               : AddNodeWorkflow::Role::Master);
        return add;
    }
    case OperationKind::RemoveNode: {
        auto *remove = new RemoveNodeWorkflow(session, this);
        remove->setConfirmed(r.confirmed);
        remove->setExpectedPodName(r.podName);
        remove->setDeletePersistentVolumeClaim(r.deletePvcs);
        return remove;
    }
    case OperationKind::Rebalance:
    case OperationKind::Reshard: {
        auto *rebalance = new RebalanceWorkflow(session, this);
        if (r.kind == OperationKind::Rebalance)
            rebalance->setOptions(r.rebalance);
        else
            rebalance->setReshard(r.reshardSources, r.reshardTarget, r.reshardSlots);
        return rebalance;
    }
    case OperationKind::Failover: {
        auto *failover = new FailoverWorkflow(session, this);
        failover->setPodName(r.podName);
        failover->setMode(r.failoverMode);
        return failover;
    }
    case OperationKind::Cleanup: {
        auto *cleanup = new CleanupWorkflow(session, this);
        cleanup->setDeletePersistentVolumeClaims(r.deletePvcs);
        cleanup->setDeleteNamespace(r.deleteNamespace);
        cleanup->setConfirmed(r.confirmed);
        cleanup->setPlanOnly(r.previewOnly);
        cleanup->setManifestDirectory(r.manifestDirectory);
        return cleanup;
    }
    case OperationKind::Upgrade:
    case OperationKind::RollingRestart: {
        auto *upgrade = new UpgradeWorkflow(session, this);
        UpgradeChange change;
        change.image = r.image;
        change.cpu = r.cpu;
        change.memory = r.memory;
        change.settings = r.settings;
        change.restart = r.kind == OperationKind::RollingRestart;
        upgrade->setChange(change);
        upgrade->setConfirmed(r.confirmed);
        upgrade->setTemporaryReplica(r.temporaryReplica);
        return upgrade;
    }
    case OperationKind::RotatePassword: {
        auto *rotate = new RotatePasswordWorkflow(session, this);
        rotate->setUser(r.rotateUser);
        rotate->setNewPassword(r.newPassword);
        rotate->setConfirmed(r.confirmed);
        return rotate;
    }
    case OperationKind::RotateCertificates: {
        auto *rotate = new RotateCertificatesWorkflow(session, this);
        RotationOptions options;
        options.renewCa = r.renewCa;
        options.dropOldCas = r.dropOldCas;
        options.validityDays = r.certificateDays;
        rotate->setOptions(options);
        rotate->setReloadOnly(r.reloadOnly);
        rotate->setConfirmed(r.confirmed);
        if (r.timeoutMs > 0)
            rotate->setReloadTimeout(r.timeoutMs);
        return rotate;
    }
    }
    return nullptr;
}

void WorkflowOperationJob::concluded()
{
    const QStringList lines = m_workflow->result();
    QJsonObject json{{QStringLiteral("operation"), operationName(m_request.kind)},
                     {QStringLiteral("dry_run"), m_request.dryRun},
                     {QStringLiteral("changed"), !m_workflow->changedNothing() && !m_request.dryRun},
                     {QStringLiteral("result"), QJsonArray::fromStringList(lines)}};
    if (!m_plan.isEmpty())
        json.insert(QStringLiteral("plan"), planToJson(m_plan));
    QString text = lines.isEmpty() ? QString() : lines.join(QLatin1Char('\n')) + QLatin1Char('\n');
    const QString summary = lines.value(lines.size() - 1);
    switch (m_request.kind) {
    case OperationKind::Check:
    case OperationKind::CheckFix: {
        const auto *workflow = static_cast<CheckWorkflow *>(m_workflow.data());
        CheckResult check;
        check.report = workflow->report();
        check.assessment = workflow->assessment();
        // The workflow's steps showed each fix as it was made.
        check.fixed = workflow->actions();
        check.fixesShown = true;
        return finishWithCheck(check, phrasedAdvice(workflow->assessment()), false);
    }
    case OperationKind::Deploy:
        if (m_request.dryRun) {
            const QString yaml = static_cast<DeployWorkflow *>(m_workflow.data())->renderedYaml();
            json.insert(QStringLiteral("manifests"), yaml);
            text += yaml;
        }
        break;
    case OperationKind::Create:
        json.insert(QStringLiteral("topology"),
                    topologyToJson(static_cast<CreateWorkflow *>(m_workflow.data())->topology()));
        break;
    case OperationKind::Recover:
        json.insert(QStringLiteral("topology"),
                    topologyToJson(static_cast<RecoverWorkflow *>(m_workflow.data())->topology()));
        break;
    case OperationKind::Status:
    case OperationKind::Top:
    case OperationKind::SlowLog:
    case OperationKind::Exec:
    case OperationKind::BigKeys:
    case OperationKind::HotKeys:
    case OperationKind::SlotHeat:
    case OperationKind::Backup:
    case OperationKind::Restore: {
        const auto *status = static_cast<StatusWorkflow *>(m_workflow.data());
        StatusReport report;
        report.topology = status->topology();
        report.assessment = status->assessment();
        report.onKubernetes = true;
        report.ns = status->session()->ns();
        report.statefulSet = status->session()->target().statefulSet;
        report.context = status->session()->contextName();
        report.deployment = status->deployment();
        return finishWithStatus(std::move(report), status->session()->pool());
    }
    case OperationKind::Cleanup:
        json.insert(QStringLiteral("deletions"),
                    QJsonArray::fromStringList(
                        static_cast<CleanupWorkflow *>(m_workflow.data())->plannedDeletions()));
        break;
    case OperationKind::Upgrade:
    case OperationKind::RollingRestart: {
        const auto *upgrade = static_cast<UpgradeWorkflow *>(m_workflow.data());
        json.insert(QStringLiteral("steps"), upgradeStepsToJson(upgrade->plan()));
        json.insert(QStringLiteral("skipped"), QJsonArray::fromStringList(upgrade->plan().upToDate));
        json.insert(QStringLiteral("restarted"), QJsonArray::fromStringList(upgrade->restartedPods()));
        if (!upgrade->settings().isEmpty())
            json.insert(QStringLiteral("settings"), settingsToJson(upgrade->settings()));
        break;
    }
    default:
        break;
    }
    // The workflow said its result lines as it went: no second info message for the summary.
    finishWith(summary, json, text, false);
}

} // namespace rcs::ops
