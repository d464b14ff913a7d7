// What an application sees while every pod of a 6-pod kube-sandbox cluster (3 masters, 1 replica each)
// is restarted: ours (`redis-cluster-studio rolling-restart --yes`) against the usual procedure
// (`kubectl rollout restart statefulset/redis-app` then `kubectl rollout status`), on the same cluster
// in the same run, each under steady writes (tests/e2e's RecordingWriter: 4 lanes, no retry hides a
// -CLUSTERDOWN, -TRYAGAIN or refused connection). Per procedure: the total time (from its first command
// until its commands returned and every slot is served again), the longest write gap per shard, the
// failed writes, the acknowledged writes that no longer read back, and whether it left the cluster
// healthy (else how long `recover` took). Prints a Markdown table and the goal's verdict
// (no acknowledged write lost, longest gap per shard <= 1 s, total <= 1.5 x kubectl's). Run through
// bench/upgrade/run.sh (it sets RCS_BINARY_DIR, where the studio and kube-sandbox are found).

#include "e2e/e2e_support.h"
#include "e2e/recording_writer.h"
#include "e2e/redis_app_objects.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QStandardPaths>
#include <QTemporaryDir>

#include <cstdio>

using namespace rcs;
using namespace rcs::test;

namespace {

const QString Namespace = QStringLiteral("redis-cluster");

struct Measured {
    QString procedure;
    bool finished = false; // the procedure ended without error and the cluster was healthy again
    QString problem;       // why not, in a sentence
    qint64 totalMs = -1;
    QList<ShardWrites> shards;
    int acknowledged = 0;
    int failed = 0;
    int lost = -1;  // -1: could not be read back
    QString leftAs; // `status`'s situation up to 30 s after it was over, and what `recover` then took
    qint64 longestGapMs() const { return longestGapOf(shards); }
};

void say(const QString &line)
{
    std::fprintf(stderr, "%s\n", qPrintable(line));
    std::fflush(stderr);
}

// From `status --json`: 6 nodes, every one reachable and reporting cluster_state:ok, 3 masters whose
// slots cover all 16384: the application is served again. (`status`'s "healthy" asks more: every node
// lists its peers at their current addresses; that is the table's last column.)
bool serving(const QJsonObject &status)
{
    const QJsonArray nodes = status[QLatin1String("nodes")].toArray();
    int masters = 0;
    int covered = 0;
    for (const QJsonValue &node : nodes) {
        if (!node[QLatin1String("reachable")].toBool() ||
            node[QLatin1String("node_cluster_state")].toString() != QLatin1String("ok"))
            return false;
        if (node[QLatin1String("role")].toString() == QLatin1String("master")) {
            ++masters;
            covered += node[QLatin1String("slot_count")].toInt();
        }
    }
    return nodes.size() == 6 && masters == 3 && covered == 16384;
}

// Polls `status` until check(status) holds or timeoutMs passed; the ms of clock then, or -1.
qint64 reachedAt(const QStringList &target, const std::function<bool(const QJsonObject &)> &check,
                 const QElapsedTimer &clock, int timeoutMs)
{
    qint64 at = -1;
    waitUntil(
        [&] {
            if (!check(statusJson(target)))
                return false;
            at = clock.elapsed();
            return true;
        },
        timeoutMs, 250);
    return at;
}

bool healthy(const QJsonObject &status)
{
    return status[QLatin1String("situation")].toString() == QLatin1String("healthy");
}

bool healthyWithin(const QStringList &target, int timeoutMs)
{
    QElapsedTimer clock;
    clock.start();
    return reachedAt(target, healthy, clock, timeoutMs) >= 0;
}

// Runs procedure under writes and reads back every acknowledged key afterwards. procedure returns an
// empty string when it finished, else why not; it times itself on clock (started just before it).
Measured measure(E2eSandbox &sandbox, const QStringList &target, const QString &name,
                 const QByteArray &prefix, const std::function<QString(const QElapsedTimer &)> &procedure)
{
    Measured result;
    result.procedure = name;
    RecordingWriter writer(podAddresses(redisAppPods(sandbox)), prefix);
    if (const Result<void> refreshed = writer.refresh(); !refreshed) {
        result.problem = refreshed.error().message();
        return result;
    }
    say(QStringLiteral("== %1").arg(name));
    runWhileWriting(writer, [&] {
        QElapsedTimer clock;
        clock.start();
        result.problem = procedure(clock);
        result.finished = result.problem.isEmpty();
        result.totalMs = clock.elapsed();
    });
    writer.report();
    // Left otherwise than healthy (peers at old addresses, …): how long `recover` then takes, so that
    // the next procedure starts from a healthy cluster too.
    if (result.finished && healthyWithin(target, 30000)) {
        result.leftAs = QStringLiteral("healthy");
    } else {
        const QJsonObject status = statusJson(target);
        say(QStringLiteral("left %1: %2")
                .arg(status[QLatin1String("situation")].toString(),
                     status[QLatin1String("advice")].toString()));
        QElapsedTimer clock;
        clock.start();
        const StudioRun recover = runStudio(QStringList{QStringLiteral("recover")} + target);
        const bool recovered = recover.exitCode == 0 && healthyWithin(target, 120000);
        result.leftAs = QStringLiteral("%1; `recover` to healthy: %2")
                            .arg(status[QLatin1String("situation")].toString(),
                                 recovered ? QStringLiteral("%1 s").arg(clock.elapsed() / 1000.0, 0, 'f', 1)
                                           : QStringLiteral("failed"));
    }
    result.shards = writer.shards();
    result.acknowledged = int(writer.acknowledged().size());
    result.failed = int(writer.failures().size());
    const Result<QStringList> lost = writer.lostWrites(podAddresses(redisAppPods(sandbox)));
    if (lost)
        result.lost = int(lost->size());
    else
        result.problem += QStringLiteral(" Reading back failed: %1").arg(lost.error().message());
    return result;
}

QString gapsOf(const Measured &m)
{
    QStringList parts;
    for (const ShardWrites &shard : m.shards)
        parts << QStringLiteral("%1: %2").arg(shard.slotRanges).arg(shard.longestGapMs);
    return parts.join(QLatin1String("; "));
}

QString row(int run, const Measured &m)
{
    return QStringLiteral("| %1 | %2 | %3 | %4 | %5 | %6 | %7 | %8 | %9 |")
               .arg(run)
               .arg(m.procedure)
               .arg(m.totalMs >= 0 ? QString::number(m.totalMs / 1000.0, 'f', 1) : QStringLiteral("—"))
               .arg(m.longestGapMs())
               .arg(gapsOf(m))
               .arg(m.failed)
               .arg(m.acknowledged)
               .arg(m.lost >= 0 ? QString::number(m.lost) : QStringLiteral("not read"))
               .arg(m.leftAs) +
           (m.finished ? QString() : QStringLiteral(" did not finish: ") + m.problem.simplified());
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Restarts every pod under writes: ours against kubectl rollout restart."));
    parser.addHelpOption();
    parser.addOptions({
        {QStringLiteral("runs"),
         QStringLiteral("Rounds of both procedures (default 1); they alternate which goes first."),
         QStringLiteral("K"), QStringLiteral("1")},
        {QStringLiteral("kubectl"), QStringLiteral("The kubectl to run (default: kubectl on PATH)."),
         QStringLiteral("PATH"), QStandardPaths::findExecutable(QStringLiteral("kubectl"))},
        {QStringLiteral("timeout-s"),
         QStringLiteral("Per procedure: how long it may take until the cluster is healthy (default 600)."),
         QStringLiteral("S"), QStringLiteral("600")},
    });
    parser.process(app);
    const int runs = qMax(1, parser.value(QStringLiteral("runs")).toInt());
    const QString kubectl = parser.value(QStringLiteral("kubectl"));
    const int timeoutMs = parser.value(QStringLiteral("timeout-s")).toInt() * 1000;
    if (kubectl.isEmpty()) {
        say(QStringLiteral("kubectl is not on PATH: install it (or pass --kubectl PATH)."));
        return 1;
    }

    E2eSandbox sandbox;
    if (const Result<void> started = sandbox.start(3); !started) {
        say(started.error().message());
        return 1;
    }
    const QStringList target = sandbox.target(QStringLiteral("direct"));
    for (const QString &step : {QStringLiteral("deploy"), QStringLiteral("create")}) {
        if (const StudioRun run = runStudio(QStringList{step} + target); run.exitCode != 0) {
            say(run.describe());
            return 1;
        }
    }
    QTemporaryDir kubectlHome; // kubectl's discovery cache
    const auto runKubectl = [&](const QStringList &args, int ms) {
        ProgramOptions options;
        options.timeoutMs = ms;
        options.environment = QProcessEnvironment::systemEnvironment();
        options.environment.insert(QStringLiteral("HOME"), kubectlHome.path());
        options.environment.remove(QStringLiteral("KUBECONFIG"));
        return runProgram(kubectl, QStringList{QStringLiteral("--kubeconfig"), sandbox.kubeconfig()} + args,
                          options);
    };

    // Both procedures are over when their commands returned and the cluster serves every slot again.
    const auto servedAgain = [&](const QElapsedTimer &clock, const QString &after) -> QString {
        if (reachedAt(target, serving, clock, qMax(0, timeoutMs - int(clock.elapsed()))) >= 0)
            return {};
        return QStringLiteral("%1, the cluster did not serve every slot again within %2 s: %3")
            .arg(after)
            .arg(timeoutMs / 1000)
            .arg(situationOf(target));
    };
    const auto ours = [&](const QElapsedTimer &clock) -> QString {
        const StudioRun run = runStudio(
            QStringList{QStringLiteral("rolling-restart"), QStringLiteral("--yes")} + target, timeoutMs);
        say(run.out); // the steps, for reading what bounds its time
        if (run.exitCode != 0)
            return run.describe();
        return servedAgain(clock, QStringLiteral("rolling-restart exited 0"));
    };
    const auto theirs = [&](const QElapsedTimer &clock) -> QString {
        const QStringList set{QStringLiteral("statefulset/redis-app"), QStringLiteral("-n"), Namespace};
        if (const ProgramRun restart =
                runKubectl(QStringList{QStringLiteral("rollout"), QStringLiteral("restart")} + set, 60000);
            restart.exitCode != 0)
            return restart.describe();
        const ProgramRun status =
            runKubectl(QStringList{QStringLiteral("rollout"), QStringLiteral("status")} + set +
                           QStringList{QStringLiteral("--timeout=%1s").arg(timeoutMs / 1000)},
                       timeoutMs + 10000);
        if (status.exitCode != 0)
            return status.describe();
        say(QStringLiteral("kubectl rollout status done after %1 ms").arg(clock.elapsed()));
        return servedAgain(clock, QStringLiteral("the rollout finished"));
    };

    QList<QPair<int, Measured>> results;
    for (int run = 1; run <= runs; ++run) {
        const bool oursFirst = run % 2 == 1;
        for (int turn = 0; turn < 2; ++turn) {
            // Each procedure starts from a healthy cluster: after one that left it otherwise, recover.
            if (!healthyWithin(target, 30000)) {
                say(QStringLiteral("not healthy before the next procedure; running recover"));
                const StudioRun recover = runStudio(QStringList{QStringLiteral("recover")} + target);
                if (recover.exitCode != 0 || !healthyWithin(target, 120000)) {
                    say(QStringLiteral("the cluster could not be restored to healthy: ") +
                        recover.describe());
                    return 1;
                }
            }
            const bool oursNow = (turn == 0) == oursFirst;
            const QByteArray prefix =
                QByteArray(oursNow ? "ours" : "kubectl") + '-' + QByteArray::number(run);
            results.append({run, oursNow ? measure(sandbox, target, QStringLiteral("ours: rolling-restart"),
                                                   prefix, ours)
                                         : measure(sandbox, target, QStringLiteral("kubectl rollout restart"),
                                                   prefix, theirs)});
        }
    }

    std::printf(
        "| run | procedure | total (s) | longest gap (ms) | longest gap per shard (slots: ms) | "
        "failed writes "
        "| acknowledged writes | acknowledged lost | afterwards |\n|---|---|---|---|---|---|---|---|---|\n");
    for (const auto &[run, m] : results)
        std::printf("%s\n", qPrintable(row(run, m)));

    // The goal, per run: ours loses nothing, no shard waits more than 1 s, and it takes at most 1.5 x
    // kubectl's time in the same run.
    for (int run = 1; run <= runs; ++run) {
        const Measured *o = nullptr;
        const Measured *k = nullptr;
        for (const auto &[r, m] : results) {
            if (r == run)
                (m.procedure.startsWith(QLatin1String("ours")) ? o : k) = &m;
        }
        if (!o || !k)
            continue;
        const bool noLoss = o->finished && o->lost == 0;
        const bool gap = o->finished && o->longestGapMs() <= 1000;
        const bool time = o->finished && k->finished && o->totalMs <= k->totalMs * 3 / 2;
        std::printf(
            "\nGOAL run %d: no acknowledged write lost: %s; longest gap per shard <= 1 s: %s (%lld ms); "
            "total <= 1.5 x kubectl's: %s (%.2f x)\n",
            run, noLoss ? "met" : "NOT met", gap ? "met" : "NOT met", o->longestGapMs(),
            time ? "met" : "NOT met", k->totalMs > 0 ? double(o->totalMs) / double(k->totalMs) : 0.0);
    }
    return 0;
}
