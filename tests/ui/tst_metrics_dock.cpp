#include "observe/cluster_metrics.h"
#include "studio_fixtures.h"
#include "ui/main_window.h"
#include "ui/metrics_chart.h"
#include "ui/metrics_dock.h"
#include "ui/theme.h"
#include "ui/topology_model.h"

#include <QApplication>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QMenu>
#include <QMenuBar>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>

using namespace rcs;
using namespace rcs::observe;
using namespace rcs::ui;

namespace {
const NodeAddress kMasterA{QStringLiteral("127.0.0.1"), 7000};
const NodeAddress kMasterB{QStringLiteral("127.0.0.1"), 7001};
const NodeAddress kReplica{QStringLiteral("127.0.0.1"), 7002}; // of kMasterA
constexpr int kRounds = 120;
constexpr int kRestartRound = 70; // the replica restarts here: new run id, counters from 0

// A busy minute or two of three nodes, one sample a second, the replica restarting once.
ClusterMetrics busyHistory()
{
    ClusterMetrics metrics(1000);
    const QList<SampledNode> nodes{{kMasterA, {}, {}}, {kMasterB, {}, {}}, {kReplica, {}, {}}};
    const qint64 start = QDateTime::currentMSecsSinceEpoch() - kRounds * 1000;
    qint64 commands[3] = {0, 0, 0};
    qint64 net[3] = {0, 0, 0};
    double cpu[3] = {0, 0, 0};
    qint64 offset = 0;
    for (int round = 0; round < kRounds; ++round) {
        const qint64 at = start + round * 1000;
        QList<Result<InfoReading>> readings;
        for (int n = 0; n < 3; ++n) {
            if (n == 2 && round == kRestartRound) {
                commands[n] = 0;
                net[n] = 0;
                cpu[n] = 0;
            }
            const double wave = 1 + 0.5 * std::sin(round / 9.0 + n);
            commands[n] += qint64((n == 1 ? 900 : 1800) * wave);
            net[n] += qint64(60000 * wave);
            cpu[n] += 0.05 * wave;
            InfoReading r;
            r.atMs = at;
            r.runId =
                n == 2 && round >= kRestartRound ? QStringLiteral("run-2b") : QStringLiteral("run-%1").arg(n);
            r.role = n == 2 ? QStringLiteral("slave") : QStringLiteral("master");
            r.commandsProcessed = commands[n];
            r.keyspaceHits = commands[n] / 2;
            r.keyspaceMisses = commands[n] / 9;
            r.netInputBytes = net[n];
            r.netOutputBytes = net[n] * 3;
            r.expiredKeys = commands[n] / 40;
            r.cpuSeconds = cpu[n];
            r.usedMemory = (20 << 20) + qint64(round) * 150000 + n * (3 << 20);
            r.maxMemory = 64 << 20;
            r.connectedClients = 10 + (round / 10) % 5 + n;
            r.keys = 20000 + round * 50;
            if (n == 0) {
                offset += 200000;
                r.replOffset = offset;
                r.replicas = {
                    {QStringLiteral("127.0.0.1"), 7002, offset - 4096 * (1 + round % 7), round % 3}};
            } else if (n == 2) {
                r.replOffset = offset - 4096 * (1 + round % 7);
                r.masterHost = QStringLiteral("127.0.0.1");
                r.masterPort = 7000;
                r.masterLinkUp = true;
                r.masterLastIoSeconds = 0;
            }
            readings.append(r);
        }
        metrics.add(nodes, readings, at);
    }
    return metrics;
}

void verifyNoNegative(const MetricsChart *chart)
{
    for (int s = 0; s < chart->seriesCount(); ++s) {
        for (const std::optional<double> &v : chart->values(s))
            QVERIFY2(!v || *v >= 0, qPrintable(chart->objectName()));
    }
}
} // namespace

