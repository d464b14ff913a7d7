#pragma once

#include "common/result.h"
#include "endpoint_target.h"
#include "operation_request.h"

namespace rcs {
class RedisPool;
}

namespace rcs::ops {

class OperationJob;

// The one entry point both front ends call for an operation on plain endpoints: checks the request
// with the same rules for every caller and makes its job (not started). pool: connections to share,
// whose options are target.connection; null: the job opens its own with target.connection.
//
// Error behaviour: InvalidInput with one sentence naming what is missing (no node, no node id for
// remove-node or failover, no new node for add-node, no reshard target or slot count, a negative
// replica count); nothing is contacted.
Result<OperationJob *> createOperation(const EndpointTarget &target, const OperationRequest &request,
                                       RedisPool *pool = nullptr);

} // namespace rcs::ops
