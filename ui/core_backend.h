#pragma once

#include "observe/cluster_metrics.h"
#include "operations/operation_request.h"
#include "operations/target.h"
#include "studio_backend.h"

#include <QObject>

#include <memory>

namespace rcs {
class ClusterTopology;
class KubeClient;
struct ClusterCheckReport;
struct ManifestParameters;
} // namespace rcs

namespace rcs::ops {
class Connections;
}

namespace rcs::ui {

// The wizard's parameters in the form the manifest renderer (and DeployWorkflow) takes.
rcs::ManifestParameters toManifestParameters(const DeployParameters &parameters);

// Logs every finding of a check at its severity (error, warning, info) under category (a failed
// check's details, "[severity] text" per line, are the operation's).
void logCheckFindings(const rcs::ClusterCheckReport &report, const QString &category);

// The StudioBackend over the core library. Every action, on every target kind (Kubernetes, the
// sandbox, plain endpoints), is a request to core's operations catalogue (core/operations), the road
// the command line takes: the widgets' target and choices are translated here, once, and the result
// is shown. A refresh is the catalogue's status on every target kind.
// Connections, the Kubernetes session and the sandbox live in one ops::Connections.
class CoreBackend final : public QObject, public StudioBackend {
    Q_OBJECT
public:
    explicit CoreBackend(QObject *parent = nullptr);
    ~CoreBackend() override;

    rcs::Job *createRefreshJob(const StudioTarget &target, const SnapshotCallback &onSnapshot,
                               QString *why) override;
    rcs::Job *createActionJob(Action action, const StudioTarget &target, const ActionRequest &request,
                              QString *why) override;
    QString unsupportedReason(Action action, const StudioTarget &target) const override;
    QObject *watchPods(const StudioTarget &target, const std::function<void()> &onChange) override;
    rcs::Job *createCleanupPlanJob(const StudioTarget &target, const ActionRequest &request,
                                   const NamesCallback &onPlan, QString *why) override;
    rcs::Job *createExecJob(const StudioTarget &target, const rcs::ops::OperationRequest &request,
                            const ReplyCallback &onReply, QString *why) override;
    rcs::Job *createPodLogJob(const StudioTarget &target, const QString &pod, int tailLines,
                              const ReplyCallback &onText, QString *why) override;
    QStringList contexts(const QString &kubeconfig, QString *error) const override;
    rcs::Job *createConnectionTestJob(const StudioTarget &target, QString *why) override;
    rcs::Job *createStorageClassesJob(const StudioTarget &target, const NamesCallback &onNames,
                                      QString *why) override;
    rcs::Result<QString> renderManifests(const StudioTarget &target,
                                         const DeployParameters &parameters) const override;
    rcs::Job *createDeployJob(const StudioTarget &target, const DeployParameters &parameters,
                              QString *why) override;
    // Core's deploy plan (what `deploy --dry-run` logs): one apply line per rendered object.
    QStringList deployCommands(const StudioTarget &target, const DeployParameters &parameters) const override;
    const rcs::observe::ClusterMetrics *metrics() const override { return &m_metrics; }

    rcs::Job *createObserveJob(const StudioTarget &target, const rcs::ops::OperationRequest &request,
                               QString *why) override;
    // The catalogue's job for an operation (what createActionJob builds from the widgets' choices);
    // nullptr with *why when the request is incomplete.
    rcs::Job *createOperationJob(const rcs::ops::Target &target, const rcs::ops::OperationRequest &request,
                                 QString *why);
    // The sandbox's folder for the sandbox target; empty (the default) unless a test chose another.
    void setSandboxDataDir(const QString &dataDir) { m_sandboxDataDir = dataDir; }

private:
    // The Kubernetes client of the target's session (the kubeconfig is read there, in core); null with
    // *why when it cannot be opened or the target has no Kubernetes API.
    rcs::KubeClient *kubeClient(const StudioTarget &target, QString *why);
    std::optional<rcs::ops::Target> coreTarget(const StudioTarget &target, QString *why) const;
    // The widgets' choices for the action as core's request; nullopt with *why when incomplete.
    std::optional<rcs::ops::OperationRequest> operationRequest(Action action, const StudioTarget &target,
                                                               const ActionRequest &request,
                                                               QString *why) const;
    // The replica a failover promotes: the selected node itself, or the first reachable replica of a
    // selected master; empty when there is none.
    QString replicaToPromote(const QString &nodeKey) const;

    rcs::ops::Connections *m_connections;
    QString m_sandboxDataDir;
    // The last topology seen on plain endpoints: the selection a failover starts from (the picture's
    // master stands for its first replica). Operations themselves read the cluster in core.
    std::unique_ptr<rcs::ClusterTopology> m_lastTopology;
    // The last refresh's topology, whatever the target: holding it until the next refresh lets that one
    // free it on the thread pool (releaseOffThread) instead of the GUI thread.
    rcs::ClusterTopology m_heldTopology;
    // Every refresh's INFO (already read by the status) into per-node ring buffers; the cards' sparklines
    // come from them. Started again when the target changes.
    rcs::observe::ClusterMetrics m_metrics;
    StudioTarget m_metricsTarget;
};

} // namespace rcs::ui
