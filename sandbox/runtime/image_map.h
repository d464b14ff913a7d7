#pragma once

#include "common/result.h"
#include "runtime/container_command.h"

#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QString>

namespace sandbox {

// One entry of --image-map: the container image (matched exactly, tag included) and the local server
// binary its pods run instead of the default --redis-server.
struct ImageMapping {
    QString image;
    QString serverPath;
};

// Parses "IMAGE=PATH,IMAGE=PATH" (spaces around entries ignored). Refused with one sentence naming the
// entry: no '=', an empty image or path, an image given twice, a path that is not an executable file.
rcs::Result<QList<ImageMapping>> parseImageMap(const QString &text);

// The tools for one server binary: its version (`--version`, which decides bind-source-addr) and the
// cli beside it (redis-cli, or valkey-cli beside a valkey-server), else fallbackCli (empty: redis-cli
// on PATH). Fails with a sentence when the binary does not run or does not answer like a redis-server.
// Blocks for at most 10 s: called once per binary at start, before any pod runs.
rcs::Result<RedisTools> probeRedisTools(const QString &serverPath, const QString &fallbackCli);

// Which tools a pod runs: those of its first container's image when the map names it, else defaults.
class ImageTools final {
public:
    ImageTools() = default;
    // Probes the default server (with cliPath, empty: the cli beside it) and every mapped one.
    rcs::Result<void> load(const QString &defaultServer, const QString &cliPath,
                           const QList<ImageMapping> &mappings);

    const RedisTools &defaults() const { return m_defaults; }
    const RedisTools &forImage(const QString &image) const;
    const RedisTools &forPod(const QJsonObject &pod) const;

private:
    RedisTools m_defaults;
    QHash<QString, RedisTools> m_byImage;
};

} // namespace sandbox
