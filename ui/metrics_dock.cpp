#include "metrics_dock.h"

#include "observe/cluster_metrics.h"
#include "observe/metrics_csv.h"

#include <QCheckBox>
#include <QEvent>
#include <QFileDialog>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QSaveFile>
#include <QScrollArea>
#include <QVBoxLayout>

namespace rcs::ui {

namespace {
using rcs::observe::NodeSample;
using Value = std::optional<double>;

// Rates exist only between two readings of the same run: elsewhere the line has a gap.
Value rated(const NodeSample &s, float value)
{
    return s.hasRates ? Value(value) : std::nullopt;
}
} // namespace

MetricsDock::MetricsDock(QWidget *parent)
    : QWidget(parent)
    , m_subject(new QLabel(this))
    , m_cluster(new QCheckBox(this))
    , m_export(new QPushButton(this))
    , m_chartsPanel(new QWidget(this))
{
    auto *header = new QHBoxLayout;
    m_subject->setTextFormat(Qt::PlainText);
    m_subject->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    header->addWidget(m_subject, 1);
    header->addWidget(m_cluster);
    header->addWidget(m_export);
    connect(m_cluster, &QCheckBox::toggled, this, [this] { updateCharts(); });
    connect(m_export, &QPushButton::clicked, this, &MetricsDock::chooseExportFile);

    auto *grid = new QGridLayout(m_chartsPanel);
    grid->setContentsMargins(0, 0, 0, 0);
    grid->setSpacing(6);
    auto *scroll = new QScrollArea(this);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setWidget(m_chartsPanel);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 6);
    layout->addLayout(header);
    layout->addWidget(scroll, 1);

    MetricsChart *chart = addChart(QStringLiteral("ops"), MetricUnit::PerSecond, QStringLiteral("ops/s"));
    chart->addSeries(QString(), [](const NodeSample &s) { return rated(s, s.opsPerSec); });
    chart = addChart(QStringLiteral("memory"), MetricUnit::Bytes);
    chart->addSeries(QString(), [](const NodeSample &s) { return Value(double(s.usedMemory)); });
    chart->addSeries(
        QString(),
        [](const NodeSample &s) { return s.maxMemory > 0 ? Value(double(s.maxMemory)) : std::nullopt; },
        true);
    chart = addChart(QStringLiteral("clients"), MetricUnit::Count);
    chart->addSeries(QString(), [](const NodeSample &s) { return Value(s.connectedClients); });
    chart = addChart(QStringLiteral("keyspace"), MetricUnit::PerSecond);
    chart->addSeries(QString(), [](const NodeSample &s) { return rated(s, s.hitsPerSec); });
    chart->addSeries(QString(), [](const NodeSample &s) { return rated(s, s.missesPerSec); });
    chart = addChart(QStringLiteral("network"), MetricUnit::BytesPerSecond);
    chart->addSeries(QString(), [](const NodeSample &s) { return rated(s, s.netInPerSec); });
    chart->addSeries(QString(), [](const NodeSample &s) { return rated(s, s.netOutPerSec); });
    chart = addChart(QStringLiteral("expiry"), MetricUnit::PerSecond);
    chart->addSeries(QString(), [](const NodeSample &s) { return rated(s, s.expiredPerSec); });
    chart->addSeries(QString(), [](const NodeSample &s) { return rated(s, s.evictedPerSec); });
    chart = addChart(QStringLiteral("cpu"), MetricUnit::Percent);
    chart->addSeries(QString(), [](const NodeSample &s) { return rated(s, s.cpuPercent); });
    chart = addChart(QStringLiteral("lagBytes"), MetricUnit::Bytes);
    chart->addSeries(QString(),
                     [](const NodeSample &s) { return s.lagBytes >= 0 ? Value(s.lagBytes) : std::nullopt; });
    chart = addChart(QStringLiteral("lagSeconds"), MetricUnit::Seconds);
    chart->addSeries(QString(), [](const NodeSample &s) {
        return s.lagSeconds >= 0 ? Value(s.lagSeconds) : std::nullopt;
    });
    for (int i = 0; i < m_charts.size(); ++i)
        grid->addWidget(m_charts.at(i), i / 2, i % 2);
    grid->setRowStretch(int(m_charts.size() + 1) / 2, 1);
    retranslateUi();
    updateCharts();
}

MetricsChart *MetricsDock::addChart(const QString &name, MetricUnit unit, const QString &suffix)
{
    auto *chart = new MetricsChart(unit, suffix, m_chartsPanel);
    chart->setObjectName(name);
    chart->setSource([this] { return shownHistory(); });
    m_charts.append(chart);
    return chart;
}

MetricsChart *MetricsDock::chart(const QString &name) const
{
    for (MetricsChart *chart : m_charts) {
        if (chart->objectName() == name)
            return chart;
    }
    return nullptr;
}

