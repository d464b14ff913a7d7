#include "server_identity.h"

namespace rcs {

QString ServerIdentity::toString() const
{
    if (!isKnown())
        return QStringLiteral("unknown server");
    return version.isNull() ? name : name + QLatin1Char(' ') + version.toString();
}

bool ServerIdentity::replicatesSetSlot() const
{
    return isValkey() && version >= QVersionNumber(8, 0);
}

ServerIdentity serverIdentityFromInfo(const QMap<QString, QString> &info)
{
    ServerIdentity identity;
    const QString redisVersion = info.value(QStringLiteral("redis_version"));
    QString name = info.value(QStringLiteral("server_name")).trimmed().toLower();
    if (name.isEmpty() && !redisVersion.isEmpty())
        name = QStringLiteral("redis");
    if (name.isEmpty())
        return identity;
    identity.name = name;
    // A server that names itself gives its own version field ("valkey_version"); Redis has redis_version.
    const QString own = info.value(name + QStringLiteral("_version"));
    identity.version = QVersionNumber::fromString(own.isEmpty() ? redisVersion : own);
    return identity;
}

} // namespace rcs
