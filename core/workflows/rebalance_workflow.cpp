#include "rebalance_workflow.h"

#include "kube_session.h"
#include "redis/rebalance_job.h"
#include "redis/redis_cli_line.h"

namespace rcs {

RebalanceWorkflow::RebalanceWorkflow(KubeSession *session, QObject *parent)
    : Workflow(session, parent)
{
    setTitle(tr("Rebalance"));
}

void RebalanceWorkflow::setReshard(const QStringList &sources, const QString &target, int slotCount)
{
    m_reshard = true;
    m_sources = sources;
    m_target = target;
    m_slotCount = slotCount;
    setTitle(tr("Reshard"));
}

void RebalanceWorkflow::doStart()
{
    const QString action = m_reshard ? tr("Resharding") : tr("Rebalancing");
    requireHealthy(action, [this](const ClusterSurvey &found) {
        // Pod names are what the operator sees; the job wants ids (or prefixes).
        const auto idOf = [&found](const QString &name) {
            const TopologyNode *node = found.nodeOfPod(name);
            return node ? node->id : name;
        };
        auto *job = new RebalanceJob(found.addresses, session()->pool());
        if (m_reshard) {
            QStringList sources;
            for (const QString &source : std::as_const(m_sources))
                sources.append(idOf(source));
            job->setReshard(sources, idOf(m_target), m_slotCount);
        } else {
            RebalanceOptions options = m_options;
            options.weights.clear();
            for (auto it = m_options.weights.cbegin(); it != m_options.weights.cend(); ++it)
                options.weights.insert(idOf(it.key()), it.value());
            job->setRebalance(options);
        }
        job->setSimulate(isDryRun());
        connect(job, &Job::progress, this, [this](qint64 done, qint64 total) { setProgress(done, total); });
        const QString step = m_reshard ? tr("Moving %1 slots to %2").arg(m_slotCount).arg(m_target)
                                       : tr("Rebalancing the slots");
        runStep(step, job, [this, found](Job *child) {
            auto *rebalance = static_cast<RebalanceJob *>(child);
            m_plan = rebalance->plan();
            m_slotsMoved = rebalance->slotsMoved();
            m_keysMoved = rebalance->keysMoved();
            report(found);
        });
    });
}

void RebalanceWorkflow::report(const ClusterSurvey &found)
{
    if (!m_plan.needed) {
        // The job already said why (its info message); the result only records the outcome.
        setChangedNothing(true);
        addResult(tr("Nothing was moved."));
        succeed();
        return;
    }
    const NodeAddress seed = found.addresses.value(0);
    for (const SlotMove &move : std::as_const(m_plan.moves)) {
        const QString text =
            tr("%1 slots (%2) from %3 to %4")
                .arg(move.slotSet.count())
                .arg(move.slotSet.toString(), found.podName(move.sourceId), found.podName(move.targetId));
        if (isDryRun()) {
            logCommand(
                QStringLiteral("redis"), tr("Move %1").arg(text),
                reshardLine(session()->pool(), seed, move.sourceId, move.targetId, move.slotSet.count()));
        } else {
            info(tr("moved %1").arg(text));
        }
    }
    if (isDryRun()) {
        setChangedNothing(true);
        addResult(tr("Dry run: %1 slots would move in %2 moves; nothing was changed.")
                      .arg(m_plan.slotCount())
                      .arg(m_plan.moves.size()));
    } else {
        addResult(tr("Moved %1 slots and %2 keys; every node agrees on the new owners.")
                      .arg(m_slotsMoved)
                      .arg(m_keysMoved));
    }
    succeed();
}

} // namespace rcs
