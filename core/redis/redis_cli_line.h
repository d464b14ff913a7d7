#pragma once

#include "redis/node_address.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace rcs {

class RedisPool;

// The one place that writes redis-cli lines for the log's "equivalent command" and --dry-run. Every line
// starts the same way: "valkey-cli" when the pool knows the node at address runs Valkey, else
// "redis-cli"; the password is never part of it: with a password in the pool's options the line
// carries --askpass (the cli then asks for it), plus --user when a user is set. pool may be null (no
// credentials, redis-cli). With TLS in the pool's options the line carries redis-cli's --tls, --cacert,
// --cert/--key (a path the user gave, or the placeholder ca.crt / tls.crt / tls.key for PEM read from a
// Secret: the workflows log how to write those files) and --sni with the node's peer name.

// The line a person would type to send args to address ("redis-cli -h HOST -p PORT ARGS…").
// Arguments are shell-quoted (shellQuote), except a brace range such as {0..5460}, left for the shell
// to expand.
QString redisCliLine(const RedisPool *pool, const NodeAddress &address, const QStringList &args);

// The same for binary-safe argv (printed as UTF-8).
QString redisCliLine(const RedisPool *pool, const NodeAddress &address, const QList<QByteArray> &argv);

// The cluster manager's line, "redis-cli --cluster SUBCOMMAND WORDS…", run through the node at address
// (which only chooses the program and needs not appear in words). words are written as given, so one
// may be a shell substitution such as $(kubectl get pod …); the caller quotes any other word that
// needs it (shellQuote).
QString redisCliClusterLine(const RedisPool *pool, const NodeAddress &address, const QString &subcommand,
                            const QStringList &words);

// "redis-cli --cluster reshard SEED --cluster-from ID --cluster-to ID --cluster-slots N --cluster-yes":
// one move of slots between two masters, run through the node at seed.
QString reshardLine(const RedisPool *pool, const NodeAddress &seed, const QString &fromId,
                    const QString &toId, qsizetype slotCount);

} // namespace rcs
