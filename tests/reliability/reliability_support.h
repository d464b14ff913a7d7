#pragma once

#include "support/program_run.h"
#include "support/studio_process.h"

namespace rcs {
class Job;
}

namespace rcs::test {

// Starts job and spins the event loop until it finishes (bounded). False on error or timeout; the
// job is not auto-deleted, the caller owns it.
bool runJob(Job *job, int timeoutMs = 60000);

} // namespace rcs::test
