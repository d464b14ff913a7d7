#include "check_workflow.h"

#include "kube_session.h"
#include "redis/blind_owners.h"
#include "redis/fix_open_slots_job.h"
#include "redis/redis_cli_line.h"

namespace rcs {

CheckWorkflow::CheckWorkflow(KubeSession *session, QObject *parent)
    : Workflow(session, parent)
{
    setTitle(tr("Check"));
}

void CheckWorkflow::doStart()
{
    survey([this](const ClusterSurvey &found) {
        if (!m_fix) {
            conclude(found);
            return;
        }
        switch (found.assessment.situation) {
        case Situation::NotDeployed:
        case Situation::PodsNotReady:
        case Situation::NotCreated:
        case Situation::TotalFailure:
            fail(ErrorCode::Refused,
                 tr("Closing open slots needs a formed, running cluster, and "
                    "this one is %1: %2 Nothing was changed.")
                     .arg(situationName(found.assessment.situation), phrasedAdvice(found.assessment)));
            return;
        default:
            repair(found);
        }
    });
}

void CheckWorkflow::repair(const ClusterSurvey &found)
{
    const QList<OpenSlot> open = found.topology.openSlots();
    const QList<OpenSlot> onReplicas = found.topology.replicaOnlyOpenSlots();
    const QList<BlindOwner> blind = findBlindOwners(found.topology.views());
    if (open.isEmpty() && onReplicas.isEmpty() && blind.isEmpty()) {
        info(tr("No slot is open: there is nothing to close."));
        conclude(found);
        return;
    }
    if (isDryRun()) {
        for (const OpenSlot &slot : open) {
            info(tr("slot %1 is %2 %3 on %4")
                     .arg(slot.slot)
                     .arg(slot.migrating ? tr("migrating to") : tr("importing from"),
                          found.podName(slot.peerId), found.podName(slot.nodeId)));
        }
        for (const OpenSlot &slot : onReplicas) {
            info(tr("slot %1 is %2 %3 on the replica %4 only")
                     .arg(slot.slot)
                     .arg(slot.migrating ? tr("migrating to") : tr("importing from"),
                          found.podName(slot.peerId), found.podName(slot.nodeId)));
        }
        for (const BlindOwner &owner : blind) {
            info(
                tr("slots %1 are missing from %2's own view, though every other node names it as their owner")
                    .arg(owner.lostSlots.toString(), found.podName(owner.id)));
        }
        logCommand(QStringLiteral("redis"), tr("Close the open slots"),
                   redisCliClusterLine(session()->pool(), found.addresses.value(0), QStringLiteral("fix"),
                                       {found.addresses.value(0).toString()}));
        addResult(tr("Dry run: %1 open slot(s) would be closed; nothing was changed.")
                      .arg(open.size() + onReplicas.size()));
        if (!blind.isEmpty())
            addResult(tr("Dry run: %n master(s) would be given back the slots they lost in their own view.",
                         nullptr, int(blind.size())));
        conclude(found);
        return;
    }
    runStep(tr("Closing the open slots"), new FixOpenSlotsJob(found.addresses, session()->pool()),
            [this](Job *child) {
                m_actions = static_cast<FixOpenSlotsJob *>(child)->actions();
                for (const QString &action : std::as_const(m_actions))
                    addResult(action);
                survey([this](const ClusterSurvey &after) { conclude(after); });
            });
}

void CheckWorkflow::conclude(const ClusterSurvey &found)
{
    m_survey = found;
    setChangedNothing(m_actions.isEmpty());
    succeed();
}

} // namespace rcs
