#pragma once

#include "common/result.h"

#include <QJsonObject>
#include <QString>
#include <QStringList>

namespace sandbox {

class PodContext;

// The local Redis tools that stand in for the container images.
struct RedisTools {
    QString serverPath = QStringLiteral("/usr/bin/redis-server");
    QString cliPath = QStringLiteral("/usr/bin/redis-cli");
    int serverMajorVersion = 7; // bind-source-addr exists from Redis 7 on
};

// What to start for a container or an exec: the program, its arguments, and what the runtime
// must know about it (is it a redis-server, on which port does it listen).
struct LaunchPlan {
    QString program;
    QStringList arguments;
    bool isRedisServer = false;
    quint16 port = 6379; // the TLS port when tls
    bool tls = false;    // redis-server with TLS only (`port 0`, `tls-port N`)
    QString note;        // why the launch is only best effort (a shell script the sandbox cannot rewrite)
};

// Splits a shell command line into words when it is a plain command (quotes and backslashes allowed,
// no pipes, redirections, substitutions or command lists). Returns false for anything else.
bool splitSimpleShellCommand(const QString &script, QStringList *words);

// argv of a container per Kubernetes (command replaces the image ENTRYPOINT, args its CMD) with the
// redis image's defaults: nothing → redis-server; a first argument that is an option or a .conf file
// → redis-server in front, like docker-entrypoint.sh. $(VAR) references are expanded.
QStringList containerArgv(const QJsonObject &container, const PodContext &context);

// Turns the container's argv into a local launch. For redis-server: the config file is rewritten into
// the pod folder with mapped paths, and --bind <pod IP>, --port (--port 0 --tls-port for a TLS-only
// config), --daemonize no, --logfile "" (so the
// runtime sees the log) and, on Redis ≥ 7, --bind-source-addr <pod IP> are appended (the last word
// wins in Redis). Fails when the config file the command names cannot be read.
rcs::Result<LaunchPlan> planContainerLaunch(const QJsonObject &container, const PodContext &context,
                                            const RedisTools &tools);

// A `kubectl exec` (or readiness probe) command run in the pod's context: redis-cli gets -h/-p of the
// pod first (so an explicit -h still wins), path arguments under mounts are mapped, `sh -c` scripts
// get their mount paths mapped. The pod folder's bin/ (see writeToolWrappers) comes first on PATH.
LaunchPlan planExec(const QStringList &command, const PodContext &context, const RedisTools &tools);

// Writes bin/redis-cli into the pod folder: a wrapper that adds -h <pod IP> -p <port>, so shells
// started by exec (`kubectl exec -it … -- sh`) reach the pod's server without arguments.
void writeToolWrappers(const PodContext &context, const RedisTools &tools);

} // namespace sandbox
