#include "core_backend.h"

#include "kube_workflows.h"

#include "common/logger.h"
#include "kube/kube_client.h"
#include "kube/kube_config.h"
#include "kube/kube_request.h"
#include "kube/manifest_set.h"
#include "operations/operation_catalogue.h"
#include "operations/operation_job.h"
#include "redis/cluster_check.h"
#include "redis/cluster_scan_job.h"
#include "redis/redis_pool.h"
#include "topology_adapter.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonObject>

namespace rcs::ui {

namespace {
// A client for the target's kubeconfig and context; the caller ties its lifetime to its request.
rcs::Result<rcs::KubeClient *> clientFor(const StudioTarget &target)
{
    auto config = rcs::KubeConfig::load(target.kubeconfig);
    if (!config)
        return config.error();
    auto resolved = config->resolve(target.context);
    if (!resolved)
        return resolved.error();
    return rcs::KubeClient::create(resolved.value());
}
// A plain-endpoints target in core's form (seeds and credentials); nullopt with *why when the target
// is not one or its addresses do not parse.
std::optional<rcs::ops::EndpointTarget> endpointTarget(const StudioTarget &target, QString *why)
{
    if (target.kind != StudioTarget::Kind::Endpoints) {
        if (why)
            *why = CoreBackend::tr("Choose a target first.");
        return std::nullopt;
    }
    auto seeds = rcs::NodeAddress::parseList(target.endpoints);
    if (!seeds) {
        if (why)
            *why = seeds.error().message();
        return std::nullopt;
    }
    rcs::ops::EndpointTarget endpoints;
    endpoints.nodes = seeds.value();
    endpoints.connection.password = target.password;
    endpoints.connection.user = target.user;
    return endpoints;
}
} // namespace

QString logCheckFindings(const rcs::ClusterCheckReport &report, const QString &category)
{
    QStringList lines;
    for (const rcs::CheckFinding &finding : report.findings) {
        const rcs::LogLevel level = finding.severity == rcs::CheckSeverity::Error     ? rcs::LogLevel::Error
                                    : finding.severity == rcs::CheckSeverity::Warning ? rcs::LogLevel::Warning
                                                                                      : rcs::LogLevel::Info;
        rcs::Logger::instance().log(level, category, finding.text);
        lines << QStringLiteral("[%1] %2").arg(rcs::checkSeverityName(finding.severity), finding.text);
    }
    return lines.join(QLatin1Char('\n'));
}

rcs::ManifestParameters toManifestParameters(const DeployParameters &parameters)
{
    rcs::ManifestParameters p;
    p.ns = parameters.ns;
    p.statefulSetName = parameters.name;
    p.replicas = parameters.pods;
    p.image = parameters.image;
    p.persistentStorage = parameters.persistent;
    p.storageClass = parameters.storageClass;
    p.storageSize = parameters.storageSize;
    p.cpuRequest = parameters.cpu;
    p.memoryRequest = parameters.memory;
    p.password = !parameters.password.isEmpty();
    p.passwordValue = parameters.password;
    if (!parameters.password.isEmpty())
        rcs::Logger::instance().addSecret(parameters.password);
    return p;
}

CoreBackend::CoreBackend(QObject *parent)
    : QObject(parent)
    , m_kube(new KubeWorkflows(this))
{}

CoreBackend::~CoreBackend() = default;

rcs::Job *CoreBackend::createRefreshJob(const StudioTarget &target, const SnapshotCallback &onSnapshot,
                                        QString *why)
{
    if (target.usesKubernetes())
        return m_kube->refresh(target, onSnapshot, why);
    const std::optional<rcs::ops::EndpointTarget> endpoints = endpointTarget(target, why);
    if (!endpoints)
        return nullptr;
    auto *job = new rcs::ClusterScanJob(endpoints->nodes, poolFor(*endpoints));
    job->setTitle(tr("Refresh"));
    connect(job, &rcs::Job::finished, this, [this, onSnapshot](rcs::Job *finished) {
        if (finished->hasError())
            return;
        const auto *scan = static_cast<rcs::ClusterScanJob *>(finished);
        m_lastTopology = std::make_unique<rcs::ClusterTopology>(scan->topology());
        onSnapshot(snapshotFromTopology(scan->topology()));
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
    return m_kube->cleanupPlan(target, request, onPlan, why);
}

rcs::Job *CoreBackend::createActionJob(Action action, const StudioTarget &target,
                                       const ActionRequest &request, QString *why)
{
    if (target.usesKubernetes())
        return m_kube->action(action, target, request, why);
    const std::optional<rcs::ops::EndpointTarget> endpoints = endpointTarget(target, why);
    if (!endpoints)
        return nullptr;
    // The widgets' choices become core's request; core's catalogue makes the job, as for the command
    // line, with the same defaults.
    rcs::ops::OperationRequest operation;
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
    case Action::AddNode: {
        auto address = rcs::NodeAddress::parse(request.address);
        if (!address) {
            if (why)
                *why = tr("The new node's address \u201c%1\u201d is not host:port: %2")
                           .arg(request.address, address.error().message());
            return nullptr;
        }
        operation.kind = rcs::ops::OperationKind::AddNode;
        operation.newNode = address.value();
        operation.role = request.role == QLatin1String("replica") ? rcs::ops::OperationRequest::Role::Replica
                                                                  : rcs::ops::OperationRequest::Role::Master;
        break;
    }
    case Action::RemoveNode:
        if (request.nodeKey.isEmpty()) {
            if (why)
                *why = tr("Select the node to remove in the picture first.");
            return nullptr;
        }
        operation.kind = rcs::ops::OperationKind::RemoveNode;
        operation.nodeId = request.nodeKey;
        // The window asked the user before starting it, unless it only wants the plan.
        operation.confirmed = !request.planOnly;
        break;
    case Action::Rebalance:
        operation.kind = rcs::ops::OperationKind::Rebalance;
        operation.dryRun = request.planOnly;
        break;
    case Action::Failover:
        operation.kind = rcs::ops::OperationKind::Failover;
        operation.nodeId = replicaToPromote(request.nodeKey);
        if (operation.nodeId.isEmpty()) {
            if (why)
                *why = tr("Select a replica (or a master that has one) to fail over.");
            return nullptr;
        }
        break;
    default:
        if (why)
            *why = tr("%1 works on a StatefulSet; choose a Kubernetes target or the local sandbox.")
                       .arg(actionTitle(action));
        return nullptr;
    }
    return createOperationJob(*endpoints, operation, why);
}

rcs::Job *CoreBackend::createOperationJob(const rcs::ops::EndpointTarget &target,
                                          const rcs::ops::OperationRequest &request, QString *why)
{
    const rcs::Result<rcs::ops::OperationJob *> made =
        rcs::ops::createOperation(target, request, poolFor(target));
    if (!made) {
        if (why)
            *why = made.error().message();
        return nullptr;
    }
    rcs::ops::OperationJob *job = made.value();
    // The findings of a check go to the log at their severity, as the Kubernetes check logs them.
    connect(job, &rcs::Job::finished, this, [job] {
        if (job->checkReport())
            logCheckFindings(*job->checkReport(), QStringLiteral("redis"));
    });
    return job;
}

rcs::RedisPool *CoreBackend::poolFor(const rcs::ops::EndpointTarget &target)
{
    // One pool per set of credentials: its connections are logged in with them, and a job still
    // running on the previous credentials keeps its pool.
    const QString key = target.connection.user + QLatin1Char('\n') + target.connection.password;
    rcs::RedisPool *&pool = m_pools[key];
    if (!pool) {
        pool = new rcs::RedisPool(this);
        pool->setOptions(target.connection);
        if (!target.connection.password.isEmpty())
            rcs::Logger::instance().addSecret(target.connection.password);
    }
    return pool;
}

QObject *CoreBackend::watchPods(const StudioTarget &target, const std::function<void()> &onChange)
{
    return target.usesKubernetes() ? m_kube->watchPods(target, onChange) : nullptr;
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
        return {};
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

QStringList CoreBackend::contexts(const QString &kubeconfig, QString *error) const
{
    auto config = rcs::KubeConfig::load(kubeconfig);
    if (!config) {
        if (error)
            *error = config.error().message();
        return {};
    }
    QStringList names;
    for (const rcs::KubeContext &context : config->contexts())
        names.append(context.name);
    // The current context first: it is what kubectl would use.
    const qsizetype current = names.indexOf(config->currentContext());
    if (current > 0)
        names.move(current, 0);
    return names;
}

rcs::Job *CoreBackend::createConnectionTestJob(const StudioTarget &target, QString *why)
{
    StudioTarget resolvedTarget = target;
    resolvedTarget.kubeconfig = m_kube->kubeconfigOf(target);
    if (target.kind == StudioTarget::Kind::Sandbox)
        resolvedTarget.context.clear();
    auto client = clientFor(resolvedTarget);
    if (!client) {
        if (why)
            *why = client.error().message();
        return nullptr;
    }
    rcs::KubeClient *kube = client.value();
    rcs::KubeRequest::Spec spec;
    spec.path = QStringLiteral("/version");
    spec.verb = QStringLiteral("get");
    spec.idempotent = true;
    rcs::KubeRequest *request = kube->raw(spec);
    request->setTitle(tr("Connection test"));
    // The client lives exactly as long as its one request.
    connect(request, &QObject::destroyed, kube, &QObject::deleteLater);
    return request;
}

rcs::Job *CoreBackend::createStorageClassesJob(const StudioTarget &target, const NamesCallback &onNames,
                                               QString *why)
{
    if (target.kind != StudioTarget::Kind::Kubernetes) {
        if (why)
            *why = tr("Storage classes are listed for Kubernetes targets only.");
        return nullptr;
    }
    auto client = clientFor(target);
    if (!client) {
        if (why)
            *why = client.error().message();
        return nullptr;
    }
    rcs::KubeClient *kube = client.value();
    rcs::KubeRequest *request =
        kube->list(QStringLiteral("storage.k8s.io/v1"), QStringLiteral("StorageClass"), {});
    connect(request, &QObject::destroyed, kube, &QObject::deleteLater);
    connect(request, &rcs::Job::finished, this, [onNames](rcs::Job *finished) {
        if (finished->hasError())
            return;
        QStringList names;
        for (const QJsonObject &item : static_cast<rcs::KubeRequest *>(finished)->items()) {
            const QJsonObject metadata = item.value(QStringLiteral("metadata")).toObject();
            const QString name = metadata.value(QStringLiteral("name")).toString();
            const bool isDefault = metadata.value(QStringLiteral("annotations"))
                                       .toObject()
                                       .value(QStringLiteral("storageclass.kubernetes.io/is-default-class"))
                                       .toString() == QLatin1String("true");
            if (isDefault)
                names.prepend(name);
            else
                names.append(name);
        }
        onNames(names);
    });
    return request;
}

rcs::Job *CoreBackend::createDeployJob(const StudioTarget &target, const DeployParameters &parameters,
                                       QString *why)
{
    return m_kube->deploy(target, parameters, why);
}

rcs::Result<QString> CoreBackend::renderManifests(const StudioTarget &,
                                                  const DeployParameters &parameters) const
{
    auto set = rcs::ManifestSet::embedded();
    if (!set)
        return set.error();
    const rcs::ManifestParameters p = toManifestParameters(parameters);
    auto objects = set->render(p);
    if (!objects)
        return objects.error();
    return rcs::ManifestSet::toYaml(objects.value());
}

} // namespace rcs::ui
