// MainWindow's widgets that never change what the studio does: the actions, menus, toolbars, docks
// and status bar, and every text they show (again after View → Language). main_window.cpp wires them
// to the StudioController.
#include "common/logger.h"
#include "details_panel.h"
#include "job_progress_panel.h"
#include "language.h"
#include "log_panel.h"
#include "main_window.h"
#include "target_bar.h"
#include "theme.h"
#include "topology_adapter.h"
#include "topology_model.h"
#include "topology_view.h"

#include <QActionGroup>
#include <QApplication>
#include <QDockWidget>
#include <QEvent>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QPushButton>
#include <QSettings>
#include <QStatusBar>
#include <QToolBar>
#include <QToolButton>

namespace rcs::ui {

namespace {
QIcon actionIcon(const char *name)
{
    return QIcon(QStringLiteral(":/icons/%1.svg").arg(QLatin1String(name)));
}
} // namespace

void MainWindow::createActions()
{
    struct Spec {
        Action action;
        const char *icon;
        QKeySequence shortcut;
        const char *what;
    };
    const Spec specs[] = {
        {Action::Deploy, "deploy", QKeySequence(QKeySequence::New),
         QT_TR_NOOP("Deploy Redis pods into the namespace (wizard)")},
        {Action::CreateCluster, "create", QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_C),
         QT_TR_NOOP("Form the cluster: assign slots, join the nodes, attach replicas")},
        {Action::Recover, "recover", QKeySequence(Qt::CTRL | Qt::Key_R),
         QT_TR_NOOP("Reconnect every node at its current pod IP after pods restarted")},
        {Action::AddNode, "add-node", QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_N),
         QT_TR_NOOP("Scale the StatefulSet up by one and join the new node")},
        {Action::RemoveNode, "remove-node", QKeySequence(), QT_TR_NOOP("Drain and remove the highest pod")},
        {Action::Rebalance, "rebalance", QKeySequence(Qt::CTRL | Qt::Key_B),
         QT_TR_NOOP("Move slots so that every master serves about the same number")},
        {Action::Failover, "failover", QKeySequence(),
         QT_TR_NOOP("Promote a replica of the selected master")},
        {Action::Upgrade, "upgrade", QKeySequence(),
         QT_TR_NOOP("Restart the pods one at a time, masters handed over first, with a new image or "
                    "resources")},
        {Action::RotatePassword, "rotate-password", QKeySequence(),
         QT_TR_NOOP("Give a user a new password on every node and in the Secret, then remove the old one")},
        {Action::RotateCertificates, "rotate-certificates", QKeySequence(),
         QT_TR_NOOP("Renew the servers' TLS certificates and have every node load them live")},
        {Action::Check, "check", QKeySequence(Qt::CTRL | Qt::Key_K),
         QT_TR_NOOP("Check slots, agreement and reachability; fix open slots")},
        {Action::Cleanup, "cleanup", QKeySequence(), QT_TR_NOOP("Delete what Deploy created")},
        {Action::Backup, "backup", QKeySequence(),
         QT_TR_NOOP("Save every master's data and the cluster's shape into one archive file")},
        {Action::Restore, "restore", QKeySequence(),
         QT_TR_NOOP("Put a backup's keys back into this cluster, each on the master that owns its slot")},
        {Action::Refresh, "refresh", QKeySequence(QKeySequence::Refresh),
         QT_TR_NOOP("Read the cluster again now")},
        {Action::ExportPicture, "export", QKeySequence(Qt::CTRL | Qt::Key_E),
         QT_TR_NOOP("Save the topology picture as PNG or SVG")},
    };
    for (const Spec &spec : specs) {
        auto *action = new QAction(actionIcon(spec.icon), QString(), this);
        action->setShortcut(spec.shortcut);
        connect(action, &QAction::triggered, this, [this, a = spec.action] { triggerAction(a); });
        m_actions.insert(spec.action, action);
        m_actionDescriptions.insert(spec.action, spec.what);
    }

    m_zoomIn = new QAction(actionIcon("zoom-in"), QString(), this);
    m_zoomIn->setShortcut(QKeySequence::ZoomIn);
    connect(m_zoomIn, &QAction::triggered, m_view, &TopologyView::zoomIn);
    m_zoomOut = new QAction(actionIcon("zoom-out"), QString(), this);
    m_zoomOut->setShortcut(QKeySequence::ZoomOut);
    connect(m_zoomOut, &QAction::triggered, m_view, &TopologyView::zoomOut);
    m_zoomReset = new QAction(this);
    m_zoomReset->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_0));
    connect(m_zoomReset, &QAction::triggered, m_view, &TopologyView::resetZoom);
    m_zoomFit = new QAction(actionIcon("zoom-fit"), QString(), this);
    m_zoomFit->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_9));
    connect(m_zoomFit, &QAction::triggered, m_view, &TopologyView::fitToView);
}

