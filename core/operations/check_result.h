#pragma once

#include "redis/cluster_check.h"
#include "workflows/cluster_situation.h"

#include <QJsonObject>
#include <QString>
#include <QStringList>

#include <optional>

namespace rcs::ops {

// What `check` (and `check --fix`) found, on every target kind: the report judged like
// `redis-cli --cluster check`, what --fix did, and what the target kind adds: the cluster_state the
// nodes report (plain endpoints) or the situation core names with the pods in view (Kubernetes, the
// sandbox). The command line prints its forms, the studio logs the findings.
struct CheckResult {
    ClusterCheckReport report;
    // What --fix did to close open slots; nullopt where nothing was asked (a plain check).
    std::optional<QStringList> fixed;
    // Whether the fixes were already shown as the job ran (a workflow's steps); else the text lists them.
    bool fixesShown = false;
    // Plain endpoints: "ok", "fail" or "unknown" (overallClusterState); empty elsewhere.
    QString clusterState;
    // Kubernetes and the sandbox: the situation, which decides healthy (pods count too).
    std::optional<SituationAssessment> assessment;

    // No error in the report; with an assessment, the situation is healthy.
    bool healthy() const;
};

// checkReportToJson's document ("healthy", "errors", "warnings", "findings") with "healthy" as
// CheckResult::healthy() says, plus what is known: "fixed", "cluster_state", "situation".
QJsonObject checkToJson(const CheckResult &check);
// The fixes (unless shown already), the report's "[OK] …" lines and, with an assessment, a
// "Situation: …" line with core's advice.
QString checkToText(const CheckResult &check);

} // namespace rcs::ops
