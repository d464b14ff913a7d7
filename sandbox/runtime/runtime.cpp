#include "runtime/runtime.h"

#include "api/object_defaults.h"
#include "common/logging.h"
#include "runtime/object_fields.h"
#include "runtime/pod_context.h"
#include "runtime/pod_process.h"
#include "runtime/statefulset_controller.h"
#include "store/object_store.h"
#include "streams/attach_command.h"
#include "streams/exec_command.h"
#include "streams/exec_session.h"
#include "streams/port_forward_session.h"
#include "streams/spdy_connection.h"
#include "streams/spdy_exec_session.h"
#include "streams/spdy_port_forward_session.h"

#include <QDir>
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
constexpr int kResyncMs = 2000;

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

    auto mappings = parseImageMap(m_options.imageMap);
    if (!mappings)
        return mappings.error();
    if (const auto loaded = m_tools.load(m_options.redisServerPath, m_options.redisCliPath, mappings.value());
        !loaded)
        return loaded.error();
    qCInfo(lcSandbox) << "pods run redis-server" << m_tools.defaults().serverPath << "major version"
                      << m_tools.defaults().serverMajorVersion;
    for (const ImageMapping &mapping : std::as_const(mappings.value()))
        qCInfo(lcSandbox).noquote() << "image" << mapping.image << "runs" << mapping.serverPath;

    // A sandbox cluster comes with a default storage class, as most clusters do.
    m_hasStorageClasses = !m_store.list(kStorageClasses, {}).isEmpty();
    if (!m_hasStorageClasses)
        m_hasStorageClasses = m_store.create(kStorageClasses, defaultStorageClass()).ok();

    connect(&m_store, &ObjectStore::changed, this, [this](const sandbox::WatchEvent &event) {
        // A pod deleted with an explicit grace period stops within it (see stopProcessesOfDeletedPods).
        if (event.resource == kPods && event.type == WatchEvent::Type::Deleted) {
            const QJsonValue grace =
                metadataOf(event.object).value(QLatin1String("deletionGracePeriodSeconds"));
            if (grace.isDouble())
                m_deletionGraceMs.insert(uidOf(event.object), grace.toInt() * 1000);
        }
        if ((event.resource == QLatin1String("configmaps") || event.resource == QLatin1String("secrets")) &&
            event.type != WatchEvent::Type::Deleted)
            refreshMountedFiles(event.resource, event.object);
        if (event.resource == kClaims && event.type == WatchEvent::Type::Deleted)
            m_deletedClaims.insert(pvcFolder(m_options.dataDir, namespaceOf(event.object),
                                             nameOf(event.object), uidOf(event.object)));
        if (event.resource == kPods || event.resource == kClaims ||
            event.resource == QLatin1String("statefulsets") || event.resource == kStorageClasses)
            scheduleReconcile();
    });
    m_started = true;
    m_resyncTimer->start();
    reconcile();
    return {};
}

void Runtime::refreshMountedFiles(const QString &resource, const QJsonObject &object)
{
    const QString ns = namespaceOf(object);
    for (const PodProcess *process : std::as_const(m_processes)) {
        const QString podName = process->podKey().section(u'/', 1);
        if (process->podKey().section(u'/', 0, 0) != ns)
            continue;
        const std::optional<QJsonObject> pod = m_store.get(kPods, ns, podName);
        if (!pod)
            continue;
        if (auto refreshed =
                refreshProjectedVolumes(*pod, process->context().podDir, resource, nameOf(object), m_store);
            !refreshed)
            qCWarning(lcSandbox).noquote()
                << "pod" << podName << "keeps its mounted files:" << refreshed.error().message();
    }
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

RemoteCommand *Runtime::remoteCommandFor(const ExecRequest &request)
{
    PodProcess *process = processFor(request.pod);
    if (!request.attach) {
        std::optional<PodContext> context;
        if (process)
            context = process->context();
        return new ExecCommand(request, context, m_tools.forPod(request.pod));
    }
    const bool running = process && process->state() == PodProcess::State::Running;
    auto *command = new AttachCommand(request, running);
    if (running) {
        connect(process, &PodProcess::outputReceived, command, &AttachCommand::containerOutput);
        connect(process, &PodProcess::containerExited, command, &AttachCommand::containerExited);
        connect(process, &QObject::destroyed, command, &AttachCommand::containerExited);
    }
    return command;
}

void Runtime::handleExec(QWebSocket *socket, const ExecRequest &request)
{
    auto *session = new ExecSession(socket, request.subprotocol, remoteCommandFor(request), this);
    session->start();
}

void Runtime::handleExec(SpdyConnection *connection, const ExecRequest &request)
{
    new SpdyExecSession(connection, request, remoteCommandFor(request), this);
}

void Runtime::handlePortForward(QWebSocket *socket, const PortForwardRequest &request)
{
    if (request.subprotocol.startsWith(QLatin1String("SPDY/3.1"))) {
        handlePortForward(new SpdyConnection(socket), request); // the tunnel of kubectl >= 1.31
        return;
    }
    PodProcess *process = processFor(request.pod);
    const QString ip = process ? process->context().podIp : QString();
    auto *session = new PortForwardSession(socket, request, ip, this);
    session->start();
}

void Runtime::handlePortForward(SpdyConnection *connection, const PortForwardRequest &request)
{
    PodProcess *process = processFor(request.pod);
    new SpdyPortForwardSession(connection, process ? process->context().podIp : QString(), this);
}

} // namespace sandbox
