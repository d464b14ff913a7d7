#pragma once

#include "redis/failover_job.h"
#include "workflow.h"

namespace rcs {

// Promotes the replica running in a given pod (FailoverJob) and waits until every node sees the
// swapped roles. A plain failover needs a healthy cluster; Force and Takeover (for a master that is
// down) need only a formed one.
//
// Error behaviour: Refused when the cluster is not healthy (plain mode) or not formed; InvalidInput when
// the pod does not exist, runs no cluster node, or runs a master (the replicas are named); FailoverJob's
// errors.
class FailoverWorkflow final : public Workflow {
    Q_OBJECT
public:
    using Mode = FailoverJob::Mode;

    explicit FailoverWorkflow(KubeSession *session, QObject *parent = nullptr);

    void setPodName(const QString &name) { m_podName = name; }
    QString podName() const { return m_podName; }
    void setMode(Mode mode) { m_mode = mode; }
    Mode mode() const { return m_mode; }

    // The pod of the old master, once known.
    QString oldMasterPodName() const { return m_oldMasterPod; }

protected:
    void doStart() override;

private:
    void promote(const ClusterSurvey &found);

    QString m_podName;
    Mode m_mode = Mode::Default;
    QString m_oldMasterPod;
};

} // namespace rcs
