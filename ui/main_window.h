#pragma once

#include "situation.h"
#include "studio_target.h"

#include <QHash>
#include <QMainWindow>
#include <QPointer>

class QActionGroup;
class QDockWidget;
class QLabel;
class QMenu;
class QPushButton;
class QToolBar;

namespace rcs {
class Job;
}

namespace rcs::ui {

class Confirmation;
class ConsolePanel;
class DetailsPanel;
class JobProgressPanel;
class LogPanel;
class MetricsDock;
class SlowLogDock;
class StudioBackend;
class StudioController;
class TargetBar;
class TopologyModel;
class TopologyView;

// The studio: target bar on top, the topology in the centre, details and operations on the right, the
// log below. The window only builds and lays out the widgets and menus; what happens — refresh, the
// busy state, the operation flows — is the StudioController's, whose questions the window answers
// with dialogs.
class MainWindow final : public QMainWindow {
    Q_OBJECT
public:
    // The backend must outlive the window.
    explicit MainWindow(StudioBackend *backend, QWidget *parent = nullptr);
    ~MainWindow() override;

    StudioController *controller() const { return m_controller; }
    TopologyModel *topologyModel() const;
    TopologyView *topologyView() const { return m_view; }
    LogPanel *logPanel() const { return m_logPanel; }
    JobProgressPanel *jobPanel() const { return m_jobPanel; }
    DetailsPanel *detailsPanel() const { return m_details; }
    MetricsDock *metricsDock() const { return m_metricsDock; }
    TargetBar *targetBar() const { return m_targetBar; }
    QAction *action(Action action) const { return m_actions.value(action); }
    ConsolePanel *consolePanel() const { return m_console; }
    QDockWidget *consoleDock() const { return m_consoleDock; }
    SlowLogDock *slowLogPanel() const { return m_slowLog; }
    QDockWidget *slowLogDock() const { return m_slowLogDock; }
    // The context menu of the node card key (not shown; nullptr for an unknown key). Its actions are
    // named "nodeMenuConsole", "nodeMenuFailover", "nodeMenuRemove", "nodeMenuPodLog".
    QMenu *createNodeMenu(const QString &key);
    // Shows the console dock, sending to the node card key (empty: the whole cluster).
    void openConsole(const QString &key = {});

    StudioTarget target() const;
    void setTarget(const StudioTarget &target);
    // Milliseconds between topology refreshes; 0 pauses them.
    void setRefreshInterval(int ms);
    int refreshInterval() const;
    // The title of the running changing operation, empty when idle.
    QString busyWith() const;
    // The status line: cluster_state, slots ok, known nodes, current epoch.
    QString statusLine() const;
    // Deploy and create the default cluster without asking when the sandbox turns out empty
    // (--screenshot --sandbox).
    void setAutoDeployDefault(bool enabled);
    QPushButton *quickDeployButton() const { return m_quickDeploy; }

public Q_SLOTS:
    void refresh();
    // Asks for confirmation where the action changes things, then runs it.
    void triggerAction(rcs::ui::Action action);
    // Runs any job in the operations panel; changing jobs make the window busy until they finish.
    void runJob(rcs::Job *job, bool changesCluster = true);
    // Cluster → Analyze keys… (one dialog, kept) and View → Slot heat (the strip under the slot bar).
    void showKeysDialog();
    void showSlotHeat();
    void openDeployWizard();
    void exportPicture();
    // One click on an empty sandbox: deploy the default 6 pods, then create the cluster.
    void deployDefaultCluster();

Q_SIGNALS:
    // After every refresh attempt; ok is false when the target could not be read.
    void refreshed(bool ok);
    void targetChanged(const rcs::ui::StudioTarget &target);
    void jobFinished(const QString &title, bool ok);

protected:
    void closeEvent(QCloseEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    void createActions();
    void createMenus();
    void createToolBars();
    void createDocks();
    void createStatusBar();
    // View → Metrics (main_window_metrics.cpp): the charts follow the selection and every refresh.
    void createMetricsDock();
    // View → Slow log (main_window_slowlog.cpp): follows the target and the selection.
    void createSlowLogDock();
    void connectController();
    // Every text the window sets itself, again after the language changed (View → Language).
    void retranslateUi();
    // View → Language: code is "en", "zh_CN", or empty to follow the system; remembered.
    void chooseLanguage(const QString &code);
    void readSettings();
    void writeSettings() const;
    void updateActions();
    void updateStatusLine();
    void updateRefreshLabel();
    void updateTitle();
    // The controller's question as a ConfirmationDialog that answers it.
    void showConfirmation(Confirmation *confirmation);
    // Plain addresses: asks for the new node's host:port; the controller confirms it.
    void askNewNodeAddress();
    void openUpgradeDialog();
    // Back up (main_window_backup.cpp): where to write the archive, and Cluster → Verify backup….
    void askBackupFile(const QString &suggestedName);
    void verifyBackupWithDialog();
    void askRestoreFile();
    void openPasswordRotationDialog();
    void openCertificateRotationDialog();
    void showJob(rcs::Job *job);
    // View → Console and the node cards' context menu (main_window_console.cpp).
    void createConsoleDock();
    void showNodeMenu(const QString &key, const QPoint &globalPos);
    void openPodLog(const QString &podName);

    StudioController *m_controller;
    TopologyView *m_view;
    TargetBar *m_targetBar;
    LogPanel *m_logPanel;
    JobProgressPanel *m_jobPanel;
    DetailsPanel *m_details;
    QDockWidget *m_jobDock = nullptr;
    QMenu *m_docksMenu = nullptr;
    QToolBar *m_mainToolBar = nullptr;
    QHash<Action, QAction *> m_actions;
    QHash<Action, const char *> m_actionDescriptions; // untranslated, for the status tips
    QMenu *m_fileMenu = nullptr;
    QMenu *m_clusterMenu = nullptr;
    QMenu *m_securityMenu = nullptr;
    QMenu *m_viewMenu = nullptr;
    QMenu *m_themeMenu = nullptr;
    QMenu *m_intervalMenu = nullptr;
    QMenu *m_languageMenu = nullptr;
    QMenu *m_helpMenu = nullptr;
    QAction *m_saveLog = nullptr;
    QAction *m_quit = nullptr;
    QAction *m_about = nullptr;
    QActionGroup *m_languageGroup = nullptr;
    QToolBar *m_targetToolBar = nullptr;
    QDockWidget *m_detailsDock = nullptr;
    QDockWidget *m_logDock = nullptr;
    QDockWidget *m_metricsDockWidget = nullptr;
    MetricsDock *m_metricsDock = nullptr;
    ConsolePanel *m_console = nullptr;
    QDockWidget *m_consoleDock = nullptr;
    SlowLogDock *m_slowLog = nullptr;
    QDockWidget *m_slowLogDock = nullptr;
    QAction *m_zoomIn = nullptr;
    QAction *m_zoomOut = nullptr;
    QAction *m_zoomReset = nullptr;
    QAction *m_zoomFit = nullptr;
    QAction *m_analyzeKeys = nullptr;
    QAction *m_verifyBackup = nullptr;
    QAction *m_slotHeat = nullptr;
    QPointer<QDialog> m_keysDialog;
    QActionGroup *m_themeGroup = nullptr;
    QActionGroup *m_intervalGroup = nullptr;
    QLabel *m_situationLabel;
    QLabel *m_adviceBanner; // core's advice above the picture while the situation needs something done
    QLabel *m_statusLabel;
    QLabel *m_refreshLabel;
    QLabel *m_zoomLabel;
    QPushButton *m_quickDeploy = nullptr;
};

} // namespace rcs::ui
