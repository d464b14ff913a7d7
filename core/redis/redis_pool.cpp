#include "redis_pool.h"

#include <QTimer>

#include <memory>

namespace rcs {

RedisPool::RedisPool(QObject *parent)
    : QObject(parent)
{}

RedisPool::~RedisPool() = default;

void RedisPool::setRoute(const NodeAddress &clusterAddress, const NodeAddress &connectAddress)
{
    if (m_routes.value(clusterAddress) == connectAddress)
        return;
    m_routes.insert(clusterAddress, connectAddress);
    retireAll(clusterAddress);
}

void RedisPool::clearRoutes()
{
    const QList<NodeAddress> routed = m_routes.keys();
    m_routes.clear();
    for (const NodeAddress &address : routed)
        retireAll(address);
}

void RedisPool::retireAll(const NodeAddress &address)
{
    QList<QPointer<RedisConnection>> retired;
    for (auto it = m_connections.begin(); it != m_connections.end();) {
        if (it.key().first == address) {
            retired.append(it.value());
            it = m_connections.erase(it);
        } else {
            ++it;
        }
    }
    for (const QPointer<RedisConnection> &connection : std::as_const(retired))
        retire(connection);
}

void RedisPool::retire(QPointer<RedisConnection> connection)
{
    if (!connection)
        return;
    // Pending commands fail with Cancelled rather than vanish, so collectors such as commandAll()
    // still complete.
    connection->disconnectFromNode();
    if (connection)
        connection->deleteLater();
}

QSslCertificate RedisPool::servedCertificate(const NodeAddress &address) const
{
    const QPointer<RedisConnection> connection = m_connections.value(ConnectionKey(address, 0));
    return connection && connection->isConnected() ? connection->peerCertificate() : QSslCertificate();
}

RedisTlsOptions RedisPool::tlsOptionsFor(const NodeAddress &) const
{
    return m_options.tls;
}

RedisConnection *RedisPool::connection(const NodeAddress &address, int channel)
{
    QPointer<RedisConnection> &slot = m_connections[ConnectionKey(address, channel)];
    if (slot && slot->state() == RedisConnection::State::Unconnected) {
        slot->deleteLater(); // it may be delivering its last callbacks right now
        slot = nullptr;
    }
    if (!slot) {
        if (channel == 0) // the identity is the main connection's
            m_identities.remove(address);
        slot = new RedisConnection(routeFor(address), this);
        slot->setCredentials(m_options.password, m_options.user);
        slot->setTlsOptions(tlsOptionsFor(address));
        slot->connectToNode(m_options.connectTimeoutMs);
    }
    return slot;
}

void RedisPool::command(const NodeAddress &address, const QList<QByteArray> &argv, const QObject *context,
                        RedisConnection::Callback callback, int timeoutMs, int channel)
{
    connection(address, channel)
        ->command(argv, context ? context : this, std::move(callback),
                  timeoutMs > 0 ? timeoutMs : m_options.commandTimeoutMs);
}

void RedisPool::commandAll(const QList<NodeAddress> &addresses, const QList<QByteArray> &argv,
                           const QObject *context, std::function<void(QList<NodeReply>)> done, int timeoutMs)
{
    commandEach(
        addresses, [&argv](const NodeAddress &) { return argv; }, context, std::move(done), timeoutMs);
}

void RedisPool::commandEach(const QList<NodeAddress> &addresses,
                            const std::function<QList<QByteArray>(const NodeAddress &)> &argvFor,
                            const QObject *context, std::function<void(QList<NodeReply>)> done, int timeoutMs)
{
    struct Collect {
        QList<NodeReply> replies;
        qsizetype remaining = 0;
        std::function<void(QList<NodeReply>)> done;
    };
    auto collect = std::make_shared<Collect>();
    collect->remaining = addresses.size();
    collect->done = std::move(done);
    const QObject *guard = context ? context : this;
    if (addresses.isEmpty()) {
        QTimer::singleShot(0, guard, [collect] { collect->done({}); });
        return;
    }
    for (const NodeAddress &address : addresses)
        collect->replies.append({address, Error(ErrorCode::Internal, tr("No reply yet."))});
    for (qsizetype i = 0; i < addresses.size(); ++i) {
        command(
            addresses.at(i), argvFor(addresses.at(i)), guard,
            [collect, i](Result<RedisReply> reply) {
                collect->replies[i].reply = std::move(reply);
                if (--collect->remaining == 0)
                    collect->done(std::move(collect->replies));
            },
            timeoutMs);
    }
}

void RedisPool::closeChannel(const NodeAddress &address, int channel)
{
    retire(m_connections.take(ConnectionKey(address, channel)));
}

std::optional<ServerIdentity> RedisPool::serverIdentity(const NodeAddress &address) const
{
    // A link that dropped may come back to another server (restarted from a new binary).
    const QPointer<RedisConnection> connection = m_connections.value(ConnectionKey(address, 0));
    if (!connection || connection->state() == RedisConnection::State::Unconnected)
        return std::nullopt;
    const auto found = m_identities.constFind(address);
    if (found == m_identities.cend())
        return std::nullopt;
    return *found;
}

std::optional<QString> RedisPool::commonCliName() const
{
    std::optional<QString> common;
    for (const ServerIdentity &identity : m_identities) {
        if (common && *common != identity.cliName())
            return std::nullopt;
        common = identity.cliName();
    }
    return common;
}

void RedisPool::rememberServerIdentity(const NodeAddress &address, const ServerIdentity &identity)
{
    m_identities.insert(address, identity);
}

void RedisPool::closeAll()
{
    m_identities.clear();
    const auto connections = m_connections;
    m_connections.clear();
    for (const QPointer<RedisConnection> &connection : connections)
        retire(connection);
}

} // namespace rcs
