#pragma once

// The controllers and pod runtime of kube-sandbox, behind one object the API half wires in main.cpp:
//
//   sandbox::Runtime runtime(store, {dataDir, podNetwork, nodeCount, redisServerPath});
//   if (auto started = runtime.start(); !started) { print started.error().message(); exit 1; }
//   apiServer.setStreamHandler(&runtime);            // pods/exec, pods/attach and pods/portforward
//   apiServer serves runtime.nodes() / runtime.node(name) read-only (re-read on nodesChanged()),
//   runtime.podLog(ns, name) for pods/log, and POST /sandbox/nodes/NAME/fail|recover → failNode/recoverNode.
//   On SIGTERM: runtime.stopAllPods(); then quit.
//
// It reacts to ObjectStore::changed (StatefulSets, pods, PVCs; ConfigMaps and Secrets, whose mounted
// files it rewrites in running pods) and to its processes, and writes pod,
// PVC and StatefulSet status with checkVersion = false, Events, and a default StorageClass "standard"
// when the store has none. Its files live under DATA_DIR/pvc (claim folders, kept across restarts)
// and DATA_DIR/runtime (pod folders, the IP cursor).
//
// Limits: only a pod's first container runs (init and sidecar containers are ignored); images are
// not pulled — every container runs the local redis-server (or the named local program), the one the
// image map gives for its image (exact match) or else the default.

#include "common/result.h"
#include "runtime/cidr_allocator.h"
#include "runtime/container_command.h"
#include "runtime/event_recorder.h"
#include "runtime/image_map.h"
#include "runtime/simulated_nodes.h"
#include "streams/stream_handler.h"

#include <QHash>
#include <QJsonObject>
#include <QObject>
#include <QSet>

#include <memory>
#include <optional>

class QTimer;

namespace sandbox {

class ObjectStore;
class PodProcess;
class RemoteCommand;
class StatefulSetController;

struct RuntimeOptions {
    QString dataDir;
    QString podNetwork = QStringLiteral("127.77.0.0/16");
    int nodeCount = 3;
    QString redisServerPath = QStringLiteral("/usr/bin/redis-server");
    QString redisCliPath; // empty: redis-cli next to redis-server, else from PATH
    QString imageMap;     // "IMAGE=PATH,…": the server a container image runs (see image_map.h)
};

class Runtime final : public QObject, public StreamHandler {
    Q_OBJECT
public:
    Runtime(ObjectStore &store, RuntimeOptions options, QObject *parent = nullptr);
    ~Runtime() override;

    // Checks the options, the image map and each redis-server (its version decides bind-source-addr),
    // then starts the processes of the pods already in the store — each with a NEW IP, as after a
    // machine restart — and begins reconciling. Fails with a sentence when a redis-server cannot run,
    // an image map entry is wrong or the pod network is invalid.
    rcs::Result<void> start();
    // SIGTERM to every pod process, each given a bounded time before SIGKILL; blocks until done.
    void stopAllPods();

    QList<QJsonObject> nodes() const { return m_nodes.objects(); }
    std::optional<QJsonObject> node(const QString &name) const;
    // Fails a simulated node: it turns NotReady, its pods are killed and deleted (their StatefulSets
    // re-create them on the other nodes). NotFound for an unknown node.
    rcs::Result<void> failNode(const QString &name);
    rcs::Result<void> recoverNode(const QString &name);

    // The captured output of the pod's container (current and earlier runs), or nullopt without one.
    std::optional<QString> podLog(const QString &ns, const QString &name) const;
    // The pod's IP while its process runs (tests and tools).
    QString podIp(const QString &ns, const QString &name) const;
    // The tools of pods whose image the image map does not name.
    const RedisTools &redisTools() const { return m_tools.defaults(); }

    void handleExec(QWebSocket *socket, const ExecRequest &request) override;
    void handleExec(SpdyConnection *connection, const ExecRequest &request) override;
    void handlePortForward(QWebSocket *socket, const PortForwardRequest &request) override;
    void handlePortForward(SpdyConnection *connection, const PortForwardRequest &request) override;

Q_SIGNALS:
    void nodesChanged();

private:
    void scheduleReconcile();
    // Rewrites the mounted files of running pods that show this ConfigMap or Secret (as the kubelet does).
    void refreshMountedFiles(const QString &resource, const QJsonObject &object);
    void reconcile();
    void reconcileClaims();
    void reconcilePods();
    void stopProcessesOfDeletedPods();
    void syncPod(QJsonObject pod);
    void removeDeletedClaimFolders();
    void startPod(const QJsonObject &pod);
    void stopProcess(PodProcess *process, int graceMs);
    void recordContainerEvents(const QJsonObject &pod, const QJsonObject &container, PodProcess *process);
    void writePodStatus(const QJsonObject &pod, const QJsonObject &status);
    bool isTerminating(const QString &ns, const QString &podName) const;
    PodProcess *processFor(const QJsonObject &pod) const;
    // The exec (a process in the pod's context) or attach (the container's output) a request asks for.
    RemoteCommand *remoteCommandFor(const ExecRequest &request);
    QString claimProblem(const QJsonObject &pod) const;

    ObjectStore &m_store;
    RuntimeOptions m_options;
    ImageTools m_tools;
    SimulatedNodes m_nodes;
    EventRecorder m_events;
    std::optional<CidrAllocator> m_allocator;
    std::unique_ptr<StatefulSetController> m_statefulSets;
    QHash<QString, PodProcess *> m_processes; // by pod uid, while the pod exists
    QSet<PodProcess *> m_stopping;            // deleted pods whose process is still shutting down
    QHash<QString, int> m_deletionGraceMs;    // pod uid → the grace period its delete asked for
    QHash<QString, QString> m_configErrors;   // pod uid → why its container could not be created
    QHash<QString, QString> m_startTimes;     // pod uid → status.startTime
    QSet<QString> m_deletedClaims;            // claim folders to remove once no process uses them
    QTimer *m_reconcileTimer = nullptr;
    QTimer *m_resyncTimer = nullptr;
    bool m_started = false;
    bool m_resyncPass = false;
    int m_resyncCount = 0;
    bool m_hasStorageClasses = false;
};

} // namespace sandbox
