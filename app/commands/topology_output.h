#pragma once

#include <QByteArray>
#include <QJsonObject>

namespace rcs::cli {

// The result forms are core's (core/operations: result_forms, status_result, check_result), shared
// with the studio; the command line only prints them.

// Compact JSON text plus a newline, for stdout.
QByteArray jsonLine(const QJsonObject &object);

// Writes bytes to stdout and flushes, so output and stderr messages keep their order in a pipe.
void printBytes(const QByteArray &bytes);

} // namespace rcs::cli
