#include "create_timing.h"

#include "bench_support.h"
#include "bench_transport.h"

#include "common/job.h"
#include "redis/create_cluster_job.h"
#include "redis/redis_pool.h"

#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTest>

#include <algorithm>
#include <cstdio>
#include <optional>

namespace rcs::bench {

bool allOk(RedisPool &pool, const QList<NodeAddress> &nodes)
{
    std::optional<QList<NodeReply>> replies;
    pool.commandAll(nodes, {"CLUSTER", "INFO"}, nullptr, [&](QList<NodeReply> r) { replies = std::move(r); });
    // Every command has its own timeout, so the replies come; the bound is a safety net.
    if (!QTest::qWaitFor([&] { return replies.has_value(); }, 10000))
        return false;
    return std::all_of(replies->cbegin(), replies->cend(), [](const NodeReply &reply) {
        return reply.reply.ok() && reply.reply.value().bytes().contains("cluster_state:ok");
    });
}

qint64 timeCreateInProcess(const QList<NodeAddress> &nodes, int replicas, int timeoutMs,
                           const Transport &transport)
{
    RedisPool pollPool;
    RedisPool pool;
    transport.configure(pollPool);
    transport.configure(pool);
    QList<PlannedNodeInput> inputs;
    for (const NodeAddress &address : nodes)
        inputs.append({address, {}});
    QElapsedTimer clock;
    clock.start();
    auto *job = new CreateClusterJob(inputs, replicas, &pool);
    job->setAutoDelete(false);
    QSignalSpy finished(job, &Job::finished);
    job->start();
    const qint64 okAt = pollUntil([&] { return allOk(pollPool, nodes); }, clock, timeoutMs);
    finished.wait(timeoutMs);
    const bool failed = finished.isEmpty() || job->hasError();
    if (failed)
        std::fprintf(stderr, "create failed: %s\n", qPrintable(job->errorString()));
    delete job;
    return failed ? -1 : okAt;
}

} // namespace rcs::bench
