// Recover in the studio's window, from the click to "Healthy" shown (issue 16, item 4: ≤ 4 s on 6
// pods). A kube-sandbox with 3 Kubernetes nodes, the studio's deploy and create (3 masters, 1 replica
// each), then RUNS rounds of: every pod killed at once (a power cut), wait until the window shows a
// total failure with Recover enabled, click Recover, and time (a) until the job reports its end and (b)
// until the window's model says Healthy (the closing refresh read the recovered cluster). The window
// refreshes at the studio's default period. Prints a Markdown table and the medians.
// Not a test: nothing is asserted. Run through bench/gui_recover/run.sh.
//
//   rcs_bench_gui_recover [--runs 5]

#include "e2e/e2e_support.h"
#include "support/bench_support.h"
#include "ui/core_backend.h"
#include "ui/main_window.h"
#include "ui/topology_model.h"

#include <QAction>
#include <QApplication>
#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QSettings>
#include <QStandardPaths>

#include <cstdio>

using namespace rcs;

namespace {

void say(const QString &line)
{
    std::fprintf(stderr, "%s\n", qPrintable(line));
}

} // namespace

int main(int argc, char **argv)
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    QStandardPaths::setTestModeEnabled(true); // the bench's settings, not the user's
    QCoreApplication::setOrganizationName(QStringLiteral("RedisClusterStudioBench"));
    QSettings().clear();
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Times Recover in the studio's window on kube-sandbox."));
    parser.addHelpOption();
    parser.addOptions({{QStringLiteral("runs"), QStringLiteral("Rounds (default 5)."), QStringLiteral("n"),
                        QStringLiteral("5")}});
    parser.process(app);
    const int runs = std::max(1, parser.value(QStringLiteral("runs")).toInt());

    test::E2eSandbox sandbox;
    if (const QString failed = sandbox.startWithCluster(sandbox.target(QStringLiteral("direct")));
        !failed.isEmpty()) {
        say(failed);
        return 1;
    }
    ui::CoreBackend backend;
    ui::MainWindow window(&backend);
    window.resize(1400, 900);
    window.show();
    ui::StudioTarget target;
    target.kind = ui::StudioTarget::Kind::Kubernetes;
    target.kubeconfig = sandbox.kubeconfig();
    window.setTarget(target);
    ui::TopologyModel *model = window.topologyModel();
    QElapsedTimer clock;
    clock.start();
    if (bench::pollUntil([&] { return model->situation() == ui::Situation::Healthy; }, clock, 120000) < 0) {
        say(QStringLiteral("the window never showed the new cluster as healthy"));
        return 1;
    }

    QAction *recover = window.action(ui::Action::Recover);
    QList<qint64> jobMs;
    QList<qint64> healthyMs;
    int failed = 0;
    std::printf("| run | Recover job ended (ms after the click) | Healthy shown (ms after the click) |\n"
                "|---|---|---|\n");
    for (int run = 1; run <= runs; ++run) {
        if (const Result<void> killed =
                sandbox.deletePods(QStringLiteral("redis-cluster"), QStringLiteral("app=redis"));
            !killed) {
            say(killed.error().message());
            return 1;
        }
        clock.restart();
        if (bench::pollUntil(
                [&] { return recover->isEnabled() && model->situation() == ui::Situation::TotalFailure; },
                clock, 180000) < 0) {
            say(QStringLiteral("run %1: the window never offered Recover for the total failure").arg(run));
            return 1;
        }
        bool ended = false;
        bool ok = false;
        const QMetaObject::Connection watch =
            QObject::connect(&window, &ui::MainWindow::jobFinished, [&](const QString &, bool succeeded) {
                ended = true;
                ok = succeeded;
            });
        QElapsedTimer click;
        click.start();
        recover->trigger();
        const qint64 endedAt = bench::pollUntil([&] { return ended; }, click, 240000, 1);
        QObject::disconnect(watch);
        const qint64 healthyAt =
            ok ? bench::pollUntil([&] { return model->situation() == ui::Situation::Healthy; }, click, 60000,
                                  1)
               : -1;
        if (endedAt < 0 || !ok || healthyAt < 0) {
            ++failed;
            std::printf("| %d | %s | %s |\n", run, endedAt < 0 ? "did not end" : (ok ? "ok" : "failed"),
                        healthyAt < 0 ? "not shown" : qPrintable(QString::number(healthyAt)));
            continue;
        }
        jobMs.append(endedAt);
        healthyMs.append(healthyAt);
        std::printf("| %d | %lld | %lld |\n", run, endedAt, healthyAt);
        std::fflush(stdout);
    }
    if (healthyMs.isEmpty()) {
        say(QStringLiteral("every run failed"));
        return 1;
    }
    std::printf("\nMedian of %lld runs (%d failed): the job ended %.0f ms after the click, Healthy was shown "
                "after %.0f ms (goal: ≤ 4000 ms).\n",
                qlonglong(healthyMs.size()), failed, bench::median(jobMs), bench::median(healthyMs));
    return 0;
}
