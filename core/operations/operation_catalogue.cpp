#include "operation_catalogue.h"

#include "operation_job.h"

namespace rcs::ops {

namespace {
Error invalid(const QString &message)
{
    return Error(ErrorCode::InvalidInput, message);
}
} // namespace

Result<OperationJob *> createOperation(const EndpointTarget &target, const OperationRequest &request,
                                       RedisPool *pool)
{
    if (target.nodes.isEmpty())
        return invalid(OperationJob::tr("Give at least one node address (HOST:PORT)."));
    switch (request.kind) {
    case OperationKind::Create:
        if (request.replicasPerMaster < 0)
            return invalid(OperationJob::tr("The number of replicas per master must be 0 or more."));
        break;
    case OperationKind::AddNode:
        if (!request.newNode.isValid())
            return invalid(OperationJob::tr("Give the address of the node to add (HOST:PORT)."));
        if (!request.masterId.isEmpty() && request.role != OperationRequest::Role::Replica)
            return invalid(OperationJob::tr("A master to follow applies only to a node added as a replica."));
        break;
    case OperationKind::RemoveNode:
        if (request.nodeId.isEmpty())
            return invalid(OperationJob::tr("Name the node to remove (its id or a unique prefix)."));
        break;
    case OperationKind::Failover:
        if (request.nodeId.isEmpty())
            return invalid(OperationJob::tr("Name the replica to promote (its id or a unique prefix)."));
        break;
    case OperationKind::Reshard:
        if (request.reshardTarget.isEmpty() || request.reshardSlots < 1 || request.reshardSlots > 16384)
            return invalid(
                OperationJob::tr("A reshard needs the receiving master and a slot count from 1 to 16384."));
        break;
    default:
        break;
    }
    return new OperationJob(target, request, pool);
}

} // namespace rcs::ops
