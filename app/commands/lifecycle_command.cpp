#include "lifecycle_command.h"

#include "cli_options.h"
#include "command_registry.h"
#include "day2_options.h"
#include "job_runner.h"
#include "kube_command_support.h"
#include "topology_output.h"

#include "redis/add_node_job.h"
#include "redis/cluster_check.h"
#include "redis/cluster_scan_job.h"
#include "redis/failover_job.h"
#include "redis/fix_open_slots_job.h"
#include "redis/rebalance_job.h"
#include "redis/recover_job.h"
#include "redis/redis_pool.h"
#include "redis/remove_node_job.h"

#include <QJsonArray>
#include <QJsonObject>

#include <cstdio>

namespace rcs::cli {

namespace {

// Runs the job under the overall --timeout and reports its error; InvalidInput is a usage error.
int finish(Job &job, const CommandLine &line)
{
    job.setTimeout(line.timeoutMs());
    const Error error = runJob(&job);
    if (!error.isError())
        return ExitSuccess;
    reportFailure(error);
    return error.code() == ErrorCode::InvalidInput ? ExitUsage : ExitFailure;
}

// Prints the cluster as it is now (after a change), as status would.
void printTopology(const CommandLine &line, RedisPool &pool, const QList<NodeAddress> &seeds,
                   QJsonObject extra)
{
    ClusterScanJob scan(seeds, &pool);
    scan.setTimeout(30000);
    const Error error = runJob(&scan);
    if (line.json()) {
        if (!error.isError())
            extra.insert(QStringLiteral("topology"), topologyToJson(scan.topology()));
        printBytes(jsonLine(extra));
    } else if (!error.isError()) {
        printBytes(topologyToText(scan.topology()).toUtf8());
    }
}

QString slotPlanText(const SlotPlan &plan)
{
    QStringList lines;
    for (const SlotMove &move : plan.moves)
        lines.append(QStringLiteral("  move %1 slots %2 from %3 to %4")
                         .arg(move.slotSet.count())
                         .arg(move.slotSet.toString(), move.sourceId, move.targetId));
    return lines.join(QLatin1Char('\n')) + QLatin1Char('\n');
}

QJsonArray slotPlanJson(const SlotPlan &plan)
{
    QJsonArray moves;
    for (const SlotMove &move : plan.moves) {
        moves.append(QJsonObject{{QStringLiteral("from"), move.sourceId},
                                 {QStringLiteral("to"), move.targetId},
                                 {QStringLiteral("slots"), move.slotSet.toString()},
                                 {QStringLiteral("slot_count"), move.slotSet.count()}});
    }
    return moves;
}

// Shared tail of rebalance and reshard.
int runSlotJob(RebalanceJob &job, const CommandLine &line, RedisPool &pool, bool dryRun)
{
    job.setSimulate(dryRun);
    if (const int code = finish(job, line); code != ExitSuccess)
        return code;
    QJsonObject result{{QStringLiteral("needed"), job.plan().needed},
                       {QStringLiteral("moves"), slotPlanJson(job.plan())},
                       {QStringLiteral("slots_moved"), job.slotsMoved()},
                       {QStringLiteral("keys_moved"), job.keysMoved()},
                       {QStringLiteral("seconds"), job.elapsedMs() / 1000.0}};
    if (!job.plan().needed) {
        if (line.json())
            printBytes(jsonLine(result));
        else
            printBytes((job.plan().reason + QLatin1Char('\n')).toUtf8());
        return ExitSuccess;
    }
    if (dryRun) {
        if (line.json())
            printBytes(jsonLine(result));
        else
            printBytes((QStringLiteral("Would move %1 slots:\n").arg(job.plan().slotCount()) +
                        slotPlanText(job.plan()))
                           .toUtf8());
        return ExitSuccess;
    }
    if (!line.json())
        printBytes(QStringLiteral("Moved %1 slots and %2 keys in %3 s.\n")
                       .arg(job.slotsMoved())
                       .arg(job.keysMoved())
                       .arg(job.elapsedMs() / 1000.0, 0, 'f', 2)
                       .toUtf8());
    printTopology(line, pool, line.nodes(), result);
    return ExitSuccess;
}

} // namespace

int runRecover(const QStringList &args)
{
    CommandLine line(
        QStringLiteral("recover"),
        QStringLiteral("Brings a cluster back after its nodes restarted on new addresses: every node is "
                       "identified by CLUSTER MYID and introduced to every other (CLUSTER MEET), stale "
                       "FAIL flags are cleared, and the command waits until every node lists every peer "
                       "at its current address, connected, and reports cluster_state:ok. Nothing is "
                       "reset; data stays. Give the CURRENT address of every node."));
    line.addEndpointOptions(RecoverJob::DefaultTimeoutMs / 1000);
    if (const std::optional<int> stop = line.parse(args))
        return *stop;
    RedisPool pool;
    pool.setOptions(line.connectionOptions());
    RecoverJob job(line.nodes(), &pool);
    job.setConvergenceTimeout(line.timeoutMs());
    const Error error = runJob(&job);
    for (const QString &note : job.plan().notes)
        std::fprintf(stderr, "%s\n", qPrintable(note));
    if (error.isError()) {
        reportFailure(error);
        for (const QString &gap : job.remainingGaps().mid(0, 10))
            std::fprintf(stderr, "  %s\n", qPrintable(gap));
        return error.code() == ErrorCode::InvalidInput ? ExitUsage : ExitFailure;
    }
    QJsonArray lost;
    for (const LostNode &node : job.plan().lostNodes)
        lost.append(node.id);
    const QJsonObject result{{QStringLiteral("recovered"), true},
                             {QStringLiteral("seconds"), job.elapsedMs() / 1000.0},
                             {QStringLiteral("meets"), job.meetsSent()},
                             {QStringLiteral("lost_ids"), lost},
                             {QStringLiteral("notes"), QJsonArray::fromStringList(job.plan().notes)}};
    if (!line.json())
        printBytes(QStringLiteral("Recovered in %1 s with %2 MEETs.\n")
                       .arg(job.elapsedMs() / 1000.0, 0, 'f', 2)
                       .arg(job.meetsSent())
                       .toUtf8());
    // Only the members: a blank node given in --nodes is not part of this cluster's picture.
    QList<NodeAddress> members;
    for (const int member : job.plan().members)
        members.append(line.nodes().at(member));
    printTopology(line, pool, members, result);
    return ExitSuccess;
}

int runAddNode(const QStringList &args)
{
    CommandLine line(
        QStringLiteral("add-node"),
        QStringLiteral("Adds a blank node: it meets every member; as a master the slots are rebalanced "
                       "onto it, as a replica it follows the given master or the master with the fewest "
                       "replicas on another host."));
    line.addEndpointOptions(300);
    line.addOption(
        {QStringLiteral("new"), QStringLiteral("The blank node to add, HOST:PORT."), QStringLiteral("H:P")});
    line.addOption({QStringLiteral("role"), QStringLiteral("master (default) or replica."),
                    QStringLiteral("ROLE"), QStringLiteral("master")});
    line.addOption({QStringLiteral("master-id"),
                    QStringLiteral("For a replica: the master to follow (id or unique "
                                   "prefix)."),
                    QStringLiteral("ID")});
    if (const std::optional<int> stop = line.parse(args))
        return *stop;
    const Result<NodeAddress> newNode = NodeAddress::parse(line.value(QStringLiteral("new")));
    if (!newNode)
        return line.usageError(QStringLiteral("--new needs the address of the node to add: ") +
                               newNode.error().message());
    const QString role = line.value(QStringLiteral("role"));
    if (role != QLatin1String("master") && role != QLatin1String("replica"))
        return line.usageError(QStringLiteral("--role must be 'master' or 'replica', not '%1'.").arg(role));
    if (line.isSet(QStringLiteral("master-id")) && role != QLatin1String("replica"))
        return line.usageError(QStringLiteral("--master-id applies only with --role replica."));
    RedisPool pool;
    pool.setOptions(line.connectionOptions());
    AddNodeJob job(line.nodes(), *newNode,
                   role == QLatin1String("master") ? AddNodeJob::Role::Master : AddNodeJob::Role::Replica,
                   &pool);
    job.setMasterId(line.value(QStringLiteral("master-id")));
    if (const int code = finish(job, line); code != ExitSuccess)
        return code;
    const QJsonObject result{{QStringLiteral("added"), job.newNodeId()},
                             {QStringLiteral("role"), role},
                             {QStringLiteral("master_id"), job.masterId()},
                             {QStringLiteral("slots_moved"), job.slotsMoved()}};
    if (!line.json())
        printBytes(QStringLiteral("Added %1 (%2) as a %3.\n")
                       .arg(newNode->toString(), job.newNodeId(), role)
                       .toUtf8());
    printTopology(line, pool, line.nodes(), result);
    return ExitSuccess;
}

int runRemoveNode(const QStringList &args)
{
    CommandLine line(
        QStringLiteral("remove-node"),
        QStringLiteral("Removes a node: its slots move to the other masters, its replicas follow other "
                       "masters, every node forgets it, and it is reset to a blank node. Without --yes it "
                       "lists what would change and exits 1."));
    line.addEndpointOptions(300);
    line.addOption({QStringLiteral("node"),
                    QStringLiteral("The id (or unique prefix) of the node to remove."),
                    QStringLiteral("ID")});
    line.addOption({QStringLiteral("yes"), QStringLiteral("Confirm the removal.")});
    if (const std::optional<int> stop = line.parse(args))
        return *stop;
    if (line.value(QStringLiteral("node")).isEmpty())
        return line.usageError(QStringLiteral("--node needs the id of the node to remove."));
    RedisPool pool;
    pool.setOptions(line.connectionOptions());
    RemoveNodeJob job(line.nodes(), line.value(QStringLiteral("node")), &pool);
    job.setConfirmed(line.isSet(QStringLiteral("yes")));
    // The plan and the equivalent commands, as the Kubernetes form prints them.
    const WorkflowPrinter printer(&job, line.json());
    if (const int code = finish(job, line); code != ExitSuccess)
        return code;
    const QJsonObject result{{QStringLiteral("removed"), job.removedId()},
                             {QStringLiteral("slots_moved"), job.slotsMoved()}};
    if (!line.json())
        printBytes(QStringLiteral("Removed %1; it is blank now and can be shut down.\n")
                       .arg(job.removedId())
                       .toUtf8());
    printTopology(line, pool, line.nodes(), result);
    return ExitSuccess;
}

int runRebalance(const QStringList &args)
{
    CommandLine line(
        QStringLiteral("rebalance"),
        QStringLiteral("Evens out the slots over the masters (masters without slots included), moving "
                       "slots from different sources in parallel without ever overwriting a key."));
    line.addEndpointOptions(600);
    addRebalanceOptions(line, QStringLiteral("ID"));
    line.addOption({DryRunOption, QStringLiteral("Print the moves without making them.")});
    if (const std::optional<int> stop = line.parse(args))
        return *stop;
    RebalanceOptions options;
    if (const std::optional<int> stop = readRebalanceOptions(line, options))
        return *stop;
    RedisPool pool;
    pool.setOptions(line.connectionOptions());
    RebalanceJob job(line.nodes(), &pool);
    job.setRebalance(options);
    return runSlotJob(job, line, pool, line.isSet(DryRunOption));
}

int runReshard(const QStringList &args)
{
    CommandLine line(
        QStringLiteral("reshard"),
        QStringLiteral("Moves N slots to one master, taken from the given masters (or all others) in "
                       "proportion to what they hold, lowest slots first, like redis-cli reshard."));
    line.addEndpointOptions(600);
    addReshardOptions(line, QStringLiteral("ID"));
    line.addOption({DryRunOption, QStringLiteral("Print the moves without making them.")});
    if (const std::optional<int> stop = line.parse(args))
        return *stop;
    ReshardRequest request;
    if (const std::optional<int> stop = readReshardOptions(line, request))
        return *stop;
    RedisPool pool;
    pool.setOptions(line.connectionOptions());
    RebalanceJob job(line.nodes(), &pool);
    job.setReshard(request.sources, request.target, request.slotCount);
    return runSlotJob(job, line, pool, line.isSet(DryRunOption));
}

int runFailover(const QStringList &args)
{
    CommandLine line(
        QStringLiteral("failover"),
        QStringLiteral("Promotes a replica to master (CLUSTER FAILOVER) and waits until every node sees "
                       "the swapped roles."));
    line.addEndpointOptions(FailoverJob::DefaultTimeoutMs / 1000);
    line.addOption({QStringLiteral("node"), QStringLiteral("The replica to promote (id or unique prefix)."),
                    QStringLiteral("ID")});
    addFailoverModeOptions(line);
    if (const std::optional<int> stop = line.parse(args))
        return *stop;
    if (line.value(QStringLiteral("node")).isEmpty())
        return line.usageError(QStringLiteral("--node needs the id of the replica to promote."));
    FailoverJob::Mode mode = FailoverJob::Mode::Default;
    if (const std::optional<int> stop = readFailoverMode(line, mode))
        return *stop;
    RedisPool pool;
    pool.setOptions(line.connectionOptions());
    FailoverJob job(line.nodes(), line.value(QStringLiteral("node")), &pool);
    job.setMode(mode);
    job.setRoleTimeout(line.timeoutMs());
    if (const int code = finish(job, line); code != ExitSuccess)
        return code;
    const QJsonObject result{{QStringLiteral("new_master"), job.replicaId()},
                             {QStringLiteral("old_master"), job.oldMasterId()}};
    if (!line.json())
        printBytes(QStringLiteral("%1 is now the master; %2 follows it.\n")
                       .arg(job.replicaId(), job.oldMasterId())
                       .toUtf8());
    printTopology(line, pool, line.nodes(), result);
    return ExitSuccess;
}

int runCheckFix(const QStringList &args)
{
    CommandLine line(
        QStringLiteral("check"),
        QStringLiteral("With --fix: closes slots an interrupted migration left open, finishing moves "
                       "without overwriting any key, then checks the cluster. Exits 0 only when healthy."));
    line.addEndpointOptions(300);
    line.addOption({QStringLiteral("fix"), QStringLiteral("Close open slots before checking.")});
    if (const std::optional<int> stop = line.parse(args))
        return *stop;
    RedisPool pool;
    pool.setOptions(line.connectionOptions());
    FixOpenSlotsJob fix(line.nodes(), &pool);
    if (const int code = finish(fix, line); code != ExitSuccess)
        return code;
    if (!line.json()) {
        for (const QString &action : fix.actions())
            printBytes((action + QLatin1Char('\n')).toUtf8());
    }
    ClusterScanJob scan(line.nodes(), &pool);
    scan.setTimeout(30000);
    if (const Error error = runJob(&scan); error.isError())
        return reportFailure(error);
    return printCheckResult(checkCluster(scan.topology()), scan.topology(), line.json(),
                            {{QStringLiteral("fixed"), QJsonArray::fromStringList(fix.actions())}});
}

} // namespace rcs::cli
