#pragma once

#include <QString>

namespace sandbox {

class PodContext;

// Rewrites a redis.conf written for a container so that a local redis-server can use it: every
// absolute path (dir, cluster-config-file, logfile, include, tls-*-file, …) that falls under one of
// the pod's mounts becomes the mapped local path. Comments, blank lines and everything else are kept.
QString rewriteRedisConfig(const QString &text, const PodContext &context);

// The last `port N` directive of a redis.conf, or 0 when there is none.
quint16 redisConfigPort(const QString &text);

} // namespace sandbox
