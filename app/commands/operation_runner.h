#pragma once

#include "operations/operation_request.h"

namespace rcs::cli {

class CommandLine;

// Runs one operation on the plain endpoints of line (--nodes, the password options, --timeout) through
// core's catalogue, the road the studio takes too, and prints its result: the JSON document with
// --json, else the text form. listSteps: the job's plan and steps go to stdout while it runs, with the
// equivalent commands (remove-node's plan before --yes). Returns the exit code: 0 done, 1 failed (or
// a check found errors), 2 when the request or the nodes' answers say the input is wrong.
int runOperation(const CommandLine &line, ops::OperationRequest request, bool listSteps = false);

} // namespace rcs::cli
