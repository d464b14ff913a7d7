#pragma once

#include "redis/failover_job.h"
#include "redis/rebalance_planner.h"

#include <QString>

#include <optional>

namespace rcs::cli {

class CommandLine;

// Options shared by the plain-endpoint (--nodes) and the Kubernetes forms of rebalance and failover.

// --weight SUBJECT=W,… and --threshold P. subject names what a weight is keyed by ("ID", "POD").
void addRebalanceOptions(CommandLine &line, const QString &subject);
// Fills options from them; on a usage error (printed) returns its exit code.
std::optional<int> readRebalanceOptions(const CommandLine &line, RebalanceOptions &options);

// --force and --takeover.
void addFailoverModeOptions(CommandLine &line);
// The mode they ask for; on a usage error (printed) returns its exit code.
std::optional<int> readFailoverMode(const CommandLine &line, FailoverJob::Mode &mode);

} // namespace rcs::cli
