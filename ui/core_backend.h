#pragma once

#include "operations/endpoint_target.h"
#include "operations/operation_request.h"
#include "studio_backend.h"

#include <QHash>
#include <QObject>

#include <memory>

namespace rcs {
class RedisPool;
class ClusterTopology;
struct ClusterCheckReport;
struct ManifestParameters;
} // namespace rcs

namespace rcs::ui {

class KubeWorkflows;

// The wizard's parameters in the form the manifest renderer (and DeployWorkflow) takes.
rcs::ManifestParameters toManifestParameters(const DeployParameters &parameters);

// Logs every finding of a check at its severity (error, warning, info) under category, and returns
// them one "[severity] text" per line, for a failed Check's details.
QString logCheckFindings(const rcs::ClusterCheckReport &report, const QString &category);

// The StudioBackend over the core library. Plain Redis addresses are scanned here and every action on
// them is a request to core's operations catalogue (core/operations), the road the command line takes;
// kubeconfig contexts, connection tests, storage classes and manifests go through core/kube, and the
// Kubernetes actions through KubeWorkflows.
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
    QStringList contexts(const QString &kubeconfig, QString *error) const override;
    rcs::Job *createConnectionTestJob(const StudioTarget &target, QString *why) override;
    rcs::Job *createStorageClassesJob(const StudioTarget &target, const NamesCallback &onNames,
                                      QString *why) override;
    rcs::Result<QString> renderManifests(const StudioTarget &target,
                                         const DeployParameters &parameters) const override;
    rcs::Job *createDeployJob(const StudioTarget &target, const DeployParameters &parameters,
                              QString *why) override;

    // The catalogue's job for an operation on plain endpoints (what createActionJob builds from the
    // widgets' choices); nullptr with *why when the request is incomplete.
    rcs::Job *createOperationJob(const rcs::ops::EndpointTarget &target,
                                 const rcs::ops::OperationRequest &request, QString *why);

private:
    rcs::RedisPool *poolFor(const rcs::ops::EndpointTarget &target);
    // The replica a failover promotes: the selected node itself, or the first reachable replica of a
    // selected master; empty when there is none.
    QString replicaToPromote(const QString &nodeKey) const;

    QHash<QString, rcs::RedisPool *> m_pools; // by user and password
    KubeWorkflows *m_kube;
    // The last topology seen on plain endpoints: the selection a failover starts from (the picture's
    // master stands for its first replica). Operations themselves read the cluster in core.
    std::unique_ptr<rcs::ClusterTopology> m_lastTopology;
};

} // namespace rcs::ui
