#include "node_timeout_override.h"

#include "redis/lifecycle_support.h"
#include "redis/redis_pool.h"

#include <algorithm>
#include <memory>
#include <utility>

namespace rcs {

NodeTimeoutOverride::NodeTimeoutOverride(RedisPool *pool, QObject *parent)
    : QObject(parent)
    , m_pool(pool)
{}

bool NodeTimeoutOverride::isLowered(const NodeAddress &address) const
{
    return std::any_of(m_lowered.cbegin(), m_lowered.cend(),
                       [&address](const Lowered &lowered) { return lowered.address == address; });
}

void NodeTimeoutOverride::lower(const NodeAddress &address, int ms, const QString &why, int knownOriginalMs)
{
    if (!m_pool || m_restoring || m_asked.contains(address))
        return;
    m_asked.append(address);
    if (knownOriginalMs > 0)
        return set(address, knownOriginalMs, ms, why);
    m_pool->command(address, {"CONFIG", "GET", "cluster-node-timeout"}, this,
                    [this, address, ms, why](Result<RedisReply> reply) {
                        // ["cluster-node-timeout", "15000"]; anything else leaves the node alone.
                        if (!reply || reply->elements().size() != 2)
                            return;
                        bool ok = false;
                        const int original = reply->elements().at(1).text().toInt(&ok);
                        if (ok)
                            set(address, original, ms, why);
                    });
}

void NodeTimeoutOverride::set(const NodeAddress &address, int originalMs, int ms, const QString &why)
{
    if (m_restoring || originalMs <= ms)
        return;
    m_lowered.append({address, originalMs});
    sendLogged(m_pool, address, {"CONFIG", "SET", "cluster-node-timeout", QByteArray::number(ms)}, why, this,
               [](Result<RedisReply>) {});
}

void NodeTimeoutOverride::restore(std::function<void()> then)
{
    m_restoring = true;
    const QList<Lowered> lowered = std::exchange(m_lowered, {});
    if (lowered.isEmpty() || !m_pool)
        return then();
    auto remaining = std::make_shared<qsizetype>(lowered.size());
    for (const Lowered &node : lowered) {
        sendLogged(m_pool, node.address,
                   {"CONFIG", "SET", "cluster-node-timeout", QByteArray::number(node.originalMs)},
                   tr("Restore the node timeout of %1").arg(node.address.toString()), this,
                   [remaining, then](Result<RedisReply>) {
                       if (--*remaining == 0)
                           then();
                   });
    }
}

void NodeTimeoutOverride::restoreNow()
{
    m_restoring = true;
    // The pool is the context: the commands are queued on live connections and outlive this object.
    for (const Lowered &node : std::exchange(m_lowered, {}))
        if (m_pool)
            m_pool->command(node.address,
                            {"CONFIG", "SET", "cluster-node-timeout", QByteArray::number(node.originalMs)},
                            m_pool, [](Result<RedisReply>) {});
}

} // namespace rcs
