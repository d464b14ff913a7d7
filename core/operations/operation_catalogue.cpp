#include "operation_catalogue.h"

#include "connections.h"
#include "endpoint_operation_job.h"
#include "redis/console_command.h"
#include "workflow_operation_job.h"

namespace rcs::ops {

namespace {
Error invalid(const QString &message)
{
    return Error(ErrorCode::InvalidInput, message);
}

// The rules every target kind shares.
std::optional<Error> commonRefusal(const OperationRequest &request)
{
    switch (request.kind) {
    case OperationKind::Create:
        if (request.replicasPerMaster < 0)
            return invalid(OperationJob::tr("The number of replicas per master must be 0 or more."));
        break;
    case OperationKind::Reshard:
        if (request.reshardTarget.isEmpty() || request.reshardSlots < 1 || request.reshardSlots > 16384)
            return invalid(
                OperationJob::tr("A reshard needs the receiving master and a slot count from 1 to 16384."));
        break;
    case OperationKind::Top:
        if (request.sampleIntervalMs < 100 || request.sampleCount < 0)
            return invalid(OperationJob::tr("top needs an interval of at least 0.1 s and a sample count of 0 "
                                            "(until stopped) or more."));
        break;
    case OperationKind::Exec:
        if (request.commandWords.isEmpty())
            return invalid(OperationJob::tr("Give the command to send after --, e.g. exec -- GET key."));
        if (const QString effect = destructiveEffect(request.commandWords, request.nodeId.isEmpty());
            !effect.isEmpty() && !request.confirmed)
            return Error(ErrorCode::Refused,
                         OperationJob::tr("%1 Confirm to run it (--yes on the command line).").arg(effect));
        break;
    case OperationKind::Backup:
        if (request.backupPath.isEmpty())
            return invalid(OperationJob::tr("Give the file to write the backup to (--to FILE)."));
        break;
    case OperationKind::Restore:
        if (request.backupPath.isEmpty())
            return invalid(OperationJob::tr("Give the backup archive to restore (--from FILE)."));
        break;
    case OperationKind::BigKeys:
    case OperationKind::HotKeys:
        if (request.keyScan.count < 1 || request.keyScan.top < 1 || request.keyScan.rate < 1 ||
            request.keyScan.maxSeconds < 1)
            return invalid(OperationJob::tr("A key scan needs --count, --top, --rate and --max-seconds of at "
                                            "least 1."));
        break;
    default:
        break;
    }
    return std::nullopt;
}
} // namespace

Result<OperationJob *> createOperation(const EndpointTarget &target, const OperationRequest &request,
                                       RedisPool *pool)
{
    if (target.nodes.isEmpty())
        return invalid(OperationJob::tr("Give at least one node address (HOST:PORT)."));
    if (const std::optional<Error> refusal = commonRefusal(request))
        return *refusal;
    switch (request.kind) {
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
    case OperationKind::Deploy:
    case OperationKind::Cleanup:
    case OperationKind::Upgrade:
    case OperationKind::RollingRestart:
    // The new password must outlive the run: on Kubernetes the Secret keeps it.
    case OperationKind::RotatePassword:
    case OperationKind::RotateCertificates:
        return invalid(OperationJob::needsStatefulSet(request.kind));
    default:
        break;
    }
    return new EndpointOperationJob(target, request, pool);
}

Result<OperationJob *> createOperation(const Target &target, const OperationRequest &request,
                                       Connections *connections)
{
    if (target.kind == Target::Kind::Endpoints)
        return createOperation(target.endpoints, request,
                               connections ? connections->pool(target.endpoints) : nullptr);
    if (const std::optional<Error> refusal = commonRefusal(request))
        return *refusal;
    if (request.kind == OperationKind::Failover && request.podName.isEmpty())
        return invalid(OperationJob::tr("Name the pod of the replica to promote."));
    if (request.kind == OperationKind::Upgrade && request.image.isEmpty() && request.cpu.isEmpty() &&
        request.memory.isEmpty() && request.settings.isEmpty())
        return invalid(
            OperationJob::tr("Say what the upgrade changes: a new image, CPU, memory or a setting (a restart "
                             "with nothing changed is rolling-restart)."));
    if (request.kind == OperationKind::RotateCertificates && request.reloadOnly &&
        (request.renewCa || request.dropOldCas))
        return invalid(OperationJob::tr("--reload loads the certificates the Secret holds: it cannot be "
                                        "combined with --ca or --drop-old-ca."));
    if (request.kind == OperationKind::RotateCertificates &&
        (request.certificateDays < 1 || request.certificateDays > 3650))
        return invalid(OperationJob::tr("A certificate's validity must be from 1 to 3650 days."));
    return new WorkflowOperationJob(target, request, connections);
}

} // namespace rcs::ops
