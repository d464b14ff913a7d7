#include "operation_paths_support.h"

#include "command_registry.h"
#include "common/logger.h"

#include <QJsonArray>
#include <QRegularExpression>
#include <QTemporaryFile>

#include <cstdio>
#include <unistd.h>

namespace rcs::test {

int runCommandInProcess(const QString &name, const QStringList &args)
{
    const cli::Command *command = cli::findCommand(name);
    return command ? command->run(args) : -1;
}

QStringList commandsLoggedBy(const std::function<void()> &run)
{
    QStringList commands;
    QObject context;
    QObject::connect(&Logger::instance(), &Logger::entryAdded, &context, [&commands](const LogEntry &entry) {
        if (!entry.command.isEmpty())
            commands << entry.command;
    });
    run();
    return normalisedCommands(commands);
}

QStringList normalisedCommands(QStringList commands)
{
    static const QRegularExpression id(QStringLiteral("\\b[0-9a-f]{40}\\b"));
    for (QString &command : commands)
        command.replace(id, QStringLiteral("<id>"));
    commands.sort();
    return commands;
}

QByteArray stdoutOf(const std::function<void()> &run)
{
    QTemporaryFile file;
    if (!file.open())
        return {};
    std::fflush(stdout);
    const int saved = ::dup(STDOUT_FILENO);
    ::dup2(file.handle(), STDOUT_FILENO);
    run();
    std::fflush(stdout);
    ::dup2(saved, STDOUT_FILENO);
    ::close(saved);
    file.seek(0);
    return file.readAll();
}

QJsonObject comparableStatus(QJsonObject status)
{
    QJsonObject nodes;
    for (const QJsonValue &node : status.value(QLatin1String("nodes")).toArray())
        nodes.insert(node.toObject().value(QLatin1String("id")).toString(), node);
    status.insert(QStringLiteral("nodes"), nodes);
    return status;
}

QStringList statusShape(const QJsonObject &status)
{
    QStringList shape;
    for (const QJsonValue &value : status.value(QLatin1String("nodes")).toArray()) {
        const QJsonObject node = value.toObject();
        shape << QStringLiteral("%1 %2 %3")
                     .arg(node.value(QLatin1String("id")).toString(),
                          node.value(QLatin1String("role")).toString(),
                          node.value(QLatin1String("slots")).toString());
    }
    shape.sort();
    return shape;
}

QStringList snapshotShape(const ui::TopologySnapshot &snapshot)
{
    QStringList shape;
    for (const ui::NodeCard &card : snapshot.nodes) {
        const QString role = card.role == ui::NodeCard::Role::Master    ? QStringLiteral("master")
                             : card.role == ui::NodeCard::Role::Replica ? QStringLiteral("replica")
                                                                        : QStringLiteral("unknown");
        shape << QStringLiteral("%1 %2 %3").arg(card.id, role, card.slotsText);
    }
    shape.sort();
    return shape;
}

} // namespace rcs::test
