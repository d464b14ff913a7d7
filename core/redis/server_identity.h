#pragma once

#include "common/result.h"
#include "redis/node_address.h"

#include <QByteArray>
#include <QMap>
#include <QString>
#include <QVersionNumber>

#include <functional>

class QObject;

namespace rcs {

class RedisPool;

enum class ServerEngine { Redis, Valkey };

// Which server a node runs, from its INFO server. The one place version-dependent behaviour asks:
//   if (id.engine == ServerEngine::Valkey && id.version >= QVersionNumber(8)) … // Valkey's own version
//   if (id.redisVersion >= QVersionNumber(7)) …  // a Redis feature (Valkey 8 has Redis 7.2.4's)
struct ServerIdentity {
    ServerEngine engine = ServerEngine::Redis;
    QVersionNumber version;      // the engine's own version: redis_version, or valkey_version on Valkey
    QVersionNumber redisVersion; // redis_version as reported: the Redis release whose features it has

    int majorVersion() const { return version.majorVersion(); }
    int minorVersion() const { return version.minorVersion(); }
    int patchVersion() const { return version.microVersion(); }
    bool isValkey() const { return engine == ServerEngine::Valkey; }
    QString name() const;     // "redis" or "valkey"
    QString cliName() const;  // "redis-cli" or "valkey-cli": what the equivalent commands call
    QString toString() const; // "redis 7.0.15", "valkey 8.0.1"

    friend bool operator==(const ServerIdentity &, const ServerIdentity &) = default;
};

// Reads the identity from INFO fields (parseInfoFields of INFO or INFO server). Valkey names itself in
// server_name ("valkey") and valkey_version, and keeps redis_version at the Redis release it is
// compatible with (7.2.4 on Valkey 8); Redis has no server_name. Errors (Protocol): no readable
// redis_version, a server_name other than redis/valkey, or Valkey without a readable valkey_version.
Result<ServerIdentity> serverIdentityFromInfo(const QMap<QString, QString> &fields);
// The same from the raw reply of INFO [server].
Result<ServerIdentity> parseServerIdentity(const QByteArray &infoReply);

// The node's identity: the one the pool learned on its current connection to address (from any INFO
// the scan or this call read), else asked with INFO server and remembered. done runs from the event
// loop, never after context is destroyed; errors are the connection's, or the parser's.
void fetchServerIdentity(RedisPool *pool, const NodeAddress &address, const QObject *context,
                         std::function<void(Result<ServerIdentity>)> done);

} // namespace rcs
