#include "kube_upgrade_command.h"

#include "cli_options.h"
#include "command_registry.h"
#include "kube_command_support.h"
#include "topology_output.h"

#include "operations/workflow_operation_job.h"

namespace rcs::cli {

namespace {
const QString YesOption = QStringLiteral("yes");
const QString TemporaryReplicaOption = QStringLiteral("temporary-replica");

// Both verbs: the plan's way of going, its confirmation and its result (text, or JSON with --json).
int runRollout(CommandLine &line, const QStringList &args, ops::OperationRequest request,
               const std::function<std::optional<int>(const CommandLine &, ops::OperationRequest &)> &read)
{
    addKubeOptions(line, true, 300);
    line.addJsonOption();
    line.addOption(
        {YesOption, QStringLiteral("Confirm: without it the plan is listed and nothing changes.")});
    line.addOption(
        {TemporaryReplicaOption,
         QStringLiteral("Give each master without a replica a temporary one for its restart: an extra "
                        "pod is added (at the new revision), takes the slots over, hands them back "
                        "once the master's pod is upgraded and in sync, and is removed at the end.")});
    if (const std::optional<int> stop = line.parse(args))
        return *stop;
    if (const std::optional<int> stop = read(line, request))
        return *stop;
    request.confirmed = line.isSet(YesOption);
    request.temporaryReplica = line.isSet(TemporaryReplicaOption);
    return runKubeOperationWithJson(line, request);
}
} // namespace

int runKubeUpgrade(const QStringList &args)
{
    CommandLine line(
        QStringLiteral("upgrade"),
        QStringLiteral(
            "Changes the Redis pods' image, resources or redis.conf settings one pod at a time without "
            "losing a write: "
            "replicas first, each in sync before the next; every master hands its slots to an "
            "upgraded replica (CLUSTER FAILOVER) before its pod restarts. Pods already at the new "
            "revision are skipped, so a re-run goes on where a stopped one ended. A master without a "
            "replica is refused unless --temporary-replica. A --set setting the servers accept through "
            "CONFIG SET is applied live "
            "on every node and kept in the redis.conf ConfigMap, with no restart; any other is kept "
            "there and read by the pods as the rolling restart replaces them. Without --yes it lists "
            "the plan and exits 1."));
    line.addOption({QStringLiteral("image"), QStringLiteral("The new image of the Redis container."),
                    QStringLiteral("IMAGE")});
    line.addOption({QStringLiteral("cpu"), QStringLiteral("The new CPU request (e.g. 500m)."),
                    QStringLiteral("QUANTITY")});
    line.addOption({QStringLiteral("memory"), QStringLiteral("The new memory request (e.g. 512Mi)."),
                    QStringLiteral("QUANTITY")});
    line.addOption({QStringLiteral("set"),
                    QStringLiteral("A redis.conf setting, e.g. maxmemory-policy=allkeys-lru (repeatable)."),
                    QStringLiteral("KEY=VALUE")});
    ops::OperationRequest request;
    request.kind = ops::OperationKind::Upgrade;
    return runRollout(
        line, args, request, [](const CommandLine &parsed, ops::OperationRequest &r) -> std::optional<int> {
            r.image = parsed.value(QStringLiteral("image"));
            r.cpu = parsed.value(QStringLiteral("cpu"));
            r.memory = parsed.value(QStringLiteral("memory"));
            for (const QString &text : parsed.values(QStringLiteral("set"))) {
                const Result<ConfigSetting> setting = parseConfigSetting(text);
                if (!setting)
                    return parsed.usageError(QStringLiteral("--set: ") + setting.error().message());
                r.settings.append(*setting);
            }
            if (r.image.isEmpty() && r.cpu.isEmpty() && r.memory.isEmpty() && r.settings.isEmpty())
                return parsed.usageError(
                    QStringLiteral("Give --image, --cpu, --memory or --set (to restart with "
                                   "nothing changed: rolling-restart)."));
            return std::nullopt;
        });
}

int runKubeRollingRestart(const QStringList &args)
{
    CommandLine line(
        QStringLiteral("rolling-restart"),
        QStringLiteral("Restarts every Redis pod one at a time without losing a write (like kubectl rollout "
                       "restart, but replicas first and each master handed over by a failover before its pod "
                       "restarts). Without --yes it lists the plan and exits 1."));
    ops::OperationRequest request;
    request.kind = ops::OperationKind::RollingRestart;
    return runRollout(
        line, args, request,
        [](const CommandLine &, ops::OperationRequest &) -> std::optional<int> { return std::nullopt; });
}

} // namespace rcs::cli
