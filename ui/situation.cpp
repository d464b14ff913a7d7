#include "situation.h"

#include <QCoreApplication>

namespace rcs::ui {

namespace {
struct SituationInfo {
    Situation situation;
    const char *title;
    const char *advice;
};

constexpr SituationInfo kSituations[] = {
    {Situation::Unknown, QT_TRANSLATE_NOOP("rcs::ui::ActionPolicy", "Not connected"),
     QT_TRANSLATE_NOOP("rcs::ui::ActionPolicy",
                       "Choose a kubeconfig and context, or the local sandbox, to see a cluster.")},
    {Situation::NotDeployed, QT_TRANSLATE_NOOP("rcs::ui::ActionPolicy", "Not deployed"),
     QT_TRANSLATE_NOOP("rcs::ui::ActionPolicy",
                       "Nothing is deployed in this namespace yet: use Deploy to create the pods.")},
    {Situation::PodsNotReady, QT_TRANSLATE_NOOP("rcs::ui::ActionPolicy", "Pods not ready"),
     QT_TRANSLATE_NOOP("rcs::ui::ActionPolicy",
                       "Some pods are not Ready yet; wait, or look at the pod details for the reason.")},
    {Situation::NotCreated, QT_TRANSLATE_NOOP("rcs::ui::ActionPolicy", "Cluster not created"),
     QT_TRANSLATE_NOOP("rcs::ui::ActionPolicy", "The pods run but form no cluster yet: use Create cluster.")},
    {Situation::Healthy, QT_TRANSLATE_NOOP("rcs::ui::ActionPolicy", "Healthy"),
     QT_TRANSLATE_NOOP("rcs::ui::ActionPolicy", "Every slot is served and every node agrees.")},
    {Situation::Degraded, QT_TRANSLATE_NOOP("rcs::ui::ActionPolicy", "Degraded"),
     QT_TRANSLATE_NOOP(
         "rcs::ui::ActionPolicy",
         "Some nodes are failing or unreachable; Check explains what is wrong, Recover repairs addresses.")},
    {Situation::TotalFailure, QT_TRANSLATE_NOOP("rcs::ui::ActionPolicy", "Total failure"),
     QT_TRANSLATE_NOOP("rcs::ui::ActionPolicy",
                       "Every pod restarted with a new IP and the nodes lost each other: use Recover.")},
    {Situation::OpenSlots, QT_TRANSLATE_NOOP("rcs::ui::ActionPolicy", "Open slots"),
     QT_TRANSLATE_NOOP("rcs::ui::ActionPolicy",
                       "A slot migration was interrupted; Check finds and fixes the open slots.")},
};

const SituationInfo &info(Situation situation)
{
    for (const SituationInfo &entry : kSituations) {
        if (entry.situation == situation)
            return entry;
    }
    return kSituations[0];
}

} // namespace

QString situationTitle(Situation situation)
{
    return ActionPolicy::tr(info(situation).title);
}

QString situationAdvice(Situation situation)
{
    return ActionPolicy::tr(info(situation).advice);
}

std::optional<Action> suggestedAction(SuggestedOperation operation)
{
    switch (operation) {
    case SuggestedOperation::None:
        return std::nullopt;
    case SuggestedOperation::Deploy:
        return Action::Deploy;
    case SuggestedOperation::Create:
        return Action::CreateCluster;
    case SuggestedOperation::Recover:
        return Action::Recover;
    case SuggestedOperation::Check:
    case SuggestedOperation::CheckFix: // the studio's Check closes open slots
        return Action::Check;
    case NextStep::ShowStatus:
        return Action::Refresh;
    case NextStep::Confirm:
    case NextStep::ChooseKubeconfig:
    case NextStep::ChooseContext:
    case NextStep::NameNodes:
    case NextStep::ForceFailover:
    case NextStep::ChooseExisting:
        return std::nullopt;
    }
    return std::nullopt;
}

QString suggestionText(NextStep step)
{
    switch (step) {
    case NextStep::Confirm:
        return ActionPolicy::tr("Start it again and confirm it in the dialog to go ahead.");
    case NextStep::ChooseKubeconfig:
        return ActionPolicy::tr("Choose a kubeconfig file in the target bar, or the local sandbox.");
    case NextStep::ChooseContext:
        return ActionPolicy::tr("Choose a context in the target bar.");
    case NextStep::NameNodes:
        return ActionPolicy::tr("Enter at least one node address (HOST:PORT) in the target bar.");
    case NextStep::ForceFailover:
        return ActionPolicy::tr("If the master is down, force it from the command line: "
                                "'redis-cluster-studio failover --force'.");
    case NextStep::ChooseExisting:
        return ActionPolicy::tr("Restore into an empty cluster, or choose in the Restore dialog to keep the "
                                "keys it holds or to overwrite them.");
    default:
        break;
    }
    const std::optional<Action> action = suggestedAction(step);
    return action ? ActionPolicy::tr("Click %1.", "suggested operation: the button's name")
                        .arg(actionTitle(*action))
                  : QString();
}

QString actionTitle(Action action)
{
    switch (action) {
    case Action::Deploy:
        return ActionPolicy::tr("Deploy");
    case Action::CreateCluster:
        return ActionPolicy::tr("Create cluster");
    case Action::Recover:
        return ActionPolicy::tr("Recover");
    case Action::AddNode:
        return ActionPolicy::tr("Add node");
    case Action::RemoveNode:
        return ActionPolicy::tr("Remove node");
    case Action::Rebalance:
        return ActionPolicy::tr("Rebalance");
    case Action::Failover:
        return ActionPolicy::tr("Failover");
    case Action::Upgrade:
        return ActionPolicy::tr("Upgrade / restart");
    case Action::RotatePassword:
        return ActionPolicy::tr("Rotate password");
    case Action::RotateCertificates:
        return ActionPolicy::tr("Rotate certificates");
    case Action::Check:
        return ActionPolicy::tr("Check");
    case Action::Cleanup:
        return ActionPolicy::tr("Cleanup");
    case Action::Backup:
        return ActionPolicy::tr("Back up");
    case Action::Restore:
        return ActionPolicy::tr("Restore");
    case Action::Refresh:
        return ActionPolicy::tr("Refresh");
    case Action::ExportPicture:
        return ActionPolicy::tr("Export picture");
    }
    return {};
}

bool ActionPolicy::changesCluster(Action action)
{
    switch (action) {
    case Action::Refresh:
    case Action::ExportPicture:
    case Action::Check:
        return false;
    default:
        return true;
    }
}

ActionState ActionPolicy::state(Action action, Situation situation, const QString &busyWith)
{
    using S = Situation;
    const auto enabled = [](bool prominent = false) { return ActionState{true, prominent, {}}; };
    const auto disabled = [](const char *why) { return ActionState{false, false, tr(why)}; };

    if (action == Action::Refresh)
        return enabled();
    if (situation == S::Unknown && action != Action::Deploy)
        return disabled(QT_TR_NOOP("Choose a target (kubeconfig and context, or the local sandbox) first."));
    if (!busyWith.isEmpty() && changesCluster(action))
        return ActionState{false, false, tr("Wait until \u201c%1\u201d finishes.").arg(busyWith)};

    const bool deployed = situation != S::NotDeployed;
    const bool created = situation == S::Healthy || situation == S::Degraded ||
                         situation == S::TotalFailure || situation == S::OpenSlots;

    switch (action) {
    case Action::Deploy:
        if (situation == S::NotDeployed || situation == S::Unknown)
            return enabled(situation == S::NotDeployed);
        return disabled(QT_TR_NOOP("Redis is already deployed here; use Cleanup first to deploy it again."));
    case Action::CreateCluster:
        if (situation == S::NotCreated)
            return enabled(true);
        if (!deployed)
            return disabled(QT_TR_NOOP("Deploy the pods first."));
        if (situation == S::PodsNotReady)
            return disabled(QT_TR_NOOP("Wait until every pod is Ready."));
        return disabled(QT_TR_NOOP("The cluster is already created."));
    case Action::Recover:
        if (situation == S::TotalFailure)
            return enabled(true);
        if (situation == S::Degraded)
            return enabled();
        if (situation == S::Healthy)
            return disabled(QT_TR_NOOP("The cluster is healthy: there is nothing to recover."));
        if (!created)
            return disabled(QT_TR_NOOP("There is no cluster to recover yet."));
        return disabled(QT_TR_NOOP("Recover repairs failed nodes; fix the open slots with Check first."));
    case Action::AddNode:
    case Action::RemoveNode:
    case Action::Rebalance:
    case Action::Upgrade: // core refuses a rollout on an unhealthy cluster too
    // Every node must take the new password or certificate: core refuses an unhealthy cluster.
    case Action::RotatePassword:
    case Action::RotateCertificates:
        if (situation == S::Healthy)
            return enabled();
        if (!created)
            return disabled(QT_TR_NOOP("Create the cluster first."));
        return disabled(QT_TR_NOOP("The cluster must be healthy first; use Recover or Check."));
    case Action::Failover:
        if (situation == S::Healthy || situation == S::Degraded)
            return enabled();
        if (!created)
            return disabled(QT_TR_NOOP("Create the cluster first."));
        return disabled(
            QT_TR_NOOP("A failover needs a reachable master and replica; use Recover or Check first."));
    case Action::Check:
        if (created)
            return enabled(situation == S::OpenSlots);
        return disabled(QT_TR_NOOP("There is no cluster to check yet."));
    case Action::Cleanup:
        if (deployed)
            return enabled();
        return disabled(QT_TR_NOOP("Nothing is deployed here."));
    case Action::Backup:
        // Every master that serves slots must answer SYNC: core refuses a cluster with unserved slots.
        if (situation == S::Healthy || situation == S::Degraded)
            return enabled();
        if (!created)
            return disabled(QT_TR_NOOP("There is no cluster to back up yet."));
        return disabled(
            QT_TR_NOOP("Every slot must be served by a reachable master; use Recover or Check first."));
    case Action::Restore:
        // Every slot's owner must take its keys: core refuses a cluster with unserved slots.
        if (situation == S::Healthy)
            return enabled();
        if (!created)
            return disabled(QT_TR_NOOP("Create the cluster first, then restore into it."));
        return disabled(QT_TR_NOOP("The cluster must be healthy first; use Recover or Check."));
    case Action::ExportPicture:
        if (deployed)
            return enabled();
        return disabled(QT_TR_NOOP("There is no topology to export yet."));
    case Action::Refresh:
        break;
    }
    return enabled();
}

} // namespace rcs::ui