void MetricsDock::retranslateUi()
{
    m_cluster->setText(tr("Whole cluster"));
    m_cluster->setToolTip(tr("Show the sums of every node instead of the node selected in the topology"));
    m_export->setText(tr("Export CSV…"));
    m_export->setToolTip(tr("Save every node's kept samples as CSV (one row per sample per node)"));
    chart(QStringLiteral("ops"))->setTitle(tr("Commands"));
    chart(QStringLiteral("memory"))->setTitle(tr("Memory"));
    chart(QStringLiteral("memory"))->setSeriesLabel(0, tr("used"));
    chart(QStringLiteral("memory"))->setSeriesLabel(1, tr("max"));
    chart(QStringLiteral("clients"))->setTitle(tr("Connected clients"));
    chart(QStringLiteral("keyspace"))->setTitle(tr("Keyspace"));
    chart(QStringLiteral("keyspace"))->setSeriesLabel(0, tr("hits"));
    chart(QStringLiteral("keyspace"))->setSeriesLabel(1, tr("misses"));
    chart(QStringLiteral("network"))->setTitle(tr("Network"));
    chart(QStringLiteral("network"))->setSeriesLabel(0, tr("in"));
    chart(QStringLiteral("network"))->setSeriesLabel(1, tr("out"));
    chart(QStringLiteral("expiry"))->setTitle(tr("Keys removed"));
    chart(QStringLiteral("expiry"))->setSeriesLabel(0, tr("expired"));
    chart(QStringLiteral("expiry"))->setSeriesLabel(1, tr("evicted"));
    chart(QStringLiteral("cpu"))->setTitle(tr("CPU (of one core)"));
    updateCharts();
}

void MetricsDock::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWidget::changeEvent(event);
}

void MetricsDock::setMetrics(const rcs::observe::ClusterMetrics *metrics)
{
    m_metrics = metrics;
    updateCharts();
}

void MetricsDock::setSelectedNode(const QString &address, const QString &displayName)
{
    m_node = address;
    m_nodeName = displayName.isEmpty() ? address : displayName;
    updateCharts();
}

void MetricsDock::setWholeCluster(bool whole)
{
    m_cluster->setChecked(whole);
}

bool MetricsDock::wholeCluster() const
{
    return m_cluster->isChecked();
}

bool MetricsDock::showsCluster() const
{
    return m_cluster->isChecked() || m_node.isEmpty();
}

const rcs::observe::NodeHistory *MetricsDock::shownHistory() const
{
    if (!m_metrics)
        return nullptr;
    if (showsCluster())
        return &m_metrics->clusterHistory();
    const rcs::Result<rcs::NodeAddress> address = rcs::NodeAddress::parse(m_node);
    return address.ok() ? m_metrics->history(address.value()) : nullptr;
}

void MetricsDock::updateCharts()
{
    const rcs::observe::NodeHistory *history = shownHistory();
    const bool cluster = showsCluster();
    const int samples = history ? history->size() : 0;
    if (cluster)
        m_subject->setText(tr("Whole cluster (sums of every node), %n sample(s)", nullptr, samples));
    else
        m_subject->setText(tr("Node %1, %n sample(s)", nullptr, samples).arg(m_nodeName));
    // Replication lag means something for a replica, and for the cluster as its largest replica lag.
    const bool replica = history && !history->isEmpty() && history->last().isReplica;
    MetricsChart *lagBytes = chart(QStringLiteral("lagBytes"));
    MetricsChart *lagSeconds = chart(QStringLiteral("lagSeconds"));
    lagBytes->setTitle(cluster ? tr("Largest replica lag") : tr("Replica lag"));
    lagSeconds->setTitle(cluster ? tr("Longest replica silence") : tr("Replica lag (time)"));
    lagBytes->setVisible(cluster || replica);
    lagSeconds->setVisible(cluster || replica);
    m_export->setEnabled(m_metrics && !m_metrics->addresses().isEmpty());
    for (MetricsChart *chart : std::as_const(m_charts))
        chart->update();
}

bool MetricsDock::exportCsv(const QString &path, QString *error) const
{
    if (!m_metrics) {
        *error = tr("There are no metrics to export yet: refresh a cluster first.");
        return false;
    }
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(rcs::observe::metricsCsv(*m_metrics)) < 0 ||
        !file.commit()) {
        *error = tr("Could not write %1: %2. Choose another folder or free some space.")
                     .arg(path, file.errorString());
        return false;
    }
    return true;
}

void MetricsDock::chooseExportFile()
{
    auto *dialog = new QFileDialog(this, tr("Export metrics as CSV"), QString(), tr("CSV files (*.csv)"));
    dialog->setAcceptMode(QFileDialog::AcceptSave);
    dialog->setDefaultSuffix(QStringLiteral("csv"));
    dialog->selectFile(QStringLiteral("metrics.csv"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QFileDialog::fileSelected, this, [this](const QString &path) {
        QString error;
        if (!exportCsv(path, &error))
            QMessageBox::warning(this, tr("Export CSV"), error);
    });
    dialog->open();
}

} // namespace rcs::ui
