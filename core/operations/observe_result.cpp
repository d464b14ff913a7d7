#include "observe_result.h"

#include "observe/metrics_csv.h"

#include <QDateTime>
#include <QJsonArray>
#include <QLocale>

namespace rcs::ops {

namespace {
QString bytes(qint64 value)
{
    return QLocale::c().formattedDataSize(value, 1, QLocale::DataSizeTraditionalFormat);
}
QString rate(double value)
{
    return QString::number(value, 'f', value < 10 ? 1 : 0);
}
QString clock(qint64 ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms).toString(QStringLiteral("HH:mm:ss"));
}
QString memory(qint64 used, qint64 max)
{
    return max > 0 ? QStringLiteral("%1/%2").arg(bytes(used), bytes(max)) : bytes(used);
}
void putMetrics(QJsonObject &o, const observe::NodeSample &s)
{
    o.insert(QStringLiteral("rates"), s.hasRates);
    o.insert(QStringLiteral("ops_per_sec"), s.opsPerSec);
    o.insert(QStringLiteral("hits_per_sec"), s.hitsPerSec);
    o.insert(QStringLiteral("misses_per_sec"), s.missesPerSec);
    o.insert(QStringLiteral("net_in_per_sec"), s.netInPerSec);
    o.insert(QStringLiteral("net_out_per_sec"), s.netOutPerSec);
    o.insert(QStringLiteral("expired_per_sec"), s.expiredPerSec);
    o.insert(QStringLiteral("evicted_per_sec"), s.evictedPerSec);
    o.insert(QStringLiteral("cpu_percent"), s.cpuPercent);
    o.insert(QStringLiteral("used_memory"), s.usedMemory);
    o.insert(QStringLiteral("maxmemory"), s.maxMemory);
    o.insert(QStringLiteral("clients"), s.connectedClients);
    o.insert(QStringLiteral("keys"), s.keys);
    o.insert(QStringLiteral("keyspace_hits"), s.keyspaceHits);
    o.insert(QStringLiteral("keyspace_misses"), s.keyspaceMisses);
    o.insert(QStringLiteral("lag_bytes"), s.lagBytes);
    o.insert(QStringLiteral("lag_seconds"), s.lagSeconds);
}
} // namespace

QJsonObject sampleToJson(const observe::ClusterSample &sample)
{
    QJsonArray nodes;
    for (const observe::NodeMetrics &node : sample.nodes) {
        QJsonObject o{{QStringLiteral("address"), node.node.address.toString()},
                      {QStringLiteral("id"), node.node.id},
                      {QStringLiteral("pod"), node.node.pod}};
        if (!node.read) {
            o.insert(QStringLiteral("error"), node.error);
        } else {
            o.insert(QStringLiteral("role"),
                     node.sample.isReplica ? QStringLiteral("replica") : QStringLiteral("master"));
            putMetrics(o, node.sample);
        }
        nodes.append(o);
    }
    return {{QStringLiteral("time"), sample.atMs},
            {QStringLiteral("nodes_read"), sample.readNodes},
            {QStringLiteral("nodes_unread"), sample.unreadNodes},
            {QStringLiteral("rates"), sample.hasRates},
            {QStringLiteral("ops_per_sec"), sample.opsPerSec},
            {QStringLiteral("hits_per_sec"), sample.hitsPerSec},
            {QStringLiteral("misses_per_sec"), sample.missesPerSec},
            {QStringLiteral("net_in_per_sec"), sample.netInPerSec},
            {QStringLiteral("net_out_per_sec"), sample.netOutPerSec},
            {QStringLiteral("expired_per_sec"), sample.expiredPerSec},
            {QStringLiteral("evicted_per_sec"), sample.evictedPerSec},
            {QStringLiteral("cpu_percent"), sample.cpuPercent},
            {QStringLiteral("used_memory"), sample.usedMemory},
            {QStringLiteral("maxmemory"), sample.maxMemory},
            {QStringLiteral("clients"), sample.connectedClients},
            {QStringLiteral("keys"), sample.keys},
            {QStringLiteral("max_lag_bytes"), sample.maxLagBytes},
            {QStringLiteral("nodes"), nodes}};
}

QString sampleHeader()
{
    return QStringLiteral("%1 %2 %3 %4 %5 %6 %7 %8 %9 %10 %11\n")
        .arg(QStringLiteral("time"), -8)
        .arg(QStringLiteral("nodes"), 5)
        .arg(QStringLiteral("keys"), 10)
        .arg(QStringLiteral("mem"), 18)
        .arg(QStringLiteral("clients"), 7)
        .arg(QStringLiteral("ops/s"), 9)
        .arg(QStringLiteral("hit/s"), 8)
        .arg(QStringLiteral("miss/s"), 8)
        .arg(QStringLiteral("in/s"), 10)
        .arg(QStringLiteral("out/s"), 10)
        .arg(QStringLiteral("cpu%  max-lag"), 13);
}

