#pragma once

#include "error.h"

#include <functional>
#include <optional>

namespace rcs {

// The one gate before a change the user must confirm (remove-node on every target, cleanup), passed
// after the plan was listed. When not confirmed it logs the equivalent commands (logCommands) and
// returns the Refused error to fail with: `wouldDo` ("remove-node would remove pod redis-app-5 as
// listed above") and that nothing was changed, with the front end's phrasing of NextStep::Confirm
// ("Run again with --yes to confirm."). Returns nothing when confirmed: the run may change things.
std::optional<Error> refusalUnlessConfirmed(bool confirmed, const QString &wouldDo,
                                            const std::function<void()> &logCommands);

} // namespace rcs
