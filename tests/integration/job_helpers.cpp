#include "job_helpers.h"

#include "redis/cluster_scan_job.h"
#include "redis/create_cluster_job.h"
#include "redis/redis_pool.h"

#include <QSignalSpy>
#include <QTest>

#include <optional>

namespace rcs::test {

Error runJob(Job *job, int timeoutMs)
{
    job->setAutoDelete(false);
    QSignalSpy finished(job, &Job::finished);
    job->start();
    if (!finished.wait(timeoutMs))
        return Error(ErrorCode::Timeout,
                     QStringLiteral("The job did not finish within %1 ms.").arg(timeoutMs));
    return job->error();
}

Error formCluster(const QList<NodeAddress> &addresses, int replicasPerMaster)
{
    QList<PlannedNodeInput> inputs;
    for (const NodeAddress &address : addresses)
        inputs.append({address, {}});
    CreateClusterJob create(inputs, replicasPerMaster);
    return runJob(&create, 120000);
}

Result<RedisReply> ask(RedisPool &pool, const NodeAddress &address, const QList<QByteArray> &argv)
{
    std::optional<Result<RedisReply>> reply;
    pool.command(address, argv, nullptr, [&](Result<RedisReply> r) { reply = std::move(r); });
    if (!QTest::qWaitFor([&] { return reply.has_value(); }, 15000))
        return Error(ErrorCode::Timeout, QStringLiteral("No reply."));
    return *reply;
}

QByteArray spinScript()
{
    // Valkey 8 freezes TIME during a script (the loop would then run until the busy-script handling
    // moves the clock, about 5 s): where the script has os.clock (7.0+), spin on the CPU time instead,
    // which a spinning server spends no faster than the wall clock. Older servers raise an error for a
    // missing global, hence rawget.
    return "local os = rawget(_G, 'os') "
           "if os and os.clock then local c = os.clock() while os.clock() - c < 0.03 do end return 1 end "
           "local s = redis.call('TIME') local start = s[1] * 1000000 + s[2] "
           "while true do local n = redis.call('TIME') "
           "if n[1] * 1000000 + n[2] - start > 30000 then break end end return 1";
}

ClusterTopology scan(RedisPool &pool, const NodeAddress &seed)
{
    auto *job = new ClusterScanJob({seed}, &pool);
    runJob(job, 30000);
    const ClusterTopology topology = job->topology();
    delete job;
    return topology;
}

QString nodeTimeoutsOtherThan(RedisPool &pool, const QList<NodeAddress> &addresses, int expectedMs)
{
    QStringList differ;
    for (const NodeAddress &address : addresses) {
        const Result<RedisReply> reply = ask(pool, address, {"CONFIG", "GET", "cluster-node-timeout"});
        const QString value = reply && reply->elements().size() == 2 ? reply->elements().at(1).text()
                                                                     : QStringLiteral("unreadable");
        if (value != QString::number(expectedMs))
            differ.append(address.toString() + QStringLiteral(": ") + value);
    }
    return differ.join(QStringLiteral(", "));
}

} // namespace rcs::test
