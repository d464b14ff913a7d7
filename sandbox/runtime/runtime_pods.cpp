// Runtime: the kubelet part — scheduling a pod, starting and stopping its process, its status and events.
#include "runtime/runtime.h"

#include "common/logging.h"
#include "runtime/object_fields.h"
#include "runtime/pod_context.h"
#include "runtime/pod_process.h"
#include "runtime/pod_status.h"
#include "runtime/scheduler.h"
#include "store/object_store.h"

#include <QDateTime>
#include <QDir>
#include <QHostAddress>
#include <QJsonArray>
#include <QTcpServer>

#include <algorithm>
#include <optional>

namespace sandbox {

namespace {

const QString kPods = QStringLiteral("pods");
constexpr int kStrangerTries = 16;
constexpr int kMaxGraceMs = 10000;

// The container ports a pod declares (6379 and 16379 for the studio's StatefulSet).
QList<quint16> containerPortsOf(const QJsonObject &container)
{
    QList<quint16> ports;
    for (const QJsonValue &port : container.value(QLatin1String("ports")).toArray())
        ports.append(quint16(port.toObject().value(QLatin1String("containerPort")).toInt()));
    return ports;
}

// Whether a process that is not one of this sandbox's pods listens at ip on one of ports: the pod
// network is a loopback range shared with the whole machine, where a server left by another sandbox or
// test (one killed before it could stop its pods) may still serve. A pod given that address would fail
// to bind, or worse, its clients would reach the stranger.
bool heldOutside(const QString &ip, const QList<quint16> &ports)
{
    for (const quint16 port : ports) {
        QTcpServer probe;
        if (port != 0 && !probe.listen(QHostAddress(ip), port))
            return true;
    }
    return false;
}

int graceMsOf(const QJsonObject &pod)
{
    // The delete's own grace period (metadata.deletionGracePeriodSeconds) wins over the spec's.
    QJsonValue grace = metadataOf(pod).value(QLatin1String("deletionGracePeriodSeconds"));
    if (!grace.isDouble())
        grace = specOf(pod).value(QLatin1String("terminationGracePeriodSeconds"));
    return std::clamp(grace.isDouble() ? grace.toInt() * 1000 : kMaxGraceMs, 0, kMaxGraceMs);
}

} // namespace

void Runtime::stopProcessesOfDeletedPods()
{
    QSet<QString> liveUids;
    for (const QJsonObject &pod : m_store.list(kPods, {}))
        liveUids.insert(uidOf(pod));
    const auto processes = m_processes;
    for (auto it = processes.begin(); it != processes.end(); ++it) {
        if (!liveUids.contains(it.key()))
            stopProcess(it.value(),
                        m_deletionGraceMs.value(it.key(), it.value()->property("graceMs").toInt()));
    }
    m_deletionGraceMs.clear(); // deletes of pods that had no process
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
    const QJsonObject container = specOf(pod).value(QLatin1String("containers")).toArray().first().toObject();
    const RedisTools &tools = m_tools.forPod(pod);
    // An address where a stranger listens on the pod's ports is passed over; a few tries, since each
    // stranger found is one address less (the allocator refuses once the network is used up).
    std::optional<PodContext> context;
    std::optional<LaunchPlan> plan;
    for (int attempt = 0; !plan; ++attempt) {
        auto ip = m_allocator->allocate(inUse);
        if (!ip) {
            m_configErrors.insert(uid, ip.error().message());
            return;
        }
        auto prepared = preparePodContext(pod, container, m_store, m_options.dataDir, ip.value());
        if (!prepared) {
            m_configErrors.insert(uid, prepared.error().message());
            return;
        }
        auto planned = planContainerLaunch(container, prepared.value(), tools);
        if (!planned) {
            m_configErrors.insert(uid, planned.error().message());
            return;
        }
        QList<quint16> ports = containerPortsOf(container);
        if (planned->port != 0)
            ports << planned->port << quint16(planned->port + 10000); // and its cluster bus
        if (attempt < kStrangerTries && heldOutside(ip.value(), ports)) {
            qCWarning(lcSandbox).noquote()
                << "pod IP" << ip.value() << "passed over: a process outside this sandbox listens there";
            inUse.insert(ip.value());
            continue;
        }
        context = std::move(prepared.value());
        plan = std::move(planned.value());
    }
    if (!plan->note.isEmpty())
        qCWarning(lcSandbox).noquote() << "pod" << nameOf(pod) << plan->note;
    context->port = plan->port;
    context->tls = plan->tls;
    writeToolWrappers(*context, tools);
    m_configErrors.remove(uid);
    auto *process = new PodProcess(pod, *context, *plan, tools, this);
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

} // namespace sandbox
