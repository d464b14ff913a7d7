#pragma once

#include <QString>

#include <functional>

namespace rcs {

// What the user can do about one of core's messages, named by what it does rather than by how a front
// end asks for it. Core writes the sentence once and ends it with a NextStep; the front end that shows
// it phrases the step: the command line "Run again with --yes to confirm.", the studio "Confirm it in
// the dialog to go ahead." So a text reads right in either, and neither front end parses core's words.
enum class NextStep {
    None,
    // The operations the situation assessor suggests (SuggestedOperation).
    Deploy,
    Create,
    Recover,
    Check,
    CheckFix, // close the open slots
    // The other steps core's messages name.
    Confirm,          // a change waits for the user's confirmation; nothing was changed yet
    ShowStatus,       // look at the cluster's state again
    ChooseKubeconfig, // no usable kubeconfig: name one, or use the local sandbox
    ChooseContext,    // the kubeconfig names no usable context
    NameNodes,        // plain endpoints: no node address was given
    ForceFailover,    // a failover that only FORCE can do (its master is down)
    ChooseExisting,   // a restore found keys in the target: keep them (merge) or overwrite them (replace)
};

// How the front end that shows core's texts phrases a step, as one sentence; empty for None.
using NextStepPhrasing = std::function<QString(NextStep)>;

// Each front end installs its phrasing once at start (the command line when it parses its arguments,
// the studio when its window opens); there is one per process. Without one, steps are left out.
void setNextStepPhrasing(NextStepPhrasing phrasing);
// sentence followed by the installed phrasing of step (sentence alone when that is empty).
QString withNextStep(const QString &sentence, NextStep step);
// The same with a given phrasing, for a front end that phrases a text it did not get from core's
// installed one (the studio's advice banner).
QString withNextStep(const QString &sentence, NextStep step, const NextStepPhrasing &phrase);

} // namespace rcs
