#include "main_window.h"

#include "common/job.h"
#include "common/logger.h"
#include "confirmation_dialog.h"
#include "deploy_wizard.h"
#include "details_panel.h"
#include "job_progress_panel.h"
#include "language.h"
#include "log_panel.h"
#include "sequence_job.h"
#include "studio_backend.h"
#include "target_bar.h"
#include "theme.h"
#include "topology_adapter.h"
#include "topology_model.h"
#include "topology_view.h"

#include <QActionGroup>
#include <QApplication>
#include <QCloseEvent>
#include <QCollator>
#include <QDockWidget>
#include <QFileDialog>
#include <QInputDialog>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QPointer>
#include <QPushButton>
#include <QSettings>
#include <QStatusBar>
#include <QTimer>
#include <QToolBar>
#include <QToolButton>
#include <QVBoxLayout>

#include <memory>
#include <utility>

namespace rcs::ui {

namespace {
constexpr int kRefreshTimeoutMs = 20'000;
constexpr int kPodChangeDelayMs = 300;
const QString kCategory = QStringLiteral("ui");

QIcon actionIcon(const char *name)
{
    return QIcon(QStringLiteral(":/icons/%1.svg").arg(QLatin1String(name)));
}

} // namespace

MainWindow::MainWindow(StudioBackend *backend, QWidget *parent)
    : QMainWindow(parent)
    , m_backend(backend)
    , m_model(new TopologyModel(this))
    , m_view(new TopologyView(m_model, this))
    , m_targetBar(new TargetBar(backend, this))
    , m_logPanel(new LogPanel(this))
    , m_jobPanel(new JobProgressPanel(this))
    , m_details(new DetailsPanel(m_model, this))
    , m_situationLabel(new QLabel(this))
    , m_adviceBanner(new QLabel(this))
    , m_statusLabel(new QLabel(this))
    , m_refreshLabel(new QLabel(this))
    , m_zoomLabel(new QLabel(this))
    , m_refreshTimer(new QTimer(this))
    , m_podChangeDelay(new QTimer(this))
{
    setObjectName(QStringLiteral("MainWindow"));
    // Core's refusals and results that suggest an operation say "Click Recover." in this process.
    rcs::setNextStepPhrasing(&suggestionText);
    setWindowIcon(QIcon(QStringLiteral(":/icons/redis-cluster-studio.svg")));
    // The advice banner above the picture, where the eye goes first when something is wrong.
    auto *central = new QWidget(this);
    auto *centralLayout = new QVBoxLayout(central);
    centralLayout->setContentsMargins(0, 0, 0, 0);
    centralLayout->setSpacing(0);
    m_adviceBanner->setObjectName(QStringLiteral("advice"));
    m_adviceBanner->setWordWrap(true);
    m_adviceBanner->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_adviceBanner->setVisible(false);
    centralLayout->addWidget(m_adviceBanner);
    centralLayout->addWidget(m_view, 1);
    setCentralWidget(central);
    setDockOptions(AnimatedDocks | AllowTabbedDocks);
    createActions();
    createMenus();
    createToolBars();
    createDocks();
    createStatusBar();

    connect(m_targetBar, &TargetBar::targetChanged, this, &MainWindow::setTarget);
    connect(m_model, &TopologyModel::situationChanged, this, &MainWindow::updateActions);
    connect(m_model, &TopologyModel::summaryChanged, this, &MainWindow::updateStatusLine);
    connect(m_model, &TopologyModel::selectionChanged, this, &MainWindow::updateActions);
    connect(m_view, &TopologyView::zoomChanged, this,
            [this](qreal zoom) { m_zoomLabel->setText(tr("%1%").arg(qRound(zoom * 100))); });
    connect(m_view, &TopologyView::cardActivated, this, [this] {
        if (QDockWidget *dock = qobject_cast<QDockWidget *>(m_details->parentWidget())) {
            dock->show();
            dock->raise();
        }
    });
    connect(m_refreshTimer, &QTimer::timeout, this, &MainWindow::refresh);
    m_podChangeDelay->setSingleShot(true);
    m_podChangeDelay->setInterval(kPodChangeDelayMs);
    connect(m_podChangeDelay, &QTimer::timeout, this, &MainWindow::refresh);

    // The empty sandbox's one-click offer, under the placeholder text in the middle of the picture.
    m_quickDeploy =
        new QPushButton(QIcon(QStringLiteral(":/icons/deploy.svg")), QString(), m_view->viewport());
    m_quickDeploy->setObjectName(QStringLiteral("quickDeploy"));
    m_quickDeploy->setMinimumHeight(36);
    m_quickDeploy->setCursor(Qt::PointingHandCursor);
    m_quickDeploy->setVisible(false);
    connect(m_quickDeploy, &QPushButton::clicked, this, &MainWindow::deployDefaultCluster);
    auto *overlay = new QVBoxLayout(m_view->viewport());
    overlay->addStretch(5);
    overlay->addWidget(m_quickDeploy, 0, Qt::AlignHCenter);
    overlay->addStretch(3);
    connect(m_model, &TopologyModel::situationChanged, this, &MainWindow::updateQuickDeploy);

    readSettings();
    retranslateUi();
}

MainWindow::~MainWindow() = default;

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
        {Action::Check, "check", QKeySequence(Qt::CTRL | Qt::Key_K),
         QT_TR_NOOP("Check slots, agreement and reachability; fix open slots")},
        {Action::Cleanup, "cleanup", QKeySequence(), QT_TR_NOOP("Delete what Deploy created")},
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
    for (Action a : {Action::AddNode, Action::RemoveNode, Action::Rebalance, Action::Failover})
        m_clusterMenu->addAction(m_actions.value(a));
    m_clusterMenu->addSeparator();
    m_clusterMenu->addAction(m_actions.value(Action::Check));
    m_clusterMenu->addAction(m_actions.value(Action::Refresh));
    m_clusterMenu->addSeparator();
    m_clusterMenu->addAction(m_actions.value(Action::Cleanup));

