#pragma once

#include "common/job.h"
#include "ui/node_card.h"
#include "ui/studio_backend.h"

#include <QStringList>
#include <QTimer>
#include <QWidget>

#include <functional>

class QSignalSpy;

namespace rcs::ui {
class Confirmation;
class TopologyView;
} // namespace rcs::ui

namespace rcs::ui::test {

// Settings of a test's own (QStandardPaths test mode, a test organisation, cleared) and the light
// theme, so that a window test neither reads nor changes the user's studio settings.
void isolateStudioSettings();
// The settings part alone, for tests without a QApplication.
void isolateSettings();
// Saves a picture of the widget for a person to look at when RCS_UI_SHOTS names a folder; never asserted.
void saveShot(QWidget *widget, const QString &name);
// Waits (bounded to 5 s) until every posted event (layout requests, repaints) is handled and the
// picture, when given, has no relayout scheduled: what a measurement or a screenshot needs first.
bool settled(const TopologyView *view = nullptr);

// Answers the open QFileDialog named name among parent's children (waiting up to 5 s for it) with path
// as its Save/Open button would, or cancels it when path is empty; false when no such dialog came.
bool answerFileDialog(QObject *parent, const QString &name, const QString &path);

// The next question of a spy on StudioController::confirmationRequested; nullptr when none came within
// 5 s.
Confirmation *nextQuestion(QSignalSpy &asked);

// A topology of masters with their replicas spread over Kubernetes nodes, like a StatefulSet's pods:
// pod i runs on node (i % kubeNodes); masters own an even split of the slots.
TopologySnapshot makeSnapshot(int masters, int replicasPerMaster, int kubeNodes,
                              Situation situation = Situation::Healthy);

// A real job that walks through its steps on a timer (one per stepMs), then succeeds or fails with
// the given error. cancel() stops it between steps. Used where the windows need a job to follow.
class ScriptedJob final : public rcs::Job {
    Q_OBJECT
public:
    ScriptedJob(QStringList steps, int stepMs, rcs::Error error = {}, QObject *parent = nullptr);

    bool wasCancelledInFlight() const { return m_cancelledInFlight; }
    // Called right before the job succeeds (e.g. to hand over a snapshot).
    std::function<void()> beforeSuccess;

protected:
    void doStart() override;
    void doCancel() override;

private:
    void next();

    QStringList m_steps;
    int m_stepMs;
    rcs::Error m_error;
    int m_index = 0;
    QTimer m_timer;
    bool m_cancelledInFlight = false;
};

// A backend that serves a snapshot chosen by the test through real jobs, and records the actions run.
class FixtureBackend final : public StudioBackend {
public:
    TopologySnapshot snapshot;
    QString refreshError; // when set, refresh jobs fail with it
    int actionStepMs = 20;
    rcs::Error actionError; // actions fail with it when set
    QList<Action> actionsRun;
    QList<ActionRequest> requests;
    int refreshCount = 0;
    const rcs::observe::ClusterMetrics *metricsHistory = nullptr; // what metrics() hands the Metrics dock

    rcs::Job *createRefreshJob(const StudioTarget &target, const SnapshotCallback &onSnapshot,
                               QString *why) override;
    rcs::Job *createActionJob(Action action, const StudioTarget &target, const ActionRequest &request,
                              QString *why) override;
    // cleanupPlan, then one "pvc/redis-data-<pod> (its data is lost)" per pod of the snapshot when the
    // PVCs are asked for, then the namespace when asked (the order and forms of CleanupWorkflow's plan).
    QStringList cleanupPlan{QStringLiteral("statefulset/redis-app"), QStringLiteral("service/redis-service")};
    rcs::Job *createCleanupPlanJob(const StudioTarget &target, const ActionRequest &request,
                                   const NamesCallback &onPlan, QString *why) override;
    const rcs::observe::ClusterMetrics *metrics() const override { return metricsHistory; }
};

} // namespace rcs::ui::test
