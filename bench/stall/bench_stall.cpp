// How long the GUI thread is busy during the studio's refresh of a large cluster (issue 16, item 3):
// NODES real redis-server nodes (tests/support, half masters, half replicas) formed into one cluster,
// then REFRESHES refreshes exactly as the studio runs them (CoreBackend::createRefreshJob: the status
// operation, the adapter and the metrics; the snapshot applied to a TopologyModel drawn by a shown
// 1400×900 TopologyView), one after the other.
// The stall probe is a 1 ms timer on the GUI thread: the gap between two of its ticks, less 1 ms, is how
// long the thread could not run it. Per refresh: the longest gap, and the GUI thread's own CPU time
// (CLOCK_THREAD_CPUTIME_ID from the job's start until the snapshot is applied, the probe's ticks
// included). The first refresh (connections opened, cards built) is shown apart.
// With --soak N, N more refreshes follow (untimed, back to back) and the studio's resident memory is
// sampled after each: after the 50th, at the end, the largest, and the growth between (issue 16, item 5).
// The metrics' ring buffers are allocated in full on the first refresh, so growth means a leak.
// Not a test: nothing is asserted.
//
//   rcs_bench_stall [--nodes 250] [--refreshes 20] [--soak 1050]

#include "redis/create_cluster_job.h"
#include "support/bench_support.h"
#include "support/redis_test_nodes.h"
#include "ui/core_backend.h"
#include "ui/topology_model.h"
#include "ui/topology_view.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QFile>
#include <QTimer>

#include <algorithm>
#include <cstdio>
#include <ctime>
#include <memory>

using namespace rcs;

namespace {

qint64 threadCpuUs()
{
    timespec now{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now);
    return qint64(now.tv_sec) * 1000000 + now.tv_nsec / 1000;
}

// The 1 ms timer: the longest gap since reset(), in µs.
class StallProbe final : public QObject {
public:
    StallProbe()
    {
        m_timer.setTimerType(Qt::PreciseTimer);
        m_timer.setInterval(1);
        connect(&m_timer, &QTimer::timeout, this, [this] {
            m_longestUs = std::max(m_longestUs, m_clock.nsecsElapsed() / 1000 - m_lastUs);
            m_lastUs = m_clock.nsecsElapsed() / 1000;
        });
        m_clock.start();
        m_timer.start();
    }
    void reset()
    {
        m_lastUs = m_clock.nsecsElapsed() / 1000;
        m_longestUs = 0;
    }
    qint64 longestStallUs() const { return std::max<qint64>(0, m_longestUs - 1000); }

private:
    QTimer m_timer;
    QElapsedTimer m_clock;
    qint64 m_lastUs = 0;
    qint64 m_longestUs = 0;
};

struct Refresh {
    qint64 wallMs = 0;
    qint64 guiCpuUs = 0;
    qint64 readCpuUs = 0; // from the start until the snapshot is handed over (read, report, adapter, metrics)
    qint64 modelCpuUs = 0; // TopologyModel::setSnapshot and the view's item updates
    qint64 paintCpuUs = 0; // what the event loop did after that (the repaint)
    qint64 longestStallUs = 0;
    bool ok = false;
};

// VmRSS of this process in KiB, -1 when /proc does not say.
qint64 residentKib()
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith("VmRSS:"))
            return line.mid(6).trimmed().split(' ').value(0).toLongLong();
    }
    return -1;
}

double medianOf(QList<qint64> values)
{
    return bench::median(std::move(values));
}

} // namespace

