#include "cluster_key_client.h"

#include "redis/cluster_nodes_parser.h"
#include "redis/redis_pool.h"

#include <QTest>
#include <QTimer>

#include <algorithm>
#include <memory>

namespace rcs::test {

namespace {

constexpr int MaxAttempts = 200;

std::optional<NodeAddress> redirectTarget(const QString &text)
{
    const QStringList parts = text.split(QLatin1Char(' '));
    if (parts.size() < 3)
        return std::nullopt;
    Result<NodeAddress> address = NodeAddress::parse(parts.at(2));
    return address ? std::optional<NodeAddress>(address.value()) : std::nullopt;
}

} // namespace

ClusterKeyClient::ClusterKeyClient(RedisPool *pool, QList<NodeAddress> seeds, QObject *parent)
    : QObject(parent)
    , m_pool(pool)
    , m_seeds(std::move(seeds))
{}

Result<void> ClusterKeyClient::refreshBlocking(int timeoutMs)
{
    for (const NodeAddress &seed : std::as_const(m_seeds)) {
        std::optional<Result<RedisReply>> reply;
        m_pool->command(seed, {"CLUSTER", "NODES"}, this,
                        [&](Result<RedisReply> r) { reply = std::move(r); });
        if (!QTest::qWaitFor([&] { return reply.has_value(); }, timeoutMs) || !*reply)
            continue;
        Result<QList<ClusterNodeInfo>> nodes = parseClusterNodes(reply->value().bytes());
        if (!nodes)
            return nodes.error();
        for (const ClusterNodeInfo &node : *nodes) {
            const NodeAddress address = node.isMyself() ? seed : node.address;
            for (const int slot : node.slotSet.toList())
                m_owner[static_cast<size_t>(slot)] = address;
        }
        return {};
    }
    return Error(ErrorCode::ConnectionFailed, QStringLiteral("No seed answered CLUSTER NODES."));
}

void ClusterKeyClient::set(const QByteArray &key, const QByteArray &value, Done done)
{
    run({"SET", key, value}, keyHashSlot(key), std::nullopt, 0, std::move(done));
}

void ClusterKeyClient::get(const QByteArray &key, Done done)
{
    run({"GET", key}, keyHashSlot(key), std::nullopt, 0, std::move(done));
}

void ClusterKeyClient::run(QList<QByteArray> argv, int slot, std::optional<NodeAddress> askTarget,
                           int attempt, Done done)
{
    const NodeAddress target = askTarget ? *askTarget : m_owner[static_cast<size_t>(slot)];
    if (!target.isValid()) {
        done(Error(ErrorCode::Internal, QStringLiteral("No known owner for slot %1.").arg(slot)));
        return;
    }
    if (askTarget)
        m_pool->command(target, {"ASKING"}, this, [](Result<RedisReply>) {});
    m_pool->command(target, argv, this, [this, target, argv, slot, attempt, done](Result<RedisReply> reply) {
        if (reply) {
            done(reply->bytes());
            return;
        }
        const QString text = reply.error().detail();
        if (attempt >= MaxAttempts) {
            done(reply.error());
            return;
        }
        const bool redirect =
            text.startsWith(QLatin1String("MOVED ")) || text.startsWith(QLatin1String("ASK "));
        if (!m_retryTransient && !redirect) {
            if (reply.error().code() != ErrorCode::RedisError) {
                for (const NodeAddress &other : m_owner) {
                    if (other.isValid() && other != target) {
                        std::replace(m_owner.begin(), m_owner.end(), target, other);
                        break;
                    }
                }
            }
            done(reply.error());
            return;
        }
        if (text.startsWith(QLatin1String("MOVED "))) {
            ++m_redirects;
            if (const auto moved = redirectTarget(text))
                m_owner[static_cast<size_t>(slot)] = *moved;
            run(argv, slot, std::nullopt, attempt + 1, done);
        } else if (text.startsWith(QLatin1String("ASK "))) {
            ++m_redirects;
            run(argv, slot, redirectTarget(text), attempt + 1, done);
        } else if (text.startsWith(QLatin1String("TRYAGAIN")) ||
                   text.startsWith(QLatin1String("CLUSTERDOWN")) ||
                   reply.error().code() != ErrorCode::RedisError) {
            // A node busy migrating, a cluster settling, or a dropped connection: retry shortly.
            QTimer::singleShot(20, this, [this, argv, slot, attempt, done] {
                run(argv, slot, std::nullopt, attempt + 1, done);
            });
        } else {
            done(reply.error());
        }
    });
}

Result<void> ClusterKeyClient::writeBlocking(const QByteArray &prefix, int count, int timeoutMs)
{
    auto remaining = std::make_shared<int>(count);
    auto firstError = std::make_shared<Error>();
    for (int i = 0; i < count; ++i) {
        set(prefix + ':' + QByteArray::number(i), "value:" + QByteArray::number(i),
            [remaining, firstError](Result<QByteArray> result) {
                if (!result && !firstError->isError())
                    *firstError = result.error();
                --*remaining;
            });
    }
    if (!QTest::qWaitFor([&] { return *remaining == 0; }, timeoutMs))
        return Error(ErrorCode::Timeout, QStringLiteral("%1 writes still unanswered.").arg(*remaining));
    if (firstError->isError())
        return *firstError;
    return {};
}

Result<int> ClusterKeyClient::verifyBlocking(const QByteArray &prefix, int count, int timeoutMs)
{
    auto remaining = std::make_shared<int>(count);
    auto good = std::make_shared<int>(0);
    auto firstError = std::make_shared<Error>();
    for (int i = 0; i < count; ++i) {
        const QByteArray expected = "value:" + QByteArray::number(i);
        get(prefix + ':' + QByteArray::number(i),
            [remaining, good, firstError, expected](Result<QByteArray> result) {
                if (!result && !firstError->isError())
                    *firstError = result.error();
                if (result && *result == expected)
                    ++*good;
                --*remaining;
            });
    }
    if (!QTest::qWaitFor([&] { return *remaining == 0; }, timeoutMs))
        return Error(ErrorCode::Timeout, QStringLiteral("%1 reads still unanswered.").arg(*remaining));
    if (firstError->isError())
        return *firstError;
    return *good;
}

ClusterKeyWriter::ClusterKeyWriter(ClusterKeyClient *client, QByteArray prefix)
    : m_client(client)
    , m_prefix(std::move(prefix))
{}

void ClusterKeyWriter::start(int inFlight)
{
    for (int i = 0; i < inFlight; ++i)
        next();
}

void ClusterKeyWriter::next()
{
    if (m_stopped || m_issued >= MaxKeys)
        return;
    const int i = m_issued++;
    ++m_pending;
    m_client->set(m_prefix + ':' + QByteArray::number(i), "value:" + QByteArray::number(i),
                  [this](Result<QByteArray> result) {
                      if (!result)
                          m_errors.append(result.error().message());
                      if (m_pauseMs <= 0 || m_stopped) {
                          --m_pending;
                          next();
                          return;
                      }
                      // Still pending while paused: idle() then also means no timer will call back.
                      QTimer::singleShot(m_pauseMs, m_client, [this] {
                          --m_pending;
                          next();
                      });
                  });
}

} // namespace rcs::test
