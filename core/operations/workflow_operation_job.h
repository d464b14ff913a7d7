#pragma once

#include "operation_job.h"
#include "target.h"
#include "workflows/workflow.h"

#include <QPointer>

namespace rcs::ops {

class Connections;

// One operation on a Kubernetes or sandbox target, as both front ends run it: the sandbox started
// first when it is the target and does not run, the target's session opened (or the one the caller's
// Connections keeps), then core/workflows' workflow for the request with its dry run, confirmation and
// timeouts set from the request, and its result in the JSON and text forms.
//
// - A dry run (every changing verb) and an unconfirmed remove-node or cleanup list their changes as
//   plan() (also logged, with their kubectl / redis-cli lines) and change nothing; unconfirmed ends
//   Refused, a dry run succeeds.
// - check: the workflow's report; unhealthy fails with Unhealthy and keeps the result.
// - status: statusReport() (the pods, the topology, the situation) in the forms every kind shares.
//
// Error behaviour: the sandbox's start errors, KubeSession::open's (no kubeconfig, unknown context),
// and the workflow's (which name their step).
class WorkflowOperationJob final : public OperationJob {
    Q_OBJECT
public:
    // connections: sessions and sandboxes to share; null: the job opens its own.
    WorkflowOperationJob(Target target, OperationRequest request, Connections *connections = nullptr,
                         QObject *parent = nullptr);
    ~WorkflowOperationJob() override;

    const Target &target() const { return m_target; }
    // The workflow that ran (a StatusWorkflow for status, a DeployWorkflow for deploy, …), owned by
    // this job; null until the session is open.
    Workflow *workflow() const { return m_workflow; }
    // upgrade and rolling-restart stop between two pods; other verbs have no safe point.
    bool stopAtSafePoint() override;

protected:
    void doStart() override;

private:
    void runWorkflow();
    Workflow *makeWorkflow(KubeSession *session);
    void concluded();
    void stopUpgradeBetweenPods();

    Target m_target;
    QPointer<Connections> m_connections;
    QPointer<Workflow> m_workflow;
    bool m_stopRequested = false;
};

} // namespace rcs::ops
