#include "main_window.h"

#include "certificate_rotation_dialog.h"
#include "common/job.h"
#include "common/logger.h"
#include "confirmation.h"
#include "confirmation_dialog.h"
#include "deploy_wizard.h"
#include "details_panel.h"
#include "job_progress_panel.h"
#include "keys_dialog.h"
#include "language.h"
#include "log_panel.h"
#include "password_rotation_dialog.h"
#include "studio_backend.h"
#include "studio_controller.h"
#include "target_bar.h"
#include "theme.h"
#include "topology_adapter.h"
#include "topology_model.h"
#include "topology_view.h"
#include "upgrade_dialog.h"

#include <QActionGroup>
#include <QApplication>
#include <QCloseEvent>
#include <QDockWidget>
#include <QFileDialog>
#include <QInputDialog>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QPushButton>
#include <QSettings>
#include <QStatusBar>
#include <QToolBar>
#include <QToolButton>
#include <QVBoxLayout>

namespace rcs::ui {

namespace {
const QString kCategory = QStringLiteral("ui");

} // namespace

MainWindow::MainWindow(StudioBackend *backend, QWidget *parent)
    : QMainWindow(parent)
    , m_controller(new StudioController(backend, this))
    , m_view(new TopologyView(m_controller->model(), this))
    , m_targetBar(new TargetBar(backend, this))
    , m_logPanel(new LogPanel(this))
    , m_jobPanel(new JobProgressPanel(this))
    , m_details(new DetailsPanel(m_controller->model(), this))
    , m_situationLabel(new QLabel(this))
    , m_adviceBanner(new QLabel(this))
    , m_statusLabel(new QLabel(this))
    , m_refreshLabel(new QLabel(this))
    , m_zoomLabel(new QLabel(this))
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
    connect(m_view, &TopologyView::zoomChanged, this,
            [this](qreal zoom) { m_zoomLabel->setText(tr("%1%").arg(qRound(zoom * 100))); });
    connect(m_view, &TopologyView::cardActivated, this, [this] {
        if (QDockWidget *dock = qobject_cast<QDockWidget *>(m_details->parentWidget())) {
            dock->show();
            dock->raise();
        }
    });

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

    connectController();
    readSettings();
    retranslateUi();
}

MainWindow::~MainWindow() = default;

void MainWindow::connectController()
{
    StudioController *c = m_controller;
    connect(c, &StudioController::actionsChanged, this, &MainWindow::updateActions);
    connect(c, &StudioController::statusChanged, this, &MainWindow::updateStatusLine);
    connect(c, &StudioController::refreshed, this, &MainWindow::updateRefreshLabel);
    connect(c, &StudioController::targetChanged, this, &MainWindow::updateTitle);
    connect(c, &StudioController::quickDeployOfferChanged, m_quickDeploy, &QWidget::setVisible);
    connect(c, &StudioController::jobStarted, this, &MainWindow::showJob);
    connect(c, &StudioController::message, statusBar(), &QStatusBar::showMessage);
    connect(c, &StudioController::confirmationRequested, this, &MainWindow::showConfirmation);
    connect(c, &StudioController::nodeAddressRequested, this, &MainWindow::askNewNodeAddress);
    connect(c, &StudioController::upgradeRequested, this, &MainWindow::openUpgradeDialog);
    connect(c, &StudioController::passwordRotationRequested, this, &MainWindow::openPasswordRotationDialog);
    connect(c, &StudioController::certificateRotationRequested, this,
            &MainWindow::openCertificateRotationDialog);
    connect(c, &StudioController::deployWizardRequested, this, &MainWindow::openDeployWizard);
    connect(c, &StudioController::exportPictureRequested, this, &MainWindow::exportPicture);
    connect(c, &StudioController::backupFileRequested, this, &MainWindow::askBackupFile);
    connect(c, &StudioController::restoreFileRequested, this, &MainWindow::askRestoreFile);
    connect(c, &StudioController::refreshed, this, &MainWindow::refreshed);
    connect(c, &StudioController::targetChanged, this, &MainWindow::targetChanged);
    connect(c, &StudioController::jobFinished, this, &MainWindow::jobFinished);
}

