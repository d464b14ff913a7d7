// MainWindow's Slow log dock (View → Slow log): kept apart from main_window_layout.cpp, like the Metrics
// dock, so that the window's docks change independently.
#include "main_window.h"

#include "slow_log_dock.h"
#include "studio_controller.h"
#include "topology_model.h"

#include <QAction>
#include <QDockWidget>
#include <QMenu>

namespace rcs::ui {

void MainWindow::createSlowLogDock()
{
    m_slowLog = new SlowLogDock(m_controller->backend(), this);
    m_slowLogDock = new QDockWidget(this);
    m_slowLogDock->setObjectName(QStringLiteral("SlowLogDock"));
    m_slowLogDock->setWidget(m_slowLog);
    addDockWidget(Qt::BottomDockWidgetArea, m_slowLogDock);
    tabifyDockWidget(m_logDock, m_slowLogDock);
    m_logDock->raise();
    // Closed until asked for; a saved layout that had it open opens it again.
    m_slowLogDock->hide();
    m_docksMenu->addAction(m_slowLogDock->toggleViewAction());
    // Opened from the menu it comes to the front of its tab group and reads at once the first time.
    connect(m_slowLogDock->toggleViewAction(), &QAction::triggered, this, [this](bool open) {
        if (!open)
            return;
        m_slowLogDock->raise();
        if (!m_slowLogDock->isFloating() && m_slowLogDock->height() < 280)
            resizeDocks({m_slowLogDock}, {280}, Qt::Vertical);
        if (!m_slowLog->hasRead())
            m_slowLog->refresh();
    });

    m_slowLog->setTarget(m_controller->target());
    connect(m_controller, &StudioController::targetChanged, m_slowLog, &SlowLogDock::setTarget);
    TopologyModel *model = m_controller->model();
    connect(model, &TopologyModel::selectionChanged, m_slowLog, [this, model](const QString &key) {
        const NodeCard *card = key.isEmpty() ? nullptr : model->node(key);
        m_slowLog->setSelectedNode(card ? card->address : QString(), card ? card->displayName() : QString());
    });
}

} // namespace rcs::ui
