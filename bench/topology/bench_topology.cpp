// Times the topology view's pipeline on a synthetic 200-node cluster (100 masters + 100 replicas over 12
// Kubernetes nodes), the way one refresh of the studio runs it: CLUSTER NODES of every node parsed,
// merged into a ClusterTopology, turned into a snapshot (ui/topology_adapter), applied to TopologyModel
// and drawn by TopologyView. Measured:
//   - parse: 200 CLUSTER NODES replies of 200 lines each;
//   - merge: ClusterTopology::fromViews; adapter: snapshotFromTopology;
//   - model: TopologyModel::setSnapshot on a fresh model without a view;
//   - scene build: setSnapshot on a fresh model with a shown 1400×900 view (cards, groups, layout, edges);
//   - refresh with no change, with one node's key count and memory changed, and with one master flagged
//     fail? by one peer: merge + adapter + setSnapshot on the existing model and view (the signals the
//     model emitted are counted, to show the refresh stays incremental);
//   - paint: the visible part of the window (QWidget::grab) right after a build and again later, and the
//     whole scene into an image (renderImage at scale 1 and 2, as Export picture does).
// Not a test: nothing is asserted; run with QT_QPA_PLATFORM=offscreen (set here when unset).
//
//   rcs_bench_topology [--runs 7] [--masters 100]

#include "redis/cluster_nodes_parser.h"
#include "redis/cluster_topology.h"
#include "ui/topology_adapter.h"
#include "ui/topology_model.h"
#include "ui/topology_view.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QImage>
#include <QPixmap>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <functional>

using namespace rcs;

namespace {

constexpr int KubeNodes = 12;

QString nodeId(int i)
{
    return QStringLiteral("%1").arg(i + 1, 40, 16, QLatin1Char('0'));
}

QString podIp(int i)
{
    return QStringLiteral("10.244.%1.%2").arg(i / 250).arg(i % 250 + 1);
}

// The cluster as plain data, so that a refresh can change one field and rebuild the views.
struct Fixture {
    int masters = 100;
    int total() const { return masters * 2; }
    int masterOf(int replica) const { return replica - masters; }
    QHash<int, qint64> keysOverride;
    int pfailMaster = -1; // flagged fail? by node 0's view when >= 0

    QByteArray clusterNodes(int viewer) const
    {
        QByteArray text;
        for (int i = 0; i < total(); ++i) {
            const bool master = i < masters;
            QByteArray flags = master ? "master" : "slave";
            if (i == viewer)
                flags = "myself," + flags;
            if (viewer == 0 && i == pfailMaster)
                flags += ",fail?";
            text += nodeId(i).toLatin1() + ' ' + podIp(i).toLatin1() + ":6379@16379 " + flags + ' ' +
                    (master ? QByteArray("-") : nodeId(masterOf(i)).toLatin1()) + " 0 1700000000000 " +
                    QByteArray::number(master ? i + 1 : masterOf(i) + 1) + " connected";
            if (master) {
                const int first = int(qint64(16384) * i / masters);
                const int last = int(qint64(16384) * (i + 1) / masters) - 1;
                text += ' ' + QByteArray::number(first) + '-' + QByteArray::number(last);
            }
            text += '\n';
        }
        return text;
    }

    QList<QByteArray> replies() const
    {
        QList<QByteArray> all;
        for (int i = 0; i < total(); ++i)
            all.append(clusterNodes(i));
        return all;
    }

    QList<NodeView> views(const QList<QList<ClusterNodeInfo>> &parsed) const
    {
        QList<NodeView> views;
        for (int i = 0; i < total(); ++i) {
            NodeView view;
            view.address = NodeAddress{podIp(i), 6379};
            view.reachable = true;
            view.nodes = parsed.at(i);
            ClusterInfo info;
            info.state = QStringLiteral("ok");
            info.slotsAssigned = 16384;
            info.slotsOk = 16384;
            info.knownNodes = total();
            info.size = masters;
            info.currentEpoch = quint64(masters);
            view.info = info;
            const qint64 keys = keysOverride.value(i, 1000 + i);
            view.serverInfo = {
                {QStringLiteral("redis_version"), QStringLiteral("7.0.15")},
                {QStringLiteral("used_memory"), QString::number(2 * 1024 * 1024 + keys * 100)},
                {QStringLiteral("db0"), QStringLiteral("keys=%1,expires=0,avg_ttl=0").arg(keys)}};
            views.append(view);
        }
        return views;
    }

