#pragma once

#include "redis/node_address.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace rcs {

class RedisPool;

// "valkey-cli" when the pool knows the node at address runs Valkey, else "redis-cli": the program a
// person would run against that node.
QString cliProgram(const RedisPool *pool, const NodeAddress &address);

// The redis-cli (or valkey-cli) line a person would type to send args to address, for the log's
// "equivalent command". The password is never part of it: with a password in the pool's options the
// line carries --askpass (the cli then asks for it), plus --user when a user is set. Arguments are
// shell-quoted where needed. pool may be null (no credentials, redis-cli).
QString redisCliLine(const RedisPool *pool, const NodeAddress &address, const QStringList &args);

// The same for binary-safe argv (printed as UTF-8).
QString redisCliLine(const RedisPool *pool, const NodeAddress &address, const QList<QByteArray> &argv);

} // namespace rcs
