#pragma once

#include "studio_target.h"

namespace rcs::ui {

// The target the studio looked at last, from and to QSettings. The password is never written: it
// stays for the session (there is no secure store), so a restarted studio asks for it again.
StudioTarget loadTarget();
void saveTarget(const StudioTarget &target);

} // namespace rcs::ui
