#include "metrics_chart.h"

#include "observe/node_history.h"
#include "theme.h"

#include <QDateTime>
#include <QFontMetricsF>
#include <QLocale>
#include <QPainter>
#include <QPainterPath>

#include <cmath>
#include <limits>

namespace rcs::ui {

namespace {
constexpr qreal kPad = 6;

// Counts with k/M/G, so that a busy cluster's 1234567 ops/s reads "1.2M".
QString shortCount(double value)
{
    const double a = std::abs(value);
    if (a >= 1e9)
        return QString::number(value / 1e9, 'f', 1) + QLatin1Char('G');
    if (a >= 1e6)
        return QString::number(value / 1e6, 'f', 1) + QLatin1Char('M');
    if (a >= 1e3)
        return QString::number(value / 1e3, 'f', 1) + QLatin1Char('k');
    return QString::number(value, 'f', a < 10 && value != std::floor(value) ? 1 : 0);
}

// The smallest 1, 2 or 5 × 10^n at or above value: round axis labels.
double niceCeiling(double value)
{
    if (value <= 0)
        return 1;
    const double magnitude = std::pow(10.0, std::floor(std::log10(value)));
    for (const double step : {1.0, 2.0, 5.0, 10.0}) {
        if (step * magnitude >= value)
            return step * magnitude;
    }
    return 10 * magnitude;
}
} // namespace

QString formatMetric(double value, MetricUnit unit, const QString &suffix)
{
    switch (unit) {
    case MetricUnit::Count:
        return shortCount(value);
    case MetricUnit::PerSecond:
        return shortCount(value) + QLatin1Char(' ') + (suffix.isEmpty() ? QStringLiteral("/s") : suffix);
    case MetricUnit::Bytes:
        return QLocale().formattedDataSize(qint64(value), 1);
    case MetricUnit::BytesPerSecond:
        return QLocale().formattedDataSize(qint64(value), 1) + QStringLiteral("/s");
    case MetricUnit::Percent:
        return QString::number(value, 'f', value < 10 ? 1 : 0) + QStringLiteral(" %");
    case MetricUnit::Seconds:
        return QString::number(value, 'f', 0) + QStringLiteral(" s");
    }
    return QString::number(value);
}

MetricsChart::MetricsChart(MetricUnit unit, const QString &suffix, QWidget *parent)
    : QWidget(parent)
    , m_unit(unit)
    , m_suffix(suffix)
{
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
}

void MetricsChart::setTitle(const QString &title)
{
    m_title = title;
    update();
}

void MetricsChart::addSeries(const QString &label, Value value, bool dashed)
{
    m_series.append({label, value, dashed});
    update();
}

void MetricsChart::setSeriesLabel(int series, const QString &label)
{
    m_series[series].label = label;
    update();
}

void MetricsChart::setSource(const Source &source)
{
    m_source = source;
    update();
}

QList<std::optional<double>> MetricsChart::values(int series) const
{
    QList<std::optional<double>> out;
    const rcs::observe::NodeHistory *history = m_source ? m_source() : nullptr;
    if (!history)
        return out;
    out.reserve(history->size());
    for (int i = 0; i < history->size(); ++i)
        out.append(m_series.at(series).value(history->at(i)));
    return out;
}

QSize MetricsChart::sizeHint() const
{
    return {320, 132};
}

QSize MetricsChart::minimumSizeHint() const
{
    return {200, 132};
}

QColor MetricsChart::seriesColor(int series) const
{
    if (series == 0)
        return Theme::ownerColor(0);
    if (m_series.at(series).dashed)
        return Theme::accent();
    return Theme::ownerColor(series * 3 + 1);
}

void MetricsChart::paintEvent(QPaintEvent *)
{
    QPainter p(this);
    p.setRenderHint(QPainter::Antialiasing);
    const QPalette pal = palette();
    const QColor muted = Theme::mutedText();
    p.setPen(Theme::groupBorder());
    p.setBrush(Theme::cardBackground());
    p.drawRoundedRect(QRectF(rect()).adjusted(0.5, 0.5, -0.5, -0.5), 4, 4);

    QFont titleFont = font();
    titleFont.setBold(true);
    QFont small = font();
    small.setPointSizeF(font().pointSizeF() * 0.85);
    const QFontMetricsF titleMetrics(titleFont);
    const QFontMetricsF smallMetrics(small);

    const rcs::observe::NodeHistory *history = m_source ? m_source() : nullptr;
    const int count = history ? history->size() : 0;

    // The newest value of each line, right-aligned on the title's line.
    qreal right = width() - kPad;
    p.setFont(small);
    for (int s = int(m_series.size()) - 1; s >= 0; --s) {
        const std::optional<double> v = count ? m_series.at(s).value(history->last()) : std::nullopt;
        const QString value = v ? formatMetric(*v, m_unit, m_suffix) : QStringLiteral("–");
        const QString &label = m_series.at(s).label;
        const QString text = label.isEmpty() ? value : label + QLatin1Char(' ') + value;
        const qreal w = smallMetrics.horizontalAdvance(text);
        p.setPen(seriesColor(s));
        p.drawText(QRectF(right - w, kPad, w, titleMetrics.height()), Qt::AlignRight | Qt::AlignVCenter,
                   text);
        right -= w + 10;
    }
    p.setFont(titleFont);
    p.setPen(pal.color(QPalette::WindowText));
    p.drawText(QRectF(kPad, kPad, std::max<qreal>(0, right - kPad), titleMetrics.height()),
               Qt::AlignLeft | Qt::AlignVCenter,
               titleMetrics.elidedText(m_title, Qt::ElideRight, std::max<qreal>(0, right - kPad)));

    // The scale: 0 at the bottom, a round maximum above the largest value shown.
    double top = 0;
    for (int i = 0; i < count; ++i) {
        for (const Series &series : std::as_const(m_series)) {
            if (const std::optional<double> v = series.value(history->at(i)))
                top = std::max(top, *v);
        }
    }
    if (m_unit == MetricUnit::Bytes || m_unit == MetricUnit::BytesPerSecond) {
        // Round in the unit the label shows (64 MiB → 100 MiB, not 95.4 MiB).
        double scale = 1;
        while (top >= 1024 * scale)
            scale *= 1024;
        top = niceCeiling(top / scale) * scale;
    } else {
        top = niceCeiling(top);
    }
    p.setFont(small);
    const QString topLabel = formatMetric(top, m_unit, m_suffix);
    const qreal axisWidth =
        std::max(smallMetrics.horizontalAdvance(topLabel),
                 smallMetrics.horizontalAdvance(formatMetric(top / 2, m_unit, m_suffix))) +
        4;
    const QRectF plot(kPad + axisWidth + 4, kPad + titleMetrics.height() + 6,
                      width() - 2 * kPad - axisWidth - 4,
                      height() - 2 * kPad - titleMetrics.height() - 6 - smallMetrics.height() - 4);
    if (plot.width() < 10 || plot.height() < 10)
        return;
    p.setPen(muted);
    const QRectF axisLabels(kPad, plot.top() - smallMetrics.height() / 2, axisWidth, smallMetrics.height());
    p.drawText(axisLabels, Qt::AlignRight | Qt::AlignVCenter, topLabel);
    p.drawText(axisLabels.translated(0, plot.height() / 2), Qt::AlignRight | Qt::AlignVCenter,
               formatMetric(top / 2, m_unit, m_suffix));
    p.drawText(axisLabels.translated(0, plot.height()), Qt::AlignRight | Qt::AlignVCenter,
               formatMetric(0, m_unit, m_suffix));
    QPen grid(Theme::groupBorder(), 1, Qt::DotLine);
    p.setPen(grid);
    for (const qreal y : {plot.top(), plot.center().y()})
        p.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y));
    p.setPen(QPen(Theme::groupBorder(), 1));
    p.drawLine(plot.bottomLeft(), plot.bottomRight());

    if (count == 0) {
        p.setPen(muted);
        p.drawText(plot, Qt::AlignCenter, tr("No samples yet"));
        return;
    }
    // The time axis: the oldest and newest sample's clock, and how much history that is.
    const qint64 first = history->at(0).atMs;
    const qint64 last = history->last().atMs;
    const qint64 span = std::max<qint64>(1, last - first);
    const QRectF timeRow(plot.left(), plot.bottom() + 2, plot.width(), smallMetrics.height());
    p.setPen(muted);
    const auto clock = [](qint64 ms) {
        return QDateTime::fromMSecsSinceEpoch(ms).toString(QStringLiteral("HH:mm:ss"));
    };
    p.drawText(timeRow, Qt::AlignLeft | Qt::AlignVCenter, clock(first));
    p.drawText(timeRow, Qt::AlignRight | Qt::AlignVCenter, clock(last));
    const qint64 seconds = (last - first + 500) / 1000;
    p.drawText(timeRow, Qt::AlignHCenter | Qt::AlignVCenter,
               seconds >= 90 ? tr("last %n min", nullptr, int((seconds + 30) / 60))
                             : tr("last %n s", nullptr, int(seconds)));

    p.save();
    p.setClipRect(plot.adjusted(-1, -2, 1, 1));
    for (int s = 0; s < m_series.size(); ++s) {
        // Samples that fall on one pixel column become one vertical stroke from their lowest to their
        // highest value: a full hour (1800 samples) in a 400 px chart strokes ~400 points, not 1800.
        QPainterPath path;
        bool drawing = false;
        int column = std::numeric_limits<int>::min();
        qreal lo = 0, hi = 0, lastY = 0;
        const auto flush = [&] {
            if (drawing && hi > lo) {
                path.lineTo(column, lo);
                path.lineTo(column, hi);
                path.lineTo(column, lastY);
            }
        };
        for (int i = 0; i < count; ++i) {
            const rcs::observe::NodeSample &sample = history->at(i);
            const std::optional<double> v = m_series.at(s).value(sample);
            if (!v) {
                flush();
                drawing = false; // a gap: the next value starts a new piece
                continue;
            }
            const qreal x = plot.left() + plot.width() * double(sample.atMs - first) / double(span);
            const qreal y = plot.bottom() - plot.height() * std::max(0.0, *v) / top;
            if (drawing && int(x) == column) {
                lo = std::min(lo, y);
                hi = std::max(hi, y);
                lastY = y;
                continue;
            }
            flush();
            if (drawing) {
                path.lineTo(x, y);
            } else {
                path.moveTo(x, y);
                path.lineTo(x + 0.01, y); // a lone point still shows
                drawing = true;
            }
            column = int(x);
            lo = hi = lastY = y;
        }
        flush();
        // A cosmetic one-pixel pen takes the raster engine's fast line path; a wider one is stroked
        // into polygons, which cost ten times more on a full hour of a jittery line (bench/metrics).
        QPen pen(seriesColor(s), 1);
        pen.setCosmetic(true);
        if (m_series.at(s).dashed)
            pen.setStyle(Qt::DashLine);
        p.setPen(pen);
        p.setBrush(Qt::NoBrush);
        p.drawPath(path);
    }
    p.restore();
}

} // namespace rcs::ui
