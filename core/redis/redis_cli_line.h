#pragma once

#include "redis/node_address.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace rcs {

struct RedisConnectionOptions;

// The redis-cli line a person would type to send args to address, for the log's "equivalent command".
// The password is never part of it: with a password the line carries --askpass (redis-cli then asks
// for it), plus --user when a user is set. Arguments are shell-quoted where needed.
QString redisCliLine(const NodeAddress &address, const QStringList &args,
                     const RedisConnectionOptions &options);

// The same for binary-safe argv (printed as UTF-8).
QString redisCliLine(const NodeAddress &address, const QList<QByteArray> &argv,
                     const RedisConnectionOptions &options);

} // namespace rcs
