#pragma once

#include "common/result.h"
#include "redis/node_address.h"
#include "redis/slot_set.h"

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QObject>

#include <array>
#include <functional>

namespace rcs {
class RedisPool;
}

namespace rcs::test {

// A minimal cluster client for tests, the way a real client behaves during resharding: it routes
// by a slot map read from CLUSTER NODES, follows -MOVED (updating the map) and -ASK (ASKING + retry on
// the named node), and retries -TRYAGAIN / -CLUSTERDOWN after a short pause, a bounded number of times.
class ClusterKeyClient final : public QObject {
    Q_OBJECT
public:
    using Done = std::function<void(Result<QByteArray>)>;

    ClusterKeyClient(RedisPool *pool, QList<NodeAddress> seeds, QObject *parent = nullptr);

    // Reads the slot map from the first seed that answers; bounded wait (spins the event loop).
    Result<void> refreshBlocking(int timeoutMs = 10000);

    void set(const QByteArray &key, const QByteArray &value, Done done);
    void get(const QByteArray &key, Done done);

    // SET of count keys "prefix:i" = "value:i" (pipelined) then waits; the first error is returned.
    Result<void> writeBlocking(const QByteArray &prefix, int count, int timeoutMs = 60000);
    // GETs every key written by writeBlocking and returns how many came back with the right value.
    Result<int> verifyBlocking(const QByteArray &prefix, int count, int timeoutMs = 60000);

    int redirects() const { return m_redirects; }

private:
    void run(QList<QByteArray> argv, int slot, std::optional<NodeAddress> askTarget, int attempt, Done done);

    RedisPool *m_pool = nullptr;
    QList<NodeAddress> m_seeds;
    std::array<NodeAddress, SlotSet::SlotCount> m_owner;
    int m_redirects = 0;
};

} // namespace rcs::test