void MainWindow::createMenus()
{
    m_fileMenu = menuBar()->addMenu(QString());
    m_fileMenu->addAction(m_actions.value(Action::ExportPicture));
    m_saveLog = m_fileMenu->addAction(QString());
    connect(m_saveLog, &QAction::triggered, m_logPanel, &LogPanel::saveWithDialog);
    m_fileMenu->addSeparator();
    m_quit = m_fileMenu->addAction(QString());
    m_quit->setShortcut(QKeySequence::Quit);
    m_quit->setMenuRole(QAction::QuitRole);
    connect(m_quit, &QAction::triggered, this, &QWidget::close);

    m_clusterMenu = menuBar()->addMenu(QString());
    for (Action a : {Action::Deploy, Action::CreateCluster, Action::Recover})
        m_clusterMenu->addAction(m_actions.value(a));
    m_clusterMenu->addSeparator();
    for (Action a :
         {Action::AddNode, Action::RemoveNode, Action::Rebalance, Action::Failover, Action::Upgrade})
        m_clusterMenu->addAction(m_actions.value(a));
    // Rotations are rare and deliberate: a submenu, not the toolbar.
    m_securityMenu = m_clusterMenu->addMenu(QString());
    m_securityMenu->setObjectName(QStringLiteral("securityMenu"));
    m_securityMenu->setToolTipsVisible(true); // a disabled rotation says why
    m_securityMenu->addAction(m_actions.value(Action::RotatePassword));
    m_securityMenu->addAction(m_actions.value(Action::RotateCertificates));
    m_clusterMenu->addSeparator();
    m_clusterMenu->addAction(m_actions.value(Action::Check));
    m_analyzeKeys = m_clusterMenu->addAction(QString());
    m_analyzeKeys->setObjectName(QStringLiteral("analyzeKeys"));
    connect(m_analyzeKeys, &QAction::triggered, this, &MainWindow::showKeysDialog);
    m_clusterMenu->addAction(m_actions.value(Action::Refresh));
    m_clusterMenu->addSeparator();
    m_clusterMenu->addAction(m_actions.value(Action::Backup));
    m_clusterMenu->addAction(m_actions.value(Action::Restore));
    m_verifyBackup = m_clusterMenu->addAction(QString());
    m_verifyBackup->setObjectName(QStringLiteral("verifyBackup"));
    connect(m_verifyBackup, &QAction::triggered, this, &MainWindow::verifyBackupWithDialog);
    m_clusterMenu->addSeparator();
    m_clusterMenu->addAction(m_actions.value(Action::Cleanup));

    QMenu *view = menuBar()->addMenu(QString());
    view->addAction(m_zoomIn);
    view->addAction(m_zoomOut);
    view->addAction(m_zoomReset);
    view->addAction(m_zoomFit);
    view->addSeparator();
    m_slotHeat = view->addAction(QString());
    m_slotHeat->setObjectName(QStringLiteral("slotHeat"));
    connect(m_slotHeat, &QAction::triggered, this, &MainWindow::showSlotHeat);
    view->addSeparator();

    m_themeMenu = view->addMenu(QString());
    m_themeGroup = new QActionGroup(this);
    for (Theme::Mode mode : {Theme::Mode::System, Theme::Mode::Light, Theme::Mode::Dark}) {
        QAction *a = m_themeMenu->addAction(QString());
        a->setCheckable(true);
        a->setData(Theme::modeName(mode));
        m_themeGroup->addAction(a);
        connect(a, &QAction::triggered, this, [mode] {
            Theme::apply(*qApp, mode);
            QSettings().setValue(QStringLiteral("ui/theme"), Theme::modeName(mode));
        });
    }

    m_intervalMenu = view->addMenu(QString());
    m_intervalGroup = new QActionGroup(this);
    for (int ms : {1000, 2000, 5000, 10000, 30000, 0}) {
        QAction *a = m_intervalMenu->addAction(QString());
        a->setCheckable(true);
        a->setData(ms);
        m_intervalGroup->addAction(a);
        connect(a, &QAction::triggered, this, [this, ms] { setRefreshInterval(ms); });
    }

    // The language applies at once: every widget retranslates itself on QEvent::LanguageChange.
    m_languageMenu = view->addMenu(QString());
    m_languageMenu->setObjectName(QStringLiteral("languageMenu"));
    m_languageGroup = new QActionGroup(this);
    for (const QString &code : QStringList{QString()} + Language::codes()) {
        // Each language by its own name, so that a reader finds theirs whatever the studio speaks now.
        QAction *a = m_languageMenu->addAction(code.isEmpty() ? QString() : Language::nativeName(code));
        a->setCheckable(true);
        a->setData(code);
        a->setChecked(code == Language::saved());
        m_languageGroup->addAction(a);
        connect(a, &QAction::triggered, this, [this, code] { chooseLanguage(code); });
    }
    view->addSeparator();
    m_docksMenu = view;
    m_viewMenu = view;

    m_helpMenu = menuBar()->addMenu(QString());
    m_about = m_helpMenu->addAction(QString());
    m_about->setMenuRole(QAction::AboutRole);
    connect(m_about, &QAction::triggered, this, [this] {
        auto *box = new QMessageBox(QMessageBox::NoIcon, tr("About Redis Cluster Studio"),
                                    tr("<h3>Redis Cluster Studio %1</h3>"
                                       "<p>Deploys Redis Cluster on Kubernetes, draws it, and runs create, "
                                       "recover, add and remove node, rebalance, failover and cleanup.</p>"
                                       "<p>Every action is also a headless command: run "
                                       "<tt>redis-cluster-studio help</tt>.</p>")
                                        .arg(QApplication::applicationVersion()),
                                    QMessageBox::Ok, this);
        box->setIconPixmap(windowIcon().pixmap(64, 64));
        box->setAttribute(Qt::WA_DeleteOnClose);
        box->open();
    });
}

