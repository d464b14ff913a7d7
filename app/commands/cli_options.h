#pragma once

#include "common/error.h"
#include "redis/node_address.h"
#include "redis/redis_pool.h"
#include "workflows/cluster_situation.h"

#include <QCommandLineParser>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace rcs::cli {

// The options every headless command shares, parsed one way everywhere:
//   --nodes H:P[,H:P…]   node addresses (one reachable address is enough where nodes are discovered)
//   --password P         Redis password (AUTH); $REDISCLI_AUTH is used when the option is absent, as
//                        redis-cli does, so the password need not appear in the process list
//   --user U             ACL user name for AUTH (Redis 6+)
//   --tls, --cacert F, --cert F, --key F, --sni NAME
//                        TLS as redis-cli takes it (core/operations/endpoint_tls.h checks them)
//   --json               machine-readable output on stdout
//   --timeout S          overall bound in seconds
//   --verbose            echo the log (with the equivalent redis-cli lines) to stderr
//   -h, --help           the command's own help
// Usage errors print one sentence and the hint to --help on stderr and give ExitUsage (2).
class CommandLine final {
public:
    CommandLine(QString command, QString description);

    void addNodesOption(const QString &description = {});
    void addPasswordOptions();
    void addJsonOption();
    void addTimeoutOption(int defaultSeconds);
    void addVerboseOption();
    // What every command on plain endpoints takes: --nodes, the password options, --json, --timeout
    // (with this default) and --verbose.
    void addEndpointOptions(int defaultTimeoutSeconds, const QString &nodesDescription = {});
    void addOption(const QCommandLineOption &option) { m_parser.addOption(option); }

    // Parses the arguments after the command name. Returns an exit code when the command must stop
    // here (ExitSuccess after --help, ExitUsage after an error), std::nullopt to go on.
    std::optional<int> parse(const QStringList &args);

    bool isSet(const QString &name) const { return m_parser.isSet(name); }
    QString value(const QString &name) const { return m_parser.value(name); }
    // Every value of a repeatable option, in the order given.
    QStringList values(const QString &name) const { return m_parser.values(name); }
    // An integer option within [minimum, maximum]; a usage error (printed) otherwise.
    std::optional<int> intValue(const QString &name, int minimum, int maximum) const;

    const QList<NodeAddress> &nodes() const { return m_nodes; }
    bool json() const { return m_json; }
    int timeoutMs() const { return m_timeoutMs; }
    // Password, user, TLS and timeouts for the Redis connections; the password is registered with the
    // Logger as a secret.
    RedisConnectionOptions connectionOptions() const;

    // Prints "<command>: <message> Run 'redis-cluster-studio <command> --help'." and returns ExitUsage.
    int usageError(const QString &message) const;

private:
    QString m_command;
    QCommandLineParser m_parser;
    bool m_hasNodes = false;
    bool m_hasPassword = false;
    bool m_hasJson = false;
    bool m_hasTimeout = false;
    bool m_hasVerbose = false;
    int m_defaultTimeoutSeconds = 0;
    QList<NodeAddress> m_nodes;
    RedisTlsOptions m_tls;
    bool m_json = false;
    int m_timeoutMs = 0;
};

// How the command line phrases the next step of core's messages: "Run 'redis-cluster-studio
// recover'.", "Run again with --yes to confirm."; every CommandLine installs it as core's phrasing.
QString commandSuggestion(NextStep step);

// Prints the error's message (one sentence) on stderr and returns ExitFailure.
int reportFailure(const Error &error);

} // namespace rcs::cli
