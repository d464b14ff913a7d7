#pragma once

#include "workflow.h"

namespace rcs {

// check [--fix] on Kubernetes: reads the cluster through the node access like status and, with fix,
// closes the slots an interrupted migration left open (FixOpenSlotsJob: moves finished, no key
// overwritten), then reads it again. report() and assessment() describe the cluster as it is at the
// end; the run succeeds whether or not it is healthy (the caller decides what unhealthy means).
//
// Error behaviour: the API's or node access's errors; with fix, Refused when there is no formed cluster
// to fix (not deployed, pods not Ready, not created, total failure: the advice says what to do) and
// FixOpenSlotsJob's errors.
class CheckWorkflow final : public Workflow {
    Q_OBJECT
public:
    explicit CheckWorkflow(KubeSession *session, QObject *parent = nullptr);

    void setFix(bool fix) { m_fix = fix; }
    bool fix() const { return m_fix; }

    const ClusterTopology &topology() const { return m_survey.topology; }
    const ClusterCheckReport &report() const { return m_survey.report; }
    const SituationAssessment &assessment() const { return m_survey.assessment; }
    // What --fix did, one sentence per slot.
    QStringList actions() const { return m_actions; }

protected:
    void doStart() override;

private:
    void repair(const ClusterSurvey &found);
    void conclude(const ClusterSurvey &found);

    bool m_fix = false;
    ClusterSurvey m_survey;
    QStringList m_actions;
};

} // namespace rcs
