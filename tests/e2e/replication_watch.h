#pragma once

#include "redis/node_address.h"
#include "redis/redis_pool.h"

#include <QList>
#include <QObject>
#include <QStringList>
#include <QTimer>

namespace rcs::test {

// Samples INFO replication of the given replicas every 100 ms while it runs and records every sample
// whose master_link_status is not up (or that failed): what a rotation promises never to cause.
class ReplicationWatch final : public QObject {
public:
    ReplicationWatch(const RedisConnectionOptions &options, QList<NodeAddress> replicas);
    // Blocks (spinning the event loop) until every replica's link is up, at most timeoutMs: a replica
    // still in its first sync after create is not a link the rotation took down.
    bool waitUntilAllUp(int timeoutMs);
    void start() { m_timer.start(); }
    void stop() { m_timer.stop(); }
    int samples() const { return m_samples; }
    // "address: reply" per bad sample.
    const QStringList &down() const { return m_down; }
    // Samples the watch itself could not read because its own login was refused: a connection of the
    // watch that had to reconnect after a rotation changed the password it logs in with (NOAUTH). They
    // say nothing of the replication link, so they are not in down().
    int unread() const { return m_unread; }

private:
    RedisPool m_pool;
    QList<NodeAddress> m_replicas;
    QTimer m_timer;
    int m_samples = 0;
    int m_unread = 0;
    QStringList m_down;
};

// The addresses among nodes whose INFO replication says role:slave (asked through pool).
QList<NodeAddress> replicasAmong(RedisPool &pool, const QList<NodeAddress> &nodes);

} // namespace rcs::test
