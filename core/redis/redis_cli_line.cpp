#include "redis_cli_line.h"

#include "redis/redis_pool.h"

#include <QRegularExpression>

namespace rcs {

namespace {
QString shellQuoted(const QString &arg)
{
    // Brace ranges like {0..5460} are meant for the shell to expand, so they stay unquoted.
    static const QRegularExpression plain(QStringLiteral("^[A-Za-z0-9_@%+=:,./{}-]+$"));
    if (!arg.isEmpty() && plain.match(arg).hasMatch())
        return arg;
    QString quoted = arg;
    quoted.replace(QLatin1Char('\''), QStringLiteral("'\\''"));
    return QLatin1Char('\'') + quoted + QLatin1Char('\'');
}
} // namespace

QString cliProgram(const RedisPool *pool, const NodeAddress &address)
{
    const std::optional<ServerIdentity> server = pool ? pool->serverIdentity(address) : std::nullopt;
    return server ? server->cliName() : QStringLiteral("redis-cli");
}

QString redisCliLine(const RedisPool *pool, const NodeAddress &address, const QStringList &args)
{
    QStringList parts = {cliProgram(pool, address), QStringLiteral("-h"), shellQuoted(address.host),
                         QStringLiteral("-p"), QString::number(address.port)};
    if (pool && !pool->options().password.isEmpty()) {
        if (!pool->options().user.isEmpty())
            parts << QStringLiteral("--user") << shellQuoted(pool->options().user);
        parts << QStringLiteral("--askpass");
    }
    for (const QString &arg : args)
        parts << shellQuoted(arg);
    return parts.join(QLatin1Char(' '));
}

QString redisCliLine(const RedisPool *pool, const NodeAddress &address, const QList<QByteArray> &argv)
{
    QStringList args;
    for (const QByteArray &arg : argv)
        args.append(QString::fromUtf8(arg));
    return redisCliLine(pool, address, args);
}

} // namespace rcs
