// The create scenario of rcs_bench_lifecycle: ours alone, timed the way bench/create times it.
#include "lifecycle_bench.h"

#include "support/create_timing.h"
#include "support/redis_test_nodes.h"

#include <QTest>

#include <cstdio>

using namespace rcs;

namespace lifecycle {

qint64 timeCreate(int count, int replicas, int giveUpMs)
{
    test::RedisTestNodes nodes;
    const Result<void> started = nodes.start(count, g_transport.nodeOptions());
    if (!started) {
        std::fprintf(stderr, "set-up failed: %s\n", qPrintable(started.error().message()));
        return SetupFailed;
    }
    // Masters report cluster_state:ok only 2 s after start-up; nodes in a real deployment have been up
    // longer (bench/create waits the same).
    QTest::qWait(3000);
    return bench::timeCreateInProcess(nodes.addresses(), replicas, giveUpMs, g_transport);
}

} // namespace lifecycle
