#include "runtime/image_map.h"

#include "runtime/object_fields.h"

#include <QFileInfo>
#include <QProcess>
#include <QRegularExpression>
#include <QSet>
#include <QStandardPaths>

using rcs::Error;
using rcs::ErrorCode;

namespace sandbox {

namespace {

// "Redis server v=7.0.15 sha=…" or "Valkey server v=8.0.1 …" → 7 or 8; 0 when the output is neither.
int serverMajorVersion(const QString &versionOutput)
{
    static const QRegularExpression version(QStringLiteral(R"(server v=(\d+)\.)"));
    const auto match = version.match(versionOutput);
    return match.hasMatch() ? match.captured(1).toInt() : 0;
}

// The cli that ships with a server: valkey-cli beside valkey-server, redis-cli beside redis-server
// (Valkey also installs a redis-cli link, tried second).
QString cliBeside(const QString &serverPath)
{
    const QFileInfo server(serverPath);
    QStringList names{QStringLiteral("redis-cli")};
    if (server.fileName().startsWith(QLatin1String("valkey")))
        names.prepend(QStringLiteral("valkey-cli"));
    for (const QString &name : std::as_const(names)) {
        const QFileInfo cli(server.absolutePath() + u'/' + name);
        if (cli.isFile() && cli.isExecutable())
            return cli.filePath();
    }
    return {};
}

} // namespace

rcs::Result<QList<ImageMapping>> parseImageMap(const QString &text)
{
    QList<ImageMapping> mappings;
    QSet<QString> seen;
    const QStringList entries = text.split(u',', Qt::SkipEmptyParts);
    for (const QString &raw : entries) {
        const QString entry = raw.trimmed();
        if (entry.isEmpty())
            continue;
        const qsizetype equals = entry.indexOf(u'=');
        if (equals < 0)
            return Error(ErrorCode::InvalidInput,
                         QStringLiteral("--image-map entry \"%1\" has no '=': write IMAGE=PATH, e.g. "
                                        "redis:5.0.5=/opt/redis-5.0.5/src/redis-server.")
                             .arg(entry));
        ImageMapping mapping{entry.left(equals).trimmed(), entry.mid(equals + 1).trimmed()};
        if (mapping.image.isEmpty() || mapping.serverPath.isEmpty())
            return Error(ErrorCode::InvalidInput,
                         QStringLiteral("--image-map entry \"%1\" needs both an image and a path: write "
                                        "IMAGE=PATH.")
                             .arg(entry));
        if (seen.contains(mapping.image))
            return Error(ErrorCode::InvalidInput,
                         QStringLiteral("--image-map names the image %1 twice: give each image one server.")
                             .arg(mapping.image));
        const QFileInfo binary(mapping.serverPath);
        if (!binary.exists())
            return Error(ErrorCode::NotFound,
                         QStringLiteral("--image-map maps %1 to %2, which does not exist: build or install "
                                        "that server, or correct the path.")
                             .arg(mapping.image, mapping.serverPath));
        if (!binary.isFile() || !binary.isExecutable())
            return Error(ErrorCode::InvalidInput,
                         QStringLiteral("--image-map maps %1 to %2, which is not an executable file: name "
                                        "the redis-server (or valkey-server) binary itself.")
                             .arg(mapping.image, mapping.serverPath));
        seen.insert(mapping.image);
        mappings.append(mapping);
    }
    return mappings;
}

rcs::Result<RedisTools> probeRedisTools(const QString &serverPath, const QString &fallbackCli)
{
    RedisTools tools;
    tools.serverPath = serverPath;
    tools.cliPath = cliBeside(serverPath);
    if (tools.cliPath.isEmpty())
        tools.cliPath =
            fallbackCli.isEmpty() ? QStandardPaths::findExecutable(QStringLiteral("redis-cli")) : fallbackCli;
    QProcess version;
    version.start(serverPath, {QStringLiteral("--version")});
    const bool ran = version.waitForFinished(10000) && version.exitStatus() == QProcess::NormalExit &&
                     version.exitCode() == 0;
    tools.serverMajorVersion =
        ran ? serverMajorVersion(QString::fromUtf8(version.readAllStandardOutput())) : 0;
    if (tools.serverMajorVersion == 0) {
        version.kill();
        version.waitForFinished(1000);
        return Error(ErrorCode::NotFound,
                     QStringLiteral("\"%1 --version\" does not run or does not answer like a redis-server "
                                    "(\"Redis server v=…\")")
                         .arg(serverPath));
    }
    return tools;
}

rcs::Result<void> ImageTools::load(const QString &defaultServer, const QString &cliPath,
                                   const QList<ImageMapping> &mappings)
{
    auto defaults = probeRedisTools(defaultServer, {});
    if (!defaults)
        return Error(defaults.error().code(),
                     QStringLiteral("The pods need a local redis-server, but %1: install redis-server or "
                                    "pass --redis-server PATH.")
                         .arg(defaults.error().message()));
    m_defaults = defaults.value();
    if (!cliPath.isEmpty())
        m_defaults.cliPath = cliPath;
    m_byImage.clear();
    for (const ImageMapping &mapping : mappings) {
        auto tools = probeRedisTools(mapping.serverPath, m_defaults.cliPath);
        if (!tools)
            return Error(tools.error().code(),
                         QStringLiteral("--image-map maps %1 to a server that cannot run: %2; map the image "
                                        "to a working redis-server or valkey-server.")
                             .arg(mapping.image, tools.error().message()));
        m_byImage.insert(mapping.image, tools.value());
    }
    return {};
}

const RedisTools &ImageTools::forImage(const QString &image) const
{
    const auto found = m_byImage.constFind(image);
    return found == m_byImage.cend() ? m_defaults : found.value();
}

const RedisTools &ImageTools::forPod(const QJsonObject &pod) const
{
    const QJsonObject container = specOf(pod).value(QLatin1String("containers")).toArray().at(0).toObject();
    return forImage(container.value(QLatin1String("image")).toString());
}

} // namespace sandbox
