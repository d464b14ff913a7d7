#include "command_registry.h"
#include "gui_main.h"

#include <QApplication>
#include <QCoreApplication>

#include <cstdio>
#include <memory>

namespace {
void setApplicationNames()
{
    QCoreApplication::setOrganizationName(QStringLiteral("RedisClusterStudio"));
    QCoreApplication::setApplicationName(QStringLiteral("redis-cluster-studio"));
    QCoreApplication::setApplicationVersion(QStringLiteral(RCS_VERSION));
}
} // namespace

int main(int argc, char **argv)
{
    const QString first = argc > 1 ? QString::fromLocal8Bit(argv[1]) : QString();
    if (const rcs::cli::Command *command = rcs::cli::findCommand(first)) {
        QCoreApplication app(argc, argv);
        setApplicationNames();
        return command->run(app.arguments().mid(2));
    }
    // `gui` names the desktop application explicitly (`redis-cluster-studio gui --help` lists its
    // options); without a command it starts as well.
    const bool gui = first == QLatin1String("gui");
    if (!gui && !first.isEmpty() && !first.startsWith(QLatin1Char('-'))) {
        std::fprintf(stderr, "Unknown command '%s'. Run 'redis-cluster-studio help' for the list.\n",
                     qPrintable(first));
        return rcs::cli::ExitUsage;
    }
    if (first == QLatin1String("--help") || first == QLatin1String("-h")) {
        std::printf("%s", qPrintable(rcs::cli::usageText()));
        return rcs::cli::ExitSuccess;
    }

    QApplication app(argc, argv);
    setApplicationNames();
    return rcs::app::runGui(app);
}
