#include "runtime/container_command.h"

#include "runtime/pod_context.h"
#include "runtime/redis_config_rewriter.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QSaveFile>
#include <QStandardPaths>

using rcs::Error;
using rcs::ErrorCode;

namespace sandbox {

namespace {

QString baseName(const QString &program)
{
    return program.mid(program.lastIndexOf(u'/') + 1);
}

bool isShell(const QString &program)
{
    const QString name = baseName(program);
    return name == QLatin1String("sh") || name == QLatin1String("bash") || name == QLatin1String("dash") ||
           name == QLatin1String("ash");
}

QStringList toStrings(const QJsonArray &array, const PodContext &context)
{
    QStringList result;
    for (const QJsonValue &value : array)
        result.append(context.expand(value.toString()));
    return result;
}

QString findProgram(const QString &program, const PodContext &context)
{
    const QString wrapperDir = context.podDir + QStringLiteral("/bin");
    if (!program.contains(u'/')) {
        const QString found = QStandardPaths::findExecutable(program, {wrapperDir});
        if (!found.isEmpty())
            return found;
        return QStandardPaths::findExecutable(program).isEmpty() ? program
                                                                 : QStandardPaths::findExecutable(program);
    }
    const QString mapped = context.mapPath(program);
    if (QFileInfo(mapped).isExecutable())
        return mapped;
    // An image path such as /usr/local/bin/redis-cli: use the local program of that name.
    const QString local = QStandardPaths::findExecutable(baseName(program));
    return local.isEmpty() ? program : local;
}

QStringList cliTarget(const PodContext &context)
{
    return {QStringLiteral("-h"), context.podIp, QStringLiteral("-p"), QString::number(context.port)};
}

// `sh -c "exec redis-server …"` that is a plain command is run as that command, so the redis rewrite
// applies; anything richer stays a shell script.
QStringList unwrapShell(const QStringList &argv)
{
    if (argv.size() < 3 || !isShell(argv.at(0)) || argv.at(1) != QLatin1String("-c"))
        return argv;
    QStringList words;
    if (!splitSimpleShellCommand(argv.at(2), &words) || words.isEmpty())
        return argv;
    if (words.first() == QLatin1String("exec"))
        words.removeFirst();
    return words.isEmpty() ? argv : words;
}

} // namespace

bool splitSimpleShellCommand(const QString &script, QStringList *words)
{
    words->clear();
    QString word;
    bool inWord = false;
    QChar quote;
    for (qsizetype i = 0; i < script.size(); ++i) {
        const QChar c = script.at(i);
        if (!quote.isNull()) {
            if (c == quote) {
                quote = QChar();
            } else if (c == u'\\' && quote == u'"' && i + 1 < script.size()) {
                word += script.at(++i);
            } else {
                if (quote == u'"' && (c == u'$' || c == u'`'))
                    return false;
                word += c;
            }
            continue;
        }
        if (c == u'\'' || c == u'"') {
            quote = c;
            inWord = true;
        } else if (c == u'\\' && i + 1 < script.size()) {
            word += script.at(++i);
            inWord = true;
        } else if (c.isSpace()) {
            if (inWord)
                words->append(word);
            word.clear();
            inWord = false;
        } else if (QStringLiteral(";&|<>`$(){}*?~#").contains(c)) {
            return false;
        } else {
            word += c;
            inWord = true;
        }
    }
    if (!quote.isNull())
        return false;
    if (inWord)
        words->append(word);
    return true;
}

QStringList containerArgv(const QJsonObject &container, const PodContext &context)
{
    QStringList argv = toStrings(container.value(QLatin1String("command")).toArray(), context);
    const QStringList args = toStrings(container.value(QLatin1String("args")).toArray(), context);
    if (argv.isEmpty()) {
        argv = args;
        if (argv.isEmpty() || argv.first().startsWith(u'-') || argv.first().endsWith(QLatin1String(".conf")))
            argv.prepend(QStringLiteral("redis-server"));
    } else {
        argv += args;
    }
    return argv;
}

rcs::Result<LaunchPlan> planContainerLaunch(const QJsonObject &container, const PodContext &context,
                                            const RedisTools &tools)
{
    const QStringList argv = unwrapShell(containerArgv(container, context));
    LaunchPlan plan;
    if (isShell(argv.first())) {
        plan.program = findProgram(argv.first(), context);
        for (qsizetype i = 1; i < argv.size(); ++i)
            plan.arguments.append(context.mapText(argv.at(i)));
        plan.isRedisServer = argv.join(u' ').contains(QLatin1String("redis-server"));
        plan.port = context.port;
        plan.note =
            QStringLiteral("The container runs a shell script; kube-sandbox mapped its paths but cannot "
                           "force redis-server to bind to the pod IP inside it.");
        return plan;
    }
    if (baseName(argv.first()) != QLatin1String("redis-server")) {
        plan.program = findProgram(argv.first(), context);
        for (qsizetype i = 1; i < argv.size(); ++i)
            plan.arguments.append(context.mapArgument(argv.at(i)));
        if (baseName(argv.first()) == QLatin1String("redis-cli"))
            plan.arguments = cliTarget(context) + plan.arguments;
        return plan;
    }

    plan.program = tools.serverPath;
    plan.isRedisServer = true;
    quint16 port = 6379;
    // TLS only (`port 0` with a `tls-port`): the pod's port is the TLS one and the plain one stays off.
    std::optional<quint16> plainPort;
    quint16 tlsPort = 0;
    qsizetype first = 1;
    if (argv.size() > 1 && !argv.at(1).startsWith(QLatin1String("--")) && argv.at(1) != QLatin1String("-")) {
        const QString configPath = context.mapPath(argv.at(1));
        QFile file(configPath);
        if (!file.open(QIODevice::ReadOnly)) {
            return Error(ErrorCode::NotFound,
                         QStringLiteral("The redis config file %1 does not exist in the container: mount the "
                                        "ConfigMap that holds it at %2.")
                             .arg(argv.at(1), QFileInfo(argv.at(1)).path()));
        }
        const QString text = QString::fromUtf8(file.readAll());
        if (const quint16 configured = redisConfigPort(text))
            port = configured;
        plainPort = redisConfigPortDirective(text, QStringLiteral("port"));
        tlsPort = redisConfigPortDirective(text, QStringLiteral("tls-port")).value_or(0);
        const QString rewrittenPath = context.podDir + QStringLiteral("/") +
                                      QFileInfo(argv.at(1)).completeBaseName() +
                                      QStringLiteral(".sandbox.conf");
        QSaveFile rewritten(rewrittenPath);
        if (!rewritten.open(QIODevice::WriteOnly) ||
            rewritten.write(rewriteRedisConfig(text, context).toUtf8()) < 0 || !rewritten.commit()) {
            return Error(ErrorCode::Io,
                         QStringLiteral("Cannot write the rewritten redis config %1.").arg(rewrittenPath));
        }
        plan.arguments.append(rewrittenPath);
        first = 2;
    }
    for (qsizetype i = first; i < argv.size(); ++i) {
        plan.arguments.append(context.mapArgument(argv.at(i)));
        if (i + 1 >= argv.size())
            continue;
        if (argv.at(i) == QLatin1String("--port")) {
            plainPort = argv.at(i + 1).toUShort();
            if (*plainPort > 0)
                port = *plainPort;
        } else if (argv.at(i) == QLatin1String("--tls-port")) {
            tlsPort = argv.at(i + 1).toUShort();
        }
    }
    plan.tls = tlsPort > 0 && plainPort == quint16(0);
    plan.port = plan.tls ? tlsPort : port;
    plan.arguments += {QStringLiteral("--bind"), context.podIp};
    if (plan.tls)
        plan.arguments += {QStringLiteral("--port"), QStringLiteral("0"), QStringLiteral("--tls-port"),
                           QString::number(tlsPort)};
    else
        plan.arguments += {QStringLiteral("--port"), QString::number(port)};
    plan.arguments +=
        {QStringLiteral("--daemonize"), QStringLiteral("no"), QStringLiteral("--logfile"), QString()};
    if (tools.serverMajorVersion >= 7)
        plan.arguments += {QStringLiteral("--bind-source-addr"), context.podIp};
    return plan;
}

LaunchPlan planExec(const QStringList &command, const PodContext &context, const RedisTools &tools)
{
    LaunchPlan plan;
    plan.port = context.port;
    if (command.isEmpty())
        return plan;
    const QString name = baseName(command.first());
    if (name == QLatin1String("redis-cli")) {
        plan.program = tools.cliPath;
        plan.arguments = cliTarget(context);
        for (qsizetype i = 1; i < command.size(); ++i)
            plan.arguments.append(context.mapArgument(command.at(i)));
        return plan;
    }
    plan.program = findProgram(command.first(), context);
    if (isShell(command.first())) {
        for (qsizetype i = 1; i < command.size(); ++i)
            plan.arguments.append(context.mapText(command.at(i)));
        return plan;
    }
    for (qsizetype i = 1; i < command.size(); ++i)
        plan.arguments.append(context.mapArgument(command.at(i)));
    return plan;
}

void writeToolWrappers(const PodContext &context, const RedisTools &tools)
{
    const QString binDir = context.podDir + QStringLiteral("/bin");
    QDir().mkpath(binDir);
    QSaveFile wrapper(binDir + QStringLiteral("/redis-cli"));
    if (!wrapper.open(QIODevice::WriteOnly))
        return;
    wrapper.write(QStringLiteral("#!/bin/sh\n# kube-sandbox: redis-cli in pod %1 talks to the pod's server\n"
                                 "exec %2 -h %1 -p %3 \"$@\"\n")
                      .arg(context.podIp, tools.cliPath, QString::number(context.port))
                      .toUtf8());
    if (wrapper.commit()) {
        QFile::setPermissions(binDir + QStringLiteral("/redis-cli"),
                              QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
    }
}

} // namespace sandbox
