#include "command_registry.h"

#include "commands/cluster_command.h"

#include <QCoreApplication>

#include <cstdio>

namespace rcs::cli {

namespace {
int runVersion(const QStringList &)
{
    std::printf("redis-cluster-studio %s\n", qPrintable(QCoreApplication::applicationVersion()));
    return ExitSuccess;
}

int runHelp(const QStringList &)
{
    std::printf("%s", qPrintable(usageText()));
    return ExitSuccess;
}
} // namespace

// Commands are added here, one line each, as their implementations land in app/commands/.
const QList<Command> &commands()
{
    static const QList<Command> list = {
        {QStringLiteral("help"), QStringLiteral("show this overview"), runHelp},
        {QStringLiteral("version"), QStringLiteral("print the version"), runVersion},
        {QStringLiteral("create"), QStringLiteral("form a new cluster from blank nodes and verify it"), runCreate},
        {QStringLiteral("status"), QStringLiteral("show the cluster: masters, replicas, slots, links"), runStatus},
        {QStringLiteral("check"), QStringLiteral("check the cluster like redis-cli --cluster check, and more"), runCheck},
    };
    return list;
}

const Command *findCommand(const QString &name)
{
    for (const Command &command : commands()) {
        if (command.name == name)
            return &command;
    }
    return nullptr;
}

QString usageText()
{
    QString text = QStringLiteral("Usage: redis-cluster-studio [COMMAND [OPTIONS]]\n\n"
                                  "Without a command the desktop studio opens.\n\nCommands:\n");
    for (const Command &command : commands())
        text += QStringLiteral("  %1  %2\n").arg(command.name, -16).arg(command.summary);
    text += QStringLiteral("\nRun 'redis-cluster-studio COMMAND --help' for a command's options.\n");
    return text;
}

} // namespace rcs::cli