int main(int argc, char **argv)
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Measures how long a studio refresh of a large real cluster holds the GUI thread."));
    parser.addHelpOption();
    parser.addOptions(
        {{QStringLiteral("nodes"), QStringLiteral("Nodes (default 250)."), QStringLiteral("n"),
          QStringLiteral("250")},
         {QStringLiteral("refreshes"), QStringLiteral("Refreshes timed (default 20)."), QStringLiteral("n"),
          QStringLiteral("20")},
         {QStringLiteral("soak"),
          QStringLiteral("Refreshes after the timed ones with resident memory sampled (default 0)."),
          QStringLiteral("n"), QStringLiteral("0")}});
    parser.process(app);
    const int count = std::max(6, parser.value(QStringLiteral("nodes")).toInt() / 2 * 2);
    const int refreshes = std::max(1, parser.value(QStringLiteral("refreshes")).toInt());
    const int soak = std::max(0, parser.value(QStringLiteral("soak")).toInt());

    test::RedisTestNodes nodes;
    if (const Result<void> started = nodes.start(count); !started.ok()) {
        std::fprintf(stderr, "%s\n", qPrintable(started.error().message()));
        return 1;
    }
    QList<PlannedNodeInput> inputs;
    for (const NodeAddress &address : nodes.addresses())
        inputs.append({address, {}});
    QElapsedTimer clock;
    clock.start();
    auto *create = new CreateClusterJob(inputs, 1);
    create->setAutoDelete(false);
    // 250 servers on two cores settle slowly; forming the cluster is not what this bench measures.
    create->setConvergenceTimeout(300000);
    std::unique_ptr<CreateClusterJob> createOwner(create);
    bool created = false;
    QObject::connect(create, &Job::finished, [&] { created = true; });
    create->start();
    if (bench::pollUntil([&] { return created; }, clock, 600000) < 0 || create->hasError()) {
        std::fprintf(stderr, "the cluster was not created: %s\n", qPrintable(create->errorString()));
        return 1;
    }
    std::fprintf(stderr, "%d nodes formed in %lld ms\n", count, clock.elapsed());
    createOwner.reset(); // its connections and views are not the studio's: the soak measures the refreshes
    QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);
    std::fprintf(stderr, "resident after the create: %.1f MiB\n", residentKib() / 1024.0);

    ui::CoreBackend backend;
    ui::StudioTarget target;
    target.kind = ui::StudioTarget::Kind::Endpoints;
    target.endpoints = nodes.addressList();
    ui::TopologyModel model;
    ui::TopologyView view(&model);
    view.resize(1400, 900);
    view.show();
    StallProbe probe;

    QList<Refresh> runs;
    QList<qint64> resident; // KiB after each refresh of the soak
    QElapsedTimer soakClock;
    for (int i = 0; i <= refreshes + soak; ++i) {
        if (i == refreshes + 1)
            soakClock.start();
        Refresh run;
        bool finished = false;
        qint64 cpuStart = 0;
        qint64 cpuHanded = -1;
        qint64 cpuEnd = -1;
        QString why;
        Job *job = backend.createRefreshJob(
            target,
            [&](const ui::TopologySnapshot &snapshot) {
                cpuHanded = threadCpuUs();
                model.setSnapshot(snapshot);
                cpuEnd = threadCpuUs();
            },
            &why);
        if (!job) {
            std::fprintf(stderr, "no refresh: %s\n", qPrintable(why));
            return 1;
        }
        QObject::connect(job, &Job::finished, [&] { finished = true; });
        QElapsedTimer wall;
        probe.reset();
        wall.start();
        cpuStart = threadCpuUs();
        job->start();
        bench::pollUntil([&] { return finished; }, wall, 60000, 1);
        // The view repaints after the snapshot: a paint counts as part of the refresh.
        QCoreApplication::processEvents();
        // The studio's event loop deletes finished jobs (deleteLater); this loop-less main must ask.
        QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);
        run.wallMs = wall.elapsed();
        run.ok = finished && cpuEnd >= 0;
        run.guiCpuUs = run.ok ? threadCpuUs() - cpuStart : -1;
        run.readCpuUs = cpuHanded - cpuStart;
        run.modelCpuUs = cpuEnd - cpuHanded;
        run.paintCpuUs = run.guiCpuUs - (cpuEnd - cpuStart);
        run.longestStallUs = probe.longestStallUs();
        if (i <= refreshes)
            runs.append(run);
        else if (run.ok)
            resident.append(residentKib());
    }

    const Refresh first = runs.takeFirst();
    QList<qint64> stalls;
    QList<qint64> cpu;
    QList<qint64> read;
    QList<qint64> modelCpu;
    QList<qint64> paint;
    QList<qint64> wall;
    int failed = 0;
    for (const Refresh &run : std::as_const(runs)) {
        if (!run.ok) {
            ++failed;
            continue;
        }
        stalls.append(run.longestStallUs);
        cpu.append(run.guiCpuUs);
        read.append(run.readCpuUs);
        modelCpu.append(run.modelCpuUs);
        paint.append(run.paintCpuUs);
        wall.append(run.wallMs);
    }
    if (stalls.isEmpty()) {
        std::fprintf(stderr, "every refresh failed\n");
        return 1;
    }
    const auto ms = [](double us) { return us / 1000.0; };
    std::printf("Studio refresh of %d real nodes (%d masters + %d replicas, %s), %d refreshes after the "
                "first (%d failed), cluster unchanged between them:\n\n",
                count, count / 2, count / 2,
                qPrintable(test::RedisTestNodes::serverVersion().ok()
                               ? test::RedisTestNodes::serverVersion().value().toString()
                               : QStringLiteral("?")),
                int(runs.size()), failed);
    std::printf("| per refresh | median | max | first refresh |\n|---|---|---|---|\n");
    std::printf("| longest GUI-thread stall (1 ms probe), ms | %.1f | %.1f | %.1f |\n", ms(medianOf(stalls)),
                ms(double(*std::max_element(stalls.cbegin(), stalls.cend()))),
                ms(double(first.longestStallUs)));
    std::printf("| GUI-thread CPU time, ms | %.1f | %.1f | %.1f |\n", ms(medianOf(cpu)),
                ms(double(*std::max_element(cpu.cbegin(), cpu.cend()))), ms(double(first.guiCpuUs)));
    const auto row = [&](const char *what, const QList<qint64> &values, qint64 firstValue) {
        std::printf("| %s | %.1f | %.1f | %.1f |\n", what, ms(medianOf(values)),
                    ms(double(*std::max_element(values.cbegin(), values.cend()))), ms(double(firstValue)));
    };
    row("… of which reading, report, adapter and metrics, ms", read, first.readCpuUs);
    row("… of which model and view update, ms", modelCpu, first.modelCpuUs);
    row("… of which the repaint after it, ms", paint, first.paintCpuUs);
    std::printf("| wall time from start to the snapshot drawn, ms | %.0f | %lld | %lld |\n", medianOf(wall),
                *std::max_element(wall.cbegin(), wall.cend()), first.wallMs);
    if (soak > 0 && resident.size() > 50) {
        const qint64 after50 = resident.at(49);
        const qint64 last = resident.last();
        std::printf("\nResident memory (VmRSS) over %lld further refreshes (%d failed) in %.1f min, metrics "
                    "history included (allocated in full on the first refresh):\n\n",
                    qlonglong(resident.size()), soak - int(resident.size()), soakClock.elapsed() / 60000.0);
        std::printf("| after refresh 50 | after the last | largest | growth from 50 to the last |\n"
                    "|---|---|---|---|\n");
        std::printf("| %.1f MiB | %.1f MiB | %.1f MiB | %+.2f MiB over %lld refreshes |\n", after50 / 1024.0,
                    last / 1024.0, *std::max_element(resident.cbegin(), resident.cend()) / 1024.0,
                    (last - after50) / 1024.0, qlonglong(resident.size() - 50));
    }
    return 0;
}
