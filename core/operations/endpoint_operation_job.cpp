#include "endpoint_operation_job.h"

#include "redis/add_node_job.h"
#include "redis/cluster_scan_job.h"
#include "redis/create_cluster_job.h"
#include "redis/fix_open_slots_job.h"
#include "redis/rebalance_job.h"
#include "redis/recover_job.h"
#include "redis/redis_cli_line.h"
#include "redis/redis_pool.h"
#include "redis/remove_node_job.h"

#include "common/logger.h"

#include <QJsonArray>

namespace rcs::ops {

namespace {
QString seconds(qint64 ms)
{
    return QString::number(ms / 1000.0, 'f', 2);
}
} // namespace

EndpointOperationJob::EndpointOperationJob(EndpointTarget target, OperationRequest request, RedisPool *pool,
                                           QObject *parent)
    : OperationJob(std::move(request), parent)
    , m_target(std::move(target))
    , m_pool(pool)
{
    if (!m_pool) {
        m_pool = new RedisPool(this);
        m_pool->setOptions(m_target.connection);
    }
}

EndpointOperationJob::~EndpointOperationJob() = default;

void EndpointOperationJob::doStart()
{
    const QList<NodeAddress> &nodes = m_target.nodes;
    const int timeoutMs = m_request.timeoutMs;
    switch (m_request.kind) {
    case OperationKind::Check:
        return check({});
    case OperationKind::CheckFix: {
        auto *fix = new FixOpenSlotsJob(nodes, m_pool, this);
        fix->setTimeout(timeoutMs);
        return runEngine(fix, [this](Job *done) { check(static_cast<FixOpenSlotsJob *>(done)->actions()); });
    }
    case OperationKind::Create: {
        QList<PlannedNodeInput> inputs;
        for (const NodeAddress &address : nodes)
            inputs.append({address, QString()});
        auto *create = new CreateClusterJob(inputs, m_request.replicasPerMaster, m_pool, this);
        if (timeoutMs > 0)
            create->setConvergenceTimeout(timeoutMs);
        return runEngine(create, [this](Job *done) {
            const auto *job = static_cast<CreateClusterJob *>(done);
            const QString summary = tr("Formed and verified in %1 s.").arg(seconds(job->elapsedMs()));
            finishWith(summary, topologyToJson(job->topology()),
                       topologyToText(job->topology()) + summary + QLatin1Char('\n'));
        });
    }
    case OperationKind::Recover: {
        // Every live node, not only the given ones: one current address is enough to start from.
        setStep(tr("Finding every reachable node"));
        auto *scan = new ClusterScanJob(nodes, m_pool, this);
        scan->setTimeout(ScanTimeoutMs);
        m_child = scan;
        connect(scan, &Job::finished, this, [this, scan] {
            if (isFinished())
                return;
            QList<NodeAddress> addresses = m_target.nodes;
            if (!scan->hasError()) {
                for (const TopologyNode &node : scan->topology().nodes()) {
                    if (node.reachable && !addresses.contains(node.address))
                        addresses.append(node.address);
                }
            }
            // A failed discovery is no reason to stop: the recovery names the address that fails.
            recover(addresses);
        });
        scan->start();
        return;
    }
    case OperationKind::AddNode: {
        auto *add =
            new AddNodeJob(nodes, m_request.newNode,
                           m_request.role == OperationRequest::Role::Master ? AddNodeJob::Role::Master
                                                                            : AddNodeJob::Role::Replica,
                           m_pool, this);
        add->setMasterId(m_request.masterId);
        add->setTimeout(timeoutMs);
        return runEngine(add, [this](Job *done) {
            const auto *job = static_cast<AddNodeJob *>(done);
            const bool master = m_request.role == OperationRequest::Role::Master;
            readAfter(
                m_target.nodes,
                (master ? tr("Added %1 (%2) as a master.") : tr("Added %1 (%2) as a replica."))
                    .arg(m_request.newNode.toString(), job->newNodeId()),
                {{QStringLiteral("added"), job->newNodeId()},
                 {QStringLiteral("role"), master ? QStringLiteral("master") : QStringLiteral("replica")},
                 {QStringLiteral("master_id"), job->masterId()},
                 {QStringLiteral("slots_moved"), job->slotsMoved()}});
        });
    }
    case OperationKind::RemoveNode: {
        auto *remove = new RemoveNodeJob(nodes, m_request.nodeId, m_pool, this);
        remove->setConfirmed(m_request.confirmed);
        remove->setTimeout(timeoutMs);
        // Unconfirmed, the job lists the plan and refuses: keep its steps for the caller.
        connect(remove, &Job::finished, this, [this, remove] {
            for (const EquivalentCommand &command : remove->plannedCommands())
                m_plan.append({command.message, command.command});
        });
        return runEngine(remove, [this](Job *done) {
            const auto *job = static_cast<RemoveNodeJob *>(done);
            readAfter(m_target.nodes,
                      tr("Removed %1; it is blank now and can be shut down.").arg(job->removedId()),
                      {{QStringLiteral("removed"), job->removedId()},
                       {QStringLiteral("slots_moved"), job->slotsMoved()}});
        });
    }
    case OperationKind::Rebalance:
    case OperationKind::Reshard: {
        auto *mover = new RebalanceJob(nodes, m_pool, this);
        if (m_request.kind == OperationKind::Rebalance)
            mover->setRebalance(m_request.rebalance);
        else
            mover->setReshard(m_request.reshardSources, m_request.reshardTarget, m_request.reshardSlots);
        mover->setSimulate(m_request.dryRun);
        mover->setTimeout(timeoutMs);
        return runEngine(mover, [this](Job *done) { rebalanced(*static_cast<RebalanceJob *>(done)); });
    }
    case OperationKind::Failover: {
        auto *failover = new FailoverJob(nodes, m_request.nodeId, m_pool, this);
        failover->setMode(m_request.failoverMode);
        if (timeoutMs > 0)
            failover->setRoleTimeout(timeoutMs);
        return runEngine(failover, [this](Job *done) {
            const auto *job = static_cast<FailoverJob *>(done);
            readAfter(m_target.nodes,
                      tr("%1 is now the master; %2 follows it.").arg(job->replicaId(), job->oldMasterId()),
                      {{QStringLiteral("new_master"), job->replicaId()},
                       {QStringLiteral("old_master"), job->oldMasterId()}});
        });
    }
    case OperationKind::Status:
    case OperationKind::Top:
    case OperationKind::SlowLog:
    case OperationKind::Exec:
    case OperationKind::BigKeys:
    case OperationKind::HotKeys:
    case OperationKind::SlotHeat:
    case OperationKind::Backup:
    case OperationKind::Restore:
        return status();
    case OperationKind::Deploy:
    case OperationKind::Cleanup:
    case OperationKind::Upgrade:
    case OperationKind::RollingRestart:
    case OperationKind::RotatePassword:
    case OperationKind::RotateCertificates:
        // createOperation() refuses these for plain endpoints; a caller that made the job itself
        // gets the same sentence.
        return fail(ErrorCode::InvalidInput, needsStatefulSet(m_request.kind));
    }
}

void EndpointOperationJob::status()
{
    setStep(tr("Reading every node"));
    auto *scan = new ClusterScanJob(m_target.nodes, m_pool, this);
    scan->setTimeout(m_request.timeoutMs > 0 ? m_request.timeoutMs : ScanTimeoutMs);
    runEngine(scan, [this](Job *done) {
        StatusReport report;
        report.topology = static_cast<ClusterScanJob *>(done)->topology();
        // The situation as a Kubernetes status names it, from Redis alone (one assessor for both).
        report.assessment = assessClusterSituation(report.topology, checkCluster(report.topology));
        finishWithStatus(std::move(report), m_pool);
    });
}

void EndpointOperationJob::check(const QStringList &fixes)
{
    setStep(tr("Reading every node"));
    auto *scan = new ClusterScanJob(m_target.nodes, m_pool, this);
    scan->setTimeout(m_request.timeoutMs > 0 && m_request.kind == OperationKind::Check ? m_request.timeoutMs
                                                                                       : ScanTimeoutMs);
    runEngine(scan, [this, fixes](Job *done) {
        setStep(tr("Checking slots, agreement and links"));
        const ClusterTopology &topology = static_cast<ClusterScanJob *>(done)->topology();
        CheckResult check;
        check.report = checkCluster(topology);
        check.clusterState = overallClusterState(topology);
        if (m_request.kind == OperationKind::CheckFix)
            check.fixed = fixes;
        const int errors = check.report.count(CheckSeverity::Error);
        finishWithCheck(check, check.healthy()
                                   ? tr("The cluster is healthy.")
                                   : tr("The check found errors (%1); the details list them.").arg(errors));
    });
}

void EndpointOperationJob::recover(const QList<NodeAddress> &addresses)
{
    auto *job = new RecoverJob(addresses, m_pool, this);
    if (m_request.timeoutMs > 0)
        job->setConvergenceTimeout(m_request.timeoutMs);
    connect(job, &Job::finished, this, [this, job] {
        m_notes = job->plan().notes;
        m_gaps = job->remainingGaps();
    });
    runEngine(job, [this, addresses](Job *done) {
        const auto *recovered = static_cast<RecoverJob *>(done);
        QJsonArray lost;
        for (const LostNode &node : recovered->plan().lostNodes)
            lost.append(node.id);
        // Only the members: a blank node among the addresses is not part of this cluster's picture.
        QList<NodeAddress> members;
        QJsonArray memberList;
        for (const int member : recovered->plan().members) {
            members.append(addresses.at(member));
            memberList.append(addresses.at(member).toString());
        }
        readAfter(members,
                  tr("Recovered in %1 s with %2 MEETs.")
                      .arg(seconds(recovered->elapsedMs()))
                      .arg(recovered->meetsSent()),
                  {{QStringLiteral("recovered"), true},
                   {QStringLiteral("seconds"), recovered->elapsedMs() / 1000.0},
                   {QStringLiteral("meets"), recovered->meetsSent()},
                   {QStringLiteral("members"), memberList},
                   {QStringLiteral("lost_ids"), lost},
                   {QStringLiteral("notes"), QJsonArray::fromStringList(recovered->plan().notes)}});
    });
}

void EndpointOperationJob::rebalanced(const RebalanceJob &job)
{
    const SlotPlan &slotPlan = job.plan();
    QJsonObject json{{QStringLiteral("needed"), slotPlan.needed},
                     {QStringLiteral("moves"), slotPlanJson(slotPlan)},
                     {QStringLiteral("slots_moved"), job.slotsMoved()},
                     {QStringLiteral("keys_moved"), job.keysMoved()},
                     {QStringLiteral("seconds"), job.elapsedMs() / 1000.0}};
    if (!slotPlan.needed)
        return finishWith(slotPlan.reason, json, slotPlan.reason + QLatin1Char('\n'));
    if (m_request.dryRun) {
        // The moves a person would make with redis-cli, through the first seed.
        const NodeAddress seed = m_target.nodes.value(0);
        for (const SlotMove &move : slotPlan.moves) {
            const PlanStep step{
                tr("move %1 slots %2 from %3 to %4")
                    .arg(move.slotSet.count())
                    .arg(move.slotSet.toString(), move.sourceId, move.targetId),
                reshardLine(m_pool, seed, move.sourceId, move.targetId, move.slotSet.count())};
            Logger::instance().command(QStringLiteral("redis"),
                                       QStringLiteral("[dry-run] ") + step.description, step.command);
            m_plan.append(step);
        }
        json.insert(QStringLiteral("plan"), planToJson(m_plan));
        const QString summary = tr("Would move %1 slots:").arg(slotPlan.slotCount());
        return finishWith(summary, json, summary + QLatin1Char('\n') + planToText(m_plan));
    }
    readAfter(m_target.nodes,
              tr("Moved %1 slots and %2 keys in %3 s.")
                  .arg(job.slotsMoved())
                  .arg(job.keysMoved())
                  .arg(seconds(job.elapsedMs())),
              json);
}

void EndpointOperationJob::readAfter(const QList<NodeAddress> &seeds, const QString &summary,
                                     QJsonObject fields)
{
    setStep(tr("Reading the cluster as it is now"));
    auto *scan = new ClusterScanJob(seeds, m_pool, this);
    scan->setTimeout(ScanTimeoutMs);
    m_child = scan;
    connect(scan, &Job::finished, this, [this, scan, summary, fields]() mutable {
        if (isFinished())
            return;
        QString text = summary + QLatin1Char('\n');
        if (!scan->hasError()) {
            fields.insert(QStringLiteral("topology"), topologyToJson(scan->topology()));
            text += topologyToText(scan->topology());
        }
        finishWith(summary, fields, text);
    });
    scan->start();
}

} // namespace rcs::ops
