#pragma once

#include <QList>
#include <QString>
#include <QStringList>

#include <functional>

namespace rcs::cli {

// Exit codes of every headless command.
enum ExitCode { ExitSuccess = 0, ExitFailure = 1, ExitUsage = 2 };

struct Command {
    QString name;
    QString summary;
    // Receives the arguments after the command name; runs to completion (it may spin the event loop
    // of the QCoreApplication that main() created) and returns an ExitCode.
    std::function<int(const QStringList &args)> run;
};

// Every headless command; main() runs the GUI when the first argument names none of them.
const QList<Command> &commands();
const Command *findCommand(const QString &name);
QString usageText();

} // namespace rcs::cli
