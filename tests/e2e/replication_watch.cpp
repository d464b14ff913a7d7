#include "replication_watch.h"

#include "../integration/job_helpers.h"
#include "e2e_support.h"

namespace rcs::test {

ReplicationWatch::ReplicationWatch(const RedisConnectionOptions &options, QList<NodeAddress> replicas)
    : m_replicas(std::move(replicas))
{
    m_pool.setOptions(options);
    m_timer.setInterval(100);
    connect(&m_timer, &QTimer::timeout, this, [this] {
        m_pool.commandAll(m_replicas, {"INFO", "replication"}, this, [this](const QList<NodeReply> &replies) {
            for (const NodeReply &reply : replies) {
                ++m_samples;
                if (reply.reply && reply.reply->text().contains(QLatin1String("master_link_status:up")))
                    continue;
                // The pool turns an error reply into an error (RedisError, the reply in its text).
                const bool loginRefused =
                    !reply.reply && (reply.reply.error().code() == ErrorCode::Unauthorized ||
                                     reply.reply.error().message().contains(QLatin1String("NOAUTH")) ||
                                     reply.reply.error().detail().contains(QLatin1String("NOAUTH")));
                if (loginRefused) {
                    ++m_unread;
                    continue;
                }
                m_down << reply.address.toString() + QStringLiteral(": ") +
                              (reply.reply ? reply.reply->toDisplayString() : reply.reply.error().message())
                                  .left(200);
            }
        });
    });
}

bool ReplicationWatch::waitUntilAllUp(int timeoutMs)
{
    return waitUntil(
        [this] {
            for (const NodeAddress &address : std::as_const(m_replicas)) {
                const Result<RedisReply> info = ask(m_pool, address, {"INFO", "replication"});
                if (!info || !info->text().contains(QLatin1String("master_link_status:up")))
                    return false;
            }
            return true;
        },
        timeoutMs);
}

QList<NodeAddress> replicasAmong(RedisPool &pool, const QList<NodeAddress> &nodes)
{
    QList<NodeAddress> found;
    for (const NodeAddress &address : nodes) {
        const Result<RedisReply> info = ask(pool, address, {"INFO", "replication"});
        if (info && info->text().contains(QLatin1String("role:slave")))
            found << address;
    }
    return found;
}

} // namespace rcs::test
