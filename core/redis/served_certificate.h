#pragma once

#include "common/result.h"
#include "redis/node_address.h"

#include <QObject>
#include <QSslCertificate>

#include <functional>

namespace rcs {

class RedisPool;

// The certificate a TLS node presents to a new client now. It opens a connection of its own (with the
// pool's options and route for address, never one of the pool's links): a server that reloaded its
// certificate keeps the old one on links made before, so only a fresh handshake shows what it serves.
// done gets the certificate, or the connection's error (ConnectionFailed naming the node and the TLS
// reason, Timeout); never after context is gone.
void fetchServedCertificate(RedisPool *pool, const NodeAddress &address, const QObject *context,
                            std::function<void(Result<QSslCertificate>)> done);

} // namespace rcs
