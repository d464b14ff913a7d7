#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QString>
#include <QStringList>

namespace rcs::test {

// One run of the real redis-cluster-studio executable, as a script would run it.
struct StudioRun {
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
};

// Runs $RCS_BINARY_DIR/app/redis-cluster-studio with args; killed after timeoutMs (exit code -1).
StudioRun studio(const QStringList &args, int timeoutMs = 180000);
// Exit code, stdout and stderr, for failure messages.
QString describe(const StudioRun &run);
QJsonObject json(const StudioRun &run);

} // namespace rcs::test
