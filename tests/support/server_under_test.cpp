#include "server_under_test.h"

#include "redis/cluster_info_parser.h"
#include "redis/redis_connection.h"

#include <QFileInfo>
#include <QStandardPaths>
#include <QTest>

#include <optional>

namespace rcs::test {

QString redisServerProgram()
{
    const QString configured = qEnvironmentVariable("RCS_REDIS_SERVER");
    return configured.isEmpty() ? QStandardPaths::findExecutable(QStringLiteral("redis-server")) : configured;
}

QString redisCliProgram()
{
    const QString configured = qEnvironmentVariable("RCS_REDIS_CLI");
    if (!configured.isEmpty())
        return configured;
    const QString server = qEnvironmentVariable("RCS_REDIS_SERVER");
    if (!server.isEmpty()) {
        const QString folder = QFileInfo(server).absolutePath();
        for (const QString &name : {QStringLiteral("redis-cli"), QStringLiteral("valkey-cli")}) {
            if (QFileInfo(folder + QLatin1Char('/') + name).isExecutable())
                return folder + QLatin1Char('/') + name;
        }
    }
    return QStandardPaths::findExecutable(QStringLiteral("redis-cli"));
}

QStringList kubeSandboxServerArguments()
{
    if (qEnvironmentVariable("RCS_REDIS_SERVER").isEmpty())
        return {};
    QStringList arguments{QStringLiteral("--redis-server"), redisServerProgram()};
    if (const QString cli = redisCliProgram(); !cli.isEmpty())
        arguments << QStringLiteral("--redis-cli") << cli;
    return arguments;
}

Result<QString> serverIdentity(const NodeAddress &address, const QString &password)
{
    RedisConnection connection(address);
    connection.setCredentials(password);
    connection.connectToNode(5000);
    std::optional<Result<RedisReply>> reply;
    connection.command(
        {"INFO", "server"}, [&reply](Result<RedisReply> r) { reply = std::move(r); }, 5000);
    if (!QTest::qWaitFor([&reply] { return reply.has_value(); }, 12000))
        return Error(ErrorCode::Timeout,
                     QStringLiteral("%1 did not answer INFO server within 12 s.").arg(address.toString()));
    if (!*reply)
        return reply->error();
    const QMap<QString, QString> fields = parseInfoFields(reply->value().bytes());
    if (fields.value(QStringLiteral("server_name")) == QLatin1String("valkey"))
        return QString(QStringLiteral("Valkey ") + fields.value(QStringLiteral("valkey_version")));
    return QString(QStringLiteral("Redis ") + fields.value(QStringLiteral("redis_version")));
}

} // namespace rcs::test
