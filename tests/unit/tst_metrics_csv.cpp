#include "observe/cluster_metrics.h"
#include "observe/metrics_csv.h"

#include <QTest>

using namespace rcs;
using namespace rcs::observe;

namespace {
InfoReading reading(const char *runId, qint64 atMs, qint64 commands, qint64 usedMemory)
{
    InfoReading r;
    r.atMs = atMs;
    r.runId = QLatin1String(runId);
    r.role = QStringLiteral("master");
    r.commandsProcessed = commands;
    r.usedMemory = usedMemory;
    r.maxMemory = 1 << 20;
    r.connectedClients = 3;
    r.keys = 7;
    return r;
}

// 2026-12-07T12:00:00Z
constexpr qint64 kNoon = 1796644800000;
} // namespace

class TestMetricsCsv final : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void headerNamesUnits()
    {
        const QStringList columns = metricsCsvHeader().split(QLatin1Char(','));
        QCOMPARE(columns.first(), QStringLiteral("time_utc"));
        QVERIFY(columns.contains(QStringLiteral("used_memory_bytes")));
        QVERIFY(columns.contains(QStringLiteral("ops_per_sec")));
        QVERIFY(columns.contains(QStringLiteral("replica_lag_seconds")));
        QCOMPARE(int(columns.size()), 18);
        QCOMPARE(columns.at(2), QStringLiteral("pod"));
    }

    void row_data()
    {
        QTest::addColumn<QString>("node");
        QTest::addColumn<QString>("pod");
        QTest::addColumn<bool>("hasRates");
        QTest::addColumn<bool>("replica");
        QTest::addColumn<qint64>("lagBytes");
        QTest::addColumn<QString>("expected");
        QTest::newRow("master with rates")
            << QStringLiteral("127.0.0.1:7000") << QString() << true << false << qint64(-1)
            << QStringLiteral("2026-12-07T12:00:00.250Z,127.0.0.1:7000,,master,1500.00,10.00,2.50,2048.00,"
                              "4096.00,1.00,0.00,12.50,1048576,0,4,9,,");
        QTest::newRow("first sample: rates are a gap")
            << QStringLiteral("127.0.0.1:7000") << QString() << false << false << qint64(-1)
            << QStringLiteral("2026-12-07T12:00:00.250Z,127.0.0.1:7000,,master,,,,,,,,,1048576,0,4,9,,");
        QTest::newRow("replica with lag")
            << QStringLiteral("10.0.0.2:6379") << QStringLiteral("redis-app-3") << true << true << qint64(512)
            << QStringLiteral(
                   "2026-12-07T12:00:00.250Z,10.0.0.2:6379,redis-app-3,replica,1500.00,10.00,2.50,2048.00,"
                   "4096.00,1.00,0.00,12.50,1048576,0,4,9,512,3");
        QTest::newRow("a comma in the node is quoted")
            << QStringLiteral("a,\"b\"") << QString() << false << false << qint64(-1)
            << QStringLiteral("2026-12-07T12:00:00.250Z,\"a,\"\"b\"\"\",,master,,,,,,,,,1048576,0,4,9,,");
    }
    void row()
    {
        QFETCH(QString, node);
        QFETCH(QString, pod);
        QFETCH(bool, hasRates);
        QFETCH(bool, replica);
        QFETCH(qint64, lagBytes);
        QFETCH(QString, expected);
        NodeSample s;
        s.atMs = kNoon + 250;
        s.hasRates = hasRates;
        s.opsPerSec = 1500;
        s.hitsPerSec = 10;
        s.missesPerSec = 2.5f;
        s.netInPerSec = 2048;
        s.netOutPerSec = 4096;
        s.expiredPerSec = 1;
        s.cpuPercent = 12.5f;
        s.usedMemory = 1048576;
        s.connectedClients = 4;
        s.keys = 9;
        s.isReplica = replica;
        s.lagBytes = lagBytes;
        s.lagSeconds = lagBytes < 0 ? -1 : 3;
        QCOMPARE(metricsCsvRow(node, pod, s), expected);
    }

    // Two nodes, the second restarting (a new run id, its counter back near 0): the restart's row has
    // empty rates, no value is negative, rows go by time then node.
    void historyWithRestart()
    {
        ClusterMetrics metrics(1000);
        const QList<SampledNode> nodes{
            {NodeAddress{QStringLiteral("127.0.0.1"), 7001}, {}, {}},
            {NodeAddress{QStringLiteral("127.0.0.1"), 7000}, {}, QStringLiteral("redis-app-0")}};
        const QList<QList<InfoReading>> rounds{
            {reading("a", kNoon, 100, 1000), reading("b", kNoon, 5000, 2000)},
            {reading("a", kNoon + 1000, 300, 1000), reading("b", kNoon + 1000, 6000, 2000)},
            {reading("a", kNoon + 2000, 500, 1000), reading("c", kNoon + 2000, 10, 500)},
            {reading("a", kNoon + 3000, 700, 1000), reading("c", kNoon + 3000, 110, 500)}};
        for (const QList<InfoReading> &round : rounds) {
            QList<Result<InfoReading>> results;
            for (const InfoReading &r : round)
                results.append(r);
            metrics.add(nodes, results, round.first().atMs);
        }
        const QList<QByteArray> lines = metricsCsv(metrics).split('\n');
        QCOMPARE(int(lines.size()), 1 + 8 + 1); // header, 4 rounds × 2 nodes, the last line's end
        QVERIFY(lines.last().isEmpty());
        QCOMPARE(lines.first(), metricsCsvHeader().toUtf8());
        QVERIFY(lines.at(1).startsWith("2026-12-07T12:00:00.000Z,127.0.0.1:7000,redis-app-0,master,,"));
        QVERIFY(lines.at(2).startsWith("2026-12-07T12:00:00.000Z,127.0.0.1:7001,,master,,"));
        QVERIFY(
            lines.at(3).startsWith("2026-12-07T12:00:01.000Z,127.0.0.1:7000,redis-app-0,master,1000.00,"));
        QVERIFY(lines.at(4).startsWith("2026-12-07T12:00:01.000Z,127.0.0.1:7001,,master,200.00,"));
        // The restart of 7000 (run id b → c): a gap, not (10 - 6000) / 1 s.
        QVERIFY2(lines.at(5).startsWith("2026-12-07T12:00:02.000Z,127.0.0.1:7000,redis-app-0,master,,"),
                 lines.at(5));
        QVERIFY(lines.at(7).startsWith("2026-12-07T12:00:03.000Z,127.0.0.1:7000,redis-app-0,master,100.00,"));
        for (qsizetype i = 1; i + 1 < lines.size(); ++i) {
            QCOMPARE(int(lines.at(i).count(',')), 17);
            QVERIFY2(!lines.at(i).contains(",-"), lines.at(i));
        }
    }

    void emptyMetricsIsTheHeaderOnly()
    {
        QCOMPARE(metricsCsv(ClusterMetrics()), metricsCsvHeader().toUtf8() + '\n');
    }
};

QTEST_GUILESS_MAIN(TestMetricsCsv)
#include "tst_metrics_csv.moc"
