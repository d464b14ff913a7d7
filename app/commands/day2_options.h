#pragma once

#include "redis/failover_job.h"
#include "redis/rebalance_planner.h"

#include <QString>
#include <QStringList>

#include <optional>

namespace rcs::cli {

class CommandLine;

// Options shared by the plain-endpoint (--nodes) and the Kubernetes forms of rebalance, reshard and
// failover.

// --weight SUBJECT=W,… and --threshold P. subject names what a weight is keyed by ("ID", "POD").
void addRebalanceOptions(CommandLine &line, const QString &subject);
// Fills options from them; on a usage error (printed) returns its exit code.
std::optional<int> readRebalanceOptions(const CommandLine &line, RebalanceOptions &options);

// What reshard moves: slotCount slots to target, from sources (empty: every other master).
struct ReshardRequest {
    QStringList sources;
    QString target;
    int slotCount = 0;
};
// --to SUBJECT, --slots N and --from SUBJECT,…|all. subject names how masters are given ("ID", "POD").
void addReshardOptions(CommandLine &line, const QString &subject);
// Fills request from them; on a usage error (printed) returns its exit code.
std::optional<int> readReshardOptions(const CommandLine &line, ReshardRequest &request);

// --force and --takeover.
void addFailoverModeOptions(CommandLine &line);
// The mode they ask for; on a usage error (printed) returns its exit code.
std::optional<int> readFailoverMode(const CommandLine &line, FailoverJob::Mode &mode);

} // namespace rcs::cli