void MainWindow::chooseLanguage(const QString &code)
{
    Language::save(code);
    const QString language = Language::choose(QString(), code, QLocale::system());
    QString why;
    if (!Language::install(language, &why)) {
        rcs::Logger::instance().warning(QStringLiteral("ui"), why);
        statusBar()->showMessage(why, 8000);
    }
}

void MainWindow::retranslateUi()
{
    for (auto it = m_actions.cbegin(); it != m_actions.cend(); ++it) {
        QString text = actionTitle(it.key());
        if (it.key() == Action::Deploy || it.key() == Action::Cleanup || it.key() == Action::ExportPicture ||
            it.key() == Action::Upgrade || it.key() == Action::RotatePassword ||
            it.key() == Action::RotateCertificates || it.key() == Action::Backup ||
            it.key() == Action::Restore)
            text += QStringLiteral("…");
        const QString what = tr(m_actionDescriptions.value(it.key()));
        it.value()->setText(text);
        it.value()->setStatusTip(what);
        it.value()->setData(what);
    }
    m_zoomIn->setText(tr("Zoom in"));
    m_zoomOut->setText(tr("Zoom out"));
    m_zoomReset->setText(tr("Actual size"));
    m_zoomFit->setText(tr("Fit to window"));
    m_verifyBackup->setText(tr("Verify backup…"));
    m_verifyBackup->setStatusTip(tr("Check a backup file completely: its structure, checksums and every "
                                    "slot's digest. Changes nothing."));
    m_analyzeKeys->setText(tr("Analyze keys…"));
    m_analyzeKeys->setStatusTip(
        tr("The biggest and the most used keys of the cluster (a paced, bounded scan)."));
    m_slotHeat->setText(tr("Slot heat"));
    m_slotHeat->setStatusTip(tr("Counts the keys of every slot and shows them under the slot bar."));

    m_fileMenu->setTitle(tr("&File"));
    m_saveLog->setText(tr("Save log…"));
    m_quit->setText(tr("&Quit"));
    m_clusterMenu->setTitle(tr("&Cluster"));
    m_securityMenu->setTitle(tr("&Security"));
    m_viewMenu->setTitle(tr("&View"));
    m_themeMenu->setTitle(tr("&Theme"));
    for (QAction *a : m_themeGroup->actions()) {
        const Theme::Mode mode = Theme::modeFromName(a->data().toString());
        a->setText(mode == Theme::Mode::System  ? tr("Follow the system")
                   : mode == Theme::Mode::Light ? tr("Light")
                                                : tr("Dark"));
    }
    m_intervalMenu->setTitle(tr("&Refresh every"));
    for (QAction *a : m_intervalGroup->actions()) {
        const int ms = a->data().toInt();
        a->setText(ms == 0 ? tr("Paused")
                           : countOf(ms / 1000, tr("second", "count"), tr("seconds", "count")));
    }
    m_languageMenu->setTitle(tr("&Language"));
    for (QAction *a : m_languageGroup->actions()) {
        if (a->data().toString().isEmpty())
            a->setText(tr("Follow the system"));
    }
    m_helpMenu->setTitle(tr("&Help"));
    m_about->setText(tr("&About Redis Cluster Studio"));

    m_targetToolBar->setWindowTitle(tr("Target"));
    m_mainToolBar->setWindowTitle(tr("Actions"));
    m_detailsDock->setWindowTitle(tr("Details"));
    m_jobDock->setWindowTitle(tr("Operations"));
    m_logDock->setWindowTitle(tr("Log"));
    m_metricsDockWidget->setWindowTitle(tr("Metrics"));
    m_consoleDock->setWindowTitle(tr("Console"));
    m_slowLogDock->setWindowTitle(tr("Slow log"));
    m_quickDeploy->setText(tr("Deploy and create the default cluster (6 pods)"));
    m_refreshLabel->setMinimumWidth(
        m_refreshLabel->fontMetrics().horizontalAdvance(tr("Refreshed 00:00:00")) + 12);
    updateRefreshLabel();
    m_zoomLabel->setText(tr("%1%").arg(qRound(m_view->zoom() * 100)));

    updateActions();
    updateStatusLine();
    updateTitle();
}

