#include "runtime.h"

#include "common/logging.h"
#include "exec_session.h"
#include "object_store.h"
#include "pod_context.h"
#include "pod_process.h"
#include "pod_status.h"
#include "port_forward_session.h"
#include "scheduler.h"
#include "spdy_port_forward_session.h"
#include "statefulset_controller.h"

#include <QDateTime>
#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTimer>
#include <QWebSocket>

#include <algorithm>

using rcs::Error;
using rcs::ErrorCode;

namespace sandbox {

namespace {

const QString kPods = QStringLiteral("pods");
const QString kClaims = QStringLiteral("persistentvolumeclaims");
const QString kStorageClasses = QStringLiteral("storageclasses");
constexpr int kMaxGraceMs = 10000;
constexpr int kResyncMs = 2000;

QJsonObject metadataOf(const QJsonObject &object)
{
    return object.value(QLatin1String("metadata")).toObject();
}

QString nameOf(const QJsonObject &object)
{
    return metadataOf(object).value(QLatin1String("name")).toString();
}

QString namespaceOf(const QJsonObject &object)
{
    return metadataOf(object).value(QLatin1String("namespace")).toString();
}

QString uidOf(const QJsonObject &object)
{
    return metadataOf(object).value(QLatin1String("uid")).toString();
}

QJsonObject specOf(const QJsonObject &object)
{
    return object.value(QLatin1String("spec")).toObject();
}

int graceMsOf(const QJsonObject &pod)
{
    const QJsonValue grace = specOf(pod).value(QLatin1String("terminationGracePeriodSeconds"));
    return std::clamp(grace.isDouble() ? grace.toInt() * 1000 : kMaxGraceMs, 0, kMaxGraceMs);
}

// "Redis server v=7.0.15 sha=…" → 7; 0 when the output is not redis-server's.
int redisMajorVersion(const QString &versionOutput)
{
    static const QRegularExpression version(QStringLiteral(R"(v=(\d+)\.)"));
    const auto match = version.match(versionOutput);
    return match.hasMatch() ? match.captured(1).toInt() : 0;
}

} // namespace

Runtime::Runtime(ObjectStore &store, RuntimeOptions options, QObject *parent)
    : QObject(parent)
    , m_store(store)
    , m_options(std::move(options))
    , m_nodes(std::max(1, m_options.nodeCount))
    , m_events(store)
    , m_reconcileTimer(new QTimer(this))
    , m_resyncTimer(new QTimer(this))
{
    m_reconcileTimer->setSingleShot(true);
    m_reconcileTimer->setInterval(0);
    connect(m_reconcileTimer, &QTimer::timeout, this, &Runtime::reconcile);
    m_resyncTimer->setInterval(kResyncMs);
    connect(m_resyncTimer, &QTimer::timeout, this, [this] {
        m_resyncPass = true;
        reconcile();
        m_resyncPass = false;
        if (++m_resyncCount % 30 == 0)
            m_events.expireOld();
    });
    m_statefulSets = std::make_unique<StatefulSetController>(
        m_store, [this](const QString &ns, const QString &podName) { return isTerminating(ns, podName); },
        &m_events);
}

Runtime::~Runtime()
{
    stopAllPods();
}

rcs::Result<void> Runtime::start()
{
    if (m_options.dataDir.isEmpty() || !QDir().mkpath(m_options.dataDir + QStringLiteral("/runtime")))
        return Error(ErrorCode::Io, QStringLiteral("Cannot create the data folder \"%1\"; choose a writable "
                                                   "--data-dir.")
                                        .arg(m_options.dataDir));
    auto allocator =
        CidrAllocator::create(m_options.podNetwork, m_options.dataDir + QStringLiteral("/runtime/ip-cursor"));
    if (!allocator)
        return allocator.error();
    m_allocator = std::move(allocator).value();

    m_tools.serverPath = m_options.redisServerPath;
    m_tools.cliPath = m_options.redisCliPath;
    if (m_tools.cliPath.isEmpty()) {
        const QString sibling = QFileInfo(m_tools.serverPath).absolutePath() + QStringLiteral("/redis-cli");
        m_tools.cliPath = QFileInfo(sibling).isExecutable()
                              ? sibling
                              : QStandardPaths::findExecutable(QStringLiteral("redis-cli"));
    }
    QProcess version;
    version.start(m_tools.serverPath, {QStringLiteral("--version")});
    if (!version.waitForFinished(10000) || version.exitCode() != 0 ||
        (m_tools.serverMajorVersion =
             redisMajorVersion(QString::fromUtf8(version.readAllStandardOutput()))) == 0) {
        version.kill();
        version.waitForFinished(1000);
        return Error(
            ErrorCode::NotFound,
            QStringLiteral("Cannot run \"%1 --version\": the pods need a local redis-server; install "
                           "redis-server or pass --redis-server PATH.")
                .arg(m_tools.serverPath));
    }
    qCInfo(lcSandbox) << "pods run redis-server" << m_tools.serverPath << "major version"
                      << m_tools.serverMajorVersion;

    // A sandbox cluster comes with a default storage class, as most clusters do.
    m_hasStorageClasses = !m_store.list(kStorageClasses, {}).isEmpty();
    if (!m_hasStorageClasses) {
        const QJsonObject standard{
            {QStringLiteral("apiVersion"), QStringLiteral("storage.k8s.io/v1")},
            {QStringLiteral("kind"), QStringLiteral("StorageClass")},
            {QStringLiteral("metadata"),
             QJsonObject{{QStringLiteral("name"), QStringLiteral("standard")},
                         {QStringLiteral("annotations"),
                          QJsonObject{{QStringLiteral("storageclass.kubernetes.io/is-default-class"),
                                       QStringLiteral("true")}}}}},
            {QStringLiteral("provisioner"), QStringLiteral("sandbox.local/folder")},
            {QStringLiteral("reclaimPolicy"), QStringLiteral("Delete")},
            {QStringLiteral("volumeBindingMode"), QStringLiteral("Immediate")},
        };
        m_hasStorageClasses = m_store.create(kStorageClasses, standard).ok();
    }

    connect(&m_store, &ObjectStore::changed, this, [this](const sandbox::WatchEvent &event) {
        if (event.resource == kClaims && event.type == WatchEvent::Type::Deleted)
            m_deletedClaims.insert(
                pvcFolder(m_options.dataDir, namespaceOf(event.object), nameOf(event.object)));
        if (event.resource == kPods || event.resource == kClaims ||
            event.resource == QLatin1String("statefulsets") || event.resource == kStorageClasses)
            scheduleReconcile();
    });
    m_started = true;
    m_resyncTimer->start();
    reconcile();
    return {};
}

void Runtime::scheduleReconcile()
{
    if (m_started && !m_reconcileTimer->isActive())
        m_reconcileTimer->start();
}

void Runtime::reconcile()
{
    // Processes of deleted pods begin stopping first, so that the StatefulSet controller sees their
    // names as terminating and does not start a successor on the same claim while they still run.
    stopProcessesOfDeletedPods();
    m_statefulSets->reconcileAll();
    reconcileClaims();
    reconcilePods();
    removeDeletedClaimFolders();
}

void Runtime::reconcileClaims()
{
    QSet<QString> classes;
    QString defaultClass;
    for (const QJsonObject &storageClass : m_store.list(kStorageClasses, {})) {
        classes.insert(nameOf(storageClass));
        const QJsonObject annotations =
            metadataOf(storageClass).value(QLatin1String("annotations")).toObject();
        if (annotations.value(QLatin1String("storageclass.kubernetes.io/is-default-class")).toString() ==
            QLatin1String("true"))
            defaultClass = nameOf(storageClass);
    }
    for (QJsonObject claim : m_store.list(kClaims, {})) {
        QJsonObject spec = specOf(claim);
        // What the DefaultStorageClass admission plugin does: a claim without a class gets the default.
        const bool needsClass = !spec.contains(QLatin1String("storageClassName")) && !defaultClass.isEmpty();
        if (needsClass)
            spec.insert(QStringLiteral("storageClassName"), defaultClass);
        const QString className = spec.value(QLatin1String("storageClassName")).toString();
        const bool bindable = !m_hasStorageClasses || className.isEmpty() || classes.contains(className);
        QJsonObject status{
            {QStringLiteral("phase"), bindable ? QStringLiteral("Bound") : QStringLiteral("Pending")}};
        if (bindable) {
            status.insert(QStringLiteral("accessModes"), spec.value(QLatin1String("accessModes")));
            status.insert(QStringLiteral("capacity"),
                          spec.value(QLatin1String("resources")).toObject().value(QLatin1String("requests")));
        }
        const bool needsVolume = bindable && !spec.contains(QLatin1String("volumeName"));
        if (claim.value(QLatin1String("status")).toObject() == status && !needsVolume && !needsClass)
            continue;
        if (needsVolume)
            spec.insert(QStringLiteral("volumeName"), QString(QStringLiteral("pvc-") + uidOf(claim)));
        claim.insert(QStringLiteral("spec"), spec);
        claim.insert(QStringLiteral("status"), status);
        if (auto updated = m_store.update(kClaims, claim, false); !updated)
            qCWarning(lcSandbox).noquote()
                << "cannot update PVC" << nameOf(claim) << updated.error().message();
    }
}

QString Runtime::claimProblem(const QJsonObject &pod) const
{
    const QJsonArray volumes = specOf(pod).value(QLatin1String("volumes")).toArray();
    for (const QJsonValue &value : volumes) {
        const QJsonObject source = value.toObject().value(QLatin1String("persistentVolumeClaim")).toObject();
        if (source.isEmpty())
            continue;
        const QString claimName = source.value(QLatin1String("claimName")).toString();
        const auto claim = m_store.get(kClaims, namespaceOf(pod), claimName);
        if (!claim) {
            return QStringLiteral(
                       "0/%1 nodes are available: persistentvolumeclaim \"%2\" not found. preemption: 0/%1 "
                       "nodes are available: %1 Preemption is not helpful for scheduling.")
                .arg(m_nodes.names().size())
                .arg(claimName);
        }
        if (claim->value(QLatin1String("status")).toObject().value(QLatin1String("phase")).toString() !=
            QLatin1String("Bound")) {
            const QString className = specOf(*claim).value(QLatin1String("storageClassName")).toString();
            return QStringLiteral(
                       "0/%1 nodes are available: pod has unbound immediate PersistentVolumeClaims "
                       "(persistentvolumeclaim \"%2\" is Pending: storage class \"%3\" does not exist; "
                       "create it or use an existing storage class). preemption: 0/%1 nodes are "
                       "available: %1 Preemption is not helpful for scheduling.")
                .arg(m_nodes.names().size())
                .arg(claimName, className);
        }
    }
    return {};
}

void Runtime::stopProcessesOfDeletedPods()
{
    QSet<QString> liveUids;
    for (const QJsonObject &pod : m_store.list(kPods, {}))
        liveUids.insert(uidOf(pod));
    const auto processes = m_processes;
    for (auto it = processes.begin(); it != processes.end(); ++it) {
        if (!liveUids.contains(it.key()))
            stopProcess(it.value(), it.value()->property("graceMs").toInt());
    }
}

void Runtime::reconcilePods()
{
    stopProcessesOfDeletedPods();
    QSet<QString> liveUids;
    for (const QJsonObject &pod : m_store.list(kPods, {})) {
        liveUids.insert(uidOf(pod));
        syncPod(pod);
    }
    for (auto it = m_configErrors.begin(); it != m_configErrors.end();)
        it = liveUids.contains(it.key()) ? std::next(it) : m_configErrors.erase(it);
    for (auto it = m_startTimes.begin(); it != m_startTimes.end();)
        it = liveUids.contains(it.key()) ? std::next(it) : m_startTimes.erase(it);
}

void Runtime::syncPod(QJsonObject pod)
{
    const QString uid = uidOf(pod);
    PodProcess *process = m_processes.value(uid);
    if (metadataOf(pod).contains(QLatin1String("deletionTimestamp"))) {
        // Graceful deletion, if the API half uses it: the pod goes once its process is gone.
        if (process)
            stopProcess(process, graceMsOf(pod));
        if (!isTerminating(namespaceOf(pod), nameOf(pod)))
            m_store.remove(kPods, namespaceOf(pod), nameOf(pod));
        return;
    }

    PodStatusInput input;
    input.nodeName = specOf(pod).value(QLatin1String("nodeName")).toString();
    if (input.nodeName.isEmpty()) {
        input.unschedulableMessage = claimProblem(pod);
        if (input.unschedulableMessage.isEmpty()) {
            QList<QJsonObject> placed;
            for (const QJsonObject &other : m_store.list(kPods, {})) {
                if (uidOf(other) != uid &&
                    !specOf(other).value(QLatin1String("nodeName")).toString().isEmpty())
                    placed.append(other);
            }
            const SchedulingDecision decision =
                schedulePod(pod, m_nodes.readyNames(), placed, int(m_nodes.names().size()));
            input.nodeName = decision.nodeName;
            input.unschedulableMessage = decision.message;
        }
        if (input.nodeName.isEmpty()) {
            m_events.record(pod, EventRecorder::Type::Warning, QStringLiteral("FailedScheduling"),
                            input.unschedulableMessage, QStringLiteral("default-scheduler"));
            writePodStatus(
                pod, buildPodStatus(pod, input, nullptr, pod.value(QLatin1String("status")).toObject()));
            return;
        }
        QJsonObject spec = specOf(pod);
        spec.insert(QStringLiteral("nodeName"), input.nodeName);
        pod.insert(QStringLiteral("spec"), spec);
        auto updated = m_store.update(kPods, pod, false);
        if (!updated) {
            qCWarning(lcSandbox).noquote() << "cannot bind pod" << nameOf(pod) << updated.error().message();
            return;
        }
        pod = updated.value();
        m_events.record(pod, EventRecorder::Type::Normal, QStringLiteral("Scheduled"),
                        QStringLiteral("Successfully assigned %1/%2 to %3")
                            .arg(namespaceOf(pod), nameOf(pod), input.nodeName),
                        QStringLiteral("default-scheduler"));
        qCInfo(lcSandbox).noquote() << "pod" << namespaceOf(pod) + u'/' + nameOf(pod) << "scheduled on"
                                    << input.nodeName;
    } else if (!m_nodes.isReady(input.nodeName) && !process) {
        // Its node is gone or failed: a controller-owned pod is replaced elsewhere, a bare pod waits.
        if (!metadataOf(pod).value(QLatin1String("ownerReferences")).toArray().isEmpty()) {
            m_store.remove(kPods, namespaceOf(pod), nameOf(pod));
            return;
        }
        input.configError = QStringLiteral("node %1 is not ready").arg(input.nodeName);
    }

    if (!process && m_nodes.isReady(input.nodeName) && (!m_configErrors.contains(uid) || m_resyncPass)) {
        const QString problem = claimProblem(pod);
        if (problem.isEmpty())
            startPod(pod);
        else
            m_configErrors.insert(uid, problem);
        process = m_processes.value(uid);
        if (!process && m_configErrors.contains(uid)) {
            m_events.record(pod, EventRecorder::Type::Warning, QStringLiteral("Failed"),
                            QStringLiteral("Error: ") + m_configErrors.value(uid), QStringLiteral("kubelet"),
                            input.nodeName);
        }
    }
    if (input.configError.isEmpty())
        input.configError = m_configErrors.value(uid);
    input.startTime = m_startTimes.value(uid);
    writePodStatus(pod, buildPodStatus(pod, input, process, pod.value(QLatin1String("status")).toObject()));
}

void Runtime::startPod(const QJsonObject &pod)
{
    const QString uid = uidOf(pod);
    QSet<QString> inUse;
    for (const PodProcess *process : std::as_const(m_processes))
        inUse.insert(process->context().podIp);
    for (const PodProcess *process : std::as_const(m_stopping))
        inUse.insert(process->context().podIp);
    auto ip = m_allocator->allocate(inUse);
    if (!ip) {
        m_configErrors.insert(uid, ip.error().message());
        return;
    }
    const QJsonObject container = specOf(pod).value(QLatin1String("containers")).toArray().first().toObject();
    auto context = preparePodContext(pod, container, m_store, m_options.dataDir, ip.value());
    if (!context) {
        m_configErrors.insert(uid, context.error().message());
        return;
    }
    auto plan = planContainerLaunch(container, context.value(), m_tools);
    if (!plan) {
        m_configErrors.insert(uid, plan.error().message());
        return;
    }
    if (!plan->note.isEmpty())
        qCWarning(lcSandbox).noquote() << "pod" << nameOf(pod) << plan->note;
    context.value().port = plan->port;
    writeToolWrappers(context.value(), m_tools);
    m_configErrors.remove(uid);
    auto *process = new PodProcess(pod, context.value(), plan.value(), m_tools, this);
    process->setProperty("graceMs", graceMsOf(pod));
    connect(process, &PodProcess::statusChanged, this, &Runtime::scheduleReconcile);
    recordContainerEvents(pod, container, process);
    m_processes.insert(uid, process);
    m_startTimes.insert(uid, QDateTime::currentDateTimeUtc().toString(Qt::ISODate));
    process->start();
}

void Runtime::recordContainerEvents(const QJsonObject &pod, const QJsonObject &container, PodProcess *process)
{
    const QString node = specOf(pod).value(QLatin1String("nodeName")).toString();
    const QString containerName = container.value(QLatin1String("name")).toString();
    const QString fieldPath = QStringLiteral("spec.containers{%1}").arg(containerName);
    const QString kubelet = QStringLiteral("kubelet");
    m_events.record(pod, EventRecorder::Type::Normal, QStringLiteral("Pulled"),
                    QStringLiteral("Container image \"%1\" already present on machine")
                        .arg(container.value(QLatin1String("image")).toString()),
                    kubelet, node, fieldPath);
    m_events.record(pod, EventRecorder::Type::Normal, QStringLiteral("Created"),
                    QStringLiteral("Created container: %1").arg(containerName), kubelet, node, fieldPath);
    connect(process, &PodProcess::containerStarted, this, [=, this] {
        m_events.record(pod, EventRecorder::Type::Normal, QStringLiteral("Started"),
                        QStringLiteral("Started container %1").arg(containerName), kubelet, node, fieldPath);
    });
    connect(process, &PodProcess::backingOff, this, [=, this] {
        m_events.record(pod, EventRecorder::Type::Warning, QStringLiteral("BackOff"),
                        QStringLiteral("Back-off restarting failed container %1 in pod %2_%3(%4)")
                            .arg(containerName, nameOf(pod), namespaceOf(pod), uidOf(pod)),
                        kubelet, node, fieldPath);
    });
    connect(process, &PodProcess::probeFailed, this, [=, this](const QString &message) {
        m_events.record(pod, EventRecorder::Type::Warning, QStringLiteral("Unhealthy"),
                        QStringLiteral("Readiness probe failed: ") + message, kubelet, node, fieldPath);
    });
    connect(process, &PodProcess::stopped, this, [=, this] {
        m_events.record(pod, EventRecorder::Type::Normal, QStringLiteral("Killing"),
                        QStringLiteral("Stopping container %1").arg(containerName), kubelet, node, fieldPath);
    });
}

void Runtime::stopProcess(PodProcess *process, int graceMs)
{
    if (m_stopping.contains(process))
        return;
    m_processes.remove(process->podUid());
    m_stopping.insert(process);
    connect(process, &PodProcess::stopped, this, [this, process] {
        m_stopping.remove(process);
        QDir(process->context().podDir).removeRecursively();
        process->deleteLater();
        scheduleReconcile();
    });
    qCInfo(lcSandbox).noquote() << "pod" << process->podKey() << "stops (grace" << graceMs << "ms)";
    process->stop(graceMs);
}

void Runtime::removeDeletedClaimFolders()
{
    // A deleted claim's folder goes only once no process mounts it (kubernetes.io/pvc-protection).
    auto mounts = [](const PodProcess *process, const QString &folder) {
        const QList<MountMapping> &mapped = process->context().mounts;
        return std::any_of(mapped.begin(), mapped.end(), [&folder](const MountMapping &mount) {
            return mount.localPath == folder || mount.localPath.startsWith(folder + u'/');
        });
    };
    for (auto it = m_deletedClaims.begin(); it != m_deletedClaims.end();) {
        const QString folder = *it;
        const bool inUse = std::any_of(m_processes.begin(), m_processes.end(),
                                       [&](const PodProcess *p) { return mounts(p, folder); }) ||
                           std::any_of(m_stopping.begin(), m_stopping.end(),
                                       [&](const PodProcess *p) { return mounts(p, folder); });
        if (inUse) {
            ++it;
            continue;
        }
        const QFileInfo info(folder);
        if (!m_store.get(kClaims, info.dir().dirName(), info.fileName()))
            QDir(folder).removeRecursively();
        it = m_deletedClaims.erase(it);
    }
}

void Runtime::writePodStatus(const QJsonObject &pod, const QJsonObject &status)
{
    if (pod.value(QLatin1String("status")).toObject() == status)
        return;
    auto current = m_store.get(kPods, namespaceOf(pod), nameOf(pod));
    if (!current || uidOf(*current) != uidOf(pod))
        return;
    current->insert(QStringLiteral("status"), status);
    if (auto updated = m_store.update(kPods, *current, false); !updated)
        qCWarning(lcSandbox).noquote()
            << "cannot update the status of pod" << nameOf(pod) << updated.error().message();
}

bool Runtime::isTerminating(const QString &ns, const QString &podName) const
{
    const QString key = ns + u'/' + podName;
    return std::any_of(m_stopping.begin(), m_stopping.end(),
                       [&key](const PodProcess *process) { return process->podKey() == key; });
}

PodProcess *Runtime::processFor(const QJsonObject &pod) const
{
    if (PodProcess *process = m_processes.value(uidOf(pod)))
        return process;
    // The API half may hand over an older copy of the pod: fall back to the name.
    const QString key = namespaceOf(pod) + u'/' + nameOf(pod);
    for (PodProcess *process : m_processes) {
        if (process->podKey() == key)
            return process;
    }
    return nullptr;
}

void Runtime::stopAllPods()
{
    m_started = false;
    m_resyncTimer->stop();
    m_reconcileTimer->stop();
    const auto processes = m_processes.values() + m_stopping.values();
    for (PodProcess *process : processes)
        process->stopNow(5000);
}

std::optional<QJsonObject> Runtime::node(const QString &name) const
{
    if (!m_nodes.contains(name))
        return std::nullopt;
    return m_nodes.object(name);
}

rcs::Result<void> Runtime::failNode(const QString &name)
{
    if (!m_nodes.contains(name))
        return Error(ErrorCode::NotFound,
                     QStringLiteral("There is no simulated node \"%1\"; the nodes are %2.")
                         .arg(name, m_nodes.names().join(QStringLiteral(", "))));
    m_nodes.setFailed(name, true);
    qCInfo(lcSandbox).noquote() << "node" << name << "failed: its pods are killed and deleted";
    for (const QJsonObject &pod : m_store.list(kPods, {})) {
        if (specOf(pod).value(QLatin1String("nodeName")).toString() != name)
            continue;
        if (PodProcess *process = m_processes.value(uidOf(pod)))
            stopProcess(process, 0);
        m_store.remove(kPods, namespaceOf(pod), nameOf(pod));
    }
    Q_EMIT nodesChanged();
    scheduleReconcile();
    return {};
}

rcs::Result<void> Runtime::recoverNode(const QString &name)
{
    if (!m_nodes.contains(name))
        return Error(ErrorCode::NotFound,
                     QStringLiteral("There is no simulated node \"%1\"; the nodes are %2.")
                         .arg(name, m_nodes.names().join(QStringLiteral(", "))));
    m_nodes.setFailed(name, false);
    Q_EMIT nodesChanged();
    scheduleReconcile();
    return {};
}

std::optional<QString> Runtime::podLog(const QString &ns, const QString &name) const
{
    const QString key = ns + u'/' + name;
    for (const PodProcess *process : m_processes) {
        if (process->podKey() == key)
            return process->log();
    }
    return std::nullopt;
}

QString Runtime::podIp(const QString &ns, const QString &name) const
{
    const QString key = ns + u'/' + name;
    for (const PodProcess *process : m_processes) {
        if (process->podKey() == key)
            return process->context().podIp;
    }
    return {};
}

void Runtime::handleExec(QWebSocket *socket, const ExecRequest &request)
{
    PodProcess *process = processFor(request.pod);
    std::optional<PodContext> context;
    if (process)
        context = process->context();
    auto *session = new ExecSession(socket, request, context, m_tools, this);
    session->start();
}

void Runtime::handlePortForward(QWebSocket *socket, const PortForwardRequest &request)
{
    PodProcess *process = processFor(request.pod);
    const QString ip = process ? process->context().podIp : QString();
    if (request.subprotocol.startsWith(QLatin1String("SPDY/3.1"))) {
        new SpdyPortForwardSession(socket, ip, this); // kubectl port-forward
        return;
    }
    auto *session = new PortForwardSession(socket, request, ip, this);
    session->start();
}

} // namespace sandbox
