// The console dock (View → Console) and the node cards' context menu: console on a node, failover to a
// replica, remove a node, a pod's log. The flows behind them are the controller's; this file only
// places them.
#include "main_window.h"

#include "common/job.h"
#include "confirmation.h"
#include "console_panel.h"
#include "node_menu.h"
#include "studio_backend.h"
#include "studio_controller.h"
#include "topology_model.h"
#include "topology_view.h"

#include <QDialog>
#include <QDialogButtonBox>
#include <QDockWidget>
#include <QFontDatabase>
#include <QLineEdit>
#include <QMenu>
#include <QPlainTextEdit>
#include <QVBoxLayout>

namespace rcs::ui {

namespace {
// What a pod log dialog shows: enough to see a crash or a refused config.
constexpr int PodLogLines = 500;
} // namespace

void MainWindow::createConsoleDock()
{
    m_console = new ConsolePanel(m_controller->backend(), this);
    m_consoleDock = new QDockWidget(this);
    m_consoleDock->setObjectName(QStringLiteral("ConsoleDock"));
    m_consoleDock->setWidget(m_console);
    addDockWidget(Qt::BottomDockWidgetArea, m_consoleDock);
    if (m_logDock)
        tabifyDockWidget(m_logDock, m_consoleDock);
    m_consoleDock->hide(); // View → Console, or a node's context menu, brings it
    m_docksMenu->addAction(m_consoleDock->toggleViewAction());

    m_console->setTarget(m_controller->target());
    connect(m_controller, &StudioController::targetChanged, m_console, &ConsolePanel::setTarget);
    connect(m_controller->model(), &TopologyModel::snapshotApplied, m_console,
            [this] { m_console->setNodes(m_controller->model()->nodes()); });
    connect(m_console, &ConsolePanel::confirmationRequested, this, &MainWindow::showConfirmation);
    connect(m_view, &TopologyView::cardMenuRequested, this, &MainWindow::showNodeMenu);
}

void MainWindow::openConsole(const QString &key)
{
    m_console->setNodes(m_controller->model()->nodes());
    m_console->focusNode(key);
    m_consoleDock->show();
    m_consoleDock->raise();
    m_console->commandLine()->setFocus();
}

QMenu *MainWindow::createNodeMenu(const QString &key)
{
    const QList<NodeCard> &nodes = m_controller->model()->nodes();
    const NodeCard *card = nullptr;
    for (const NodeCard &node : nodes) {
        if (node.key() == key)
            card = &node;
    }
    if (!card)
        return nullptr;
    auto *menu = new QMenu(this);
    menu->setObjectName(QStringLiteral("nodeMenu"));
    const bool kube = m_controller->target().usesKubernetes();
    const QString pod = card->podName;
    for (const NodeMenuAction action : nodeMenuActions(*card, nodes, kube)) {
        switch (action) {
        case NodeMenuAction::Console:
            menu->addAction(tr("Console on this node"), this, [this, key] { openConsole(key); })
                ->setObjectName(QStringLiteral("nodeMenuConsole"));
            break;
        case NodeMenuAction::Failover:
            // The failover flow starts from the selection, as the toolbar's does.
            menu->addAction(tr("Fail over to this replica"), this,
                            [this, key] {
                                m_controller->model()->setSelectedKey(key);
                                triggerAction(Action::Failover);
                            })
                ->setObjectName(QStringLiteral("nodeMenuFailover"));
            break;
        case NodeMenuAction::Remove:
            menu->addAction(tr("Remove this node…"), this,
                            [this, key] {
                                m_controller->model()->setSelectedKey(key);
                                triggerAction(Action::RemoveNode);
                            })
                ->setObjectName(QStringLiteral("nodeMenuRemove"));
            break;
        case NodeMenuAction::PodLog:
            menu->addAction(tr("Show pod log"), this, [this, pod] { openPodLog(pod); })
                ->setObjectName(QStringLiteral("nodeMenuPodLog"));
            break;
        }
    }
    return menu;
}

void MainWindow::showNodeMenu(const QString &key, const QPoint &globalPos)
{
    QMenu *menu = createNodeMenu(key);
    if (!menu || menu->isEmpty()) {
        delete menu;
        return;
    }
    // popup(), not exec(): no nested event loop on the GUI thread.
    menu->setAttribute(Qt::WA_DeleteOnClose);
    menu->popup(globalPos);
}

void MainWindow::openPodLog(const QString &podName)
{
    auto *dialog = new QDialog(this);
    dialog->setObjectName(QStringLiteral("podLogDialog"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowTitle(tr("Log of %1").arg(podName));
    auto *text = new QPlainTextEdit(dialog);
    text->setReadOnly(true);
    text->setLineWrapMode(QPlainTextEdit::NoWrap);
    text->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    text->setPlainText(tr("Reading the last %1 lines…").arg(PodLogLines));
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, dialog);
    connect(buttons, &QDialogButtonBox::rejected, dialog, &QDialog::close);
    auto *layout = new QVBoxLayout(dialog);
    layout->addWidget(text, 1);
    layout->addWidget(buttons);
    dialog->resize(900, 600);

    QString why;
    rcs::Job *job = m_controller->backend()->createPodLogJob(
        m_controller->target(), podName, PodLogLines,
        [text](const QString &log) {
            text->setPlainText(log.isEmpty() ? tr("The pod has written nothing yet.") : log);
            text->moveCursor(QTextCursor::End);
        },
        &why);
    if (!job) {
        text->setPlainText(why);
    } else {
        // The dialog may close first: the reply is then dropped with it (the job is cancelled).
        connect(dialog, &QObject::destroyed, job, [job] { job->cancel(); });
        connect(job, &rcs::Job::finished, text, [text](rcs::Job *done) {
            if (done->hasError())
                text->setPlainText(tr("The pod's log could not be read: %1").arg(done->errorString()));
        });
        job->start();
    }
    dialog->show();
}

} // namespace rcs::ui
