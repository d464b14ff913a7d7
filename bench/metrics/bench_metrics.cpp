// What monitoring adds to a studio refresh (issue 17, item 7). Two parts:
//
// 1. GUI-thread time at 200 nodes (100 masters + 100 replicas, synthetic INFO with ~150 fields each, the
//    history already full: 1800 samples per node, one hour at the 2 s refresh). Per refresh, timed apart:
//    - the adapter (snapshotFromTopology), the same with or without monitoring;
//    - addMetrics: the INFO of the status read into the ring buffers + the cluster's sums + each card's
//      sparkline (ui/topology_adapter);
//    - the model + view update (setSnapshot, posted events, a repaint of the 1400×900 window) with
//      snapshots without sparklines and with them (every card's sparkline moves, so every card changes);
//    - the Metrics dock: updateCharts() while it is closed, and updateCharts() + painting it (960×760,
//      one node's nine charts over its 1800 samples) while it is open.
//    The merge (ClusterTopology::fromViews) is the status read's own and is left out (bench/topology).
// 2. Commands per node per refresh, counted by the servers: 6 real nodes (tests/support, a 3 + 3 cluster),
//    INFO commandstats of every node before and after N refreshes, for the studio's refresh
//    (CoreBackend::createRefreshJob: status + addMetrics) and for the status operation alone, on one set
//    of kept connections each. Equal counts mean the metrics send nothing of their own.
// Not a test: nothing is asserted. Run with QT_QPA_PLATFORM=offscreen (set here when unset).
//
//   rcs_bench_metrics [--runs 30] [--masters 100] [--refreshes 20]

#include "observe/cluster_metrics.h"
#include "operations/connections.h"
#include "operations/operation_catalogue.h"
#include "operations/operation_job.h"
#include "redis/cluster_info_parser.h"
#include "redis/cluster_nodes_parser.h"
#include "redis/cluster_topology.h"
#include "redis/create_cluster_job.h"
#include "redis/redis_pool.h"
#include "support/bench_support.h"
#include "support/redis_test_nodes.h"
#include "ui/core_backend.h"
#include "ui/metrics_dock.h"
#include "ui/topology_adapter.h"
#include "ui/topology_model.h"
#include "ui/topology_view.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QPixmap>

#include <cstdio>
#include <functional>
#include <memory>

using namespace rcs;

namespace {

QString ip(int i)
{
    return QStringLiteral("10.244.%1.%2").arg(i / 250).arg(i % 250 + 1);
}

QString nodeId(int i)
{
    return QStringLiteral("%1").arg(i + 1, 40, 16, QLatin1Char('0'));
}

// Every node's view of the cluster (CLUSTER NODES parsed once: the bench times what comes after the
// merge) and its INFO fields, whose counters each round moves on.
struct Fixture {
    int masters = 100;
    int total() const { return masters * 2; }
    QList<NodeView> views;
    qint64 round = 0;

    // One node's CLUSTER NODES: every node, viewer flagged myself.
    QByteArray clusterNodes(int viewer) const
    {
        QByteArray text;
        for (int i = 0; i < total(); ++i) {
            const bool master = i < masters;
            text += nodeId(i).toLatin1() + ' ' + ip(i).toLatin1() + ":6379@16379 " +
                    QByteArray(i == viewer ? "myself," : "") +
                    (master ? QByteArray("master - ") : "slave " + nodeId(i - masters).toLatin1() + ' ') +
                    "0 1700000000000 " + QByteArray::number(master ? i + 1 : i - masters + 1) + " connected";
            if (master)
                text += ' ' + QByteArray::number(16384 * i / masters) + '-' +
                        QByteArray::number(16384 * (i + 1) / masters - 1);
            text += '\n';
        }
        return text;
    }

