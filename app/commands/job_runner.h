#pragma once

#include "common/error.h"

namespace rcs {
class Job;
}

namespace rcs::cli {

// Starts the job and runs the event loop until it finished (headless commands only: the GUI never
// waits like this). The job is not deleted; returns its error (ErrorCode::None on success).
Error runJob(Job *job);

} // namespace rcs::cli
