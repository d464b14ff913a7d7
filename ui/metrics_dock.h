#pragma once

#include "metrics_chart.h"

#include <QList>
#include <QWidget>

class QCheckBox;
class QLabel;
class QPushButton;

namespace rcs::observe {
class ClusterMetrics;
class NodeHistory;
} // namespace rcs::observe

namespace rcs::ui {

// View → Metrics: charts over the kept history (ClusterMetrics, fed at every refresh from the status
// read's INFO, so the dock sends no command of its own) of the selected node, or of the whole cluster
// when the toggle is on or nothing is selected. updateCharts() after a refresh costs a few label
// changes and an update() of each chart; the charts read the history when (and only if) they paint.
class MetricsDock final : public QWidget {
    Q_OBJECT
public:
    explicit MetricsDock(QWidget *parent = nullptr);

    // The histories shown; null shows nothing. Must outlive the dock (or be reset to null first).
    void setMetrics(const rcs::observe::ClusterMetrics *metrics);
    // The selected node's cluster address ("host:port"); empty when none is selected.
    void setSelectedNode(const QString &address, const QString &displayName = QString());
    void setWholeCluster(bool whole);
    bool wholeCluster() const;
    // True when the charts show the cluster's sums (the toggle, or no node selected).
    bool showsCluster() const;

    // After a refresh: the subject line, the replica charts' visibility, and a repaint.
    void updateCharts();
    // Writes every node's kept samples as CSV (core's metricsCsv) to path; false with *error.
    bool exportCsv(const QString &path, QString *error) const;

    QList<MetricsChart *> charts() const { return m_charts; }
    MetricsChart *chart(const QString &name) const;

protected:
    void changeEvent(QEvent *event) override;

private:
    const rcs::observe::NodeHistory *shownHistory() const;
    MetricsChart *addChart(const QString &name, MetricUnit unit, const QString &suffix = QString());
    void chooseExportFile();
    void retranslateUi();

    const rcs::observe::ClusterMetrics *m_metrics = nullptr;
    QString m_node;
    QString m_nodeName;
    QLabel *m_subject;
    QCheckBox *m_cluster;
    QPushButton *m_export;
    QList<MetricsChart *> m_charts;
    QWidget *m_chartsPanel;
};

} // namespace rcs::ui
