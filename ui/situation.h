#pragma once

#include "workflows/cluster_situation.h"

#include <QCoreApplication>
#include <QString>

#include <optional>

namespace rcs::ui {

// The studio names situations as core's assessor does (status, check and the workflows use the same
// one); Unknown until the first refresh answers.
using rcs::Situation;
using rcs::SuggestedOperation;

// Every user action that the toolbar and menus offer.
enum class Action {
    Deploy,
    CreateCluster,
    Recover,
    AddNode,
    RemoveNode,
    Rebalance,
    Failover,
    Upgrade, // upgrade or rolling-restart of the StatefulSet's pods
    // Security: a new password for one user, new certificates loaded live (Kubernetes and the sandbox).
    RotatePassword,
    RotateCertificates,
    Check,
    Cleanup,
    // Every master's data into one archive file (core's backup); Cleanup and Upgrade offer it first.
    Backup,
    // A backup's keys put back into this cluster (core's restore), after a confirmation.
    Restore,
    Refresh,
    ExportPicture,
};

inline constexpr Action kAllActions[] = {Action::Deploy,         Action::CreateCluster,
                                         Action::Recover,        Action::AddNode,
                                         Action::RemoveNode,     Action::Rebalance,
                                         Action::Failover,       Action::Upgrade,
                                         Action::RotatePassword, Action::RotateCertificates,
                                         Action::Check,          Action::Cleanup,
                                         Action::Backup,         Action::Restore,
                                         Action::Refresh,        Action::ExportPicture};

QString situationTitle(Situation situation); // "Total failure"
// The studio's own sentence for a situation, for when no assessment came with it (no target yet).
QString situationAdvice(Situation situation);
// How the studio phrases the next step of core's messages: "Click Recover.", "Choose a context in the
// target bar."; empty for None. The window installs it as core's phrasing.
QString suggestionText(NextStep step);
// The action that starts a suggested operation (Check for both check forms); nullopt for None.
std::optional<Action> suggestedAction(SuggestedOperation operation);

QString actionTitle(Action action); // "Create cluster"

// Whether an action may run, and if not, why (shown as the disabled action's tooltip).
struct ActionState {
    bool enabled = false;
    bool prominent = false; // the action that gets the operator out of the situation
    QString reason;         // empty when enabled
};

// The situation → actions table, free of widgets so that it is tested on its own.
class ActionPolicy final {
    // The context of every text of situation.cpp: titles, advice, action names and the reasons.
    Q_DECLARE_TR_FUNCTIONS(rcs::ui::ActionPolicy)
public:
    // busyWith: the title of the running workflow, if any; changing actions wait for it.
    static ActionState state(Action action, Situation situation, const QString &busyWith = {});
    // True for actions that change the cluster (as opposed to Refresh, Check, Export).
    static bool changesCluster(Action action);
};

} // namespace rcs::ui