    QMap<QString, PodInfo> pods() const
    {
        QMap<QString, PodInfo> pods;
        for (int i = 0; i < total(); ++i) {
            PodInfo pod;
            pod.name = QStringLiteral("redis-app-%1").arg(i);
            pod.ip = podIp(i);
            pod.kubeNode = QStringLiteral("worker-%1").arg(i % KubeNodes + 1);
            pod.phase = QStringLiteral("Running");
            pod.ready = true;
            pods.insert(pod.ip, pod);
        }
        return pods;
    }
};

QList<QList<ClusterNodeInfo>> parseAll(const QList<QByteArray> &replies)
{
    QList<QList<ClusterNodeInfo>> parsed;
    for (const QByteArray &reply : replies) {
        Result<QList<ClusterNodeInfo>> nodes = parseClusterNodes(reply);
        if (!nodes) {
            std::fprintf(stderr, "the fixture does not parse: %s\n", qPrintable(nodes.error().message()));
            std::exit(1);
        }
        parsed.append(nodes.value());
    }
    return parsed;
}

struct Timing {
    QString what;
    QList<double> ms;
    QString note;
};

double median(QList<double> values)
{
    std::sort(values.begin(), values.end());
    const qsizetype n = values.size();
    return n == 0 ? 0 : (n % 2 ? values.at(n / 2) : (values.at(n / 2 - 1) + values.at(n / 2)) / 2);
}

// Runs body runs times; setup (untimed) before each run.
Timing measure(const QString &what, int runs, const std::function<void()> &setup,
               const std::function<void()> &body)
{
    Timing timing{what, {}, {}};
    for (int run = 0; run < runs; ++run) {
        if (setup)
            setup();
        QElapsedTimer clock;
        clock.start();
        body();
        timing.ms.append(clock.nsecsElapsed() / 1e6);
    }
    return timing;
}

// Counts what a model emits during one refresh.
struct SignalCount {
    int added = 0;
    int removed = 0;
    int changed = 0;
    int structure = 0;
    QList<QMetaObject::Connection> connections;

    void attach(ui::TopologyModel *model)
    {
        connections = {
            QObject::connect(model, &ui::TopologyModel::nodeAdded, model, [this] { ++added; }),
            QObject::connect(model, &ui::TopologyModel::nodeRemoved, model, [this] { ++removed; }),
            QObject::connect(model, &ui::TopologyModel::nodeChanged, model, [this] { ++changed; }),
            QObject::connect(model, &ui::TopologyModel::structureChanged, model, [this] { ++structure; }),
        };
    }
    void reset() { added = removed = changed = structure = 0; }
    QString text() const
    {
        return QStringLiteral("signals per refresh: %1 added, %2 removed, %3 changed, %4 structure")
            .arg(added)
            .arg(removed)
            .arg(changed)
            .arg(structure);
    }
};

} // namespace

