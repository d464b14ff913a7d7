// MainWindow's Metrics dock: kept apart from main_window_layout.cpp so that the window's other docks
// and this one change independently.
#include "main_window.h"

#include "metrics_dock.h"
#include "studio_backend.h"
#include "studio_controller.h"
#include "topology_model.h"

#include <QAction>
#include <QDockWidget>
#include <QMenu>

namespace rcs::ui {

void MainWindow::createMetricsDock()
{
    m_metricsDock = new MetricsDock(this);
    m_metricsDock->setMetrics(m_controller->backend()->metrics());
    m_metricsDockWidget = new QDockWidget(this);
    m_metricsDockWidget->setObjectName(QStringLiteral("MetricsDock"));
    m_metricsDockWidget->setWidget(m_metricsDock);
    addDockWidget(Qt::BottomDockWidgetArea, m_metricsDockWidget);
    tabifyDockWidget(m_logDock, m_metricsDockWidget);
    m_logDock->raise();
    // Closed until asked for (View → Metrics); a saved layout that had it open opens it again.
    m_metricsDockWidget->hide();
    m_docksMenu->addAction(m_metricsDockWidget->toggleViewAction());
    // Opened from the menu it comes to the front of its tab group, tall enough for two rows of charts.
    connect(m_metricsDockWidget->toggleViewAction(), &QAction::triggered, this, [this](bool open) {
        if (!open)
            return;
        m_metricsDockWidget->raise();
        if (!m_metricsDockWidget->isFloating() && m_metricsDockWidget->height() < 320)
            resizeDocks({m_metricsDockWidget}, {320}, Qt::Vertical);
    });

    TopologyModel *model = m_controller->model();
    connect(model, &TopologyModel::selectionChanged, m_metricsDock, [this, model](const QString &key) {
        const NodeCard *card = key.isEmpty() ? nullptr : model->node(key);
        m_metricsDock->setSelectedNode(card ? card->address : QString(),
                                       card ? card->displayName() : QString());
    });
    // After every refresh: the history has a new sample (a label change and a repaint when shown).
    connect(m_controller, &StudioController::refreshed, m_metricsDock, &MetricsDock::updateCharts);
}

} // namespace rcs::ui
