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

#include <QTimer>

namespace rcs {

namespace {
constexpr int kPollMs = 100;

qint64 infoNumber(const QMap<QString, QString> &fields, const char *name)
{
    bool ok = false;
    const qint64 value = fields.value(QLatin1String(name)).toLongLong(&ok);
    return ok ? value : -1;
}
} // namespace

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
    if (m_stopRequested) {
        fail(ErrorCode::Cancelled, tr("Stopped after %1 of %2 steps, as asked; the cluster is healthy and a "
                                      "re-run goes on from here.")
                                       .arg(m_done)
                                       .arg(m_plan.steps.size()));
        return;
    }
    const UpgradeStep &step = m_plan.steps.at(m_done);
    info(tr("Step %1 of %2: %3.").arg(m_done + 1).arg(m_plan.steps.size()).arg(describeUpgradeStep(step)));
    if (step.kind == UpgradeStep::Kind::Failover)
        failover(step);
    else
        restart(step);
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
            inspect([this, step](const Deployment &deployment) {
                QList<PodState> pods;
                for (const PodState &each : deployment.pods) {
                    if (!each.info.ip.isEmpty() && !each.terminating)
                        pods.append(each);
                }
                rejoin(step, pods);
            });
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

void UpgradeRollout::rejoin(const UpgradeStep &step, const QList<PodState> &pods)
{
    reach(pods, [this, step, pods](const QList<NodeAddress> &reached) {
        m_pods = pods;
        m_addresses = reached;
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
    // The heir was restarted and synced earlier; a link that dropped since would stall the failover.
    waitInSync(step.pod, [this, step] {
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

void UpgradeRollout::ask(const NodeAddress &address, const QList<QByteArray> &argv, const QString &step,
                         std::function<void(const RedisReply &)> next)
{
    session()->pool()->command(address, argv, this, [this, step, next](Result<RedisReply> reply) {
        if (ended())
            return;
        if (!reply) {
            failStep(step, reply.error());
            return;
        }
        next(*reply);
    });
}

void UpgradeRollout::waitInSync(const QString &pod, std::function<void()> next)
{
    const QString step = tr("Waiting until %1 is in sync with its master").arg(pod);
    setStep(step);
    const ExpectedNode *replica = nullptr;
    for (const ExpectedNode &node : std::as_const(m_expected)) {
        if (m_podOfNode.value(node.id) == pod)
            replica = &node;
    }
    if (!replica || replica->master || !m_expected.contains(replica->masterId)) {
        fail(ErrorCode::Internal, tr("%1: %2 is not a replica of a known master.").arg(step, pod));
        return;
    }
    const NodeAddress master = m_expected.value(replica->masterId).address;
    // The master's offset now is what the replica must reach: writes after it may still be in flight.
    ask(master, {"INFO", "replication"}, step, [this, pod, next](const RedisReply &reply) {
        const qint64 target = infoNumber(parseInfoFields(reply.bytes()), "master_repl_offset");
        pollSync(pod, target, QDeadlineTimer(stepTimeout()), next);
    });
}

void UpgradeRollout::pollSync(const QString &pod, qint64 target, QDeadlineTimer deadline,
                              std::function<void()> next)
{
    session()->pool()->command(
        addressOf(pod), {"INFO", "replication"}, this,
        [this, pod, target, deadline, next](Result<RedisReply> reply) {
            if (ended())
                return;
            QString state = reply ? QString() : reply.error().message();
            if (reply) {
                const QMap<QString, QString> fields = parseInfoFields(reply->bytes());
                const qint64 offset = infoNumber(fields, "slave_repl_offset");
                if (fields.value(QStringLiteral("master_link_status")) != QLatin1String("up"))
                    state = tr("its link to the master is %1")
                                .arg(fields.value(QStringLiteral("master_link_status")));
                else if (fields.value(QStringLiteral("master_sync_in_progress")) == QLatin1String("1"))
                    state = tr("the full sync is still in progress");
                else if (offset < target)
                    state = tr("it has processed offset %1 of %2").arg(offset).arg(target);
            }
            if (state.isEmpty()) {
                next();
                return;
            }
            if (deadline.hasExpired()) {
                fail(ErrorCode::Timeout,
                     tr("%1 did not catch up with its master within %2 s: %3. The upgrade "
                        "stopped here; run the command again once it has.")
                         .arg(pod)
                         .arg(stepTimeout() / 1000)
                         .arg(state));
                return;
            }
            QTimer::singleShot(kPollMs, this, [this, pod, target, deadline, next] {
                pollSync(pod, target, deadline, next);
            });
        });
}

void UpgradeRollout::waitConverged(const QString &step, std::function<void()> next)
{
    setStep(step);
    pollConverged(step, QDeadlineTimer(stepTimeout()), std::move(next));
}

void UpgradeRollout::pollConverged(const QString &step, QDeadlineTimer deadline, std::function<void()> next)
{
    fetchViews(session()->pool(), addresses(), NodeViewParts::Cluster, this,
               [this, step, deadline, next](QList<NodeView> views) {
                   if (ended())
                       return;
                   const QStringList gaps = convergenceGaps(m_expected.values(), views);
                   if (gaps.isEmpty()) {
                       next();
                       return;
                   }
                   if (deadline.hasExpired()) {
                       fail(ErrorCode::Timeout, tr("%1: the cluster did not settle within %2 s: %3.")
                                                    .arg(step)
                                                    .arg(stepTimeout() / 1000)
                                                    .arg(gaps.mid(0, 3).join(QLatin1String("; "))));
                       return;
                   }
                   QTimer::singleShot(kPollMs, this,
                                      [this, step, deadline, next] { pollConverged(step, deadline, next); });
               });
}

} // namespace rcs