class TestMetricsDock final : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void init() { test::isolateStudioSettings(); }

    void everySeriesOfEveryChartIsNeverNegative_data()
    {
        QTest::addColumn<QString>("node");
        QTest::addColumn<bool>("cluster");
        QTest::newRow("master") << kMasterA.toString() << false;
        QTest::newRow("restarted replica") << kReplica.toString() << false;
        QTest::newRow("whole cluster") << kMasterA.toString() << true;
    }
    void everySeriesOfEveryChartIsNeverNegative()
    {
        QFETCH(QString, node);
        QFETCH(bool, cluster);
        const ClusterMetrics metrics = busyHistory();
        MetricsDock dock;
        dock.setMetrics(&metrics);
        dock.setSelectedNode(node);
        dock.setWholeCluster(cluster);
        QCOMPARE(int(dock.charts().size()), 9);
        for (const MetricsChart *chart : dock.charts()) {
            QCOMPARE(int(chart->values(0).size()), kRounds);
            verifyNoNegative(chart);
        }
    }

    // The restart is a gap in the rates (and so is the first sample), not a dive below zero; the gauges
    // go on.
    void restartIsAGap()
    {
        const ClusterMetrics metrics = busyHistory();
        MetricsDock dock;
        dock.setMetrics(&metrics);
        dock.setSelectedNode(kReplica.toString());
        const QList<std::optional<double>> ops = dock.chart(QStringLiteral("ops"))->values(0);
        QVERIFY(!ops.first().has_value());
        QVERIFY(!ops.at(kRestartRound).has_value());
        QVERIFY(ops.at(kRestartRound - 1).has_value());
        QVERIFY(ops.at(kRestartRound + 1).has_value());
        QVERIFY(*ops.at(kRestartRound + 1) > 0);
        const QList<std::optional<double>> memory = dock.chart(QStringLiteral("memory"))->values(0);
        QVERIFY(memory.at(kRestartRound).has_value());
        const QList<std::optional<double>> lag = dock.chart(QStringLiteral("lagBytes"))->values(0);
        QVERIFY(lag.last().has_value());
        QVERIFY(*lag.last() > 0);
    }

    void selectionAndToggleChangeTheChart()
    {
        const ClusterMetrics metrics = busyHistory();
        MetricsDock dock;
        dock.setMetrics(&metrics);
        MetricsChart *ops = dock.chart(QStringLiteral("ops"));
        QVERIFY(dock.showsCluster()); // nothing selected yet: the cluster
        const QList<std::optional<double>> cluster = ops->values(0);

        dock.setSelectedNode(kMasterA.toString());
        QVERIFY(!dock.showsCluster());
        const QList<std::optional<double>> a = ops->values(0);
        QVERIFY(a != cluster);
        dock.setSelectedNode(kMasterB.toString());
        const QList<std::optional<double>> b = ops->values(0);
        QVERIFY(b != a);
        QVERIFY(*b.last() < *a.last()); // B does half of A's commands

        dock.setWholeCluster(true);
        QVERIFY(dock.showsCluster());
        QCOMPARE(ops->values(0), cluster);
        // The cluster's line is the sum of the nodes' where every node had a rate.
        double sum = 0;
        for (const NodeAddress &address : {kMasterA, kMasterB, kReplica})
            sum += metrics.history(address)->last().opsPerSec;
        QVERIFY(qAbs(*cluster.last() - sum) < 1);
        dock.setWholeCluster(false);
        QCOMPARE(ops->values(0), b);
    }

    void replicaChartsFollowTheRole()
    {
        const ClusterMetrics metrics = busyHistory();
        MetricsDock dock;
        dock.setMetrics(&metrics);
        dock.resize(900, 700);
        dock.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dock));
        dock.setSelectedNode(kMasterA.toString());
        QVERIFY(!dock.chart(QStringLiteral("lagBytes"))->isVisible());
        dock.setSelectedNode(kReplica.toString());
        QVERIFY(dock.chart(QStringLiteral("lagBytes"))->isVisible());
        QVERIFY(dock.chart(QStringLiteral("lagSeconds"))->isVisible());
    }

    // In the window: View → Metrics opens the dock, and the picture's selection picks its node.
    void theWindowsDockFollowsTheSelection()
    {
        const ClusterMetrics metrics = busyHistory();
        test::FixtureBackend backend;
        backend.metricsHistory = &metrics;
        backend.snapshot = test::makeSnapshot(2, 1, 2);
        QCOMPARE(int(backend.snapshot.nodes.size()), 4);
        const QList<NodeAddress> addresses{kMasterA, kMasterB, kReplica,
                                           NodeAddress{QStringLiteral("127.0.0.1"), 7003}};
        for (int i = 0; i < 4; ++i)
            backend.snapshot.nodes[i].address = addresses.at(i).toString();
        MainWindow window(&backend);
        window.resize(1400, 900);
        window.show();
        QSignalSpy refreshed(&window, &MainWindow::refreshed);
        StudioTarget target;
        target.kind = StudioTarget::Kind::Sandbox;
        window.setTarget(target);
        QVERIFY(refreshed.wait(10000));

        MetricsDock *dock = window.metricsDock();
        QVERIFY(dock);
        QVERIFY(!dock->isVisible()); // closed until asked for
        QAction *open = nullptr;
        for (QAction *menu : window.menuBar()->actions()) {
            for (QAction *a : menu->menu() ? menu->menu()->actions() : QList<QAction *>()) {
                if (a->text() == QLatin1String("Metrics"))
                    open = a;
            }
        }
        QVERIFY2(open, "no Metrics entry in the menus");
        open->trigger();
        QVERIFY(QTest::qWaitFor([dock] { return dock->isVisible(); }, 5000));
        QVERIFY(!dock->visibleRegion().isEmpty()); // in front of the Log it shares a tab group with
        QVERIFY(dock->showsCluster());

        const NodeCard &card = backend.snapshot.nodes.at(1);
        window.topologyModel()->setSelectedKey(card.key());
        QVERIFY(!dock->showsCluster());
        QCOMPARE(dock->chart(QStringLiteral("ops"))->values(0).last(),
                 std::optional<double>(metrics.history(kMasterB)->last().opsPerSec));
        QVERIFY(test::settled(window.topologyView()));
        test::saveShot(&window, QStringLiteral("metrics-window"));
        window.topologyModel()->setSelectedKey(QString());
        QVERIFY(dock->showsCluster());
    }

    void exportWritesTheCsv()
    {
        const ClusterMetrics metrics = busyHistory();
        MetricsDock dock;
        dock.setMetrics(&metrics);
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString path = dir.filePath(QStringLiteral("metrics.csv"));
        QString error;
        QVERIFY2(dock.exportCsv(path, &error), qPrintable(error));
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QList<QByteArray> lines = file.readAll().split('\n');
        QCOMPARE(int(lines.size()), 1 + 3 * kRounds + 1);
        QVERIFY(lines.first().startsWith("time_utc,node,pod,"));
        QVERIFY(!dock.exportCsv(dir.filePath(QStringLiteral("no/such/folder/m.csv")), &error));
        QVERIFY(error.contains(QStringLiteral("no/such/folder")));
    }

    void unitsRead_data()
    {
        QTest::addColumn<double>("value");
        QTest::addColumn<int>("unit");
        QTest::addColumn<QString>("expected");
        QTest::newRow("ops") << 1500.0 << int(MetricUnit::PerSecond) << QStringLiteral("1.5k ops/s");
        QTest::newRow("few ops") << 7.26 << int(MetricUnit::PerSecond) << QStringLiteral("7.3 ops/s");
        QTest::newRow("memory") << double(3 << 20) << int(MetricUnit::Bytes) << QStringLiteral("3.0 MiB");
        QTest::newRow("network") << 2048.0 << int(MetricUnit::BytesPerSecond) << QStringLiteral("2.0 KiB/s");
        QTest::newRow("cpu") << 12.7 << int(MetricUnit::Percent) << QStringLiteral("13 %");
        QTest::newRow("lag") << 3.0 << int(MetricUnit::Seconds) << QStringLiteral("3 s");
        QTest::newRow("clients") << 12.0 << int(MetricUnit::Count) << QStringLiteral("12");
    }
    void unitsRead()
    {
        QFETCH(double, value);
        QFETCH(int, unit);
        QFETCH(QString, expected);
        QCOMPARE(formatMetric(value, MetricUnit(unit), QStringLiteral("ops/s")), expected);
    }

    // A picture for the README (RCS_UI_SHOTS=docs/screenshots), light, and dark for a person to check.
    void screenshot()
    {
        const ClusterMetrics metrics = busyHistory();
        for (const Theme::Mode mode : {Theme::Mode::Dark, Theme::Mode::Light}) {
            Theme::apply(*qApp, mode);
            MetricsDock dock;
            dock.setMetrics(&metrics);
            dock.setSelectedNode(kReplica.toString(), QStringLiteral("redis-cluster-2 (127.0.0.1:7002)"));
            dock.resize(960, 760);
            dock.show();
            QVERIFY(QTest::qWaitForWindowExposed(&dock));
            QVERIFY(test::settled());
            const QImage picture = dock.grab().toImage();
            QVERIFY(!picture.isNull());
            test::saveShot(&dock, mode == Theme::Mode::Dark ? QStringLiteral("metrics-dark")
                                                            : QStringLiteral("metrics"));
        }
    }
};

QTEST_MAIN(TestMetricsDock)
#include "tst_metrics_dock.moc"
