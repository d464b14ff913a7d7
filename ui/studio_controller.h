#pragma once

#include "situation.h"
#include "studio_target.h"

#include <QObject>
#include <QPointer>
#include <QTime>

#include <functional>
#include <memory>

class QTimer;

namespace rcs {
class Job;
}

namespace rcs::ui {

class Confirmation;
class StudioBackend;
class TopologyModel;
struct ActionRequest;
struct NodeCard;

// What the studio does, without a widget: it holds the target, refreshes the topology on a timer and
// when pods change, keeps one changing operation running at a time (the busy state), and runs the
// operation flows — what to confirm, naming which objects, then which job to start. It asks through
// signals (confirmationRequested, nodeAddressRequested, message) that the window answers with dialogs
// and the status bar, and a test answers directly. The flows live in operation_flows.cpp.
class StudioController final : public QObject {
    Q_OBJECT
public:
    // The backend must outlive the controller.
    explicit StudioController(StudioBackend *backend, QObject *parent = nullptr);
    ~StudioController() override;

    StudioBackend *backend() const { return m_backend; }
    TopologyModel *model() const { return m_model; }

    // The target and the refresh interval of the last session (QSettings; never the password).
    void readSettings();
    void writeSettings() const;

    StudioTarget target() const { return m_target; }
    // Looks at another target (the old picture goes), and refreshes now either way.
    void setTarget(const StudioTarget &target);
    // Milliseconds between topology refreshes; 0 pauses them.
    void setRefreshInterval(int ms);
    int refreshInterval() const { return m_refreshInterval; }

    // The title of the running changing operation, empty when idle.
    QString busyWith() const { return m_busyWith; }
    // How the last refresh that was not cancelled ended: None before the first one.
    enum class RefreshOutcome { None, Refreshed, Failed, NotStarted };
    RefreshOutcome refreshOutcome() const { return m_refreshOutcome; }
    // Whether the target answered once since it was chosen, when, and why the last refresh failed.
    bool hasRefreshed() const { return m_everRefreshed; }
    QTime refreshedAt() const { return m_refreshedAt; }
    QString refreshError() const { return m_lastRefreshError; }

    // The status line: cluster_state, slots ok, known nodes, current epoch.
    QString statusLine() const;
    // The picture's text while it has no cards.
    QString placeholderText() const;
    // Core's advice for the situation, and whether it deserves the banner above the picture.
    QString advice() const;
    bool showsAdvice() const;
    // Whether the action may run now (situation, busy state, target kind, selection), and why not.
    ActionState actionState(Action action) const;

