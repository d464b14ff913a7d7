#pragma once

#include <QList>
#include <QWidget>

#include <functional>
#include <optional>

namespace rcs::observe {
class NodeHistory;
struct NodeSample;
} // namespace rcs::observe

namespace rcs::ui {

// How a chart's values read: the axis labels and the current value are formatted with it.
enum class MetricUnit {
    Count,          // 12, 1.5k
    PerSecond,      // 1.5k ops/s (the chart's suffix names what is counted)
    Bytes,          // 1.5 MiB
    BytesPerSecond, // 1.5 KiB/s
    Percent,        // 12.5 %
    Seconds,        // 3 s
};

// "1.5k ops/s", "12.0 MiB", "3 s": value in unit, suffix after per-second counts ("ops/s").
QString formatMetric(double value, MetricUnit unit, const QString &suffix = QString());

// One metric over a node's (or the cluster's) kept history, painted with QPainter: up to three lines,
// the time along the bottom, the scale on the left, the newest value of each line top right. The history
// is read at paint time from the source (no copy kept), so a refresh costs an update() and painting
// costs one pass over the samples shown. A sample for which a line has no value (no rates: the first
// sample, after a restart) breaks that line: a gap, never a drop to 0 or below.
class MetricsChart final : public QWidget {
    Q_OBJECT
public:
    using Value = std::optional<double> (*)(const rcs::observe::NodeSample &sample);
    using Source = std::function<const rcs::observe::NodeHistory *()>;

    MetricsChart(MetricUnit unit, const QString &suffix = QString(), QWidget *parent = nullptr);

    void setTitle(const QString &title);
    QString title() const { return m_title; }
    // Adds a line; dashed lines are limits (maxmemory) drawn thinner.
    void addSeries(const QString &label, Value value, bool dashed = false);
    void setSeriesLabel(int series, const QString &label);
    int seriesCount() const { return int(m_series.size()); }
    void setSource(const Source &source);

    // The values of a line over the source's history, oldest first (nullopt: a gap). For tests and the
    // screenshot's checks; painting does not build this list.
    QList<std::optional<double>> values(int series) const;

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    struct Series {
        QString label;
        Value value;
        bool dashed;
    };
    QColor seriesColor(int series) const;

    MetricUnit m_unit;
    QString m_suffix;
    QString m_title;
    QList<Series> m_series;
    Source m_source;
};

} // namespace rcs::ui
