#pragma once

#include "common/result.h"
#include "operation_request.h"
#include "target.h"

namespace rcs {
class RedisPool;
}

namespace rcs::ops {

class Connections;
class OperationJob;

// The one entry point both front ends call for an operation, on every target kind: checks the request
// with the same rules for every caller and makes its job (not started): an EndpointOperationJob for
// plain endpoints, a WorkflowOperationJob for Kubernetes and the sandbox. connections: what the caller
// keeps between operations (pools, the Kubernetes session, the sandboxes); null: the job opens its own.
//
// Error behaviour: InvalidInput with one sentence naming what is missing (no node, no node id for
// remove-node or failover on plain endpoints, no pod for failover on Kubernetes, no new node for
// add-node, no reshard target or slot count, a negative replica count, a StatefulSet verb asked of
// plain endpoints); nothing is contacted.
Result<OperationJob *> createOperation(const Target &target, const OperationRequest &request,
                                       Connections *connections = nullptr);

// The same for plain endpoints with a pool to share, whose options are target.connection.
Result<OperationJob *> createOperation(const EndpointTarget &target, const OperationRequest &request,
                                       RedisPool *pool);

} // namespace rcs::ops
