#include "metrics_csv.h"

#include <QDateTime>
#include <QStringList>

#include <algorithm>

namespace rcs::observe {

namespace {
// A field quoted only when it has to be (a comma, a quote or a line end in it).
QString field(const QString &text)
{
    if (!text.contains(QLatin1Char(',')) && !text.contains(QLatin1Char('"')) &&
        !text.contains(QLatin1Char('\n')) && !text.contains(QLatin1Char('\r')))
        return text;
    QString quoted = text;
    quoted.replace(QLatin1String("\""), QLatin1String("\"\""));
    return QLatin1Char('"') + quoted + QLatin1Char('"');
}

QString rate(bool has, float value)
{
    return has ? QString::number(double(value), 'f', 2) : QString();
}

QString known(qint64 value)
{
    return value < 0 ? QString() : QString::number(value);
}
} // namespace

QString metricsCsvHeader()
{
    return QStringLiteral("time_utc,node,pod,role,ops_per_sec,keyspace_hits_per_sec,keyspace_misses_per_sec,"
                          "net_in_bytes_per_sec,net_out_bytes_per_sec,expired_keys_per_sec,"
                          "evicted_keys_per_sec,cpu_percent,used_memory_bytes,maxmemory_bytes,"
                          "connected_clients,keys,replica_lag_bytes,replica_lag_seconds");
}

QString metricsCsvRow(const QString &node, const QString &pod, const NodeSample &s)
{
    const QString time = QDateTime::fromMSecsSinceEpoch(s.atMs, Qt::UTC).toString(Qt::ISODateWithMs);
    const QStringList fields{time,
                             field(node),
                             field(pod),
                             s.isReplica ? QStringLiteral("replica") : QStringLiteral("master"),
                             rate(s.hasRates, s.opsPerSec),
                             rate(s.hasRates, s.hitsPerSec),
                             rate(s.hasRates, s.missesPerSec),
                             rate(s.hasRates, s.netInPerSec),
                             rate(s.hasRates, s.netOutPerSec),
                             rate(s.hasRates, s.expiredPerSec),
                             rate(s.hasRates, s.evictedPerSec),
                             rate(s.hasRates, s.cpuPercent),
                             QString::number(s.usedMemory),
                             QString::number(s.maxMemory),
                             QString::number(s.connectedClients),
                             QString::number(s.keys),
                             known(s.lagBytes),
                             known(s.lagSeconds)};
    return fields.join(QLatin1Char(','));
}

QByteArray metricsCsv(const ClusterMetrics &metrics)
{
    struct Row {
        qint64 atMs;
        QString node;
        QString pod;
        const NodeSample *sample;
    };
    QList<Row> rows;
    for (const NodeAddress &address : metrics.addresses()) {
        const NodeHistory *history = metrics.history(address);
        const QString node = address.toString();
        const QString pod = metrics.podOf(address);
        for (int i = 0; i < history->size(); ++i)
            rows.append({history->at(i).atMs, node, pod, &history->at(i)});
    }
    // Stable, so that one node's samples stay in their order even with equal times.
    std::stable_sort(rows.begin(), rows.end(), [](const Row &a, const Row &b) {
        return a.atMs != b.atMs ? a.atMs < b.atMs : a.node < b.node;
    });
    QByteArray out = metricsCsvHeader().toUtf8() + '\n';
    for (const Row &row : std::as_const(rows))
        out += metricsCsvRow(row.node, row.pod, *row.sample).toUtf8() + '\n';
    return out;
}

} // namespace rcs::observe