int main(int argc, char **argv)
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Times the topology model and view on a synthetic cluster."));
    parser.addHelpOption();
    parser.addOptions({
        {QStringLiteral("runs"), QStringLiteral("Runs per measurement (default 7)."), QStringLiteral("N"),
         QStringLiteral("7")},
        {QStringLiteral("masters"), QStringLiteral("Masters, each with one replica (default 100)."),
         QStringLiteral("M"), QStringLiteral("100")},
        {QStringLiteral("picture"),
         QStringLiteral("Also save the 1400×900 window after the build as a PNG (to look at)."),
         QStringLiteral("FILE")},
    });
    parser.process(app);
    const int runs = qMax(1, parser.value(QStringLiteral("runs")).toInt());
    Fixture fixture;
    fixture.masters = qMax(3, parser.value(QStringLiteral("masters")).toInt());

    QList<Timing> timings;
    const QList<QByteArray> replies = fixture.replies();
    QList<QList<ClusterNodeInfo>> parsed;
    timings.append(measure(QStringLiteral("parse %1 × CLUSTER NODES (%1 lines each)").arg(fixture.total()),
                           runs, {}, [&] { parsed = parseAll(replies); }));
    const QList<NodeView> views = fixture.views(parsed);
    const QMap<QString, PodInfo> pods = fixture.pods();
    ClusterTopology topology;
    timings.append(measure(QStringLiteral("merge: ClusterTopology::fromViews"), runs, {},
                           [&] { topology = ClusterTopology::fromViews(views, pods); }));
    ui::TopologySnapshot snapshot;
    timings.append(measure(QStringLiteral("adapter: snapshotFromTopology"), runs, {},
                           [&] { snapshot = ui::snapshotFromTopology(topology); }));
    if (snapshot.nodes.size() != fixture.total()) {
        std::fprintf(stderr, "the fixture gave %lld cards instead of %d\n", qlonglong(snapshot.nodes.size()),
                     fixture.total());
        return 1;
    }

    std::unique_ptr<ui::TopologyModel> model;
    timings.append(measure(
        QStringLiteral("model alone: first setSnapshot"), runs,
        [&] { model = std::make_unique<ui::TopologyModel>(); }, [&] { model->setSnapshot(snapshot); }));

    std::unique_ptr<ui::TopologyView> view;
    const auto freshView = [&] {
        view.reset();
        model = std::make_unique<ui::TopologyModel>();
        view = std::make_unique<ui::TopologyView>(model.get());
        view->resize(1400, 900);
        view->show();
        QApplication::processEvents();
    };
    timings.append(
        measure(QStringLiteral("scene build: first setSnapshot with the view (cards, layout, edges)"), runs,
                freshView, [&] { model->setSnapshot(snapshot); }));
    // The first paint after a build draws every visible card into its cold item cache.
    Timing firstPaint{
        QStringLiteral("first paint of the window after a scene build (cold item caches)"), {}, {}};
    for (int run = 0; run < runs; ++run) {
        freshView();
        model->setSnapshot(snapshot);
        QElapsedTimer clock;
        clock.start();
        (void)view->grab();
        firstPaint.ms.append(clock.nsecsElapsed() / 1e6);
    }
    timings.append(firstPaint);
    if (parser.isSet(QStringLiteral("picture")))
        view->grab().save(parser.value(QStringLiteral("picture")));
    const int cards = view->cardCount();
    const int groups = view->groupCount();
    QApplication::processEvents();

    SignalCount count;
    count.attach(model.get());
    // One refresh = what the studio does with a new scan: merge, adapter, model + view.
    const auto refresh = [&](const Fixture &state, Timing *core, Timing *ui) {
        const QList<NodeView> refreshed = state.views(parseAll(state.replies()));
        count.reset();
        QElapsedTimer clock;
        clock.start();
        const ui::TopologySnapshot next =
            ui::snapshotFromTopology(ClusterTopology::fromViews(refreshed, pods));
        core->ms.append(clock.nsecsElapsed() / 1e6);
        clock.restart();
        model->setSnapshot(next);
        ui->ms.append(clock.nsecsElapsed() / 1e6);
        ui->note = count.text();
    };
    const auto refreshCase = [&](const QString &name, const std::function<Fixture(int)> &stateForRun) {
        Timing core{QStringLiteral("refresh, %1: merge + adapter").arg(name), {}, {}};
        Timing ui{QStringLiteral("refresh, %1: model + view update").arg(name), {}, {}};
        for (int run = 0; run < runs; ++run) {
            refresh(fixture, &core, &ui); // back to the base state, not timed below
            core.ms.removeLast();
            ui.ms.removeLast();
            refresh(stateForRun(run), &core, &ui);
            QApplication::processEvents();
        }
        timings.append(core);
        timings.append(ui);
    };
    refreshCase(QStringLiteral("nothing changed"), [&](int) { return fixture; });
    refreshCase(QStringLiteral("one node's keys and memory changed"), [&](int run) {
        Fixture changed = fixture;
        changed.keysOverride.insert(7 + run, 50000 + run);
        return changed;
    });
    refreshCase(QStringLiteral("one master flagged fail? by a peer"), [&](int run) {
        Fixture changed = fixture;
        changed.pfailMaster = 11 + run;
        return changed;
    });

    timings.append(measure(QStringLiteral("paint the window again (1400×900, QWidget::grab, warm caches)"),
                           runs, {}, [&] { (void)view->grab(); }));
    QSize size1;
    QSize size2;
    timings.append(measure(QStringLiteral("render the whole scene to an image, scale 1"), runs, {},
                           [&] { size1 = view->renderImage(1.0).size(); }));
    timings.append(measure(QStringLiteral("render the whole scene to an image, scale 2 (Export picture)"),
                           runs, {}, [&] { size2 = view->renderImage(2.0).size(); }));

    std::printf("Topology view, %d nodes (%d masters + %d replicas) on %d Kubernetes nodes: %d cards, %d "
                "groups; scene image %d×%d at scale 1, %d×%d at scale 2; %d runs each.\n\n",
                fixture.total(), fixture.masters, fixture.masters, KubeNodes, cards, groups, size1.width(),
                size1.height(), size2.width(), size2.height(), runs);
    std::printf("| step | median (ms) | min (ms) | max (ms) | note |\n|---|---|---|---|---|\n");
    for (const Timing &timing : std::as_const(timings)) {
        const auto [min, max] = std::minmax_element(timing.ms.cbegin(), timing.ms.cend());
        std::printf("| %s | %.1f | %.1f | %.1f | %s |\n", qPrintable(timing.what), median(timing.ms), *min,
                    *max, qPrintable(timing.note));
    }
    view.reset();
    return 0;
}
