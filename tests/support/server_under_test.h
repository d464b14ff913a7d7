#pragma once

#include "common/result.h"
#include "redis/node_address.h"

#include <QString>
#include <QStringList>

namespace rcs::test {

// Which server the tests run on. scripts/compat.sh runs the server-starting tests once per server of
// the compatibility matrix (Redis 5.0, 6.2, Valkey 8) by setting $RCS_REDIS_SERVER and $RCS_REDIS_CLI;
// without them every test runs Debian's redis-server and redis-cli from PATH. Every test node, every
// kube-sandbox pod and every redis-cli a test runs follow this one choice.

// $RCS_REDIS_SERVER, else redis-server on PATH; empty when neither exists.
QString redisServerProgram();

// The server's own client: $RCS_REDIS_CLI, else the redis-cli or valkey-cli next to $RCS_REDIS_SERVER,
// else redis-cli on PATH (a 5.0 server checked by a 7.0 redis-cli would test another pair than users run).
QString redisCliProgram();

// The kube-sandbox arguments that make its pods run the same server and client: --redis-server and
// --redis-cli when $RCS_REDIS_SERVER is set, nothing otherwise (the sandbox's own default).
QStringList kubeSandboxServerArguments();

// "Redis 5.0.5" / "Valkey 8.0.1", read from INFO server of a running node (server_name, valkey_version,
// redis_version), for skip messages that name the server. Errors: the node does not answer.
Result<QString> serverIdentity(const NodeAddress &address, const QString &password = {});

} // namespace rcs::test