TopologyModel *MainWindow::topologyModel() const
{
    return m_controller->model();
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
    m_controller->readSettings();
    for (QAction *a : m_intervalGroup->actions())
        a->setChecked(a->data().toInt() == m_controller->refreshInterval());
    m_targetBar->setTarget(m_controller->target());
}

void MainWindow::writeSettings() const
{
    QSettings settings;
    settings.setValue(QStringLiteral("window/geometry"), saveGeometry());
    settings.setValue(QStringLiteral("window/state"), saveState());
    m_controller->writeSettings();
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    writeSettings();
    QMainWindow::closeEvent(event);
}

StudioTarget MainWindow::target() const
{
    return m_controller->target();
}

void MainWindow::setTarget(const StudioTarget &target)
{
    if (target != m_targetBar->target())
        m_targetBar->setTarget(target);
    m_controller->setTarget(target);
    setRefreshInterval(m_controller->refreshInterval());
    updateTitle();
}

void MainWindow::setRefreshInterval(int ms)
{
    m_controller->setRefreshInterval(ms);
    for (QAction *a : m_intervalGroup->actions())
        a->setChecked(a->data().toInt() == m_controller->refreshInterval());
}

int MainWindow::refreshInterval() const
{
    return m_controller->refreshInterval();
}

QString MainWindow::busyWith() const
{
    return m_controller->busyWith();
}

QString MainWindow::statusLine() const
{
    return m_controller->statusLine();
}

void MainWindow::setAutoDeployDefault(bool enabled)
{
    m_controller->setAutoDeployDefault(enabled);
}

void MainWindow::refresh()
{
    m_controller->refresh();
}

void MainWindow::triggerAction(Action action)
{
    m_controller->triggerAction(action);
}

void MainWindow::runJob(rcs::Job *job, bool changesCluster)
{
    m_controller->runJob(job, changesCluster);
}

void MainWindow::showKeysDialog()
{
    if (!m_keysDialog) {
        auto *dialog = new KeysDialog(m_controller, this);
        connect(dialog, &KeysDialog::slotHeatRequested, this, &MainWindow::showSlotHeat);
        m_keysDialog = dialog;
    }
    m_keysDialog->show();
    m_keysDialog->raise();
}

void MainWindow::showSlotHeat()
{
    QString why;
    rcs::Job *job = makeSlotHeatJob(
        m_controller, m_view, [this](std::vector<qint64> keys) { m_view->setSlotHeat(std::move(keys)); },
        &why);
    if (!job)
        return statusBar()->showMessage(why, 8000);
    runJob(job, false);
}

void MainWindow::deployDefaultCluster()
{
    m_controller->deployDefaultCluster();
}

void MainWindow::showJob(rcs::Job *job)
{
    m_jobPanel->addJob(job);
    m_jobDock->show();
    m_jobDock->raise();
}

void MainWindow::updateRefreshLabel()
{
    const StudioController *c = m_controller;
    switch (c->refreshOutcome()) {
    case StudioController::RefreshOutcome::None:
        return;
    case StudioController::RefreshOutcome::Refreshed:
        m_refreshLabel->setText(
            tr("Refreshed %1").arg(c->refreshedAt().toString(QStringLiteral("HH:mm:ss"))));
        m_refreshLabel->setToolTip({});
        return;
    case StudioController::RefreshOutcome::Failed:
        m_refreshLabel->setText(tr("Refresh failed"));
        break;
    case StudioController::RefreshOutcome::NotStarted:
        m_refreshLabel->setText(tr("Not refreshed"));
        break;
    }
    m_refreshLabel->setToolTip(c->refreshError());
}