    void build()
    {
        for (int i = 0; i < total(); ++i) {
            NodeView view;
            view.address = NodeAddress{ip(i), 6379};
            view.reachable = true;
            view.nodes = parseClusterNodes(clusterNodes(i)).value();
            ClusterInfo info;
            info.state = QStringLiteral("ok");
            info.slotsAssigned = 16384;
            info.slotsOk = 16384;
            info.knownNodes = total();
            info.size = masters;
            view.info = info;
            for (int f = 0; f < 120; ++f) // the rest of a real INFO reply, read by nobody here
                view.serverInfo.insert(QStringLiteral("filler_field_%1").arg(f), QStringLiteral("12345"));
            views.append(view);
        }
        advance();
    }

    // One refresh later: counters up, a new time.
    void advance()
    {
        ++round;
        for (int i = 0; i < total(); ++i) {
            QMap<QString, QString> &f = views[i].serverInfo;
            const bool master = i < masters;
            // Rates that move (each round's step differs), so that the sparklines do.
            const qint64 c = round * (1000 + i) + (round % 7) * 100;
            f.insert(QStringLiteral("redis_version"), QStringLiteral("7.0.15"));
            f.insert(QStringLiteral("run_id"), QStringLiteral("run%1").arg(i));
            f.insert(QStringLiteral("role"), master ? QStringLiteral("master") : QStringLiteral("slave"));
            f.insert(QStringLiteral("uptime_in_seconds"), QString::number(round * 2));
            f.insert(QStringLiteral("total_commands_processed"), QString::number(c));
            f.insert(QStringLiteral("keyspace_hits"), QString::number(c / 2));
            f.insert(QStringLiteral("keyspace_misses"), QString::number(c / 10));
            f.insert(QStringLiteral("total_net_input_bytes"), QString::number(c * 40));
            f.insert(QStringLiteral("total_net_output_bytes"), QString::number(c * 90));
            f.insert(QStringLiteral("expired_keys"), QString::number(c / 50));
            f.insert(QStringLiteral("evicted_keys"), QStringLiteral("0"));
            f.insert(QStringLiteral("used_cpu_sys"), QString::number(round * 0.01, 'f', 6));
            f.insert(QStringLiteral("used_cpu_user"), QString::number(round * 0.02, 'f', 6));
            // Memory and keys stay put: a card changes only when its sparkline does, which is what is
            // measured.
            f.insert(QStringLiteral("used_memory"), QString::number(2 * 1024 * 1024 + i * 1000));
            f.insert(QStringLiteral("maxmemory"), QString::number(256 * 1024 * 1024));
            f.insert(QStringLiteral("connected_clients"), QString::number(5 + round % 3));
            f.insert(QStringLiteral("db0"), QStringLiteral("keys=%1,expires=0,avg_ttl=0").arg(1000 + i));
            const qint64 offset = round * 100000;
            f.insert(master ? QStringLiteral("master_repl_offset") : QStringLiteral("slave_repl_offset"),
                     QString::number(master ? offset : offset - 500));
            if (master) {
                f.insert(QStringLiteral("slave0"),
                         QStringLiteral("ip=%1,port=6379,state=online,offset=%2,lag=0")
                             .arg(ip(i + masters))
                             .arg(offset - 500));
            } else {
                f.insert(QStringLiteral("master_host"), ip(i - masters));
                f.insert(QStringLiteral("master_port"), QStringLiteral("6379"));
                f.insert(QStringLiteral("master_link_status"), QStringLiteral("up"));
                f.insert(QStringLiteral("master_last_io_seconds_ago"), QStringLiteral("1"));
            }
        }
    }
};

struct Row {
    QString step;
    QList<qint64> ns;
    QString note;
};

void printRows(const QList<Row> &rows)
{
    std::printf("| step | median (ms) | min (ms) | max (ms) | note |\n|---|---|---|---|---|\n");
    for (const Row &row : rows) {
        QList<qint64> sorted = row.ns;
        std::sort(sorted.begin(), sorted.end());
        std::printf("| %s | %.2f | %.2f | %.2f | %s |\n", qPrintable(row.step), bench::median(row.ns) / 1e6,
                    sorted.first() / 1e6, sorted.last() / 1e6, qPrintable(row.note));
    }
}

void guiThreadCost(int masters, int runs)
{
    Fixture fixture;
    fixture.masters = masters;
    fixture.build();
    const qint64 periodMs = 2000;
    qint64 now =
        QDateTime::currentMSecsSinceEpoch() - qint64(observe::NodeHistory::capacityFor(2000) + 1) * periodMs;
    // A full hour of history first (what an open studio has after an hour).
    observe::ClusterMetrics metrics{int(periodMs)};
    // (The readings straight from the views' INFO, as addTopology reads them, without a merge per round.)
    QList<observe::SampledNode> sampled;
    for (const NodeView &view : std::as_const(fixture.views))
        sampled.append({view.address, {}, {}});
    for (int i = 0; i < observe::NodeHistory::capacityFor(2000); ++i) {
        fixture.advance();
        now += periodMs;
        QList<Result<observe::InfoReading>> readings;
        for (const NodeView &view : std::as_const(fixture.views))
            readings.append(observe::readingFromFields(view.serverInfo, now));
        metrics.add(sampled, readings, now);
    }
    ui::TopologyModel plainModel, sparkModel;
    ui::TopologyView plainView(&plainModel), sparkView(&sparkModel);
    for (ui::TopologyView *view : {&plainView, &sparkView}) {
        view->resize(1400, 900);
        view->show();
    }
    ui::MetricsDock dock;
    dock.setMetrics(&metrics);
    dock.setSelectedNode(fixture.views.at(masters).address.toString()); // a replica: all nine charts
    dock.resize(960, 760);
    ui::MetricsDock emptyDock; // no history: what the frame, the texts and the axes cost alone
    emptyDock.resize(960, 760);
    QApplication::processEvents();

    Row adapter{QStringLiteral("adapter: snapshotFromTopology (with or without monitoring)"), {}, {}};
    Row feed{QStringLiteral("addMetrics: INFO into the ring buffers, cluster sums, 200 sparklines"), {}, {}};
    Row plain{QStringLiteral("model + view update and repaint, cards without sparklines"), {}, {}};
    Row spark{QStringLiteral("model + view update and repaint, cards with sparklines"), {}, {}};
    Row closed{QStringLiteral("Metrics dock closed: updateCharts()"), {}, {}};
    Row open{QStringLiteral("Metrics dock open: updateCharts() + paint (960×760, 9 charts × 1800 samples)"),
             {},
             {}};
    Row frame{QStringLiteral("the same dock without history (frames, titles, axes only)"), {}, {}};
    int changedPlain = 0, changedSpark = 0;
    QObject::connect(&plainModel, &ui::TopologyModel::nodeChanged, [&] { ++changedPlain; });
    QObject::connect(&sparkModel, &ui::TopologyModel::nodeChanged, [&] { ++changedSpark; });
    for (int run = 0; run < runs + 2; ++run) { // two warm-up rounds, not kept
        fixture.advance();
        const ClusterTopology topology = ClusterTopology::fromViews(fixture.views, {});
        now += periodMs;
        if (run == 2)
            changedPlain = changedSpark = 0;
        // One step: posted events of the step before handled first (not timed), then step timed.
        const auto timed = [keep = run >= 2](Row &row, const std::function<void()> &step) {
            QApplication::processEvents();
            QElapsedTimer clock;
            clock.start();
            step();
            if (keep)
                row.ns.append(clock.nsecsElapsed());
        };
        ui::TopologySnapshot snapshot;
        timed(adapter, [&] { snapshot = ui::snapshotFromTopology(topology); });
        const ui::TopologySnapshot withoutSparklines = snapshot;
        timed(plain, [&] {
            plainModel.setSnapshot(withoutSparklines);
            QApplication::processEvents();
            (void)plainView.grab();
        });
        timed(feed, [&] { ui::addMetrics(snapshot, metrics, topology, now); });
        timed(spark, [&] {
            sparkModel.setSnapshot(snapshot);
            QApplication::processEvents();
            (void)sparkView.grab();
        });
        dock.hide();
        timed(closed, [&] { dock.updateCharts(); });
        dock.show();
        timed(open, [&] {
            dock.updateCharts();
            (void)dock.grab();
        });
        emptyDock.show();
        timed(frame, [&] {
            emptyDock.updateCharts();
            (void)emptyDock.grab();
        });
        emptyDock.hide();
    }
    plain.note = QStringLiteral("cards changed per refresh: %1").arg(double(changedPlain) / runs);
    spark.note = QStringLiteral("cards changed per refresh: %1").arg(double(changedSpark) / runs);
    std::printf("GUI-thread time per refresh, %d nodes (%d masters + %d replicas), history full (%d samples "
                "per node), %d refreshes:\n\n",
                fixture.total(), masters, masters, observe::NodeHistory::capacityFor(2000), runs);
    printRows({adapter, plain, feed, spark, closed, open, frame});
    const double without = bench::median(adapter.ns) + bench::median(plain.ns);
    const double with = bench::median(adapter.ns) + bench::median(feed.ns) + bench::median(spark.ns);
    std::printf("\nSum of medians: without monitoring %.2f ms; with metrics and sparklines %.2f ms; "
                "dock open adds %.2f ms.\n\n",
                without / 1e6, with / 1e6, bench::median(open.ns) / 1e6);
}

// INFO commandstats of a node: command name → calls.
QMap<QString, qint64> commandCalls(RedisPool &pool, const NodeAddress &address)
{
    QMap<QString, qint64> calls;
    bool done = false;
    pool.command(address, {"INFO", "commandstats"}, &pool, [&](Result<RedisReply> reply) {
        done = true;
        if (!reply.ok())
            return;
        const QMap<QString, QString> fields = parseInfoFields(reply.value().bytes());
        for (auto it = fields.cbegin(); it != fields.cend(); ++it) {
            if (!it.key().startsWith(QLatin1String("cmdstat_")))
                continue;
            const QString calls_ = it.value().section(QLatin1Char(','), 0, 0).section(QLatin1Char('='), 1);
            calls.insert(it.key().mid(8), calls_.toLongLong());
        }
    });
    QElapsedTimer clock;
    clock.start();
    while (!done && clock.elapsed() < 15000)
        QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
    return calls;
}

QMap<QString, qint64> allCalls(RedisPool &pool, const QList<NodeAddress> &nodes)
{
    QMap<QString, qint64> sum;
    for (const NodeAddress &address : nodes) {
        const QMap<QString, qint64> calls = commandCalls(pool, address);
        for (auto it = calls.cbegin(); it != calls.cend(); ++it)
            sum[it.key()] += it.value();
    }
    return sum;
}

bool runToEnd(Job *job, int timeoutMs)
{
    bool finished = false;
    QObject::connect(job, &Job::finished, [&] { finished = true; });
    job->start();
    QElapsedTimer clock;
    clock.start();
    while (!finished && clock.elapsed() < timeoutMs)
        QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
    return finished;
}

// Commands per node per refresh of makeJob's refreshes: the servers' counts after minus before, the
// probe's own INFO taken off.
QMap<QString, double> countRefreshes(RedisPool &probe, const QList<NodeAddress> &nodes, int refreshes,
                                     const std::function<Job *()> &makeJob)
{
    if (Job *warm = makeJob(); !warm || !runToEnd(warm, 30000)) // connections made before counting
        return {};
    const QMap<QString, qint64> before = allCalls(probe, nodes);
    for (int i = 0; i < refreshes; ++i) {
        Job *job = makeJob();
        if (!job || !runToEnd(job, 30000))
            return {};
    }
    const QMap<QString, qint64> after = allCalls(probe, nodes);
    QMap<QString, double> perNodePerRefresh;
    for (auto it = after.cbegin(); it != after.cend(); ++it) {
        qint64 delta = it.value() - before.value(it.key());
        if (it.key() == QLatin1String("info"))
            delta -= nodes.size(); // the "before" probe itself
        if (delta > 0)
            perNodePerRefresh.insert(it.key(), double(delta) / nodes.size() / refreshes);
    }
    return perNodePerRefresh;
}

int commandsPerRefresh(int refreshes)
{
    test::RedisTestNodes nodes;
    if (const Result<void> started = nodes.start(6); !started.ok()) {
        std::fprintf(stderr, "%s\n", qPrintable(started.error().message()));
        return 1;
    }
    QList<PlannedNodeInput> inputs;
    for (const NodeAddress &address : nodes.addresses())
        inputs.append({address, {}});
    const std::unique_ptr<CreateClusterJob> create(new CreateClusterJob(inputs, 1));
    create->setAutoDelete(false);
    if (!runToEnd(create.get(), 120000) || create->hasError()) {
        std::fprintf(stderr, "the cluster was not created\n");
        return 1;
    }
    RedisPool probe;
    ui::CoreBackend backend;
    ui::StudioTarget target;
    target.kind = ui::StudioTarget::Kind::Endpoints;
    target.endpoints = nodes.addressList();
    int snapshots = 0;
    const QMap<QString, double> studio = countRefreshes(probe, nodes.addresses(), refreshes, [&]() -> Job * {
        QString why;
        return backend.createRefreshJob(
            target, [&](const ui::TopologySnapshot &) { ++snapshots; }, &why);
    });
    ops::Connections connections;
    ops::OperationRequest status;
    status.kind = ops::OperationKind::Status;
    const std::optional<ops::Target> core = ui::operationTarget(target, {}, nullptr);
    const QMap<QString, double> alone = countRefreshes(probe, nodes.addresses(), refreshes, [&]() -> Job * {
        Result<ops::OperationJob *> made = ops::createOperation(*core, status, &connections);
        return made.ok() ? made.value() : nullptr;
    });
    const observe::NodeHistory *history = backend.metrics()->history(nodes.address(0));
    std::printf(
        "Commands per node per refresh, 6 real nodes (3 masters + 3 replicas, %s), %d refreshes each, "
        "counted by INFO commandstats (the probe's own INFO taken off); the studio's refresh "
        "recorded %d snapshots and %d samples of node 1:\n\n",
        qPrintable(test::RedisTestNodes::serverVersion().ok()
                       ? test::RedisTestNodes::serverVersion().value().toString()
                       : QStringLiteral("?")),
        refreshes, snapshots, history ? history->size() : 0);
    std::printf(
        "| command | studio refresh (status + metrics) | status alone | metrics' own |\n|---|---|---|---|\n");
    QStringList names = studio.keys() + alone.keys();
    names.removeDuplicates();
    std::sort(names.begin(), names.end());
    double sumStudio = 0, sumAlone = 0;
    for (const QString &name : names) {
        sumStudio += studio.value(name);
        sumAlone += alone.value(name);
        std::printf("| %s | %.2f | %.2f | %.2f |\n",
                    qPrintable(name.toUpper().replace(QLatin1Char('|'), QLatin1Char(' '))),
                    studio.value(name), alone.value(name), studio.value(name) - alone.value(name));
    }
    std::printf("| **all** | **%.2f** | **%.2f** | **%.2f** |\n\n", sumStudio, sumAlone,
                sumStudio - sumAlone);
    return studio.isEmpty() || alone.isEmpty() ? 1 : 0;
}

} // namespace

int main(int argc, char **argv)
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Measures what monitoring adds to a refresh: GUI-thread time and commands per node."));
    parser.addHelpOption();
    parser.addOptions(
        {{QStringLiteral("runs"), QStringLiteral("Refreshes timed (default 30)."), QStringLiteral("N"),
          QStringLiteral("30")},
         {QStringLiteral("masters"), QStringLiteral("Masters (each with a replica; default 100)."),
          QStringLiteral("N"), QStringLiteral("100")},
         {QStringLiteral("refreshes"), QStringLiteral("Refreshes counted on the real nodes (default 20)."),
          QStringLiteral("N"), QStringLiteral("20")}});
    parser.process(app);
    guiThreadCost(qMax(1, parser.value(QStringLiteral("masters")).toInt()),
                  qMax(1, parser.value(QStringLiteral("runs")).toInt()));
    return commandsPerRefresh(qMax(1, parser.value(QStringLiteral("refreshes")).toInt()));
}
