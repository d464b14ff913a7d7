#pragma once

#include "common/result.h"
#include "redis/node_address.h"
#include "redis/slot_set.h"

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QObject>
#include <QStringList>

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
    // The node the slot map names for slot (empty host before refreshBlocking()).
    NodeAddress ownerOf(int slot) const { return m_owner[static_cast<size_t>(slot)]; }
    // false: -TRYAGAIN, -CLUSTERDOWN and connection errors are answered as they come, not retried, so a
    // test sees every write an application would have seen fail (-MOVED / -ASK are still followed:
    // that is routing). A node that cannot be reached loses its slots in the map to another known node,
    // whose -MOVED then names the owner, as cluster clients do.
    void setRetryTransientErrors(bool retry) { m_retryTransient = retry; }

private:
    void run(QList<QByteArray> argv, int slot, std::optional<NodeAddress> askTarget, int attempt, Done done);

    RedisPool *m_pool = nullptr;
    QList<NodeAddress> m_seeds;
    std::array<NodeAddress, SlotSet::SlotCount> m_owner;
    int m_redirects = 0;
    bool m_retryTransient = true;
};

// Keeps `inFlight` SETs of "prefix:i" = "value:i" going through a ClusterKeyClient until stopped, the
// way an application keeps writing while the cluster changes under it. Every SET issued is answered
// (OK or an error) before idle() is true, so after stop() and idle() the keys 0..written()-1 were all
// acknowledged unless errors() says otherwise.
class ClusterKeyWriter final {
public:
    static constexpr int MaxKeys = 100000; // bounds the verification afterwards

    ClusterKeyWriter(ClusterKeyClient *client, QByteArray prefix);

    // A pause after each answer before the next SET of that lane, so that the writer is still going at
    // the end of a long operation instead of hitting MaxKeys early; 0 (default) = no pause.
    void setPause(int ms) { m_pauseMs = ms; }
    void start(int inFlight);
    void stop() { m_stopped = true; }
    bool idle() const { return m_pending == 0; }
    int written() const { return m_issued; }
    const QStringList &errors() const { return m_errors; }

private:
    void next();

    ClusterKeyClient *m_client;
    QByteArray m_prefix;
    int m_pauseMs = 0;
    int m_issued = 0;
    int m_pending = 0; // SETs and pauses not over yet
    bool m_stopped = false;
    QStringList m_errors;
};

} // namespace rcs::test