    // The empty sandbox's one-click offer; with auto deploy it is taken without asking (once).
    bool offersQuickDeploy() const;
    void setAutoDeployDefault(bool enabled) { m_autoDeployDefault = enabled; }

public Q_SLOTS:
    void refresh();
    // Asks for confirmation where the action changes things, then runs it.
    void triggerAction(rcs::ui::Action action);
    // Runs the action's job without asking.
    void runAction(rcs::ui::Action action, const rcs::ui::ActionRequest &request);
    // Runs any job; changing jobs make the studio busy until they finish.
    void runJob(rcs::Job *job, bool changesCluster = true);
    // One click on an empty sandbox: deploy the default 6 pods, then create the cluster.
    void deployDefaultCluster();
    // The answer to nodeAddressRequested: confirms adding the node at host:port.
    void addNodeAt(const QString &address);
    // The answer to upgradeRequested (the upgrade dialog's choices): shows core's plan, then runs it.
    void confirmUpgrade(const rcs::ui::ActionRequest &choices);
    // The answer to passwordRotationRequested: shows core's plan and what stops working, then runs it.
    void confirmRotatePassword(const rcs::ui::ActionRequest &choices);
    // The answer to certificateRotationRequested: a renewal runs at once (it takes no trust away);
    // dropping the old CAs is confirmed first, with core's plan.
    void rotateCertificates(const rcs::ui::ActionRequest &choices);
    // The answer to backupFileRequested: backs up into path (the file dialog asked before replacing a
    // file), then runs the action that asked for the backup first, if any. An empty path (the dialog
    // cancelled) runs nothing: an action waiting for its backup does not start either.
    void backUpTo(const QString &path);
    // Checks a backup archive (core's verifyArchive, off the GUI thread); the result goes to the log.
    void verifyBackup(const QString &path);
    // The answer to restoreFileRequested: verifies the file, then asks whether to restore it here,
    // naming the file, its keys and the target, with the choice for keys the cluster holds already.
    void confirmRestore(const QString &path);

Q_SIGNALS:
    void targetChanged(const rcs::ui::StudioTarget &target);
    // After every refresh attempt; ok is false when the target could not be read.
    void refreshed(bool ok);
    // The status line, the placeholder or the advice may read differently.
    void statusChanged();
    // An action's state may have changed (situation, selection, busy state, target).
    void actionsChanged();
    void quickDeployOfferChanged(bool offered);
    void jobStarted(rcs::Job *job);
    void jobFinished(const QString &title, bool ok);
    // A passing sentence for the status bar: a refusal, a result.
    void message(const QString &text, int timeoutMs);
    // Answer with confirmation->accept() or reject(); nothing runs until then.
    void confirmationRequested(rcs::ui::Confirmation *confirmation);
    // Plain endpoints' Add node: answer with addNodeAt(address).
    void nodeAddressRequested();
    // Upgrade / restart: answer with confirmUpgrade(the dialog's choices).
    void upgradeRequested();
    // Rotate password / certificates: answer with confirmRotatePassword / rotateCertificates.
    void passwordRotationRequested();
    void certificateRotationRequested();
    // Back up (or an action's "back up first"): answer with backUpTo(the chosen file, or empty).
    void backupFileRequested(const QString &suggestedName);
    // Restore: answer with confirmRestore(the chosen archive).
    void restoreFileRequested();
    // Actions that are dialogs of the window alone.
    void deployWizardRequested();
    void exportPictureRequested();

private:
    void refreshFinished(rcs::Job *job);
    void updateQuickDeploy();
    void warn(const QString &text, int timeoutMs);
    // The operation flows (operation_flows.cpp).
    void confirmCleanup();
    void confirmRemoveNode();
    // Plain addresses: the selected node leaves (there is no StatefulSet to shrink).
    void confirmRemoveSelectedNode();
    void confirmFailover();
    void confirmAddNode();
    // Sends the question and runs the action with the request made from its answer; when the answer
    // checked offerBackup's option, a backup runs first (backupFileRequested asks for its file).
    void ask(Confirmation *confirmation, Action action,
             const std::function<ActionRequest(const Confirmation &)> &request);
    // Runs the action plan-only and lists the plan with its equivalent commands as the question's
    // items; the question cannot be answered yes until the plan is there.
    void showPlan(Confirmation *confirmation, Action action, ActionRequest request);
    // The sentence saying where a leaving node's slots go.
    QString whereSlotsGo(const NodeCard &victim) const;
    // The backup flows (backup_flows.cpp). offerBackup adds "back up first" to a question that puts
    // data at risk, when a backup can run now.
    void offerBackup(Confirmation *confirmation, bool checked) const;
    void backUpBefore(Action action, const ActionRequest &request);
    QString suggestedBackupName() const;
    rcs::Job *backupJob(const QString &path, QString *why);
    ActionRequest selectionRequest() const;
    QStringList podNames() const;

    struct PendingAction;
    // The option of offerBackup.
    static const QString kBackupFirst;

    StudioBackend *m_backend;
    TopologyModel *m_model;
    // The action that waits for its backup's file (backUpBefore → backUpTo). A shared_ptr: its deleter
    // is made where PendingAction is complete (backup_flows.cpp), not in the destructor.
    std::shared_ptr<PendingAction> m_afterBackup;
    QTimer *m_refreshTimer;
    // Pod events between polls: the backend's watch, and a short delay that folds a burst of events
    // (a rollout, a scale) into one refresh.
    QTimer *m_podChangeDelay;
    QPointer<QObject> m_podWatch;
    QPointer<rcs::Job> m_refreshJob;
    StudioTarget m_target;
    QString m_busyWith;
    QString m_lastRefreshError;
    QTime m_refreshedAt;
    RefreshOutcome m_refreshOutcome = RefreshOutcome::None;
    int m_refreshInterval = 2000;
    bool m_everRefreshed = false;
    bool m_refreshAgain = false;
    bool m_autoDeployDefault = false;
    bool m_offersQuickDeploy = false;
};

} // namespace rcs::ui
