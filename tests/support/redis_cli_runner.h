#pragma once

#include "common/result.h"

#include <QString>
#include <QStringList>

namespace rcs::test {

struct ProcessRun {
    int exitCode = -1;
    QString output; // stdout and stderr, merged
};

// Runs a program to completion (bounded) and returns its exit code and output. Errors: NotFound when
// the program is not installed, Timeout when it did not finish (it is killed).
Result<ProcessRun> runProgram(const QString &program, const QStringList &args, int timeoutMs = 60000);

// The redis-cli of the server under test (redisCliProgram(): Debian's redis-tools by default).
Result<ProcessRun> runRedisCli(const QStringList &args, int timeoutMs = 60000);

} // namespace rcs::test
