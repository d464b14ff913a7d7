#include "operation_request.h"

namespace rcs::ops {

QString operationName(OperationKind kind)
{
    switch (kind) {
    case OperationKind::Check:
        return QStringLiteral("check");
    case OperationKind::CheckFix:
        return QStringLiteral("check --fix");
    case OperationKind::Create:
        return QStringLiteral("create");
    case OperationKind::Recover:
        return QStringLiteral("recover");
    case OperationKind::AddNode:
        return QStringLiteral("add-node");
    case OperationKind::RemoveNode:
        return QStringLiteral("remove-node");
    case OperationKind::Rebalance:
        return QStringLiteral("rebalance");
    case OperationKind::Reshard:
        return QStringLiteral("reshard");
    case OperationKind::Failover:
        return QStringLiteral("failover");
    case OperationKind::Status:
        return QStringLiteral("status");
    case OperationKind::Top:
        return QStringLiteral("top");
    case OperationKind::SlowLog:
        return QStringLiteral("slowlog");
    case OperationKind::Exec:
        return QStringLiteral("exec");
    case OperationKind::BigKeys:
        return QStringLiteral("bigkeys");
    case OperationKind::HotKeys:
        return QStringLiteral("hotkeys");
    case OperationKind::SlotHeat:
        return QStringLiteral("slot-heat");
    case OperationKind::Backup:
        return QStringLiteral("backup");
    case OperationKind::Restore:
        return QStringLiteral("restore");
    case OperationKind::Deploy:
        return QStringLiteral("deploy");
    case OperationKind::Cleanup:
        return QStringLiteral("cleanup");
    case OperationKind::Upgrade:
        return QStringLiteral("upgrade");
    case OperationKind::RollingRestart:
        return QStringLiteral("rolling-restart");
    case OperationKind::RotatePassword:
        return QStringLiteral("rotate-password");
    case OperationKind::RotateCertificates:
        return QStringLiteral("rotate-certificates");
    }
    return {};
}

} // namespace rcs::ops
