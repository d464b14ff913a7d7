#include "cli_options.h"

#include "command_registry.h"
#include "common/logger.h"
#include "operations/endpoint_tls.h"

#include <cstdio>

namespace rcs::cli {

namespace {
const QString NodesOption = QStringLiteral("nodes");
const QString PasswordOption = QStringLiteral("password");
const QString UserOption = QStringLiteral("user");
const QString TlsOption = QStringLiteral("tls");
const QString CaCertOption = QStringLiteral("cacert");
const QString CertOption = QStringLiteral("cert");
const QString KeyOption = QStringLiteral("key");
const QString SniOption = QStringLiteral("sni");
const QString JsonOption = QStringLiteral("json");
const QString TimeoutOption = QStringLiteral("timeout");
const QString VerboseOption = QStringLiteral("verbose");
} // namespace

CommandLine::CommandLine(QString command, QString description)
    : m_command(std::move(command))
{
    m_parser.setApplicationDescription(description);
    m_parser.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
    m_parser.addHelpOption();
    // Every command builds one first: core's texts that suggest an operation name the command line.
    setNextStepPhrasing(&commandSuggestion);
}

QString commandSuggestion(NextStep step)
{
    switch (step) {
    case NextStep::Confirm:
        return QStringLiteral("Run again with --yes to confirm.");
    case NextStep::ShowStatus:
        return QStringLiteral("See 'redis-cluster-studio status'.");
    case NextStep::ChooseKubeconfig:
        return QStringLiteral("Pass --kubeconfig FILE, set KUBECONFIG, or start the sandbox with "
                              "'redis-cluster-studio sandbox start'.");
    case NextStep::ChooseContext:
        return QStringLiteral("Choose one with --context.");
    case NextStep::NameNodes:
        return QStringLiteral("Name at least one with --nodes.");
    case NextStep::ForceFailover:
        return QStringLiteral("If the master is down, try --force.");
    case NextStep::ChooseExisting:
        return QStringLiteral("Restore into an empty cluster, or run again with --merge to keep the keys it "
                              "holds (or --replace --yes to overwrite them).");
    default: {
        const QString verb = suggestedOperationName(step);
        return verb.isEmpty() ? QString() : QStringLiteral("Run 'redis-cluster-studio %1'.").arg(verb);
    }
    }
}

void CommandLine::addNodesOption(const QString &description)
{
    m_hasNodes = true;
    m_parser.addOption({NodesOption,
                        description.isEmpty()
                            ? QStringLiteral("Node addresses, comma-separated (HOST:PORT,…).")
                            : description,
                        QStringLiteral("H:P,…")});
}

void CommandLine::addPasswordOptions()
{
    m_hasPassword = true;
    m_parser.addOption(
        {PasswordOption,
         QStringLiteral("Redis password (AUTH). Defaults to $REDISCLI_AUTH, which keeps it out of the "
                        "process list."),
         QStringLiteral("P")});
    m_parser.addOption(
        {UserOption, QStringLiteral("ACL user name for AUTH (Redis 6 and newer)."), QStringLiteral("U")});
    // TLS as redis-cli names it (servers >= 6 with tls-port).
    m_parser.addOption({TlsOption, QStringLiteral("Speak TLS to the nodes (redis-cli --tls).")});
    m_parser.addOption({CaCertOption,
                        QStringLiteral("CA certificate (PEM) the nodes' certificates must lead to; only "
                                       "this CA is trusted (default: the system's CAs)."),
                        QStringLiteral("FILE")});
    m_parser.addOption({CertOption,
                        QStringLiteral("Client certificate (PEM), for nodes with tls-auth-clients yes."),
                        QStringLiteral("FILE")});
    m_parser.addOption(
        {KeyOption, QStringLiteral("The client certificate's private key (PEM)."), QStringLiteral("FILE")});
    m_parser.addOption({SniOption,
                        QStringLiteral("The name the nodes' certificate must carry (default: the host "
                                       "connected to)."),
                        QStringLiteral("NAME")});
}

void CommandLine::addJsonOption()
{
    m_hasJson = true;
    m_parser.addOption({JsonOption, QStringLiteral("Print JSON on stdout instead of text.")});
}

void CommandLine::addTimeoutOption(int defaultSeconds)
{
    m_hasTimeout = true;
    m_defaultTimeoutSeconds = defaultSeconds;
    m_parser.addOption({TimeoutOption,
                        QStringLiteral("Give up after S seconds (default %1).").arg(defaultSeconds),
                        QStringLiteral("S"), QString::number(defaultSeconds)});
}

void CommandLine::addEndpointOptions(int defaultTimeoutSeconds, const QString &nodesDescription)
{
    addNodesOption(nodesDescription);
    addPasswordOptions();
    addJsonOption();
    addTimeoutOption(defaultTimeoutSeconds);
    addVerboseOption();
}

void CommandLine::addVerboseOption()
{
    m_hasVerbose = true;
    m_parser.addOption(
        {VerboseOption, QStringLiteral("Log every step, with the equivalent redis-cli lines, on stderr.")});
}

int CommandLine::usageError(const QString &message) const
{
    std::fprintf(stderr, "%s: %s Run 'redis-cluster-studio %s --help'.\n", qPrintable(m_command),
                 qPrintable(message), qPrintable(m_command));
    return ExitUsage;
}

std::optional<int> CommandLine::intValue(const QString &name, int minimum, int maximum) const
{
    bool ok = false;
    const int number = m_parser.value(name).toInt(&ok);
    if (!ok || number < minimum || number > maximum) {
        usageError(QStringLiteral("--%1 must be a whole number from %2 to %3, not '%4'.")
                       .arg(name)
                       .arg(minimum)
                       .arg(maximum)
                       .arg(m_parser.value(name)));
        return std::nullopt;
    }
    return number;
}

std::optional<int> CommandLine::parse(const QStringList &args)
{
    // QCommandLineParser expects the program name first.
    if (!m_parser.parse(QStringList{QStringLiteral("redis-cluster-studio ") + m_command} + args))
        return usageError(m_parser.errorText() + QLatin1Char('.'));
    if (m_parser.isSet(QStringLiteral("help"))) {
        // Qt names the program as it was started ("./build/app/…") and not the command: say both.
        QString help = m_parser.helpText();
        const qsizetype firstLineEnd = help.indexOf(QLatin1Char('\n'));
        help.replace(0, firstLineEnd,
                     QStringLiteral("Usage: redis-cluster-studio %1 [OPTIONS]").arg(m_command));
        std::printf("%s", qPrintable(help));
        return ExitSuccess;
    }
    if (!m_parser.positionalArguments().isEmpty())
        return usageError(
            QStringLiteral("Unexpected argument '%1'.").arg(m_parser.positionalArguments().first()));
    if (m_hasNodes) {
        if (!m_parser.isSet(NodesOption))
            return usageError(QStringLiteral("--nodes is required."));
        const Result<QList<NodeAddress>> nodes = NodeAddress::parseList(m_parser.value(NodesOption));
        if (!nodes)
            return usageError(nodes.error().message());
        m_nodes = nodes.value();
    }
    if (m_hasJson)
        m_json = m_parser.isSet(JsonOption);
    if (m_hasTimeout) {
        const std::optional<int> seconds = intValue(TimeoutOption, 1, 24 * 3600);
        if (!seconds)
            return ExitUsage;
        m_timeoutMs = *seconds * 1000;
    }
    // Warnings (insecure-skip-tls-verify, skipped kubeconfig files) reach stderr even without
    // --verbose, which adds the rest of the log.
    if (m_hasVerbose && m_parser.isSet(VerboseOption))
        Logger::instance().setEchoToStderr(true);
    else
        Logger::instance().setEchoToStderr(true, LogLevel::Warning);
    if (m_hasPassword) {
        const QString password = connectionOptions().password;
        if (!password.isEmpty())
            Logger::instance().addSecret(password);
        const Result<RedisTlsOptions> tls = ops::endpointTlsOptions(
            {m_parser.isSet(TlsOption), m_parser.value(CaCertOption), m_parser.value(CertOption),
             m_parser.value(KeyOption), m_parser.value(SniOption)});
        if (!tls)
            return usageError(tls.error().message());
        m_tls = *tls;
    }
    return std::nullopt;
}

RedisConnectionOptions CommandLine::connectionOptions() const
{
    RedisConnectionOptions options;
    if (m_hasPassword) {
        options.password = m_parser.isSet(PasswordOption) ? m_parser.value(PasswordOption)
                                                          : qEnvironmentVariable("REDISCLI_AUTH");
        options.user = m_parser.value(UserOption);
        options.tls = m_tls;
    }
    return options;
}

int reportFailure(const Error &error)
{
    std::fprintf(stderr, "%s\n", qPrintable(Logger::instance().redact(error.message())));
    return ExitFailure;
}

} // namespace rcs::cli