    QMenu *view = menuBar()->addMenu(QString());
    view->addAction(m_zoomIn);
    view->addAction(m_zoomOut);
    view->addAction(m_zoomReset);
    view->addAction(m_zoomFit);
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
        rcs::Logger::instance().warning(kCategory, why);
        statusBar()->showMessage(why, 8000);
    }
}

void MainWindow::retranslateUi()
{
    for (auto it = m_actions.cbegin(); it != m_actions.cend(); ++it) {
        QString text = actionTitle(it.key());
        if (it.key() == Action::Deploy || it.key() == Action::Cleanup || it.key() == Action::ExportPicture)
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

    m_fileMenu->setTitle(tr("&File"));
    m_saveLog->setText(tr("Save log…"));
    m_quit->setText(tr("&Quit"));
    m_clusterMenu->setTitle(tr("&Cluster"));
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
    m_quickDeploy->setText(tr("Deploy and create the default cluster (6 pods)"));
    m_refreshLabel->setMinimumWidth(
        m_refreshLabel->fontMetrics().horizontalAdvance(tr("Refreshed 00:00:00")) + 12);
    if (m_everRefreshed && m_lastRefreshError.isEmpty())
        m_refreshLabel->setText(
            tr("Refreshed %1").arg(QTime::currentTime().toString(QStringLiteral("HH:mm:ss"))));
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
    for (Action a : {Action::AddNode, Action::RemoveNode, Action::Rebalance, Action::Failover})
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

void MainWindow::readSettings()
{
    QSettings settings;
    const QString theme = settings.value(QStringLiteral("ui/theme"), QStringLiteral("system")).toString();
    for (QAction *a : m_themeGroup->actions())
        a->setChecked(a->data().toString() == theme);
    restoreGeometry(settings.value(QStringLiteral("window/geometry")).toByteArray());
    restoreState(settings.value(QStringLiteral("window/state")).toByteArray());
    if (!settings.contains(QStringLiteral("window/geometry")))
        resize(1440, 900);

    StudioTarget target;
    target.kind = StudioTarget::Kind(
        settings.value(QStringLiteral("target/kind"), int(StudioTarget::Kind::Sandbox)).toInt());
    target.kubeconfig = settings.value(QStringLiteral("target/kubeconfig")).toString();
    target.context = settings.value(QStringLiteral("target/context")).toString();
    target.ns = settings.value(QStringLiteral("target/namespace"), target.ns).toString();
    target.statefulSet = settings.value(QStringLiteral("target/statefulSet"), target.statefulSet).toString();
    target.endpoints = settings.value(QStringLiteral("target/endpoints")).toString();
    m_refreshInterval = settings.value(QStringLiteral("refresh/intervalMs"), 2000).toInt();
    for (QAction *a : m_intervalGroup->actions())
        a->setChecked(a->data().toInt() == m_refreshInterval);
    m_targetBar->setTarget(target);
    m_target = target;
}

void MainWindow::writeSettings() const
{
    QSettings settings;
    settings.setValue(QStringLiteral("window/geometry"), saveGeometry());
    settings.setValue(QStringLiteral("window/state"), saveState());
    settings.setValue(QStringLiteral("target/kind"), int(m_target.kind));
    settings.setValue(QStringLiteral("target/kubeconfig"), m_target.kubeconfig);
    settings.setValue(QStringLiteral("target/context"), m_target.context);
    settings.setValue(QStringLiteral("target/namespace"), m_target.ns);
    settings.setValue(QStringLiteral("target/statefulSet"), m_target.statefulSet);
    settings.setValue(QStringLiteral("target/endpoints"), m_target.endpoints);
    settings.setValue(QStringLiteral("refresh/intervalMs"), m_refreshInterval);
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    writeSettings();
    QMainWindow::closeEvent(event);
}

void MainWindow::setTarget(const StudioTarget &target)
{
    if (target != m_targetBar->target())
        m_targetBar->setTarget(target);
    const bool changed = target != m_target;
    m_target = target;
    if (changed) {
        // The old picture says nothing about the new target.
        if (m_refreshJob)
            m_refreshJob->cancel();
        m_refreshJob = nullptr;
        m_refreshAgain = false;
        m_model->clear();
        m_everRefreshed = false;
        delete m_podWatch; // it watched the previous target's pods
        m_lastRefreshError.clear();
        rcs::Logger::instance().info(kCategory, tr("Looking at %1.").arg(target.displayName()));
        Q_EMIT targetChanged(target);
    }
    writeSettings();
    updateTitle();
    updateActions();
    updateStatusLine();
    refresh();
    setRefreshInterval(m_refreshInterval);
}

void MainWindow::setRefreshInterval(int ms)
{
    m_refreshInterval = std::max(0, ms);
    for (QAction *a : m_intervalGroup->actions())
        a->setChecked(a->data().toInt() == m_refreshInterval);
    if (m_refreshInterval > 0 && m_target.isSet())
        m_refreshTimer->start(m_refreshInterval);
    else
        m_refreshTimer->stop();
    QSettings().setValue(QStringLiteral("refresh/intervalMs"), m_refreshInterval);
}

void MainWindow::refresh()
{
    if (!m_target.isSet())
        return;
    if (m_refreshJob) {
        m_refreshAgain = true; // one at a time; the next starts when this one ends
        return;
    }
    QString why;
    const StudioTarget target = m_target;
    rcs::Job *job = m_backend->createRefreshJob(
        target,
        [this, target](const TopologySnapshot &snapshot) {
            if (target != m_target)
                return; // an answer about the previous target
            m_model->setSnapshot(snapshot);
        },
        &why);
    if (!job) {
        m_lastRefreshError = why;
        m_refreshLabel->setText(tr("Not refreshed"));
        m_refreshLabel->setToolTip(why);
        updateStatusLine();
        Q_EMIT refreshed(false);
        return;
    }
    if (job->timeout() == 0)
        job->setTimeout(kRefreshTimeoutMs);
    m_refreshJob = job;
    connect(job, &rcs::Job::finished, this, [this](rcs::Job *finished) {
        m_refreshJob = nullptr; // it deletes itself later; a new refresh may start now
        const bool ok = !finished->hasError();
        if (ok) {
            m_everRefreshed = true;
            if (!m_podWatch) // the target answered: follow its pods from now on
            {
                m_podWatch = m_backend->watchPods(m_target, [this] { m_podChangeDelay->start(); });
                if (m_podWatch)
                    m_podWatch->setParent(this);
            }
            m_refreshLabel->setText(
                tr("Refreshed %1").arg(QTime::currentTime().toString(QStringLiteral("HH:mm:ss"))));
            m_refreshLabel->setToolTip({});
            m_lastRefreshError.clear();
        } else if (finished->error().code() != rcs::ErrorCode::Cancelled) {
            const QString message = finished->errorString();
            m_refreshLabel->setText(tr("Refresh failed"));
            m_refreshLabel->setToolTip(message);
            if (message != m_lastRefreshError) // once, not every two seconds
                rcs::Logger::instance().warning(kCategory, message);
            m_lastRefreshError = message;
        }
        updateActions();
        updateStatusLine();
        updateQuickDeploy();
        Q_EMIT refreshed(ok);
        if (std::exchange(m_refreshAgain, false))
            refresh();
    });
    job->start();
}

QString MainWindow::statusLine() const
{
    const TopologySnapshot &s = m_model->summary();
    if (!m_target.isSet())
        return tr("Choose a target above.");
    if (m_model->isEmpty())
        return m_lastRefreshError.isEmpty() ? adviceText(s) : m_lastRefreshError;
    QStringList parts;
    parts << tr("cluster_state: %1").arg(s.clusterState.isEmpty() ? tr("unknown") : s.clusterState);
    if (s.slotsOk >= 0)
        parts << tr("slots ok: %1").arg(s.slotsOk);
    if (s.knownNodes >= 0)
        parts << tr("known nodes: %1").arg(s.knownNodes);
    if (s.currentEpoch >= 0)
        parts << tr("current epoch: %1").arg(s.currentEpoch);
    parts << tr("%1, %2", "masters, replicas")
                 .arg(countOf(m_model->masterCount(), tr("master", "count"), tr("masters", "count")),
                      countOf(m_model->replicaCount(), tr("replica", "count"), tr("replicas", "count")));
    return parts.join(QStringLiteral("  ·  "));
}

void MainWindow::updateStatusLine()
{
    const Situation situation = m_model->situation();
    const QColor color = Theme::situationColor(situation);
    m_situationLabel->setText(QStringLiteral("  %1  ").arg(situationTitle(situation)));
    const QString advice = adviceText(m_model->summary());
    m_situationLabel->setToolTip(advice);
    m_situationLabel->setStyleSheet(
        QStringLiteral(
            "QLabel#situation { color: white; background: %1; border-radius: 9px; font-weight: 600; "
            "padding: 1px 6px; }")
            .arg(color.name()));
    m_statusLabel->setText(statusLine());
    m_view->setPlaceholderText(!m_target.isSet() ? tr("Choose a target above to see a cluster.")
                               : !m_everRefreshed && m_lastRefreshError.isEmpty() ? tr("Reading the cluster…")
                               : !m_lastRefreshError.isEmpty()                    ? m_lastRefreshError
                                                                                  : advice);
    // The picture's placeholder says it when there are no cards; a healthy cluster needs no advice.
    const bool showAdvice = m_target.isSet() && !m_model->isEmpty() && situation != Situation::Healthy &&
                            situation != Situation::Unknown;
    m_adviceBanner->setText(advice);
    m_adviceBanner->setStyleSheet(
        QStringLiteral("QLabel#advice { background: %1; border-left: 5px solid %2; padding: 8px 12px; "
                       "font-weight: 600; }")
            .arg(QStringLiteral("rgba(%1, %2, %3, 40)").arg(color.red()).arg(color.green()).arg(color.blue()),
                 color.name()));
    m_adviceBanner->setVisible(showAdvice);
}

void MainWindow::updateQuickDeploy()
{
    const bool offer = m_target.kind == StudioTarget::Kind::Sandbox && m_everRefreshed &&
                       m_model->situation() == Situation::NotDeployed && m_busyWith.isEmpty();
    m_quickDeploy->setVisible(offer);
    if (offer && m_autoDeployDefault) {
        m_autoDeployDefault = false; // once
        deployDefaultCluster();
    }
}

void MainWindow::deployDefaultCluster()
{
    const StudioTarget target = m_target;
    DeployParameters parameters;
    parameters.ns = target.ns;
    parameters.name = target.statefulSet;
    StudioBackend *backend = m_backend;
    auto *job = new SequenceJob({[backend, target, parameters](QString *why) {
                                     return backend->createDeployJob(target, parameters, why);
                                 },
                                 [backend, target](QString *why) {
                                     return backend->createActionJob(Action::CreateCluster, target,
                                                                     ActionRequest{}, why);
                                 }});
    job->setTitle(tr("Deploy and create the default cluster"));
    m_quickDeploy->setVisible(false);
    runJob(job);
}

void MainWindow::updateTitle()
{
    setWindowTitle(m_target.isSet() ? tr("%1 — Redis Cluster Studio").arg(m_target.displayName())
                                    : tr("Redis Cluster Studio"));
}

void MainWindow::updateActions()
{
    const Situation situation = m_model->situation();
    for (auto it = m_actions.cbegin(); it != m_actions.cend(); ++it) {
        ActionState state = ActionPolicy::state(it.key(), situation, m_busyWith);
        if (const QString unsupported = m_backend->unsupportedReason(it.key(), m_target);
            !unsupported.isEmpty())
            state = {false, false, unsupported};
        if (state.enabled && it.key() == Action::Failover && !m_model->node(m_model->selectedKey())) {
            state = {false, false, tr("Select the master (or the replica) to fail over in the picture.")};
        }
        // On plain addresses there is no StatefulSet ordinal: the node to remove is the one selected.
        if (state.enabled && it.key() == Action::RemoveNode && !m_target.usesKubernetes() &&
            !m_model->node(m_model->selectedKey())) {
            state = {false, false, tr("Select the node to remove in the picture.")};
        }
        QAction *action = it.value();
        action->setEnabled(state.enabled);
        const QString what = action->data().toString();
        action->setToolTip(state.enabled
                               ? QStringLiteral("%1 — %2").arg(actionTitle(it.key()), what)
                               : QStringLiteral("%1 — %2").arg(actionTitle(it.key()), state.reason));
        if (auto *button = qobject_cast<QToolButton *>(m_mainToolBar->widgetForAction(action))) {
            const bool prominent = state.enabled && state.prominent;
            if (button->property("prominent").toBool() != prominent) {
                button->setProperty("prominent", prominent);
                const QColor accent = it.key() == Action::Recover
                                          ? Theme::stateColor(NodeCard::State::Fail)
                                          : QApplication::palette().color(QPalette::Highlight);
                button->setStyleSheet(prominent
                                          ? QStringLiteral("QToolButton { color: white; background: %1; "
                                                           "border-radius: 4px; padding: 3px 8px; "
                                                           "font-weight: 600; }"
                                                           "QToolButton:hover { background: %2; }")
                                                .arg(accent.name(), accent.darker(112).name())
                                          : QString());
            }
        }
    }
}

ActionRequest MainWindow::selectionRequest() const
{
    ActionRequest request;
    if (const NodeCard *card = m_model->node(m_model->selectedKey())) {
        request.nodeKey = card->key();
        request.podName = card->podName;
        request.address = card->address;
    }
    return request;
}

QStringList MainWindow::podNames() const
{
    QStringList names;
    for (const NodeCard &card : m_model->nodes()) {
        if (!card.podName.isEmpty())
            names.append(card.podName);
    }
    QCollator collator;
    collator.setNumericMode(true);
    std::sort(names.begin(), names.end(),
              [&](const QString &a, const QString &b) { return collator.compare(a, b) < 0; });
    return names;
}

void MainWindow::triggerAction(Action action)
{
    const ActionState state = ActionPolicy::state(action, m_model->situation(), m_busyWith);
    if (!state.enabled && action != Action::Refresh) {
        statusBar()->showMessage(state.reason, 5000);
        return;
    }
    switch (action) {
    case Action::Refresh:
        refresh();
        return;
    case Action::ExportPicture:
        exportPicture();
        return;
    case Action::Deploy:
        openDeployWizard();
        return;
    case Action::Cleanup:
        confirmCleanup();
        return;
    case Action::RemoveNode:
        confirmRemoveNode();
        return;
    case Action::Failover:
        confirmFailover();
        return;
    case Action::AddNode:
        confirmAddNode();
        return;
    case Action::CreateCluster:
    case Action::Recover:
    case Action::Rebalance:
    case Action::Check:
        runAction(action, selectionRequest());
        return;
    }
}

void MainWindow::runAction(Action action, const ActionRequest &request)
{
    QString why;
    rcs::Job *job = m_backend->createActionJob(action, m_target, request, &why);
    if (!job) {
        const QString message = why.isEmpty() ? tr("%1 is not available.").arg(actionTitle(action)) : why;
        rcs::Logger::instance().warning(kCategory, message);
        statusBar()->showMessage(message, 8000);
        return;
    }
    if (job->title().isEmpty())
        job->setTitle(actionTitle(action));
    runJob(job, ActionPolicy::changesCluster(action));
}

void MainWindow::runJob(rcs::Job *job, bool changesCluster)
{
    m_jobPanel->addJob(job);
    m_jobDock->show();
    m_jobDock->raise();
    const QString title = job->title();
    if (changesCluster) {
        m_busyWith = title;
        updateActions();
    }
    connect(job, &rcs::Job::finished, this, [this, changesCluster, title](rcs::Job *finished) {
        const bool ok = !finished->hasError();
        if (changesCluster)
            m_busyWith.clear();
        rcs::Logger &log = rcs::Logger::instance();
        if (ok)
            log.info(kCategory, tr("%1 finished.").arg(title));
        else
            log.error(kCategory, tr("%1 failed: %2").arg(title, finished->errorString()));
        statusBar()->showMessage(ok ? tr("%1 finished.").arg(title) : finished->errorString(), 10000);
        updateActions();
        Q_EMIT jobFinished(title, ok);
        refresh();
    });
    job->start();
}

void MainWindow::confirmCleanup()
{
    auto *dialog = new ConfirmationDialog(
        tr("Clean up %1?").arg(m_target.ns),
        tr("This deletes what Deploy created for %1. Data on the persistent volumes survives unless you also "
           "delete the PVCs.")
            .arg(m_target.displayName()),
        this);
    dialog->setObjectName(QStringLiteral("cleanupConfirmation"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->addOption(QStringLiteral("deletePvcs"),
                      tr("Also delete the PersistentVolumeClaims (all data is lost)"));
    dialog->addOption(QStringLiteral("deleteNamespace"), tr("Also delete the namespace %1").arg(m_target.ns));
    // The list is core's plan (what CleanupWorkflow would delete, as `cleanup` without --yes prints
    // it), found by a job: the dialog waits for it, and a newer choice replaces an answer in flight.
    auto generation = std::make_shared<int>(0);
    QPointer<ConfirmationDialog> guard = dialog;
    const auto update = [this, dialog, guard, generation] {
        ActionRequest request;
        request.deletePvcs = dialog->isOptionChecked(QStringLiteral("deletePvcs"));
        request.deleteNamespace = dialog->isOptionChecked(QStringLiteral("deleteNamespace"));
        const int asked = ++*generation;
        dialog->setItems({tr("Finding what Cleanup would delete…")});
        if (asked == 1)
            dialog->setAcceptText(tr("Delete"), true); // the count follows with the plan
        dialog->acceptButton()->setEnabled(false);
        QString why;
        rcs::Job *plan = m_backend->createCleanupPlanJob(
            m_target, request,
            [guard, generation, asked](const QStringList &items) {
                if (!guard || asked != *generation)
                    return;
                guard->setItems(items);
                guard->setAcceptText(
                    tr("Delete %1").arg(countOf(items.size(), tr("object", "count"), tr("objects", "count"))),
                    true);
                guard->acceptButton()->setEnabled(!items.isEmpty());
            },
            &why);
        if (!plan) {
            dialog->setItems({why});
            return;
        }
        connect(plan, &rcs::Job::finished, dialog, [guard, generation, asked](rcs::Job *finished) {
            if (finished->hasError() && guard && asked == *generation)
                guard->setItems({finished->errorString()});
        });
        plan->start();
    };
    update();
    connect(dialog, &ConfirmationDialog::optionToggled, dialog, update);
    connect(dialog, &QDialog::accepted, this, [this, dialog] {
        ActionRequest request;
        request.deletePvcs = dialog->isOptionChecked(QStringLiteral("deletePvcs"));
        request.deleteNamespace = dialog->isOptionChecked(QStringLiteral("deleteNamespace"));
        runAction(Action::Cleanup, request);
    });
    dialog->open();
}

void MainWindow::confirmRemoveNode()
{
    if (!m_target.usesKubernetes()) {
        confirmRemoveSelectedNode();
        return;
    }
    // A StatefulSet shrinks from the top: the highest ordinal goes.
    const QStringList pods = podNames();
    const NodeCard *victim = nullptr;
    if (!pods.isEmpty()) {
        for (const NodeCard &card : m_model->nodes()) {
            if (card.podName == pods.last())
                victim = &card;
        }
    }
    if (!victim) {
        statusBar()->showMessage(tr("No pod to remove."), 5000);
        return;
    }
    const QString where = whereSlotsGo(*victim);
    auto *dialog =
        new ConfirmationDialog(tr("Remove %1?").arg(victim->podName),
                               tr("The StatefulSet %1 shrinks by one, so pod %2 (%3) is removed. %4 Its PVC "
                                  "is kept for a later scale-up "
                                  "unless you delete it.")
                                   .arg(m_target.statefulSet, victim->podName, victim->address, where),
                               this);
    dialog->setObjectName(QStringLiteral("removeNodeConfirmation"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->addOption(QStringLiteral("deletePvcs"), tr("Also delete its PersistentVolumeClaim"));
    dialog->setAcceptText(tr("Remove %1").arg(victim->podName), true);
    ActionRequest base;
    base.nodeKey = victim->key();
    base.podName = victim->podName;
    base.address = victim->address;
    connect(dialog, &QDialog::accepted, this, [this, dialog, base] {
        ActionRequest request = base;
        request.deletePvcs = dialog->isOptionChecked(QStringLiteral("deletePvcs"));
        runAction(Action::RemoveNode, request);
    });
    dialog->open();
}

QString MainWindow::whereSlotsGo(const NodeCard &victim) const
{
    if (victim.isMaster() && victim.slotCount() > 0) {
        QStringList others;
        for (const NodeCard &card : m_model->nodes()) {
            if (card.isMaster() && card.key() != victim.key())
                others.append(card.displayName());
        }
        return tr("Its %1 move to the other masters (%2) before it leaves.")
            .arg(countOf(victim.slotCount(), tr("slot", "count"), tr("slots", "count")),
                 others.join(QStringLiteral(", ")));
    }
    if (victim.role == NodeCard::Role::Replica)
        return tr("It is a replica of %1; no slots move.").arg(victim.masterName);
    return tr("It serves no slots.");
}

void MainWindow::confirmRemoveSelectedNode()
{
    const NodeCard *victim = m_model->node(m_model->selectedKey());
    if (!victim) {
        statusBar()->showMessage(tr("Select the node to remove in the picture."), 5000);
        return;
    }
    auto *dialog = new ConfirmationDialog(
        tr("Remove %1?").arg(victim->displayName()),
        tr("%1 leaves the cluster: every other node forgets it and it is reset to a blank node. %2")
            .arg(victim->displayName(), whereSlotsGo(*victim)),
        this);
    dialog->setObjectName(QStringLiteral("removeNodeConfirmation"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setAcceptText(tr("Remove %1").arg(victim->displayName()), true);
    const ActionRequest request = selectionRequest();
    connect(dialog, &QDialog::accepted, this, [this, request] { runAction(Action::RemoveNode, request); });
    dialog->open();
}

void MainWindow::askNewNodeAddress()
{
    // Non-blocking: the dialog is opened, never exec()'d.
    auto *input = new QInputDialog(this);
    input->setObjectName(QStringLiteral("addNodeAddress"));
    input->setAttribute(Qt::WA_DeleteOnClose);
    input->setWindowTitle(tr("Add a node"));
    input->setLabelText(tr("Address of the new, empty Redis node (host:port):"));
    input->setInputMode(QInputDialog::TextInput);
    connect(input, &QInputDialog::textValueSelected, this, [this](const QString &text) {
        const QString address = text.trimmed();
        auto *dialog = new ConfirmationDialog(
            tr("Add %1?").arg(address),
            tr("%1 joins the cluster as a master and receives its share of slots, or as a replica of the "
               "master with the fewest replicas on another host.")
                .arg(address),
            this);
        dialog->setObjectName(QStringLiteral("addNodeConfirmation"));
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        dialog->addOption(QStringLiteral("replica"), tr("Add it as a replica instead of a master"));
        dialog->setAcceptText(tr("Add node"), false);
        connect(dialog, &QDialog::accepted, this, [this, dialog, address] {
            ActionRequest request;
            request.address = address;
            request.role = dialog->isOptionChecked(QStringLiteral("replica")) ? QStringLiteral("replica")
                                                                              : QStringLiteral("master");
            runAction(Action::AddNode, request);
        });
        dialog->open();
    });
    input->open();
}

void MainWindow::confirmFailover()
{
    const NodeCard *selected = m_model->node(m_model->selectedKey());
    if (!selected)
        return;
    QString text;
    ActionRequest request = selectionRequest();
    if (selected->isMaster()) {
        QStringList replicas;
        for (const NodeCard &card : m_model->nodes()) {
            if (card.masterId != selected->id || selected->id.isEmpty())
                continue;
            // A selected master fails over through its first replica: the request names that one,
            // the pod a StatefulSet workflow promotes.
            if (replicas.isEmpty()) {
                request.nodeKey = card.key();
                request.podName = card.podName;
                request.address = card.address;
            }
            replicas.append(card.displayName());
        }
        if (replicas.isEmpty()) {
            statusBar()->showMessage(tr("%1 has no replica to promote.").arg(selected->displayName()), 6000);
            return;
        }
        text = tr("A replica of %1 (%2) becomes master of its %3; %1 becomes its replica.")
                   .arg(selected->displayName(), replicas.join(QStringLiteral(", ")),
                        countOf(selected->slotCount(), tr("slot", "count"), tr("slots", "count")));
    } else {
        text = tr("%1 becomes master in place of %2, which becomes its replica.")
                   .arg(selected->displayName(), selected->masterName);
    }
    auto *dialog = new ConfirmationDialog(tr("Fail over?"), text, this);
    dialog->setObjectName(QStringLiteral("failoverConfirmation"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setAcceptText(tr("Fail over"), false);
    connect(dialog, &QDialog::accepted, this, [this, request] { runAction(Action::Failover, request); });
    dialog->open();
}

void MainWindow::confirmAddNode()
{
    if (!m_target.usesKubernetes()) {
        askNewNodeAddress();
        return;
    }
    const int next = int(podNames().size());
    auto *dialog = new ConfirmationDialog(
        tr("Add a node?"),
        tr("The StatefulSet %1 grows to %2 pods; the new pod %1-%3 joins the cluster as a master and "
           "receives "
           "its share of slots, or as a replica of the master with the fewest replicas on another Kubernetes "
           "node.")
            .arg(m_target.statefulSet)
            .arg(next + 1)
            .arg(next),
        this);
    dialog->setObjectName(QStringLiteral("addNodeConfirmation"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->addOption(QStringLiteral("replica"), tr("Add it as a replica instead of a master"));
    dialog->setAcceptText(tr("Add node"), false);
    connect(dialog, &QDialog::accepted, this, [this, dialog] {
        ActionRequest request;
        request.role = dialog->isOptionChecked(QStringLiteral("replica")) ? QStringLiteral("replica")
                                                                          : QStringLiteral("master");
        runAction(Action::AddNode, request);
    });
    dialog->open();
}

void MainWindow::openDeployWizard()
{
    auto *wizard = new DeployWizard(m_backend, m_target, this);
    wizard->setAttribute(Qt::WA_DeleteOnClose);
    connect(wizard, &DeployWizard::deployed, this, [this](const StudioTarget &target) {
        setTarget(target);
        refresh();
    });
    connect(wizard, &DeployWizard::createClusterRequested, this, [this](const StudioTarget &target) {
        setTarget(target);
        runAction(Action::CreateCluster, ActionRequest{});
    });
    wizard->open();
}

void MainWindow::exportPicture()
{
    auto *dialog = new QFileDialog(this, tr("Export picture"), QStringLiteral("redis-cluster.png"),
                                   tr("PNG image (*.png);;SVG drawing (*.svg)"));
    dialog->setAcceptMode(QFileDialog::AcceptSave);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QFileDialog::filterSelected, dialog, [dialog](const QString &filter) {
        dialog->setDefaultSuffix(filter.contains(QLatin1String("svg")) ? QStringLiteral("svg")
                                                                       : QStringLiteral("png"));
    });
    dialog->setDefaultSuffix(QStringLiteral("png"));
    connect(dialog, &QFileDialog::fileSelected, this, [this](const QString &path) {
        QString error;
        if (m_view->exportPicture(path, &error)) {
            rcs::Logger::instance().info(kCategory, tr("Saved the topology picture to %1.").arg(path));
            statusBar()->showMessage(tr("Saved %1").arg(path), 5000);
        } else {
            rcs::Logger::instance().error(kCategory, error);
            statusBar()->showMessage(error, 8000);
        }
    });
    dialog->open();
}

} // namespace rcs::ui
