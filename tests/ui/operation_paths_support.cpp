#include "operation_paths_support.h"

#include "command_registry.h"
#include "common/logger.h"

#include <QRegularExpression>

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

} // namespace rcs::test