void MainWindow::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QMainWindow::changeEvent(event);
}

void MainWindow::createToolBars()
{
    m_targetToolBar = addToolBar(QString());
    m_targetToolBar->setObjectName(QStringLiteral("TargetToolBar"));
    m_targetToolBar->setMovable(false);
    m_targetToolBar->addWidget(m_targetBar);

    addToolBarBreak();
    m_mainToolBar = addToolBar(QString());
    m_mainToolBar->setObjectName(QStringLiteral("ActionsToolBar"));
    m_mainToolBar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_mainToolBar->setIconSize(QSize(18, 18));
    m_mainToolBar->setMovable(false);
    for (Action a : {Action::Deploy, Action::CreateCluster, Action::Recover})
        m_mainToolBar->addAction(m_actions.value(a));
    m_mainToolBar->addSeparator();
    for (Action a :
         {Action::AddNode, Action::RemoveNode, Action::Rebalance, Action::Failover, Action::Upgrade})
        m_mainToolBar->addAction(m_actions.value(a));
    m_mainToolBar->addSeparator();
    for (Action a : {Action::Check, Action::Cleanup})
        m_mainToolBar->addAction(m_actions.value(a));
    auto *spacer = new QWidget(m_mainToolBar);
    spacer->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
    m_mainToolBar->addWidget(spacer);
    m_mainToolBar->addAction(m_zoomOut);
    m_mainToolBar->addAction(m_zoomFit);
    m_mainToolBar->addAction(m_zoomIn);
    m_mainToolBar->addSeparator();
    m_mainToolBar->addAction(m_actions.value(Action::ExportPicture));
    m_mainToolBar->addAction(m_actions.value(Action::Refresh));
    for (QAction *a : {m_zoomOut, m_zoomFit, m_zoomIn, m_actions.value(Action::ExportPicture)}) {
        if (auto *button = qobject_cast<QToolButton *>(m_mainToolBar->widgetForAction(a)))
            button->setToolButtonStyle(Qt::ToolButtonIconOnly);
    }
}

void MainWindow::createDocks()
{
    auto *detailsDock = new QDockWidget(this);
    m_detailsDock = detailsDock;
    detailsDock->setObjectName(QStringLiteral("DetailsDock"));
    detailsDock->setWidget(m_details);
    detailsDock->setAllowedAreas(Qt::LeftDockWidgetArea | Qt::RightDockWidgetArea);
    addDockWidget(Qt::RightDockWidgetArea, detailsDock);

    m_jobDock = new QDockWidget(this);
    m_jobDock->setObjectName(QStringLiteral("OperationsDock"));
    m_jobDock->setWidget(m_jobPanel);
    addDockWidget(Qt::RightDockWidgetArea, m_jobDock);
    splitDockWidget(detailsDock, m_jobDock, Qt::Vertical);

    auto *logDock = new QDockWidget(this);
    m_logDock = logDock;
    logDock->setObjectName(QStringLiteral("LogDock"));
    logDock->setWidget(m_logPanel);
    addDockWidget(Qt::BottomDockWidgetArea, logDock);
    resizeDocks({detailsDock}, {320}, Qt::Horizontal);
    resizeDocks({logDock}, {190}, Qt::Vertical);

    m_docksMenu->addAction(detailsDock->toggleViewAction());
    m_docksMenu->addAction(m_jobDock->toggleViewAction());
    m_docksMenu->addAction(logDock->toggleViewAction());
    createMetricsDock();
    createConsoleDock();
    createSlowLogDock();
}

void MainWindow::createStatusBar()
{
    m_situationLabel->setObjectName(QStringLiteral("situation"));
    m_situationLabel->setMargin(2);
    m_statusLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_refreshLabel->setForegroundRole(QPalette::PlaceholderText);
    m_zoomLabel->setForegroundRole(QPalette::PlaceholderText);
    m_zoomLabel->setMinimumWidth(48);
    m_zoomLabel->setAlignment(Qt::AlignRight | Qt::AlignVCenter);
    statusBar()->addWidget(m_situationLabel);
    statusBar()->addWidget(m_statusLabel, 1);
    statusBar()->addPermanentWidget(m_refreshLabel);
    statusBar()->addPermanentWidget(m_zoomLabel);
}

} // namespace rcs::ui