void MainWindow::updateStatusLine()
{
    const Situation situation = m_controller->model()->situation();
    const QColor color = Theme::situationColor(situation);
    m_situationLabel->setText(QStringLiteral("  %1  ").arg(situationTitle(situation)));
    const QString advice = m_controller->advice();
    m_situationLabel->setToolTip(advice);
    m_situationLabel->setStyleSheet(
        QStringLiteral(
            "QLabel#situation { color: white; background: %1; border-radius: 9px; font-weight: 600; "
            "padding: 1px 6px; }")
            .arg(color.name()));
    m_statusLabel->setText(m_controller->statusLine());
    m_view->setPlaceholderText(m_controller->placeholderText());
    m_adviceBanner->setText(advice);
    m_adviceBanner->setStyleSheet(
        QStringLiteral("QLabel#advice { background: %1; border-left: 5px solid %2; padding: 8px 12px; "
                       "font-weight: 600; }")
            .arg(QStringLiteral("rgba(%1, %2, %3, 40)").arg(color.red()).arg(color.green()).arg(color.blue()),
                 color.name()));
    m_adviceBanner->setVisible(m_controller->showsAdvice());
}

void MainWindow::updateTitle()
{
    const StudioTarget target = m_controller->target();
    setWindowTitle(target.isSet() ? tr("%1 — Redis Cluster Studio").arg(target.displayName())
                                  : tr("Redis Cluster Studio"));
}

void MainWindow::updateActions()
{
    for (auto it = m_actions.cbegin(); it != m_actions.cend(); ++it) {
        const ActionState state = m_controller->actionState(it.key());
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

void MainWindow::showConfirmation(Confirmation *confirmation)
{
    auto *dialog = new ConfirmationDialog(confirmation->title(), confirmation->text(), this);
    dialog->setObjectName(confirmation->name());
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    for (const Confirmation::Option &option : confirmation->options())
        dialog->addOption(option.key, option.text, option.checked);
    if (!confirmation->items().isEmpty())
        dialog->setItems(confirmation->items());
    const auto followAccept = [dialog, confirmation] {
        if (!confirmation->acceptText().isEmpty())
            dialog->setAcceptText(confirmation->acceptText(), confirmation->isDestructive());
        dialog->acceptButton()->setEnabled(confirmation->isAcceptEnabled());
    };
    followAccept();
    connect(confirmation, &Confirmation::acceptChanged, dialog, followAccept);
    connect(confirmation, &Confirmation::itemsChanged, dialog, &ConfirmationDialog::setItems);
    connect(dialog, &ConfirmationDialog::optionToggled, confirmation, &Confirmation::setOptionChecked);
    connect(dialog, &QDialog::accepted, confirmation, &Confirmation::accept);
    // Closed any other way (Cancel, Escape, the window going) is a no.
    connect(dialog, &QDialog::rejected, confirmation, &Confirmation::reject);
    connect(dialog, &QObject::destroyed, confirmation, &Confirmation::reject);
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
    connect(input, &QInputDialog::textValueSelected, m_controller, &StudioController::addNodeAt);
    input->open();
}

void MainWindow::openUpgradeDialog()
{
    // Non-blocking as the others: opened, never exec()'d; OK goes on to the plan's confirmation.
    auto *dialog = new UpgradeDialog(this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &UpgradeDialog::chosen, m_controller, &StudioController::confirmUpgrade);
    dialog->open();
}

void MainWindow::openPasswordRotationDialog()
{
    // Opened, never exec()'d; OK goes on to the plan's confirmation. The dialog (and the typed
    // password in it) is deleted when it closes.
    auto *dialog = new PasswordRotationDialog(this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &PasswordRotationDialog::chosen, m_controller, &StudioController::confirmRotatePassword);
    dialog->open();
}

void MainWindow::openCertificateRotationDialog()
{
    auto *dialog = new CertificateRotationDialog(this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &CertificateRotationDialog::chosen, m_controller, &StudioController::rotateCertificates);
    dialog->open();
}

void MainWindow::openDeployWizard()
{
    auto *wizard = new DeployWizard(m_controller->backend(), m_controller->target(), this);
    wizard->setAttribute(Qt::WA_DeleteOnClose);
    connect(wizard, &DeployWizard::deployed, this, [this](const StudioTarget &target) {
        setTarget(target);
        refresh();
    });
    connect(wizard, &DeployWizard::createClusterRequested, this, [this](const StudioTarget &target) {
        setTarget(target);
        m_controller->runAction(Action::CreateCluster, ActionRequest{});
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
