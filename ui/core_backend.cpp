#include "core_backend.h"

#include "kube_workflows.h"

#include "common/logger.h"
#include "kube/kube_client.h"
#include "kube/kube_config.h"
#include "kube/kube_request.h"
#include "kube/manifest_set.h"
#include "redis/add_node_job.h"
#include "redis/cluster_check.h"
#include "redis/cluster_scan_job.h"
#include "redis/create_cluster_job.h"
#include "redis/failover_job.h"
#include "redis/rebalance_job.h"
#include "redis/recover_job.h"
#include "redis/redis_pool.h"
#include "redis/remove_node_job.h"
#include "topology_adapter.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonObject>

namespace rcs::ui {

namespace {
// Runs a scan, then judges it like `redis-cli --cluster check`: succeeds when healthy, fails with the
// findings otherwise. Every finding goes to the log.
class CheckJob final : public rcs::Job {
public:
    CheckJob(QList<rcs::NodeAddress> seeds, rcs::RedisPool *pool)
        : m_scan(new rcs::ClusterScanJob(std::move(seeds), pool, this))
    {
        setTitle(QCoreApplication::translate("rcs::ui::CoreBackend", "Check"));
        m_scan->setAutoDelete(false);
    }

protected:
    void doStart() override
    {
        setStep(QCoreApplication::translate("rcs::ui::CoreBackend", "Reading every node"));
        connect(m_scan, &rcs::Job::finished, this, [this] {
            if (m_scan->hasError()) {
                fail(m_scan->error());
                return;
            }
            setStep(
                QCoreApplication::translate("rcs::ui::CoreBackend", "Checking slots, agreement and links"));
            const rcs::ClusterCheckReport report = rcs::checkCluster(m_scan->topology());
            const QString lines = logCheckFindings(report, QStringLiteral("redis"));
            if (report.isHealthy()) {
                succeed();
                return;
            }
            fail(rcs::ErrorCode::Unhealthy,
                 QCoreApplication::translate("rcs::ui::CoreBackend",
                                             "The check found %1; the details list them.")
                     .arg(countOf(report.count(rcs::CheckSeverity::Error),
                                  QCoreApplication::translate("rcs::ui::CoreBackend", "problem", "count"),
                                  QCoreApplication::translate("rcs::ui::CoreBackend", "problems", "count"))),
                 lines);
        });
        m_scan->start();
    }
    void doCancel() override { m_scan->cancel(); }

private:
    rcs::ClusterScanJob *m_scan;
};

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
// The seed addresses of a plain-endpoints target; nullopt with *why when the target is not one or
// its addresses do not parse.
std::optional<QList<rcs::NodeAddress>> endpointSeeds(const StudioTarget &target, QString *why)
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
    return seeds.value();
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
    , m_pool(new rcs::RedisPool(this))
    , m_kube(new KubeWorkflows(this))
{}

CoreBackend::~CoreBackend() = default;

rcs::Job *CoreBackend::createRefreshJob(const StudioTarget &target, const SnapshotCallback &onSnapshot,
                                        QString *why)
{
    if (target.usesKubernetes())
        return m_kube->refresh(target, onSnapshot, why);
    const std::optional<QList<rcs::NodeAddress>> seeds = endpointSeeds(target, why);
    if (!seeds)
        return nullptr;
    auto *job = new rcs::ClusterScanJob(*seeds, m_pool);
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
    const std::optional<QList<rcs::NodeAddress>> seeds = endpointSeeds(target, why);
    if (!seeds)
        return nullptr;
    switch (action) {
    case Action::Check:
        return new CheckJob(seeds.value(), m_pool);
    case Action::CreateCluster: {
        // Every node the last refresh saw; on plain endpoints the host is the host group.
        QList<rcs::PlannedNodeInput> inputs;
        if (m_lastTopology) {
            for (const rcs::TopologyNode &node : m_lastTopology->nodes())
                inputs.append({node.address, node.hostGroup});
        }
        if (inputs.isEmpty()) {
            for (const rcs::NodeAddress &address : seeds.value())
                inputs.append({address, QString()});
        }
        auto *job = new rcs::CreateClusterJob(inputs, 1, m_pool);
        job->setTitle(tr("Create cluster"));
        return job;
    }
    case Action::Recover: {
        // Recovery needs every live node, not only the seeds: the last refresh knows them all.
        QList<rcs::NodeAddress> addresses = seeds.value();
        if (m_lastTopology) {
            for (const rcs::TopologyNode &node : m_lastTopology->nodes()) {
                if (node.reachable && !addresses.contains(node.address))
                    addresses.append(node.address);
            }
        }
        return new rcs::RecoverJob(addresses, m_pool);
    }
    case Action::AddNode: {
        auto address = rcs::NodeAddress::parse(request.address);
        if (!address) {
            if (why)
                *why = tr("The new node's address \u201c%1\u201d is not host:port: %2")
                           .arg(request.address, address.error().message());
            return nullptr;
        }
        const auto role = request.role == QLatin1String("replica") ? rcs::AddNodeJob::Role::Replica
                                                                   : rcs::AddNodeJob::Role::Master;
        return new rcs::AddNodeJob(seeds.value(), address.value(), role, m_pool);
    }
    case Action::RemoveNode:
        if (request.nodeKey.isEmpty()) {
            if (why)
                *why = tr("Select the node to remove in the picture first.");
            return nullptr;
        }
        {
            // The window asked the user before starting it.
            auto *job = new rcs::RemoveNodeJob(seeds.value(), request.nodeKey, m_pool);
            job->setConfirmed(true);
            return job;
        }
    case Action::Rebalance: {
        auto *job = new rcs::RebalanceJob(seeds.value(), m_pool);
        job->setRebalance(rcs::RebalanceOptions{});
        return job;
    }
    case Action::Failover: {
        const QString replicaId = replicaToPromote(request.nodeKey);
        if (replicaId.isEmpty()) {
            if (why)
                *why = tr("Select a replica (or a master that has one) to fail over.");
            return nullptr;
        }
        return new rcs::FailoverJob(seeds.value(), replicaId, m_pool);
    }
    default:
        break;
    }
    if (why)
        *why = tr("%1 works on a StatefulSet; choose a Kubernetes target or the local sandbox.")
                   .arg(actionTitle(action));
    return nullptr;
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