QString sampleToLine(const observe::ClusterSample &s)
{
    const QString nodes = s.unreadNodes > 0 ? QStringLiteral("%1!%2").arg(s.readNodes).arg(s.unreadNodes)
                                            : QString::number(s.readNodes);
    return QStringLiteral("%1 %2 %3 %4 %5 %6 %7 %8 %9 %10 %11 %12\n")
        .arg(clock(s.atMs), -8)
        .arg(nodes, 5)
        .arg(s.keys, 10)
        .arg(memory(s.usedMemory, s.maxMemory), 18)
        .arg(s.connectedClients, 7)
        .arg(rate(s.opsPerSec), 9)
        .arg(rate(s.hitsPerSec), 8)
        .arg(rate(s.missesPerSec), 8)
        .arg(bytes(qint64(s.netInPerSec)), 10)
        .arg(bytes(qint64(s.netOutPerSec)), 10)
        .arg(rate(s.cpuPercent), 5)
        .arg(s.maxLagBytes >= 0 ? bytes(s.maxLagBytes) : QStringLiteral("-"), 7);
}

QString sampleToCsv(const observe::ClusterSample &sample)
{
    QString out;
    for (const observe::NodeMetrics &node : sample.nodes) {
        if (node.read)
            out += observe::metricsCsvRow(node.node.address.toString(), node.node.pod, node.sample) +
                   QLatin1Char('\n');
    }
    return out;
}

QString sampleToTable(const observe::ClusterSample &sample)
{
    QString text = QStringLiteral("%1 %2 %3 %4 %5 %6 %7 %8\n")
                       .arg(QStringLiteral("node"), -22)
                       .arg(QStringLiteral("pod"), -14)
                       .arg(QStringLiteral("role"), -8)
                       .arg(QStringLiteral("ops/s"), 9)
                       .arg(QStringLiteral("mem"), 18)
                       .arg(QStringLiteral("clients"), 7)
                       .arg(QStringLiteral("cpu%"), 6)
                       .arg(QStringLiteral("lag"), 12);
    for (const observe::NodeMetrics &node : sample.nodes) {
        const QString pod = node.node.pod.isEmpty() ? QStringLiteral("-") : node.node.pod;
        if (!node.read) {
            text += QStringLiteral("%1 %2 %3\n")
                        .arg(node.node.address.toString(), -22)
                        .arg(pod, -14)
                        .arg(node.error);
            continue;
        }
        const observe::NodeSample &s = node.sample;
        const QString lag = s.lagBytes >= 0
                                ? QStringLiteral("%1 %2s").arg(bytes(s.lagBytes)).arg(s.lagSeconds)
                                : QStringLiteral("-");
        text += QStringLiteral("%1 %2 %3 %4 %5 %6 %7 %8\n")
                    .arg(node.node.address.toString(), -22)
                    .arg(pod, -14)
                    .arg(s.isReplica ? QStringLiteral("replica") : QStringLiteral("master"), -8)
                    .arg(rate(s.opsPerSec), 9)
                    .arg(memory(s.usedMemory, s.maxMemory), 18)
                    .arg(s.connectedClients, 7)
                    .arg(rate(s.cpuPercent), 6)
                    .arg(lag, 12);
    }
    return text;
}

QJsonObject slowLogToJson(const QList<observe::SlowLogRow> &rows,
                          const QList<std::pair<observe::SampledNode, QString>> &unread)
{
    QJsonArray entries;
    for (const observe::SlowLogRow &row : rows) {
        entries.append(QJsonObject{{QStringLiteral("time"), row.timeUnix},
                                   {QStringLiteral("node"), row.node.toString()},
                                   {QStringLiteral("pod"), row.pod},
                                   {QStringLiteral("duration_us"), row.durationUs},
                                   {QStringLiteral("command"), row.command},
                                   {QStringLiteral("latency_event"), row.isLatencyEvent}});
    }
    QJsonArray failed;
    for (const auto &[node, error] : unread)
        failed.append(
            QJsonObject{{QStringLiteral("node"), node.address.toString()}, {QStringLiteral("error"), error}});
    return {{QStringLiteral("entries"), entries}, {QStringLiteral("unread"), failed}};
}

QString slowLogToText(const QList<observe::SlowLogRow> &rows,
                      const QList<std::pair<observe::SampledNode, QString>> &unread)
{
    QString text = QStringLiteral("%1 %2 %3 %4 %5\n")
                       .arg(QStringLiteral("time"), -19)
                       .arg(QStringLiteral("node"), -22)
                       .arg(QStringLiteral("pod"), -14)
                       .arg(QStringLiteral("duration"), 12)
                       .arg(QStringLiteral("command"));
    for (const observe::SlowLogRow &row : rows) {
        text += QStringLiteral("%1 %2 %3 %4 %5\n")
                    .arg(QDateTime::fromSecsSinceEpoch(row.timeUnix)
                             .toString(QStringLiteral("yyyy-MM-dd HH:mm:ss")),
                         -19)
                    .arg(row.node.toString(), -22)
                    .arg(row.pod.isEmpty() ? QStringLiteral("-") : row.pod, -14)
                    .arg(QStringLiteral("%1 ms").arg(row.durationUs / 1000.0, 0, 'f', 1), 12)
                    .arg(row.command);
    }
    for (const auto &[node, error] : unread)
        text += QStringLiteral("%1: %2\n").arg(node.address.toString(), error);
    return text;
}

} // namespace rcs::ops
