#pragma once

#include <QString>

#include <optional>

namespace sandbox {

class PodContext;

// Rewrites a redis.conf written for a container so that a local redis-server can use it: every
// absolute path (dir, cluster-config-file, logfile, include, tls-*-file, …) that falls under one of
// the pod's mounts becomes the mapped local path. Comments, blank lines and everything else are kept.
QString rewriteRedisConfig(const QString &text, const PodContext &context);

// The last `port N` directive of a redis.conf, or 0 when there is none (or it is `port 0`).
quint16 redisConfigPort(const QString &text);
// The value of the last `DIRECTIVE N` line (port, tls-port), 0 included; nullopt without one.
std::optional<quint16> redisConfigPortDirective(const QString &text, const QString &directive);

} // namespace sandbox
