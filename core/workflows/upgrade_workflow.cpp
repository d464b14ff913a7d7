#include "upgrade_workflow.h"

#include "kube/kube_client.h"
#include "kube/kube_request.h"
#include "kube_session.h"
#include "redis/redis_cli_line.h"
#include "upgrade_rollout.h"
#include "upgrade_temporary_replica.h"

#include <QDateTime>
#include <QTimer>

#include <algorithm>

namespace rcs {

namespace {
QString updateRevisionOf(const QJsonObject &statefulSet)
{
    return statefulSet.value(QLatin1String("status"))
        .toObject()
        .value(QLatin1String("updateRevision"))
        .toString();
}

QString strategyName(const QJsonObject &strategy)
{
    const QString type = strategy.value(QLatin1String("type")).toString();
    const QJsonValue partition =
        strategy.value(QLatin1String("rollingUpdate")).toObject().value(QLatin1String("partition"));
    return partition.isDouble() && partition.toInt() > 0
               ? QStringLiteral("%1 (partition %2)").arg(type).arg(partition.toInt())
               : type;
}
} // namespace

UpgradeWorkflow::UpgradeWorkflow(KubeSession *session, QObject *parent)
    : Workflow(session, parent)
{
    setTitle(tr("Upgrade"));
}

void UpgradeWorkflow::doStart()
{
    if (m_change.isEmpty()) {
        fail(ErrorCode::InvalidInput,
             tr("Say what to change: a new image, CPU or memory, a setting, or a restart."));
        return;
    }
    const QString action = m_change.restart ? tr("A rolling restart") : tr("An upgrade");
    survey([this, action](const ClusterSurvey &found) { surveyed(action, found); });
}

void UpgradeWorkflow::surveyed(const QString &action, const ClusterSurvey &found)
{
    if (found.assessment.situation != Situation::Healthy) {
        const std::optional<QList<StalledReplica>> stalled = stalledRolloutReplicas(found);
        if (!stalled) {
            refuseUnlessHealthy(action, found);
            return;
        }
        m_stalled = *stalled;
        QStringList pods;
        for (const StalledReplica &replica : std::as_const(m_stalled))
            pods << replica.pod;
        info(tr("The cluster is not healthy only because %1 (replicas of the stopped upgrade) are not Ready; "
                "every slot is served by a reachable master, so the run goes on and restarts them at the new "
                "revision along with the others.")
                 .arg(pods.join(QLatin1String(", "))));
    }
    if (m_change.settings.isEmpty())
        planned(found);
    else
        probeSettings(found, [this, found] { planned(found); });
}

QList<UpgradeNode> UpgradeWorkflow::upgradeNodes(const ClusterSurvey &found, const QString &revision) const
{
    QList<UpgradeNode> nodes;
    for (const PodState &pod : found.deployment.pods) {
        const auto stalled = std::find_if(m_stalled.cbegin(), m_stalled.cend(),
                                          [&](const StalledReplica &s) { return s.pod == pod.info.name; });
        if (stalled != m_stalled.cend()) {
            nodes.append({pod.info.name, stalled->nodeId, false, stalled->masterId, false});
            continue;
        }
        if (pod.terminating || pod.info.ip.isEmpty())
            continue;
        const TopologyNode *node = found.nodeOfPod(pod.info.name);
        if (!node)
            continue;
        nodes.append({pod.info.name, node->id, node->isMaster(), node->masterId,
                      !revision.isEmpty() && pod.revision == revision,
                      pod.info.name == temporaryReplicaPod(found.deployment.statefulSet)});
    }
    return nodes;
}

Result<UpgradePlan> UpgradeWorkflow::makePlan(const ClusterSurvey &found, const QString &revision) const
{
    // The pod a scale-up by one creates.
    const QString temporaryPod =
        m_temporaryReplica
            ? QStringLiteral("%1-%2").arg(session()->target().statefulSet).arg(found.deployment.replicas)
            : QString();
    return planUpgrade(upgradeNodes(found, revision), temporaryPod);
}

void UpgradeWorkflow::planned(const ClusterSurvey &found)
{
    m_statefulSet = found.deployment.statefulSet;
    const QString revision = updateRevisionOf(m_statefulSet);
    const bool kept = m_statefulSet.value(QLatin1String("metadata"))
                          .toObject()
                          .value(QLatin1String("annotations"))
                          .toObject()
                          .contains(QLatin1String(kPreviousStrategyAnnotation));
    bool behind = false;
    for (const PodState &pod : found.pods)
        behind = behind || pod.revision != revision;
    UpgradeChange change = m_change;
    if (change.restart && (behind || kept)) {
        // A stopped restart goes on: a new annotation would restart the pods already done once more.
        change.restart = false;
        info(tr("A rollout is in progress (not every pod runs revision %1): it goes on.").arg(revision));
    }
    const QJsonObject templ = withConfigHash(
        templatePatch(m_statefulSet, change, QDateTime::currentDateTimeUtc().toString(Qt::ISODate)),
        m_statefulSet, configHashToSet());
    // With a template change every pod restarts; without one, those not at the update revision do.
    const Result<UpgradePlan> plan = makePlan(found, templ.isEmpty() ? revision : QString());
    if (!plan) {
        fail(plan.error());
        return;
    }
    m_plan = *plan;
    const bool rollout = !m_plan.isNoop() || !templ.isEmpty() || kept;
    if (!rollout && !settingsChangeSomething()) {
        setChangedNothing(true);
        addResult(
            tr("Every pod already runs revision %1 with what was asked; nothing was changed.").arg(revision));
        succeed();
        return;
    }
    int restarts = 0;
    for (const UpgradeStep &step : std::as_const(m_plan.steps))
        restarts += step.kind == UpgradeStep::Kind::Restart ? 1 : 0;
    QStringList wouldDoParts;
    if (!m_probed.isEmpty())
        wouldDoParts << settingsWouldDo();
    if (rollout)
        wouldDoParts << tr("restart %1 pods one by one, %2 of them masters handed over by a failover first")
                            .arg(restarts)
                            .arg(masterHandOvers(m_plan));
    QString wouldDo = wouldDoParts.join(QLatin1String("; then "));
    if (!temporaryPodOf(m_plan).isEmpty())
        wouldDo +=
            tr(", with the temporary pod %1 as the replica of each master that has none (it is removed at "
               "the end)")
                .arg(temporaryPodOf(m_plan));
    if (!proceedIfConfirmed(m_confirmed, wouldDo,
                            (m_change.restart
                                 ? tr("Dry run: the rolling restart would %1; nothing was changed.")
                                 : tr("Dry run: the upgrade would %1; nothing was changed."))
                                .arg(wouldDo),
                            [this, &found, &templ, rollout] {
                                listSettings(found);
                                if (rollout)
                                    listPlan(found, !templ.isEmpty());
                            }))
        return;
    applySettings(found, [this, found, templ, rollout] { patchAndRollOut(found, templ, rollout); });
}

void UpgradeWorkflow::patchAndRollOut(const ClusterSurvey &found, const QJsonObject &templ, bool rollout)
{
    if (!rollout) {
        succeed();
        return;
    }
    const QJsonObject patch = startPatch(m_statefulSet, templ);
    runStep(tr("Patching StatefulSet %1 (new template, OnDelete)").arg(session()->target().statefulSet),
            session()->client()->patch(
                session()->statefulSetRef(), patch,
                tr("Switch %1 to OnDelete with the new pod template").arg(session()->target().statefulSet)),
            [this, found](Job *job) {
                m_patched = true;
                started(found, static_cast<KubeRequest *>(job)->object());
            });
}

void UpgradeWorkflow::listPlan(const ClusterSurvey &found, bool patchTemplate)
{
    const auto patchLine = [this](const QJsonObject &patch) {
        KubeRequest *request = session()->client()->patch(session()->statefulSetRef(), patch, {});
        const QString line = request->spec().equivalentCommand;
        request->deleteLater();
        return line;
    };
    QJsonObject templ;
    if (patchTemplate)
        templ = withConfigHash(
            templatePatch(m_statefulSet, m_change, QStringLiteral("$(date -u +%Y-%m-%dT%H:%M:%SZ)")),
            m_statefulSet, configHashToSet());
    logCommand(QStringLiteral("kube"),
               patchTemplate ? tr("Give %1 the new pod template and the OnDelete strategy in one patch")
                                   .arg(session()->target().statefulSet)
                             : tr("Switch %1 to the OnDelete strategy").arg(session()->target().statefulSet),
               patchLine(startPatch(m_statefulSet, templ)));
    int pods = found.deployment.replicas;
    for (const UpgradeStep &step : std::as_const(m_plan.steps)) {
        if (step.kind == UpgradeStep::Kind::AddTemporary || step.kind == UpgradeStep::Kind::Replicate ||
            step.kind == UpgradeStep::Kind::RemoveTemporary) {
            logCommand(
                QStringLiteral("kube"), describeUpgradeStep(step),
                temporaryReplicaCommand(session(), step, m_statefulSet, pods, found.addresses.value(0)));
            pods += step.kind == UpgradeStep::Kind::AddTemporary      ? 1
                    : step.kind == UpgradeStep::Kind::RemoveTemporary ? -1
                                                                      : 0;
        } else if (step.kind == UpgradeStep::Kind::Failover) {
            const TopologyNode *node = found.nodeOfPod(step.pod);
            logCommand(QStringLiteral("redis"), describeUpgradeStep(step),
                       redisCliLine(session()->pool(), node ? node->address : NodeAddress(),
                                    QStringList{QStringLiteral("CLUSTER"), QStringLiteral("FAILOVER")}));
        } else {
            logCommand(QStringLiteral("kube"),
                       tr("%1, then wait until it is Ready at the new revision and in sync")
                           .arg(describeUpgradeStep(step)),
                       QStringLiteral("%1 delete pod %2").arg(session()->kubectl(), step.pod));
        }
    }
    logCommand(QStringLiteral("kube"),
               tr("Give %1 its update strategy back (%2)")
                   .arg(session()->target().statefulSet, strategyName(previousStrategy(m_statefulSet))),
               patchLine(endPatch(m_statefulSet, true, found.deployment.replicas)));
}

void UpgradeWorkflow::started(const ClusterSurvey &found, const QJsonObject &patched)
{
    const qint64 generation =
        patched.value(QLatin1String("metadata")).toObject().value(QLatin1String("generation")).toInteger(0);
    setStep(tr("Waiting for the StatefulSet controller to see the new template"));
    waitForRevision(generation, QDeadlineTimer(stepTimeout()), [this, found](const QJsonObject &statefulSet) {
        rollOut(found, updateRevisionOf(statefulSet));
    });
}

void UpgradeWorkflow::waitForRevision(qint64 generation, QDeadlineTimer deadline,
                                      std::function<void(const QJsonObject &)> next)
{
    KubeRequest *get = session()->client()->get(session()->statefulSetRef());
    get->setTimeout(10000);
    connect(get, &Job::finished, this, [this, generation, deadline, next](Job *job) {
        if (ended())
            return;
        auto *request = static_cast<KubeRequest *>(job);
        const QJsonObject set = request->object();
        const qint64 observed = set.value(QLatin1String("status"))
                                    .toObject()
                                    .value(QLatin1String("observedGeneration"))
                                    .toInteger(0);
        if (!request->hasError() && observed >= generation && !updateRevisionOf(set).isEmpty()) {
            next(set);
            return;
        }
        if (deadline.hasExpired()) {
            finish(Error(ErrorCode::Timeout,
                         tr("The StatefulSet controller did not take the new template within %1 s (observed "
                            "generation %2 of %3): is kube-controller-manager running?")
                             .arg(stepTimeout() / 1000)
                             .arg(observed)
                             .arg(generation)),
                   0);
            return;
        }
        QTimer::singleShot(
            200, this, [this, generation, deadline, next] { waitForRevision(generation, deadline, next); });
    });
    get->start();
}

void UpgradeWorkflow::rollOut(const ClusterSurvey &found, const QString &revision)
{
    const int replicas = found.deployment.replicas;
    const Result<UpgradePlan> plan = makePlan(found, revision);
    if (!plan) {
        finish(plan.error(), replicas);
        return;
    }
    m_plan = *plan;
    info(tr("The new revision is %1; %2 pods already run it.").arg(revision).arg(m_plan.upToDate.size()));
    if (m_plan.isNoop()) {
        finish(std::nullopt, replicas);
        return;
    }
    m_rollout = new UpgradeRollout(session(), found, m_plan, revision, this);
    m_rollout->setAutoDelete(false);
    m_rollout->setStepTimeout(stepTimeout());
    m_rollout->setPodTimeout(podTimeout());
    if (m_stopRequested)
        m_rollout->stopAfterStep();
    connect(m_rollout, &Job::infoMessage, this, &Workflow::infoMessage);
    connect(m_rollout, &Job::stepChanged, this, [this](const QString &step) { setStep(step); });
    connect(m_rollout, &Job::progress, this, [this](qint64 done, qint64 total) { setProgress(done, total); });
    connect(m_rollout, &Job::finished, this, [this, replicas](Job *job) {
        m_restarted = m_rollout->restartedPods();
        // A stop or a failure says what a temporary pod left behind is doing.
        const QString temporary = m_rollout->temporaryPodLeft();
        finish(job->hasError()
                   ? std::optional<Error>(Error(job->error().code(), job->error().message() + temporary,
                                                job->error().detail()))
                   : std::nullopt,
               replicas);
    });
    m_rollout->start();
}

void UpgradeWorkflow::finish(const std::optional<Error> &error, int replicas)
{
    if (ended())
        return;
    const QJsonObject patch = endPatch(m_statefulSet, !error, replicas);
    const QJsonObject strategy =
        patch.value(QLatin1String("spec")).toObject().value(QLatin1String("updateStrategy")).toObject();
    setStep(tr("Restoring the update strategy"));
    KubeRequest *restore =
        session()->client()->patch(session()->statefulSetRef(), patch,
                                   tr("Give %1 its update strategy back (%2)")
                                       .arg(session()->target().statefulSet, strategyName(strategy)));
    restore->setTimeout(stepTimeout());
    connect(restore, &Job::finished, this, [this, error, strategy](Job *job) {
        if (ended())
            return;
        const QString restored =
            job->hasError()
                ? tr(" Restoring the update strategy failed too (%1): the StatefulSet is still OnDelete; a "
                     "re-run "
                     "restores it.")
                      .arg(job->errorString())
                : tr(" The StatefulSet's update strategy is %1 again%2.")
                      .arg(strategyName(strategy),
                           error ? tr(", holding every pod until a re-run finishes the upgrade") : QString());
        if (error) {
            fail(error->code(), error->message() + restored, error->detail());
            return;
        }
        if (job->hasError()) {
            fail(job->error().withContext(tr("Restoring the update strategy")));
            return;
        }
        addResult(
            tr("Restarted %1 pods one by one (%2), %3 masters handed over by a failover first; every pod "
               "runs the new revision and every node sees the cluster as before.")
                .arg(m_restarted.size())
                .arg(m_restarted.join(QLatin1String(", ")))
                .arg(masterHandOvers(m_plan)) +
            restored);
        if (!temporaryPodOf(m_plan).isEmpty())
            addResult(tr("The temporary pod %1 handed every slot it took over back and was removed with its "
                         "volume.")
                          .arg(temporaryPodOf(m_plan)));
        requireHealthy(tr("Verifying the upgrade"), [this](const ClusterSurvey &after) {
            const QString revision = updateRevisionOf(after.deployment.statefulSet);
            QStringList behind;
            for (const PodState &pod : after.pods) {
                if (pod.revision != revision)
                    behind << pod.info.name;
            }
            if (!behind.isEmpty()) {
                fail(ErrorCode::Unhealthy,
                     tr("Verifying the upgrade: %1 do not run revision %2; run the command "
                        "again.")
                         .arg(behind.join(QLatin1String(", ")), revision));
                return;
            }
            succeed();
        });
    });
    restore->start();
}

void UpgradeWorkflow::stopBetweenPods()
{
    // Asked before the rollout exists (while the template is patched), it is kept for the rollout.
    m_stopRequested = true;
    if (m_rollout)
        m_rollout->stopAfterStep();
}

void UpgradeWorkflow::doCancel()
{
    if (m_rollout)
        m_rollout->cancel();
    if (!m_patched)
        return;
    // The run ends now; the restore is sent all the same and outlives it (a re-run restores it too).
    KubeRequest *restore = session()->client()->patch(
        session()->statefulSetRef(),
        endPatch(
            m_statefulSet, false,
            m_statefulSet.value(QLatin1String("spec")).toObject().value(QLatin1String("replicas")).toInt()),
        tr("Give %1 its update strategy back, holding every pod").arg(session()->target().statefulSet));
    restore->start();
}

} // namespace rcs
