#include "served_certificate.h"

#include "redis/redis_connection.h"
#include "redis/redis_pool.h"

#include <QPointer>

#include <memory>

namespace rcs {

void fetchServedCertificate(RedisPool *pool, const NodeAddress &address, const QObject *context,
                            std::function<void(Result<QSslCertificate>)> done)
{
    const RedisConnectionOptions &options = pool->options();
    auto *connection = new RedisConnection(pool->routeFor(address));
    connection->setCredentials(options.password, options.user);
    connection->setTlsOptions(pool->tlsOptionsFor(address));
    // One answer: the first of connected() and errorOccurred(); the connection goes with it.
    auto answered = std::make_shared<bool>(false);
    QPointer<const QObject> owner(context);
    auto finish = [connection, answered, owner, done](Result<QSslCertificate> result) {
        if (*answered)
            return;
        *answered = true;
        connection->disconnectFromNode();
        connection->deleteLater();
        if (owner)
            done(std::move(result));
    };
    QObject::connect(connection, &RedisConnection::connected, connection,
                     [connection, finish] { finish(connection->peerCertificate()); });
    QObject::connect(connection, &RedisConnection::errorOccurred, connection,
                     [finish](const Error &error) { finish(error); });
    connection->connectToNode(options.connectTimeoutMs);
}

} // namespace rcs
