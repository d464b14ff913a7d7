#pragma once

#include "operations/result_forms.h"

#include <QByteArray>
#include <QJsonObject>

namespace rcs::cli {

class CommandLine;

// The forms of topologies and check reports are core's (operations/result_forms.h), shared with the
// studio; the command line only prints them.
using ops::checkReportToJson;
using ops::checkReportToText;
using ops::overallClusterState;
using ops::topologyToJson;
using ops::topologyToText;

// Compact JSON text plus a newline, for stdout.
QByteArray jsonLine(const QJsonObject &object);

// Writes bytes to stdout and flushes, so output and stderr messages keep their order in a pipe.
void printBytes(const QByteArray &bytes);

} // namespace rcs::cli
