#pragma once

#include <QCoreApplication>
#include <QString>

namespace rcs::ui {

// What the studio detected about the target; the same names as `status --json` ("situation").
enum class Situation {
    Unknown, // no target chosen yet, or the first refresh has not answered
    NotDeployed,
    PodsNotReady,
    NotCreated,
    Healthy,
    Degraded,
    TotalFailure,
    OpenSlots,
};

// Every user action that the toolbar and menus offer.
enum class Action {
    Deploy,
    CreateCluster,
    Recover,
    AddNode,
    RemoveNode,
    Rebalance,
    Failover,
    Check,
    Cleanup,
    Refresh,
    ExportPicture,
};

inline constexpr Action kAllActions[] = {Action::Deploy,   Action::CreateCluster, Action::Recover,
                                         Action::AddNode,  Action::RemoveNode,    Action::Rebalance,
                                         Action::Failover, Action::Check,         Action::Cleanup,
                                         Action::Refresh,  Action::ExportPicture};

QString situationName(Situation situation);  // "total-failure"
QString situationTitle(Situation situation); // "Total failure"
// One sentence telling the operator what to do next.
QString situationAdvice(Situation situation);
// Accepts the `status --json` names; anything else is Unknown.
Situation situationFromName(const QString &name);

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
