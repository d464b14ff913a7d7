#pragma once

#include "redis/node_address.h"

#include <QList>
#include <QObject>
#include <QPointer>
#include <QString>

#include <functional>

namespace rcs {

class RedisPool;

// Lowers cluster-node-timeout on chosen nodes for a moment and puts each node's own value back.
//
// Why: besides one random peer a second, a node pings every peer whose last PONG is older than half its
// node timeout. A change that only one node announces — its new role after a failover (its peers learn
// it from its pings), the slots it took over on Redis 5.0 — reaches the last peer through those random
// picks only, which takes seconds with the default 15 s; lowered to 1 s, every peer hears it within
// about half a second. Measured in bench/RESULTS.md (failover and rebalance sections).
//
// A node is lowered once: its value is read first (CONFIG GET) unless the caller knows it, and a node
// already at or below the lowered value is left alone. Each change is logged with its redis-cli line.
// restore() sets every lowered node back and then calls its continuation; restoreNow() sends the same
// commands without waiting (for a cancelled job). A lowering still in flight when restore() is called is
// dropped. A node that does not answer is skipped: the override never fails the job it serves.
class NodeTimeoutOverride final : public QObject {
    Q_OBJECT
public:
    explicit NodeTimeoutOverride(RedisPool *pool, QObject *parent = nullptr);

    // Lowers address's cluster-node-timeout to ms; why is the log line's description. knownOriginalMs > 0
    // skips the CONFIG GET.
    void lower(const NodeAddress &address, int ms, const QString &why, int knownOriginalMs = 0);
    void restore(std::function<void()> then);
    void restoreNow();

    bool anyLowered() const { return !m_lowered.isEmpty(); }
    bool isLowered(const NodeAddress &address) const;

private:
    struct Lowered {
        NodeAddress address;
        int originalMs = 0;
    };
    void set(const NodeAddress &address, int originalMs, int ms, const QString &why);

    QPointer<RedisPool> m_pool;
    QList<NodeAddress> m_asked;
    QList<Lowered> m_lowered;
    bool m_restoring = false;
};

} // namespace rcs
