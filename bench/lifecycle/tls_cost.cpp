// The tls scenario: create, recover and rebalance by ours on plain TCP nodes and on TLS-only nodes, the
// transports alternating which goes first per run, so the TLS cost is measured on the same (loaded)
// machine in one invocation.
#include "lifecycle_bench.h"

#include "support/bench_support.h"
#include "support/redis_test_nodes.h"

#include <QTemporaryDir>

#include <cstdio>
#include <functional>

using namespace rcs;

namespace lifecycle {

int runTlsCost(const QStringList &operations, int runs, int count, int keys, int giveUpMs)
{
    const Result<QVersionNumber> version = test::RedisTestNodes::serverVersion();
    if (!version || version.value() < QVersionNumber(6)) {
        std::fprintf(
            stderr, "The tls scenario needs a server >= 6 built with TLS (set RCS_REDIS_SERVER): %s\n",
            version ? qPrintable(version.value().toString()) : qPrintable(version.error().message()));
        return 2;
    }
    QTemporaryDir certificates;
    if (!certificates.isValid()) {
        std::fprintf(stderr, "No temporary folder for the test certificates: %s\n",
                     qPrintable(certificates.errorString()));
        return 2;
    }
    const Result<bench::Transport> tls = bench::Transport::tls(certificates.path());
    if (!tls) {
        std::fprintf(stderr, "The test certificates could not be made: %s\n",
                     qPrintable(tls.error().message()));
        return 2;
    }
    const bench::Transport transports[2] = {bench::Transport(), tls.value()};

    struct Operation {
        QString name;
        QString what;
        std::function<qint64()> time;
        QList<qint64> times[2]; // plain, TLS
        int failed[2] = {0, 0};
    };
    QList<Operation> chosen;
    const auto add = [&chosen](const QString &name, const QString &what, std::function<qint64()> time) {
        Operation operation;
        operation.name = name;
        operation.what = what;
        operation.time = std::move(time);
        chosen.append(operation);
    };
    for (const QString &name : operations) {
        if (name == QLatin1String("create"))
            add(name, QStringLiteral("create %1 nodes, 1 replica each").arg(count),
                [=] { return timeCreate(count, 1, giveUpMs); });
        else if (name == QLatin1String("recover"))
            add(name, QStringLiteral("recover %1 nodes on new addresses").arg(count),
                [=] { return timeRecover(count, RecoverTool::Ours, giveUpMs); });
        else if (name == QLatin1String("rebalance"))
            add(name, QStringLiteral("rebalance 3→4 masters, %1 keys").arg(keys),
                [=] { return timeRebalance(keys, true, giveUpMs); });
        else {
            std::fprintf(stderr, "Unknown operation '%s': use create, recover or rebalance.\n",
                         qPrintable(name));
            return 2;
        }
    }
    int setupFailures = 0;
    for (int run = 0; run < runs; ++run) {
        for (Operation &operation : chosen) {
            // Alternate which transport goes first so that neither always gets the warmer (or quieter)
            // machine.
            for (const int side : run % 2 == 0 ? QList<int>{0, 1} : QList<int>{1, 0}) {
                g_transport = transports[side];
                g_lastError.clear();
                const qint64 ms = operation.time();
                std::printf("run %d %-9s %-5s %lld ms\n", run + 1, qPrintable(operation.name),
                            qPrintable(g_transport.name()), ms);
                std::fflush(stdout);
                if (ms == SetupFailed)
                    ++setupFailures;
                else if (ms < 0)
                    ++operation.failed[side];
                else
                    operation.times[side].append(ms);
            }
        }
    }
    g_transport = bench::Transport();
    std::printf(
        "\n| operation | runs | plain median | TLS median | TLS/plain | TLS cost | plain (ms) | TLS (ms) |\n"
        "|---|---|---|---|---|---|---|---|\n");
    bool allDone = true;
    for (const Operation &operation : chosen) {
        const double plain = bench::median(operation.times[0]);
        const double secured = bench::median(operation.times[1]);
        // The share TLS adds to the plain median ("+12 %"), "—" when a side has no successful run.
        const int percent = plain > 0 ? qRound((secured / plain - 1) * 100) : 0;
        const QString cost =
            plain > 0 && secured > 0
                ? QStringLiteral("%1%2 %").arg(percent > 0 ? QStringLiteral("+") : QString()).arg(percent)
                : QStringLiteral("—");
        std::printf("| %s | %d | %.0f ms | %.0f ms | %s | %s | %s | %s |\n", qPrintable(operation.what), runs,
                    plain, secured, qPrintable(bench::speedUp(plain, secured)), qPrintable(cost),
                    qPrintable(bench::joined(operation.times[0], operation.failed[0])),
                    qPrintable(bench::joined(operation.times[1], operation.failed[1])));
        allDone = allDone && operation.failed[0] == 0 && operation.failed[1] == 0;
    }
    if (setupFailures)
        std::printf("(set-up failed in %d runs; those runs are not counted)\n", setupFailures);
    return allDone ? 0 : 3;
}

} // namespace lifecycle
