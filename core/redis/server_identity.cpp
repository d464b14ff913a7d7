#include "server_identity.h"

#include "redis/cluster_info_parser.h"
#include "redis/redis_pool.h"

#include <QCoreApplication>
#include <QTimer>

namespace rcs {

namespace {
// The translation context of this file's texts: the GUI shows them in its language, the
// headless commands (which load no translation) in English.
struct Text {
    Q_DECLARE_TR_FUNCTIONS(rcs::ServerIdentity)
};
} // namespace

namespace {
std::optional<QVersionNumber> versionField(const QMap<QString, QString> &fields, const QString &key)
{
    const QVersionNumber version = QVersionNumber::fromString(fields.value(key).trimmed());
    if (version.isNull())
        return std::nullopt;
    return version;
}
} // namespace

QString ServerIdentity::name() const
{
    return isValkey() ? QStringLiteral("valkey") : QStringLiteral("redis");
}

QString ServerIdentity::cliName() const
{
    return name() + QStringLiteral("-cli");
}

QString ServerIdentity::toString() const
{
    return name() + QLatin1Char(' ') + version.toString();
}

Result<ServerIdentity> serverIdentityFromInfo(const QMap<QString, QString> &fields)
{
    const std::optional<QVersionNumber> redisVersion = versionField(fields, QStringLiteral("redis_version"));
    if (!redisVersion) {
        return Error(ErrorCode::Protocol,
                     Text::tr("The INFO reply has no readable redis_version ('%1'); the node may not "
                              "be a Redis or Valkey server.")
                         .arg(fields.value(QStringLiteral("redis_version"))));
    }
    ServerIdentity identity;
    identity.redisVersion = *redisVersion;
    identity.version = *redisVersion;
    const QString name = fields.value(QStringLiteral("server_name")).trimmed();
    if (name.isEmpty() || name == QLatin1String("redis"))
        return identity;
    if (name != QLatin1String("valkey")) {
        return Error(ErrorCode::Protocol,
                     Text::tr("The node names itself '%1' in INFO server; only Redis and Valkey are "
                              "known to the studio.")
                         .arg(name));
    }
    const std::optional<QVersionNumber> valkeyVersion =
        versionField(fields, QStringLiteral("valkey_version"));
    if (!valkeyVersion) {
        return Error(ErrorCode::Protocol,
                     Text::tr("The node says it is Valkey but has no readable valkey_version ('%1') "
                              "in INFO server.")
                         .arg(fields.value(QStringLiteral("valkey_version"))));
    }
    identity.engine = ServerEngine::Valkey;
    identity.version = *valkeyVersion;
    return identity;
}

Result<ServerIdentity> parseServerIdentity(const QByteArray &infoReply)
{
    return serverIdentityFromInfo(parseInfoFields(infoReply));
}

void fetchServerIdentity(RedisPool *pool, const NodeAddress &address, const QObject *context,
                         std::function<void(Result<ServerIdentity>)> done)
{
    if (const std::optional<ServerIdentity> known = pool->serverIdentity(address)) {
        // Asynchronous like every reply, so callers never run re-entrantly.
        QTimer::singleShot(0, context ? context : pool,
                           [done = std::move(done), identity = *known] { done(identity); });
        return;
    }
    pool->command(
        address, {"INFO", "server"}, context,
        [pool = QPointer<RedisPool>(pool), address, done = std::move(done)](Result<RedisReply> reply) {
            if (!reply) {
                done(reply.error());
                return;
            }
            Result<ServerIdentity> identity = parseServerIdentity(reply.value().bytes());
            if (!identity) {
                done(
                    Error(identity.error().code(), Text::tr("%1 cannot be identified: %2")
                                                       .arg(address.toString(), identity.error().message())));
                return;
            }
            if (pool)
                pool->rememberServerIdentity(address, identity.value());
            done(std::move(identity));
        });
}

} // namespace rcs
