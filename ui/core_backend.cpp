#include "core_backend.h"

#include "common/logger.h"
#include "common/off_thread.h"
#include "kube/kube_client.h"
#include "kube/kube_config.h"
#include "kube/kube_request.h"
#include "kube/kube_watch.h"
#include "kube/manifest_set.h"
#include "operations/connections.h"
#include "operations/operation_catalogue.h"
#include "operations/operation_job.h"
#include "operations/status_result.h"
#include "redis/cluster_check.h"
#include "topology_adapter.h"
#include "workflows/deploy_workflow.h"
#include "workflows/kube_session.h"
#include "workflows/sandbox_controller.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QJsonArray>
#include <QJsonObject>

#include <utility>

namespace rcs::ui {

namespace {
// The catalogue's job, or nullptr with its refusal in *why.
rcs::ops::OperationJob *made(const rcs::Result<rcs::ops::OperationJob *> &result, QString *why)
{
    if (!result) {
        if (why)
            *why = result.error().message();
        return nullptr;
    }
    return result.value();
}
} // namespace

void logCheckFindings(const rcs::ClusterCheckReport &report, const QString &category)
{
    for (const rcs::CheckFinding &finding : report.findings) {
        const rcs::LogLevel level = finding.severity == rcs::CheckSeverity::Error     ? rcs::LogLevel::Error
                                    : finding.severity == rcs::CheckSeverity::Warning ? rcs::LogLevel::Warning
                                                                                      : rcs::LogLevel::Info;
        rcs::Logger::instance().log(level, category, finding.text);
    }
}

CoreBackend::CoreBackend(QObject *parent)
    : QObject(parent)
    , m_connections(new rcs::ops::Connections(this))
{}

CoreBackend::~CoreBackend() = default;

std::optional<rcs::ops::Target> CoreBackend::coreTarget(const StudioTarget &target, QString *why) const
{
    return operationTarget(target, m_sandboxDataDir, why);
}

rcs::Job *CoreBackend::createRefreshJob(const StudioTarget &target, const SnapshotCallback &onSnapshot,
                                        QString *why)
{
    const std::optional<rcs::ops::Target> core = coreTarget(target, why);
    if (!core)
        return nullptr;
    // The command line's status, on every target kind; the picture is drawn from what it read.
    rcs::ops::OperationRequest status;
    status.kind = rcs::ops::OperationKind::Status;
    rcs::ops::OperationJob *job = made(rcs::ops::createOperation(*core, status, m_connections), why);
    if (!job)
        return nullptr;
    const bool endpoints = !core->usesKubernetes();
    connect(job, &rcs::Job::finished, this, [this, job, endpoints, onSnapshot, target] {
        if (job->hasError() || !job->statusReport())
            return;
        const rcs::ops::StatusReport &report = *job->statusReport();
        if (endpoints)
            m_lastTopology = std::make_unique<rcs::ClusterTopology>(report.topology);
        rcs::releaseOffThread(std::exchange(m_heldTopology, report.topology));
        TopologySnapshot snapshot = snapshotFromStatus(report);
        if (target != m_metricsTarget) {
            m_metrics = rcs::observe::ClusterMetrics();
            m_metricsTarget = target;
        }
        addMetrics(snapshot, m_metrics, report.topology, QDateTime::currentMSecsSinceEpoch());
        onSnapshot(snapshot);
    });
    return job;
}

rcs::Job *CoreBackend::createCleanupPlanJob(const StudioTarget &target, const ActionRequest &request,
                                            const NamesCallback &onPlan, QString *why)
{
    if (!target.usesKubernetes()) {
        if (why)
            *why = tr("Cleanup deletes Kubernetes objects; plain endpoints have none.");
        return nullptr;
    }
    ActionRequest preview = request;
    preview.planOnly = true;
    rcs::Job *job = createActionJob(Action::Cleanup, target, preview, why);
    if (job) {
        connect(job, &rcs::Job::finished, this, [job, onPlan] {
            const auto *operation = static_cast<rcs::ops::OperationJob *>(job);
            if (job->hasError())
                return;
            QStringList names;
            for (const QJsonValue &name : operation->resultJson().value(QLatin1String("deletions")).toArray())
                names.append(name.toString());
            onPlan(names);
        });
    }
    return job;
}

rcs::Job *CoreBackend::createActionJob(Action action, const StudioTarget &target,
                                       const ActionRequest &request, QString *why)
{
    const std::optional<rcs::ops::Target> core = coreTarget(target, why);
    if (!core)
        return nullptr;
    const std::optional<rcs::ops::OperationRequest> operation =
        operationRequest(action, target, request, why);
    if (!operation)
        return nullptr;
    return createOperationJob(*core, *operation, why);
}

std::optional<rcs::ops::OperationRequest> CoreBackend::operationRequest(Action action,
                                                                        const StudioTarget &target,
                                                                        const ActionRequest &request,
                                                                        QString *why) const
{
    // The widgets' choices become core's request; core's catalogue makes the job, as for the command
    // line, with the same defaults. The window asked the user before a destructive verb unless it
    // only wants the plan (planOnly): that is the command line's --yes, and --dry-run for a rebalance.
    const auto refuse = [why](const QString &reason) -> std::optional<rcs::ops::OperationRequest> {
        if (why)
            *why = reason;
        return std::nullopt;
    };
    const bool kube = target.usesKubernetes();
    rcs::ops::OperationRequest operation;
    operation.confirmed = !request.planOnly;
    switch (action) {
    case Action::Check:
        operation.kind = rcs::ops::OperationKind::Check;
        break;
    case Action::CreateCluster:
        operation.kind = rcs::ops::OperationKind::Create;
        break;
    case Action::Recover:
        operation.kind = rcs::ops::OperationKind::Recover;
        break;
    case Action::AddNode:
        operation.kind = rcs::ops::OperationKind::AddNode;
        operation.role = request.role == QLatin1String("replica") ? rcs::ops::OperationRequest::Role::Replica
                                                                  : rcs::ops::OperationRequest::Role::Master;
        if (!kube) {
            auto address = rcs::NodeAddress::parse(request.address);
            if (!address)
                return refuse(tr("The new node's address \u201c%1\u201d is not host:port: %2")
                                  .arg(request.address, address.error().message()));
            operation.newNode = address.value();
        }
        break;
    case Action::RemoveNode:
        operation.kind = rcs::ops::OperationKind::RemoveNode;
        if (kube) {
            // The confirmation named this pod and its PVC choice.
            operation.podName = request.podName;
            operation.deletePvcs = request.deletePvcs;
        } else if (request.nodeKey.isEmpty()) {
            return refuse(tr("Select the node to remove in the picture first."));
        } else {
            operation.nodeId = request.nodeKey;
        }
        break;
    case Action::Rebalance:
        operation.kind = rcs::ops::OperationKind::Rebalance;
        operation.dryRun = request.planOnly;
        break;
    case Action::Failover:
        operation.kind = rcs::ops::OperationKind::Failover;
        if (kube) {
            if (request.podName.isEmpty())
                return refuse(tr("Select the replica to promote (or a master that has one) in the picture."));
            operation.podName = request.podName;
        } else {
            operation.nodeId = replicaToPromote(request.nodeKey);
            if (operation.nodeId.isEmpty())
                return refuse(tr("Select a replica (or a master that has one) to fail over."));
        }
        break;
    case Action::Cleanup:
        operation.kind = rcs::ops::OperationKind::Cleanup;
        operation.deletePvcs = request.deletePvcs;
        operation.deleteNamespace = request.deleteNamespace;
        operation.previewOnly = request.planOnly;
        break;
    case Action::Upgrade:
        // The plan the confirmation shows is the dry run's, as `upgrade --dry-run` prints it.
        operation.kind =
            request.restartOnly ? rcs::ops::OperationKind::RollingRestart : rcs::ops::OperationKind::Upgrade;
        operation.image = request.image;
        operation.cpu = request.cpu;
        operation.memory = request.memory;
        operation.temporaryReplica = request.temporaryReplica;
        operation.settings = request.settings;
        operation.dryRun = request.planOnly;
        break;
    case Action::RotatePassword:
        // The plan of a confirmation is the dry run's, as `rotate-password --dry-run` prints it.
        operation.kind = rcs::ops::OperationKind::RotatePassword;
        operation.rotateUser = request.rotateUser;
        operation.newPassword = request.newPassword;
        rcs::Logger::instance().addSecret(request.newPassword); // before any run can log it
        operation.dryRun = request.planOnly;
        break;
    case Action::RotateCertificates:
        operation.kind = rcs::ops::OperationKind::RotateCertificates;
        operation.renewCa = request.renewCa;
        operation.dropOldCas = request.dropOldCas;
        operation.reloadOnly = request.reloadOnly;
        operation.certificateDays = request.certificateDays;
        operation.dryRun = request.planOnly;
        break;
    case Action::Backup:
        operation.kind = rcs::ops::OperationKind::Backup;
        operation.backupPath = request.backupPath;
        operation.overwrite = true; // the save dialog asked before replacing the file
        break;
    case Action::Restore:
        // The confirmation named the file and the target and what happens to existing keys.
        operation.kind = rcs::ops::OperationKind::Restore;
        operation.backupPath = request.backupPath;
        operation.restoreMerge = request.restoreMerge;
        operation.restoreReplace = request.restoreReplace;
        break;
    default:
        return refuse(kube
                          ? tr("%1 on Kubernetes is not in this build yet; the headless command may have it.")
                                .arg(actionTitle(action))
                          : tr("%1 works on a StatefulSet; choose a Kubernetes target or the local sandbox.")
                                .arg(actionTitle(action)));
    }
    return operation;
}

rcs::Job *CoreBackend::createObserveJob(const StudioTarget &target, const rcs::ops::OperationRequest &request,
                                        QString *why)
{
    const std::optional<rcs::ops::Target> core = coreTarget(target, why);
    return core ? createOperationJob(*core, request, why) : nullptr;
}

rcs::Job *CoreBackend::createOperationJob(const rcs::ops::Target &target,
                                          const rcs::ops::OperationRequest &request, QString *why)
{
    rcs::ops::OperationJob *job = made(rcs::ops::createOperation(target, request, m_connections), why);
    if (!job)
        return nullptr;
    // The findings of a check go to the log at their severity, on every target kind.
    const QString category = target.usesKubernetes() ? QStringLiteral("workflow") : QStringLiteral("redis");
    connect(job, &rcs::Job::finished, this, [job, category] {
        if (job->checkReport())
            logCheckFindings(*job->checkReport(), category);
    });
    return job;
}

rcs::Job *CoreBackend::createExecJob(const StudioTarget &target, const rcs::ops::OperationRequest &request,
                                     const ReplyCallback &onReply, QString *why)
{
    const std::optional<rcs::ops::Target> core = coreTarget(target, why);
    if (!core)
        return nullptr;
    rcs::ops::OperationJob *job = made(rcs::ops::createOperation(*core, request, m_connections), why);
    if (!job)
        return nullptr;
    connect(job, &rcs::Job::finished, this, [job, onReply] {
        if (job->hasResult() && onReply)
            onReply(job->resultText());
    });
    return job;
}

rcs::Job *CoreBackend::createPodLogJob(const StudioTarget &target, const QString &pod, int tailLines,
                                       const ReplyCallback &onText, QString *why)
{
    rcs::KubeClient *client = kubeClient(target, why);
    if (!client)
        return nullptr;
    // kubeClient() opened the session: its namespace is the one the pods live in.
    const rcs::Result<rcs::KubeSession *> session = m_connections->session(*coreTarget(target, nullptr));
    rcs::KubeRequest *request = client->podLog(session.value()->ns(), pod, tailLines);
    request->setTimeout(15000);
    connect(request, &rcs::Job::finished, this, [request, onText] {
        if (!request->hasError() && onText)
            onText(QString::fromUtf8(request->body()));
    });
    return request;
}

QObject *CoreBackend::watchPods(const StudioTarget &target, const std::function<void()> &onChange)
{
    const std::optional<rcs::ops::Target> core = coreTarget(target, nullptr);
    if (!core || !core->usesKubernetes())
        return nullptr;
    // A sandbox that does not run has nothing to watch (and is not started for a watch).
    if (core->kind == rcs::ops::Target::Kind::Sandbox && m_connections->sandbox(*core)->runningPid() == 0)
        return nullptr;
    const rcs::Result<rcs::KubeSession *> opened = m_connections->session(*core);
    if (!opened)
        return nullptr;
    rcs::KubeSession *session = opened.value();
    auto *watch = new rcs::KubeWatch(
        session->client(), rcs::KubeObjectRef{QStringLiteral("v1"), QStringLiteral("Pod"), target.ns, {}},
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
    connect(session, &QObject::destroyed, watch, &QObject::deleteLater);
    connect(watch, &rcs::KubeWatch::failed, watch, &QObject::deleteLater);
    watch->start();
    return watch;
}

QString CoreBackend::unsupportedReason(Action action, const StudioTarget &target) const
{
    if (target.usesKubernetes())
        return {}; // every action has a Kubernetes workflow
    if (target.kind != StudioTarget::Kind::Endpoints)
        return {};
    switch (action) {
    case Action::Refresh:
    case Action::ExportPicture:
    case Action::Check:
    case Action::CreateCluster:
    case Action::Recover:
    case Action::AddNode:
    case Action::RemoveNode:
    case Action::Rebalance:
    case Action::Failover:
    case Action::Backup:
    case Action::Restore:
        return {};
    case Action::RotatePassword:
    case Action::RotateCertificates:
        // Core keeps the new password and certificates in the deployment's Secrets, which plain
        // endpoints have not: a rotation there would not outlive the next restart.
        return tr("%1 updates the deployment's Secret as well as the nodes: choose a Kubernetes target "
                  "or the local sandbox.")
            .arg(actionTitle(action));
    default:
        break;
    }
    return tr("%1 works on a StatefulSet: choose a Kubernetes target or the local sandbox.")
        .arg(actionTitle(action));
}

QString CoreBackend::replicaToPromote(const QString &nodeKey) const
{
    if (nodeKey.isEmpty() || !m_lastTopology)
        return nodeKey;
    // A selected master fails over through its first reachable replica.
    for (const rcs::TopologyNode &node : m_lastTopology->nodes()) {
        if (node.id == nodeKey && node.role != rcs::NodeRole::Master)
            return nodeKey;
    }
    for (const rcs::TopologyNode &node : m_lastTopology->nodes()) {
        if (node.masterId == nodeKey && node.reachable)
            return node.id;
    }
    return {};
}

} // namespace rcs::ui
