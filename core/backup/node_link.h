#pragma once

#include "common/result.h"
#include "redis/node_address.h"
#include "redis/redis_tls_options.h"

#include <QList>
#include <QSslError>

#include <functional>

class QObject;
class QSslSocket;

namespace rcs {
class RedisPool;
}

namespace rcs::backup {

// A raw socket to a node, for the streams hiredis cannot carry (an RDB payload, a restore's pipeline
// of pre-built commands): it goes where the pool would send a command for the node (RedisPool::routeFor:
// a port-forward tunnel on Kubernetes), with the pool's TLS options and the node's peer name.
struct NodeLink {
    QSslSocket *socket = nullptr; // owned by the caller (delete it with deleteLater)
    NodeAddress route;
    RedisTlsOptions tls;
};

// The RESP bytes of a command (what a raw link writes).
QByteArray respCommand(const QList<QByteArray> &argv);

// Starts connecting; onReady runs (in context) once the link can carry commands: connected, or
// encrypted with TLS. Errors (InvalidInput) when the TLS files cannot be loaded.
Result<NodeLink> connectNodeLink(RedisPool *pool, const NodeAddress &node, QObject *context,
                                 const std::function<void()> &onReady);

// Why a link failed before it was ready, as RedisConnection says it (ConnectionFailed): the TLS
// handshake's reason when it failed in the handshake, else the socket's error.
Error nodeLinkConnectFailure(const NodeLink &link, const NodeAddress &node,
                             const QList<QSslError> &sslErrors);

} // namespace rcs::backup
