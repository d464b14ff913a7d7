#include "upgrade_rollout.h"

#include "kube/kube_client.h"
#include "kube/kube_request.h"
#include "kube_session.h"
#include "redis/add_node_job.h"
#include "redis/cluster_info_parser.h"
#include "redis/failover_job.h"
#include "redis/lifecycle_support.h"
#include "redis/node_views.h"
#include "redis/recover_job.h"
#include "redis/redis_pool.h"
#include "remove_node_workflow.h"
#include "upgrade_temporary_replica.h"

#include <QTimer>

namespace rcs {

UpgradeRollout::UpgradeRollout(KubeSession *session, const ClusterSurvey &found, const UpgradePlan &plan,
                               QString revision, QObject *parent)
    : Workflow(session, parent)
    , m_plan(plan)
    , m_revision(std::move(revision))
    , m_pods(found.pods)
    , m_addresses(found.addresses)
{
    setTitle(tr("Restart the pods one by one"));
    for (const PodState &pod : found.deployment.pods)
        m_uidOfPod.insert(pod.info.name, pod.uid);
    for (const TopologyNode &node : found.topology.nodes()) {
        if (node.role == NodeRole::Unknown)
            continue;
        m_expected.insert(node.id, ExpectedNode{node.id, node.address, node.isMaster(), node.masterId,
                                                node.isMaster() ? node.slotSet : SlotSet()});
        if (node.pod)
            m_podOfNode.insert(node.id, node.pod->name);
    }
    bool adds = false;
    for (const UpgradeStep &step : std::as_const(m_plan.steps)) {
        adds = adds || step.kind == UpgradeStep::Kind::AddTemporary;
        if (step.kind == UpgradeStep::Kind::RemoveTemporary) {
            m_temporaryPod = step.pod;
            m_temporaryId = step.nodeId;
        }
    }
    m_temporaryPresent = !m_temporaryPod.isEmpty() && !adds;
}

bool UpgradeRollout::temporaryServesSlots() const
{
    return m_temporaryPresent && m_expected.value(m_temporaryId).master;
}

QString UpgradeRollout::temporaryPodLeft() const
{
    if (!m_temporaryPresent)
        return {};
    const ExpectedNode temporary = m_expected.value(m_temporaryId);
    if (temporary.master) {
        const ExpectedNode original = [this] {
            for (const ExpectedNode &node : m_expected) {
                if (!node.master && node.masterId == m_temporaryId)
                    return node;
            }
            return ExpectedNode();
        }();
        return tr(" The temporary pod %1 serves the slots of %2 as a master: a re-run (after fixing the "
                  "cause) restarts %2 if needed, hands its slots back and removes %1.")
            .arg(m_temporaryPod, m_podOfNode.value(original.id, original.id.left(8)));
    }
    return tr(" The temporary pod %1 stays, a replica of %2, until a re-run removes it.")
        .arg(m_temporaryPod, m_podOfNode.value(temporary.masterId, temporary.masterId.left(8)));
}

void UpgradeRollout::doStart()
{
    nextStep();
}

void UpgradeRollout::nextStep()
{
    if (ended())
        return;
    setProgress(m_done, m_plan.steps.size());
    if (m_done == m_plan.steps.size()) {
        succeed();
        return;
    }
    // A temporary pod is never left serving a shard: a stop waits for the hand-back.
    if (m_stopRequested && !temporaryServesSlots()) {
        fail(ErrorCode::Cancelled, tr("Stopped after %1 of %2 steps, as asked; the cluster is healthy and a "
                                      "re-run goes on from here.")
                                       .arg(m_done)
                                       .arg(m_plan.steps.size()));
        return;
    }
    const UpgradeStep &step = m_plan.steps.at(m_done);
    info(tr("Step %1 of %2: %3.").arg(m_done + 1).arg(m_plan.steps.size()).arg(describeUpgradeStep(step)));
    switch (step.kind) {
    case UpgradeStep::Kind::Failover:
        failover(step);
        break;
    case UpgradeStep::Kind::Restart:
        restart(step);
        break;
    case UpgradeStep::Kind::AddTemporary:
    case UpgradeStep::Kind::RemoveTemporary:
        temporaryReplica(step);
        break;
    case UpgradeStep::Kind::Replicate:
        replicate(step);
        break;
    }
}

NodeAddress UpgradeRollout::addressOf(const QString &pod) const
{
    for (qsizetype i = 0; i < m_pods.size() && i < m_addresses.size(); ++i) {
        if (m_pods.at(i).info.name == pod)
            return m_addresses.at(i);
    }
    return {};
}

QList<NodeAddress> UpgradeRollout::addresses() const
{
    return m_addresses;
}

void UpgradeRollout::restart(const UpgradeStep &step)
{
    // Every pod of the StatefulSet, also one without an IP (left not Ready by a stopped upgrade).
    const QString oldUid = m_uidOfPod.value(step.pod);
    const KubeObjectRef ref{QStringLiteral("v1"), QStringLiteral("Pod"), session()->ns(), step.pod};
    runStep(tr("Deleting pod %1").arg(step.pod), session()->client()->remove(ref),
            [this, step, oldUid](Job *) {
                setStep(tr("Waiting for %1 to come back at the new revision").arg(step.pod));
                waitUpdated(step, oldUid, QDeadlineTimer(podTimeout()));
            });
}

void UpgradeRollout::waitUpdated(const UpgradeStep &step, const QString &oldUid, QDeadlineTimer deadline)
{
    const KubeObjectRef ref{QStringLiteral("v1"), QStringLiteral("Pod"), session()->ns(), step.pod};
    KubeRequest *get = allowNotFound(session()->client()->get(ref));
    get->setTimeout(10000);
    connect(get, &Job::finished, this, [this, step, oldUid, deadline](Job *job) {
        if (ended())
            return;
        auto *request = static_cast<KubeRequest *>(job);
        std::optional<PodState> pod;
        if (!request->hasError() && request->httpStatus() / 100 == 2)
            pod = podStateFromJson(request->object());
        const bool replaced = pod && pod->uid != oldUid;
        if (replaced && pod->revision == m_revision && pod->isReady()) {
            info(tr("%1 is Ready at revision %2 (%3).").arg(step.pod, m_revision, pod->info.ip));
            refreshPods([this, step] { rejoin(step); });
            return;
        }
        // A crash loop or an image that cannot be pulled does not go away by waiting.
        if (replaced && pod->stuck)
            return podNotBack(step, describePod(*pod));
        if (deadline.hasExpired()) {
            const QString why = !pod        ? tr("it was not re-created")
                                : !replaced ? tr("the old pod is still there")
                                            : describePod(*pod);
            return podNotBack(step, why);
        }
        QTimer::singleShot(Workflow::kPodPollIntervalMs, this,
                           [this, step, oldUid, deadline] { waitUpdated(step, oldUid, deadline); });
    });
    get->start();
}

void UpgradeRollout::podNotBack(const UpgradeStep &step, const QString &why)
{
    const auto stop = [this, step, why](const QString &log) {
        fail(
            ErrorCode::Timeout,
            tr("%1: the pod is not Ready at revision %2: %3.%4 The upgrade stopped here: %1 is a replica, so "
               "its master %5 serves its slots and every other pod runs as before. Fix the cause, or go "
               "back to the previous image (that is the rollback), and run the command again; pods already "
               "at the new revision are skipped.")
                .arg(step.pod, m_revision, why,
                     log.isEmpty() ? QString() : tr(" Its last log lines: %1").arg(log), step.masterPod));
    };
    KubeRequest *logs = session()->client()->podLog(session()->ns(), step.pod, kLogLines);
    logs->setTimeout(5000);
    connect(logs, &Job::finished, this, [this, stop](Job *job) {
        if (ended())
            return;
        auto *request = static_cast<KubeRequest *>(job);
        // No log (no pods/log permission, no container yet) still leaves the reason above.
        const QString text = request->hasError() ? QString() : QString::fromUtf8(request->body()).trimmed();
        QStringList lines = text.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        if (lines.size() > 5)
            lines = lines.mid(lines.size() - 5);
        stop(lines.join(QLatin1String(" | ")));
    });
    logs->start();
}

void UpgradeRollout::refreshPods(std::function<void()> next)
{
    inspect([this, next](const Deployment &deployment) {
        QList<PodState> pods;
        for (const PodState &each : deployment.pods) {
            if (!each.info.ip.isEmpty() && !each.terminating)
                pods.append(each);
        }
        reach(pods, [this, pods, next](const QList<NodeAddress> &reached) {
            m_pods = pods;
            m_addresses = reached;
            next();
        });
    });
}

void UpgradeRollout::rejoin(const UpgradeStep &step)
{
    const NodeAddress address = addressOf(step.pod);
    const QString what = tr("Asking %1 who it is").arg(step.pod);
    setStep(what);
    ask(address, {"CLUSTER", "MYID"}, what, [this, step, address](const RedisReply &id) {
        const QString nodeId = QString::fromUtf8(id.bytes());
        if (nodeId != step.nodeId) {
            rejoinBlank(step, nodeId);
            return;
        }
        m_expected[nodeId].address = address;
        // A pod that was down when the run began (left by a stopped upgrade) had no node then.
        m_podOfNode.insert(nodeId, step.pod);
        // The node kept its id and data on its volume; its peers learn its new IP from MEETs.
        auto *recover = new RecoverJob(addresses(), session()->pool());
        recover->setConvergenceTimeout(stepTimeout());
        runStep(
            tr("Letting the cluster meet %1 at its new address").arg(step.pod), recover,
            [this, step](Job *) { settle(step); }, stepTimeout() + 5000);
    });
}

void UpgradeRollout::rejoinBlank(const UpgradeStep &step, const QString &newId)
{
    info(tr("%1 came back blank (new node id %2: no volume?); it rejoins as a replica of %3 and its old id "
            "%4 is forgotten.")
             .arg(step.pod, newId.left(8), step.masterPod, step.nodeId.left(8)));
    const NodeAddress address = addressOf(step.pod);
    QList<NodeAddress> members;
    for (const NodeAddress &each : addresses()) {
        if (each != address)
            members.append(each);
    }
    const QString forget = tr("Forgetting the old id of %1 on every node").arg(step.pod);
    setStep(forget);
    auto pending = std::make_shared<int>(int(members.size()));
    auto firstError = std::make_shared<std::optional<Error>>();
    for (const NodeAddress &member : std::as_const(members)) {
        sendLogged(
            session()->pool(), member, {"CLUSTER", "FORGET", step.nodeId.toUtf8()},
            tr("Forget the old id of %1 on %2").arg(step.pod, member.toString()), this,
            [this, step, newId, address, members, pending, firstError, forget](Result<RedisReply> reply) {
                if (ended())
                    return;
                // A node that no longer knows the id has nothing to forget.
                if (!reply && !reply.error().detail().contains(QLatin1String("Unknown node")) && !*firstError)
                    *firstError = reply.error();
                if (--*pending > 0)
                    return;
                if (*firstError) {
                    failStep(forget, **firstError);
                    return;
                }
                m_expected.remove(step.nodeId);
                m_expected.insert(newId, ExpectedNode{newId, address, false, step.masterId, {}});
                m_podOfNode.insert(newId, step.pod);
                auto *join = new AddNodeJob(members, address, AddNodeJob::Role::Replica, session()->pool());
                join->setMasterId(step.masterId);
                runStep(tr("Joining %1 again as a replica of %2").arg(step.pod, step.masterPod), join,
                        [this, step, newId](Job *) {
                            // Later steps name the node by its new id.
                            for (UpgradeStep &later : m_plan.steps) {
                                if (later.nodeId == step.nodeId)
                                    later.nodeId = newId;
                                if (later.masterId == step.nodeId)
                                    later.masterId = newId;
                            }
                            settle(step);
                        });
            });
    }
}

void UpgradeRollout::settle(const UpgradeStep &step)
{
    waitInSync(step.pod, [this, step] {
        waitConverged(tr("Waiting until every node sees %1 back").arg(step.pod), [this, step] {
            m_restarted.append(step.pod);
            ++m_done;
            nextStep();
        });
    });
}

void UpgradeRollout::failover(const UpgradeStep &step)
{
    // A node may stand for election again only 4 × cluster-node-timeout after its previous election
    // (Redis' failover auth retry time); earlier, its CLUSTER FAILOVER times out ("Failover attempt
    // expired"). The temporary pod stands once per master it serves.
    if (step.pod == m_temporaryPod && m_temporaryElection.isValid()) {
        session()->pool()->command(
            addressOf(step.pod), {"CONFIG", "GET", "cluster-node-timeout"}, this,
            [this, step](Result<RedisReply> reply) {
                if (ended())
                    return;
                // CONFIG may be renamed away: then the server's default, 15 s.
                const int nodeTimeout =
                    reply && reply->elements().size() == 2 ? reply->elements().at(1).text().toInt() : 15000;
                const qint64 wait = 4 * qint64(qMax(nodeTimeout, 1000)) + 500 - m_temporaryElection.elapsed();
                m_temporaryElection.invalidate();
                if (wait <= 0) {
                    failover(step);
                    return;
                }
                const QString what =
                    tr("Waiting %1 s until %2 may stand for election again (Redis allows it every 4 × "
                       "cluster-node-timeout)")
                        .arg((wait + 999) / 1000)
                        .arg(step.pod);
                setStep(what);
                info(what + QLatin1Char('.'));
                QTimer::singleShot(wait, this, [this, step] {
                    if (!ended())
                        failover(step);
                });
            });
        return;
    }
    // The heir was restarted and synced earlier; a link that dropped since would stall the failover.
    waitInSync(step.pod, [this, step] {
        if (step.pod == m_temporaryPod)
            m_temporaryElection.start();
        auto *job = new FailoverJob(addresses(), step.nodeId, session()->pool());
        job->setRoleTimeout(stepTimeout());
        runStep(
            tr("Handing %1's slots to %2").arg(step.masterPod, step.pod), job,
            [this, step](Job *) {
                ExpectedNode &heir = m_expected[step.nodeId];
                ExpectedNode &old = m_expected[step.masterId];
                heir.master = true;
                heir.masterId.clear();
                heir.slotSet = old.slotSet;
                for (ExpectedNode &node : m_expected) {
                    if (!node.master && node.masterId == step.masterId)
                        node.masterId = step.nodeId;
                }
                old.master = false;
                old.masterId = step.nodeId;
                old.slotSet = SlotSet();
                waitConverged(tr("Waiting until every node sees %1 as the master").arg(step.pod), [this] {
                    ++m_done;
                    nextStep();
                });
            },
            stepTimeout() + 5000);
    });
}

void UpgradeRollout::temporaryReplica(const UpgradeStep &step)
{
    auto *job = new TemporaryReplicaJob(session(), step, this);
    job->setAutoDelete(false);
    job->setStepTimeout(stepTimeout());
    job->setPodTimeout(podTimeout());
    const bool adding = step.kind == UpgradeStep::Kind::AddTemporary;
    const auto done = [this] {
        ++m_done;
        nextStep();
    };
    runStep(
        describeUpgradeStep(step), job,
        [this, step, adding, done](Job *child) {
            const QString id = adding ? static_cast<TemporaryReplicaJob *>(child)->nodeId() : step.nodeId;
            refreshPods([this, step, adding, id, done] {
                if (!adding) {
                    m_expected.remove(id);
                    m_podOfNode.remove(id);
                    m_temporaryPresent = false;
                    waitConverged(tr("Waiting until every node sees the cluster without %1").arg(step.pod),
                                  done);
                    return;
                }
                m_temporaryId = id;
                m_temporaryPresent = true;
                m_expected.insert(id, ExpectedNode{id, addressOf(step.pod), false, step.masterId, {}});
                m_podOfNode.insert(id, step.pod);
                // Later steps name the new pod's node by the id it got.
                for (UpgradeStep &later : m_plan.steps) {
                    if (later.pod == step.pod && later.nodeId.isEmpty())
                        later.nodeId = id;
                    if (later.masterPod == step.pod && later.masterId.isEmpty())
                        later.masterId = id;
                }
                waitInSync(step.pod, [this, step, done] {
                    waitConverged(
                        tr("Waiting until every node sees %1 follow %2").arg(step.pod, step.masterPod), done);
                });
            });
        },
        podTimeout() + 3 * stepTimeout() + RemoveNodeWorkflow::kSettleTimeoutMs);
}

void UpgradeRollout::replicate(const UpgradeStep &step)
{
    const QString what = tr("Making %1 a replica of %2").arg(step.pod, step.masterPod);
    setStep(what);
    sendLogged(session()->pool(), addressOf(step.pod), {"CLUSTER", "REPLICATE", step.masterId.toUtf8()},
               describeUpgradeStep(step), this, [this, step, what](Result<RedisReply> reply) {
                   if (ended())
                       return;
                   if (!reply) {
                       failStep(what, reply.error());
                       return;
                   }
                   m_expected[step.nodeId].masterId = step.masterId;
                   waitInSync(step.pod, [this, step] {
                       waitConverged(
                           tr("Waiting until every node sees %1 follow %2").arg(step.pod, step.masterPod),
                           [this] {
                               ++m_done;
                               nextStep();
                           });
                   });
               });
}

} // namespace rcs
