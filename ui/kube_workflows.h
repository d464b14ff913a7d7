#pragma once

#include "deploy_parameters.h"
#include "situation.h"
#include "studio_backend.h"
#include "studio_target.h"

#include <QObject>
#include <QPointer>

namespace rcs {
class KubeSession;
class SandboxController;
} // namespace rcs

namespace rcs::ui {

// The Kubernetes half of the CoreBackend: every action on a StatefulSet as a core workflow job, on a
// kubeconfig context or on the local sandbox (started on demand). One KubeSession per target is kept
// so that Redis connections and tunnels survive from one refresh to the next.
class KubeWorkflows final : public QObject {
    Q_OBJECT
public:
    explicit KubeWorkflows(QObject *parent = nullptr);
    ~KubeWorkflows() override;

    rcs::Job *refresh(const StudioTarget &target, const StudioBackend::SnapshotCallback &onSnapshot,
                      QString *why);
    rcs::Job *action(Action action, const StudioTarget &target, const ActionRequest &request, QString *why);
    // CleanupWorkflow in plan-only mode: onPlan receives its plannedDeletions(); nothing is deleted.
    rcs::Job *cleanupPlan(const StudioTarget &target, const ActionRequest &request,
                          const StudioBackend::NamesCallback &onPlan, QString *why);
    rcs::Job *deploy(const StudioTarget &target, const DeployParameters &parameters, QString *why);
    // A KubeWatch on the target's namespace that calls onChange for events of the StatefulSet's pods;
    // nullptr while the sandbox is not running or the kubeconfig cannot be opened.
    QObject *watchPods(const StudioTarget &target, const std::function<void()> &onChange);
    // The sandbox's kubeconfig for the sandbox target, the chosen file otherwise.
    QString kubeconfigOf(const StudioTarget &target) const;

private:
    rcs::KubeSession *session(const StudioTarget &target, QString *why);
    // Wraps a job factory so that the sandbox is started first when the target is the sandbox and it
    // does not run.
    rcs::Job *withSandbox(const StudioTarget &target, std::function<rcs::Job *(QString *why)> make,
                          QString *why);

    rcs::SandboxController *m_sandbox;
    QPointer<rcs::KubeSession> m_session;
    StudioTarget m_sessionTarget;
};

} // namespace rcs::ui
