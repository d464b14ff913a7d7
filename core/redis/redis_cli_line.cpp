#include "redis_cli_line.h"

#include "common/shell_quote.h"
#include "redis/redis_pool.h"

#include <QRegularExpression>

namespace rcs {

namespace {
// A brace range such as {0..5460} (how a person types ADDSLOTS of a whole range) is meant for the
// shell to expand, so it stays unquoted; every other argument follows shellQuote.
QString cliArgument(const QString &arg)
{
    static const QRegularExpression braceRange(QStringLiteral("^\\{[0-9]+\\.\\.[0-9]+\\}$"));
    return braceRange.match(arg).hasMatch() ? arg : shellQuote(arg);
}

QString cliProgram(const RedisPool *pool, const NodeAddress &address)
{
    if (!pool)
        return QStringLiteral("redis-cli");
    if (const std::optional<ServerIdentity> server = pool->serverIdentity(address))
        return server->cliName();
    // A node not read yet (a new pod being introduced) runs what its cluster runs, when that is one
    // engine: the MEETs of an add-node on Valkey then say valkey-cli like the rest of its lines.
    return pool->commonCliName().value_or(QStringLiteral("redis-cli"));
}

// A file given by path is named as such; PEM bytes (read from a Kubernetes Secret) by the Secret's key,
// the file a person writes it to.
QString tlsFile(const QString &path, const QByteArray &bytes, const char *placeholder)
{
    return bytes.isEmpty() && !path.isEmpty() ? shellQuote(path) : QString::fromLatin1(placeholder);
}

// redis-cli's TLS options for the node at address: the CA, the client certificate when one is used, and
// the name to verify (--sni) when the pool names one.
QStringList tlsOptions(const RedisPool *pool, const NodeAddress &address)
{
    if (!pool || !pool->options().tls.enabled)
        return {};
    const RedisTlsOptions &tls = pool->options().tls;
    QStringList options{QStringLiteral("--tls")};
    if (!tls.caCertificates.isEmpty() || !tls.caFile.isEmpty())
        options << QStringLiteral("--cacert") << tlsFile(tls.caFile, tls.caCertificates, "ca.crt");
    if (!tls.clientCertificate.isEmpty() || !tls.clientCertificateFile.isEmpty())
        options << QStringLiteral("--cert")
                << tlsFile(tls.clientCertificateFile, tls.clientCertificate, "tls.crt")
                << QStringLiteral("--key") << tlsFile(tls.clientKeyFile, tls.clientKey, "tls.key");
    if (const QString name = pool->peerNameFor(address); !name.isEmpty())
        options << QStringLiteral("--sni") << shellQuote(name);
    return options;
}

QStringList credentialOptions(const RedisPool *pool)
{
    QStringList options;
    if (pool && !pool->options().password.isEmpty()) {
        if (!pool->options().user.isEmpty())
            options << QStringLiteral("--user") << shellQuote(pool->options().user);
        options << QStringLiteral("--askpass");
    }
    return options;
}
} // namespace

QString redisCliLine(const RedisPool *pool, const NodeAddress &address, const QStringList &args)
{
    QStringList parts{cliProgram(pool, address), QStringLiteral("-h"), shellQuote(address.host),
                      QStringLiteral("-p"), QString::number(address.port)};
    parts << tlsOptions(pool, address) << credentialOptions(pool);
    for (const QString &arg : args)
        parts << cliArgument(arg);
    return parts.join(QLatin1Char(' '));
}

QString redisCliLine(const RedisPool *pool, const NodeAddress &address, const QList<QByteArray> &argv)
{
    QStringList args;
    for (const QByteArray &arg : argv)
        args.append(QString::fromUtf8(arg));
    return redisCliLine(pool, address, args);
}

QString redisCliClusterLine(const RedisPool *pool, const NodeAddress &address, const QString &subcommand,
                            const QStringList &words)
{
    QStringList parts{cliProgram(pool, address)};
    parts << tlsOptions(pool, address) << credentialOptions(pool) << QStringLiteral("--cluster") << subcommand
          << words;
    return parts.join(QLatin1Char(' '));
}

QString reshardLine(const RedisPool *pool, const NodeAddress &seed, const QString &fromId,
                    const QString &toId, qsizetype slotCount)
{
    return redisCliClusterLine(pool, seed, QStringLiteral("reshard"),
                               {seed.toString(), QStringLiteral("--cluster-from"), fromId,
                                QStringLiteral("--cluster-to"), toId, QStringLiteral("--cluster-slots"),
                                QString::number(slotCount), QStringLiteral("--cluster-yes")});
}

} // namespace rcs
