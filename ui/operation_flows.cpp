// The operation flows of StudioController: what each changing action asks before it runs, naming the
// objects it touches, and the request it makes from the answer. No widget here: the questions go out
// as Confirmation objects (the window shows them as dialogs, tests answer them directly).
#include "common/job.h"
#include "common/logger.h"
#include "confirmation.h"
#include "kube/manifest_set.h"
#include "operations/operation_job.h"
#include "studio_backend.h"
#include "studio_controller.h"
#include "topology_adapter.h"
#include "topology_model.h"

#include <QCollator>

#include <algorithm>
#include <memory>

namespace rcs::ui {

namespace {
const QString kDeletePvcs = QStringLiteral("deletePvcs");
const QString kDeleteNamespace = QStringLiteral("deleteNamespace");
const QString kReplica = QStringLiteral("replica");

// The steps of a plan-only run, each followed by its equivalent command as "$ COMMAND" (the form the
// command line prints); empty when the job has no plan.
QStringList planItems(const rcs::Job &job)
{
    QStringList items;
    if (const auto *operation = qobject_cast<const rcs::ops::OperationJob *>(&job)) {
        for (const rcs::ops::PlanStep &step : operation->plan()) {
            items.append(step.description);
            if (!step.command.isEmpty())
                items.append(QStringLiteral("$ ") + step.command);
        }
    }
    return items;
}

ActionRequest requestFor(const NodeCard &card)
{
    ActionRequest request;
    request.nodeKey = card.key();
    request.podName = card.podName;
    request.address = card.address;
    return request;
}

ActionRequest cleanupRequest(const Confirmation &answer)
{
    ActionRequest request;
    request.deletePvcs = answer.isOptionChecked(kDeletePvcs);
    request.deleteNamespace = answer.isOptionChecked(kDeleteNamespace);
    return request;
}

QString roleOf(const Confirmation &answer)
{
    return answer.isOptionChecked(kReplica) ? QStringLiteral("replica") : QStringLiteral("master");
}
} // namespace

void StudioController::ask(Confirmation *confirmation, Action action,
                           const std::function<ActionRequest(const Confirmation &)> &request)
{
    connect(confirmation, &Confirmation::accepted, this, [this, confirmation, action, request] {
        if (confirmation->isOptionChecked(kBackupFirst))
            backUpBefore(action, request(*confirmation));
        else
            runAction(action, request(*confirmation));
    });
    Q_EMIT confirmationRequested(confirmation);
}

void StudioController::confirmCleanup()
{
    auto *confirmation = new Confirmation(
        QStringLiteral("cleanupConfirmation"), tr("Clean up %1?").arg(m_target.ns),
        tr("This deletes what Deploy created for %1. Data on the persistent volumes survives unless you also "
           "delete the PVCs.")
            .arg(m_target.displayName()),
        this);
    confirmation->addOption(kDeletePvcs, tr("Also delete the PersistentVolumeClaims (all data is lost)"));
    confirmation->addOption(kDeleteNamespace, tr("Also delete the namespace %1").arg(m_target.ns));
    offerBackup(confirmation, false);
    // The list is core's plan (what CleanupWorkflow would delete, as `cleanup` without --yes prints
    // it), found by a job: the question waits for it, and a newer choice replaces an answer in flight.
    auto generation = std::make_shared<int>(0);
    const QPointer<Confirmation> guard = confirmation;
    const StudioTarget target = m_target;
    const auto update = [this, confirmation, guard, generation, target] {
        const int asked = ++*generation;
        confirmation->setItems({tr("Finding what Cleanup would delete…")});
        if (asked == 1)
            confirmation->setAcceptText(tr("Delete"), true); // the count follows with the plan
        confirmation->setAcceptEnabled(false);
        QString why;
        rcs::Job *plan = m_backend->createCleanupPlanJob(
            target, cleanupRequest(*confirmation),
            [guard, generation, asked](const QStringList &items) {
                if (!guard || asked != *generation)
                    return;
                guard->setItems(items);
                guard->setAcceptText(
                    tr("Delete %1").arg(countOf(items.size(), tr("object", "count"), tr("objects", "count"))),
                    true);
                guard->setAcceptEnabled(!items.isEmpty());
            },
            &why);
        if (!plan) {
            confirmation->setItems({why});
            return;
        }
        connect(plan, &rcs::Job::finished, confirmation, [guard, generation, asked](rcs::Job *finished) {
            if (finished->hasError() && guard && asked == *generation)
                guard->setItems({finished->errorString()});
        });
        plan->start();
    };
    update();
    connect(confirmation, &Confirmation::optionToggled, confirmation, update);
    ask(confirmation, Action::Cleanup, cleanupRequest);
}

void StudioController::confirmRemoveNode()
{
    if (!m_target.usesKubernetes()) {
        confirmRemoveSelectedNode();
        return;
    }
    // A StatefulSet shrinks from the top: the highest ordinal goes.
    const QStringList pods = podNames();
    const NodeCard *victim = nullptr;
    if (!pods.isEmpty()) {
        for (const NodeCard &card : m_model->nodes()) {
            if (card.podName == pods.last())
                victim = &card;
        }
    }
    if (!victim) {
        Q_EMIT message(tr("No pod to remove."), 5000);
        return;
    }
    auto *confirmation = new Confirmation(
        QStringLiteral("removeNodeConfirmation"), tr("Remove %1?").arg(victim->podName),
        tr("The StatefulSet %1 shrinks by one, so pod %2 (%3) is removed. %4 Its PVC "
           "is kept for a later scale-up "
           "unless you delete it.")
            .arg(m_target.statefulSet, victim->podName, victim->address, whereSlotsGo(*victim)),
        this);
    confirmation->addOption(kDeletePvcs, tr("Also delete its PersistentVolumeClaim"));
    confirmation->setAcceptText(tr("Remove %1").arg(victim->podName), true);
    const ActionRequest base = requestFor(*victim);
    ask(confirmation, Action::RemoveNode, [base](const Confirmation &answer) {
        ActionRequest request = base;
        request.deletePvcs = answer.isOptionChecked(kDeletePvcs);
        return request;
    });
}

QString StudioController::whereSlotsGo(const NodeCard &victim) const
{
    if (victim.isMaster() && victim.slotCount() > 0) {
        QStringList others;
        for (const NodeCard &card : m_model->nodes()) {
            if (card.isMaster() && card.key() != victim.key())
                others.append(card.displayName());
        }
        return tr("Its %1 move to the other masters (%2) before it leaves.")
            .arg(countOf(victim.slotCount(), tr("slot", "count"), tr("slots", "count")),
                 others.join(QStringLiteral(", ")));
    }
    if (victim.role == NodeCard::Role::Replica)
        return tr("It is a replica of %1; no slots move.").arg(victim.masterName);
    return tr("It serves no slots.");
}

void StudioController::confirmRemoveSelectedNode()
{
    const NodeCard *victim = m_model->node(m_model->selectedKey());
    if (!victim) {
        Q_EMIT message(tr("Select the node to remove in the picture."), 5000);
        return;
    }
    auto *confirmation = new Confirmation(
        QStringLiteral("removeNodeConfirmation"), tr("Remove %1?").arg(victim->displayName()),
        tr("%1 leaves the cluster: every other node forgets it and it is reset to a blank node. %2")
            .arg(victim->displayName(), whereSlotsGo(*victim)),
        this);
    confirmation->setAcceptText(tr("Remove %1").arg(victim->displayName()), true);
    const ActionRequest request = requestFor(*victim);
    showPlan(confirmation, Action::RemoveNode, request);
    ask(confirmation, Action::RemoveNode, [request](const Confirmation &) { return request; });
}

void StudioController::showPlan(Confirmation *confirmation, Action action, ActionRequest request)
{
    // The plan is core's (the operation run plan-only: what the command line prints without --yes),
    // found by a job: the question waits for it, shows its step meanwhile, and a refusal stops it.
    request.planOnly = true;
    confirmation->setAcceptEnabled(false);
    confirmation->setItems({tr("Finding the plan…")});
    QString why;
    rcs::Job *job = m_backend->createActionJob(action, m_target, request, &why);
    if (!job) {
        confirmation->setItems({tr("The plan could not be found: %1").arg(why)});
        return;
    }
    const QPointer<Confirmation> guard = confirmation;
    auto sentences = std::make_shared<QStringList>();
    connect(job, &rcs::Job::stepChanged, confirmation, [guard](const QString &step) {
        if (guard)
            guard->setItems({tr("Finding the plan: %1…").arg(step)});
    });
    connect(job, &rcs::Job::infoMessage, confirmation,
            [sentences](const QString &sentence) { sentences->append(sentence); });
    connect(confirmation, &Confirmation::rejected, job, &rcs::Job::cancel);
    connect(job, &rcs::Job::finished, confirmation, [guard, sentences](rcs::Job *done) {
        if (!guard)
            return;
        const QStringList steps = planItems(*done);
        if (steps.isEmpty()) {
            // No plan: the operation would stop the same way, so the question cannot be answered yes.
            guard->setItems({done->hasError() ? done->errorString() : tr("There is nothing to change.")});
            return;
        }
        guard->setItems(*sentences + steps);
        guard->setAcceptEnabled(true);
    });
    job->start();
}

void StudioController::confirmUpgrade(const ActionRequest &choices)
{
    QString title;
    QString text;
    QString accept;
    if (choices.restartOnly) {
        title = tr("Restart every pod of %1?").arg(m_target.statefulSet);
        text = tr("Each pod restarts in turn, replicas first; a master hands its slots to an in-sync replica "
                  "by a failover before it restarts. Nothing else changes.");
        accept = tr("Restart pods");
    } else {
        QStringList changes;
        if (!choices.image.isEmpty())
            changes.append(tr("image %1").arg(choices.image));
        if (!choices.cpu.isEmpty())
            changes.append(tr("CPU request %1").arg(choices.cpu));
        if (!choices.memory.isEmpty())
            changes.append(tr("memory request %1").arg(choices.memory));
        for (const rcs::ConfigSetting &setting : choices.settings)
            changes.append(tr("setting %1 %2").arg(setting.key, setting.value));
        title = tr("Upgrade %1?").arg(m_target.statefulSet);
        const bool settingsOnly =
            choices.image.isEmpty() && choices.cpu.isEmpty() && choices.memory.isEmpty();
        text =
            settingsOnly
                ? tr("%1: the settings CONFIG SET accepts are applied live on every node with no restart; "
                     "for the others each pod restarts in turn, replicas first, a master handing its slots "
                     "to an in-sync replica by a failover before it restarts. The plan says which.")
                      .arg(changes.join(QStringLiteral(", ")))
                : tr("The StatefulSet gets %1; then each pod restarts in turn, replicas first; a master "
                     "hands its slots to an in-sync replica by a failover before it restarts.")
                      .arg(changes.join(QStringLiteral(", ")));
        accept = tr("Upgrade");
    }
    auto *confirmation = new Confirmation(
        QStringLiteral("upgradeConfirmation"), title,
        text + QLatin1Char(' ') + tr("Cancel in the progress panel stops between two pods."), this);
    confirmation->setAcceptText(accept, false);
    offerBackup(confirmation, false);
    showPlan(confirmation, Action::Upgrade, choices);
    ask(confirmation, Action::Upgrade, [choices](const Confirmation &) { return choices; });
}

void StudioController::confirmRotatePassword(const ActionRequest &choices)
{
    // Masked from here on, before any job (the plan's or the run's) can log a line that holds it.
    rcs::Logger::instance().addSecret(choices.newPassword);
    // The user by name where the dialog named one; else core's choice (the operator, or default where
    // there is none), whose name the plan's first line gives.
    const bool named = !choices.rotateUser.isEmpty();
    const QString user = named ? choices.rotateUser : tr("the studio's user");
    const QString secret = rcs::ManifestSet::secretName(m_target.statefulSet);
    const QString password = choices.newPassword.isEmpty()
                                 ? tr("A new password is generated and kept in Secret %1.").arg(secret)
                                 : tr("The password you typed is kept in Secret %1.").arg(secret);
    auto *confirmation = new Confirmation(
        QStringLiteral("rotatePasswordConfirmation"),
        named ? tr("Rotate the password of %1?").arg(user) : tr("Rotate the password?"),
        tr("%1 Every node accepts it beside the old one until the replicas and the Secret use it; then the "
           "old password of %2 stops working: whatever logs in with it is refused from then on.")
            .arg(password, user),
        this);
    confirmation->setAcceptText(tr("Rotate password"), true);
    showPlan(confirmation, Action::RotatePassword, choices);
    ask(confirmation, Action::RotatePassword, [choices](const Confirmation &) { return choices; });
}

void StudioController::rotateCertificates(const ActionRequest &choices)
{
    // A renewal (and a reload) replaces certificates by others the same clients accept: like the
    // command line, it runs without a yes. Only dropping CAs takes trust away from someone.
    if (!choices.dropOldCas) {
        runAction(Action::RotateCertificates, choices);
        return;
    }
    auto *confirmation = new Confirmation(
        QStringLiteral("dropCasConfirmation"), tr("Stop trusting the old CAs?"),
        tr("After the renewal, ca.crt of %1 keeps only the CA that signs now. Every client, replica or "
           "tool whose certificate an old CA signed is refused from then on, and anything that verifies "
           "the servers with an old CA alone no longer connects.")
            .arg(m_target.statefulSet),
        this);
    confirmation->setAcceptText(tr("Renew and drop the old CAs"), true);
    showPlan(confirmation, Action::RotateCertificates, choices);
    ask(confirmation, Action::RotateCertificates, [choices](const Confirmation &) { return choices; });
}

void StudioController::addNodeAt(const QString &text)
{
    const QString address = text.trimmed();
    auto *confirmation = new Confirmation(
        QStringLiteral("addNodeConfirmation"), tr("Add %1?").arg(address),
        tr("%1 joins the cluster as a master and receives its share of slots, or as a replica of the "
           "master with the fewest replicas on another host.")
            .arg(address),
        this);
    confirmation->addOption(kReplica, tr("Add it as a replica instead of a master"));
    confirmation->setAcceptText(tr("Add node"), false);
    ask(confirmation, Action::AddNode, [address](const Confirmation &answer) {
        ActionRequest request;
        request.address = address;
        request.role = roleOf(answer);
        return request;
    });
}

void StudioController::confirmFailover()
{
    const NodeCard *selected = m_model->node(m_model->selectedKey());
    if (!selected)
        return;
    QString text;
    ActionRequest request = selectionRequest();
    if (selected->isMaster()) {
        QStringList replicas;
        for (const NodeCard &card : m_model->nodes()) {
            if (card.masterId != selected->id || selected->id.isEmpty())
                continue;
            // A selected master fails over through its first replica: the request names that one,
            // the pod a StatefulSet workflow promotes.
            if (replicas.isEmpty())
                request = requestFor(card);
            replicas.append(card.displayName());
        }
        if (replicas.isEmpty()) {
            Q_EMIT message(tr("%1 has no replica to promote.").arg(selected->displayName()), 6000);
            return;
        }
        text = tr("A replica of %1 (%2) becomes master of its %3; %1 becomes its replica.")
                   .arg(selected->displayName(), replicas.join(QStringLiteral(", ")),
                        countOf(selected->slotCount(), tr("slot", "count"), tr("slots", "count")));
    } else {
        text = tr("%1 becomes master in place of %2, which becomes its replica.")
                   .arg(selected->displayName(), selected->masterName);
    }
    auto *confirmation =
        new Confirmation(QStringLiteral("failoverConfirmation"), tr("Fail over?"), text, this);
    confirmation->setAcceptText(tr("Fail over"), false);
    ask(confirmation, Action::Failover, [request](const Confirmation &) { return request; });
}

void StudioController::confirmAddNode()
{
    if (!m_target.usesKubernetes()) {
        Q_EMIT nodeAddressRequested();
        return;
    }
    const int next = int(podNames().size());
    auto *confirmation = new Confirmation(
        QStringLiteral("addNodeConfirmation"), tr("Add a node?"),
        tr("The StatefulSet %1 grows to %2 pods; the new pod %1-%3 joins the cluster as a master and "
           "receives "
           "its share of slots, or as a replica of the master with the fewest replicas on another Kubernetes "
           "node.")
            .arg(m_target.statefulSet)
            .arg(next + 1)
            .arg(next),
        this);
    confirmation->addOption(kReplica, tr("Add it as a replica instead of a master"));
    confirmation->setAcceptText(tr("Add node"), false);
    ask(confirmation, Action::AddNode, [](const Confirmation &answer) {
        ActionRequest request;
        request.role = roleOf(answer);
        return request;
    });
}

ActionRequest StudioController::selectionRequest() const
{
    const NodeCard *card = m_model->node(m_model->selectedKey());
    return card ? requestFor(*card) : ActionRequest{};
}

QStringList StudioController::podNames() const
{
    QStringList names;
    for (const NodeCard &card : m_model->nodes()) {
        if (!card.podName.isEmpty())
            names.append(card.podName);
    }
    QCollator collator;
    collator.setNumericMode(true);
    std::sort(names.begin(), names.end(),
              [&](const QString &a, const QString &b) { return collator.compare(a, b) < 0; });
    return names;
}

} // namespace rcs::ui
