#include "workflow.h"

#include "common/confirmation.h"
#include "common/logger.h"
#include "common/operator_acl.h"
#include "kube/kube_client.h"
#include "kube/kube_request.h"
#include "kube/manifest_set.h"
#include "kube_session.h"
#include "redis/cluster_scan_job.h"
#include "redis/redis_pool.h"

#include <QJsonArray>
#include <QTimer>

#include <algorithm>
#include <memory>

namespace rcs {

int Deployment::readyCount() const
{
    int count = 0;
    for (const PodState &pod : pods)
        count += pod.isReady() ? 1 : 0;
    return count;
}

const TopologyNode *ClusterSurvey::nodeOfPod(const QString &podName) const
{
    for (const TopologyNode &node : topology.nodes()) {
        if (node.pod && node.pod->name == podName)
            return topology.node(node.id);
    }
    return nullptr;
}

QString ClusterSurvey::podName(const QString &nodeId) const
{
    const TopologyNode *node = topology.node(nodeId);
    if (!node)
        return nodeId.left(8);
    return node->pod ? node->pod->name : node->address.toString();
}

QList<PodState> ClusterSurvey::blankTopPods() const
{
    QList<PodState> blank;
    for (qsizetype i = pods.size() - 1; i >= 0; --i) {
        const PodState &pod = pods.at(i);
        const NodeView *view = nullptr;
        for (const NodeView &candidate : topology.views()) {
            if (candidate.address.host == pod.info.ip)
                view = &candidate;
        }
        const ClusterNodeInfo *self =
            view && view->reachable && view->nodes.size() == 1 ? &view->nodes.first() : nullptr;
        if (!self || !self->isMyself() || !self->slotSet.isEmpty())
            break;
        bool known = false;
        for (const NodeView &other : topology.views()) {
            for (const ClusterNodeInfo &node : other.nodes)
                known = known || (&other != view && node.id == self->id);
        }
        if (known)
            break;
        blank.prepend(pod);
    }
    return blank;
}

ClusterSurvey ClusterSurvey::withoutBlankTopPods() const
{
    const QList<PodState> blank = blankTopPods();
    if (blank.isEmpty())
        return *this;
    ClusterSurvey members = *this;
    members.pods = pods.mid(0, pods.size() - blank.size());
    members.addresses = addresses.mid(0, addresses.size() - blank.size());
    members.deployment.replicas -= int(blank.size());
    members.deployment.pods.clear();
    for (const PodState &pod : deployment.pods) {
        if (pod.ordinal < members.deployment.replicas)
            members.deployment.pods.append(pod);
    }
    QList<NodeView> views;
    for (const NodeView &view : topology.views()) {
        if (members.addresses.contains(view.address))
            views.append(view);
    }
    members.topology = ClusterTopology::fromViews(views, podsByIp(members.pods));
    members.report = checkCluster(members.topology);
    members.assessment = assessSituation(members.deployment, members.topology, members.report,
                                         deployment.statefulSet.value(QLatin1String("metadata"))
                                             .toObject()
                                             .value(QLatin1String("namespace"))
                                             .toString());
    return members;
}

Workflow::Workflow(KubeSession *session, QObject *parent)
    : Job(parent)
    , m_session(session)
{}

Workflow::~Workflow() = default;

void Workflow::addResult(const QString &line)
{
    m_result.append(line);
    info(line);
}

void Workflow::failStep(const QString &step, const Error &error)
{
    fail(error.withContext(step));
}

void Workflow::runStep(const QString &step, Job *job, std::function<void(Job *)> next, int timeoutMs)
{
    if (ended()) {
        job->deleteLater();
        return;
    }
    setStep(step);
    job->setTimeout(timeoutMs > 0 ? timeoutMs : m_stepTimeoutMs);
    connect(job, &Job::infoMessage, this, &Workflow::infoMessage);
    connect(job, &Job::finished, this, [this, step, next](Job *child) {
        if (ended())
            return;
        if (child->hasError()) {
            failStep(step, child->error());
            return;
        }
        next(child);
    });
    job->start();
}

KubeRequest *Workflow::allowNotFound(KubeRequest *request) const
{
    KubeRequest::Spec spec = request->spec();
    request->deleteLater();
    spec.notFoundIsSuccess = true;
    return m_session->client()->raw(spec);
}

bool Workflow::proceedIfConfirmed(bool confirmed, const QString &wouldDo, const QString &dryRunResult,
                                  const std::function<void()> &logCommands)
{
    if (!m_dryRun) {
        m_listingPlan = !confirmed;
        const std::optional<Error> refusal = refusalUnlessConfirmed(confirmed, wouldDo, logCommands);
        m_listingPlan = false;
        if (refusal) {
            fail(*refusal);
            return false;
        }
        return true;
    }
    logCommands();
    setChangedNothing(true);
    addResult(dryRunResult);
    succeed();
    return false;
}

void Workflow::logCommand(const QString &category, const QString &message, const QString &command)
{
    if (m_dryRun || m_listingPlan)
        m_planned.append({message, command});
    Logger::instance().command(category, m_dryRun ? QStringLiteral("[dry-run] ") + message : message,
                               command);
}

QStringList Workflow::failedNodes(const QList<NodeReply> &replies, const QList<NodeAddress> &addresses,
                                  const QList<PodState> &pods, QString *why)
{
    QStringList failed;
    for (const NodeReply &reply : replies) {
        if (reply.reply)
            continue;
        const qsizetype at = addresses.indexOf(reply.address);
        failed << (at >= 0 && at < pods.size() ? pods.at(at).info.name : reply.address.toString());
        *why = reply.reply.error().message();
    }
    return failed;
}

void Workflow::inspect(std::function<void(const Deployment &)> next)
{
    KubeClient *client = m_session->client();
    auto deployment = std::make_shared<Deployment>();
    const QString ns = m_session->ns();
    // A missing namespace or StatefulSet is an answer, not a failure: the step succeeds and the HTTP
    // status says what was there.
    KubeRequest *nsRequest =
        allowNotFound(client->get(KubeObjectRef{QStringLiteral("v1"), QStringLiteral("Namespace"), {}, ns}));
    runStep(tr("Reading namespace %1").arg(ns), nsRequest, [=, this](Job *job) {
        auto *request = static_cast<KubeRequest *>(job);
        deployment->namespaceExists = request->httpStatus() / 100 == 2;
        if (!deployment->namespaceExists) {
            next(*deployment);
            return;
        }
        runStep(tr("Reading StatefulSet %1").arg(m_session->target().statefulSet),
                allowNotFound(client->get(m_session->statefulSetRef())), [=, this](Job *job) {
                    auto *request = static_cast<KubeRequest *>(job);
                    deployment->statefulSetExists = request->httpStatus() / 100 == 2;
                    if (deployment->statefulSetExists) {
                        deployment->statefulSet = request->object();
                        deployment->replicas = deployment->statefulSet.value(QLatin1String("spec"))
                                                   .toObject()
                                                   .value(QLatin1String("replicas"))
                                                   .toInt(1);
                        deployment->selector = ManifestSet::selectorOf(deployment->statefulSet);
                    }
                    const KubeObjectRef secretRef{QStringLiteral("v1"), QStringLiteral("Secret"), ns,
                                                  ManifestSet::secretName(m_session->target().statefulSet)};
                    runStep(tr("Reading the password Secret"), allowNotFound(client->get(secretRef)),
                            [=, this](Job *job) {
                                auto *request = static_cast<KubeRequest *>(job);
                                if (request->httpStatus() / 100 == 2) {
                                    const auto value = [request](const char *key) {
                                        return QString::fromUtf8(
                                            ManifestSet::secretValue(request->object(), QLatin1String(key)));
                                    };
                                    deployment->passwordSecret = request->object();
                                    const QString password = value(ManifestSet::kSecretKey);
                                    const QString operatorPassword = value(ManifestSet::kOperatorSecretKey);
                                    deployment->hasPassword = !password.isEmpty();
                                    deployment->hasOperatorUser = !operatorPassword.isEmpty();
                                    if (deployment->hasOperatorUser)
                                        m_session->setRedisPassword(operatorPassword,
                                                                    QLatin1String(operator_acl::kUserName));
                                    else if (deployment->hasPassword)
                                        m_session->setRedisPassword(password);
                                }
                                readTls(*deployment, [=, this] {
                                    KubeListOptions options;
                                    options.labelSelector = deployment->selector;
                                    runStep(tr("Listing the pods"),
                                            client->list(QStringLiteral("v1"), QStringLiteral("Pod"), ns,
                                                         options),
                                            [=, this](Job *job) {
                                                deployment->pods = podsOfStatefulSet(
                                                    static_cast<KubeRequest *>(job)->items(),
                                                    m_session->target().statefulSet);
                                                next(*deployment);
                                            });
                                });
                            });
                });
    });
}

void Workflow::waitForPods(int count, const QString &step, std::function<void(const Deployment &)> next)
{
    auto seen = std::make_shared<QHash<QString, QString>>();
    const QDeadlineTimer deadline(podTimeout());
    setStep(step);
    // The shared pointer keeps the progress memory alive across the poll rounds.
    auto holder = new QObject(this);
    connect(this, &Job::finished, holder, &QObject::deleteLater);
    pollPods(count, step, deadline, seen.get(), [this, seen, holder, next](const Deployment &deployment) {
        holder->deleteLater();
        next(deployment);
    });
}

void Workflow::pollPods(int count, const QString &step, QDeadlineTimer deadline,
                        QHash<QString, QString> *seen, std::function<void(const Deployment &)> next)
{
    if (ended())
        return;
    KubeListOptions options;
    options.labelSelector = QString(); // by name below: the selector may not be known yet
    KubeRequest *list =
        m_session->client()->list(QStringLiteral("v1"), QStringLiteral("Pod"), m_session->ns(), options);
    list->setTimeout(qMax(1000, int(qMin<qint64>(deadline.remainingTime(), 30000))));
    connect(list, &Job::finished, this, [=, this](Job *job) {
        if (ended())
            return;
        auto *request = static_cast<KubeRequest *>(job);
        if (request->hasError()) {
            if (request->error().code() == ErrorCode::Unauthorized ||
                request->error().code() == ErrorCode::Forbidden || deadline.hasExpired()) {
                failStep(step, request->error());
                return;
            }
        }
        Deployment deployment;
        deployment.namespaceExists = true;
        deployment.statefulSetExists = true;
        deployment.replicas = count;
        deployment.pods = request->hasError()
                              ? QList<PodState>()
                              : podsOfStatefulSet(request->items(), m_session->target().statefulSet);
        int ready = 0;
        bool extra = false;
        QStringList missing;
        for (const PodState &pod : std::as_const(deployment.pods)) {
            const QString text = describePod(pod);
            if (seen->value(pod.info.name) != text) {
                seen->insert(pod.info.name, text);
                info(text);
                if (pod.stuck)
                    Logger::instance().warning(QStringLiteral("workflow"),
                                               tr("Pod %1 is stuck: %2").arg(pod.info.name, pod.problem));
            }
            if (pod.ordinal >= count)
                extra = true;
            else if (pod.isReady())
                ++ready;
        }
        setProgress(ready, count);
        if (!request->hasError() && ready == count && !extra) {
            next(deployment);
            return;
        }
        if (deadline.hasExpired()) {
            QStringList why;
            for (int ordinal = 0; ordinal < count; ++ordinal) {
                const QString name =
                    QStringLiteral("%1-%2").arg(m_session->target().statefulSet).arg(ordinal);
                const auto it = std::find_if(deployment.pods.cbegin(), deployment.pods.cend(),
                                             [&](const PodState &pod) { return pod.info.name == name; });
                if (it == deployment.pods.cend())
                    why << tr("%1 does not exist yet").arg(name);
                else if (!it->isReady())
                    why << describePod(*it);
            }
            for (const PodState &pod : std::as_const(deployment.pods)) {
                if (pod.ordinal >= count)
                    why << tr("%1 is still there (waiting for it to go)").arg(pod.info.name);
            }
            fail(ErrorCode::Timeout,
                 tr("%1: timed out after %2 s with %3 of %4 pods Ready. %5. Check the pods with "
                    "'%6 describe pod', fix the cause, and run the command again.")
                     .arg(step)
                     .arg(podTimeout() / 1000)
                     .arg(ready)
                     .arg(count)
                     .arg(why.join(QLatin1String("; ")), m_session->kubectl()));
            return;
        }
        QTimer::singleShot(kPodPollIntervalMs, this,
                           [=, this] { pollPods(count, step, deadline, seen, next); });
    });
    list->start();
}

void Workflow::reach(const QList<PodState> &pods, std::function<void(const QList<NodeAddress> &)> next)
{
    const QString step = tr("Reaching the pods (%1 access)").arg(accessModeName(m_session->access()->mode()));
    setStep(step);
    m_session->access()->prepare(podInfos(pods), this,
                                 [this, step, next](Result<QList<NodeAddress>> addresses) {
                                     if (ended())
                                         return;
                                     if (!addresses) {
                                         failStep(step, addresses.error());
                                         return;
                                     }
                                     next(*addresses);
                                 });
}

void Workflow::scan(const QList<NodeAddress> &addresses, const QList<PodState> &pods,
                    std::function<void(const ClusterTopology &)> next)
{
    if (ended())
        return;
    const QString step = tr("Reading the cluster state");
    setStep(step);
    auto *job = new ClusterScanJob(addresses, m_session->pool());
    job->setDiscover(false);
    job->setTimeout(stepTimeout());
    const QMap<QString, PodInfo> byIp = podsByIp(pods);
    job->setPodsByIp(byIp); // merged once, off the GUI thread
    connect(job, &Job::finished, this, [=, this](Job *child) {
        if (ended())
            return;
        auto *scanJob = static_cast<ClusterScanJob *>(child);
        if (!child->hasError())
            return next(scanJob->topology());
        // No pod answered: that is a state to show (and to act on), not a failed read.
        if (child->error().code() != ErrorCode::ConnectionFailed) {
            failStep(step, child->error());
            return;
        }
        QList<NodeView> views;
        for (const NodeAddress &address : addresses) {
            NodeView view;
            view.address = address;
            view.error = child->errorString();
            views.append(view);
        }
        next(ClusterTopology::fromViews(views, byIp));
    });
    job->start();
}

void Workflow::scanReadyPods(const QString &advice, NextStep step, ReadyScan next)
{
    inspect([this, advice, step, next](const Deployment &deployment) {
        if (!deployment.statefulSetExists) {
            fail(ErrorCode::NotFound,
                 withNextStep(tr("There is no StatefulSet %1 in namespace %2: %3")
                                  .arg(m_session->target().statefulSet, m_session->ns(), advice),
                              step));
            return;
        }
        waitForPods(deployment.replicas, tr("Waiting for every pod to be Ready"),
                    [this, next](const Deployment &ready) {
                        reach(ready.pods, [this, ready, next](const QList<NodeAddress> &addresses) {
                            scan(addresses, ready.pods,
                                 [ready, addresses, next](const ClusterTopology &topology) {
                                     next(ready, addresses, topology);
                                 });
                        });
                    });
    });
}

void Workflow::survey(std::function<void(const ClusterSurvey &)> next)
{
    inspect([this, next](const Deployment &deployment) {
        auto found = std::make_shared<ClusterSurvey>();
        found->deployment = deployment;
        for (const PodState &pod : deployment.pods) {
            if (!pod.info.ip.isEmpty() && !pod.terminating)
                found->pods.append(pod);
        }
        auto conclude = [this, found, next] {
            found->report = checkCluster(found->topology);
            found->assessment =
                assessSituation(found->deployment, found->topology, found->report, m_session->ns());
            next(*found);
        };
        if (found->pods.isEmpty()) {
            conclude();
            return;
        }
        reach(found->pods, [this, found, conclude](const QList<NodeAddress> &addresses) {
            found->addresses = addresses;
            scan(addresses, found->pods, [found, conclude](const ClusterTopology &topology) {
                found->topology = topology;
                conclude();
            });
        });
    });
}

void Workflow::requireHealthy(const QString &action, std::function<void(const ClusterSurvey &)> next)
{
    survey([this, action, next](const ClusterSurvey &found) {
        if (!refuseUnlessHealthy(action, found))
            next(found);
    });
}

bool Workflow::refuseUnlessHealthy(const QString &action, const ClusterSurvey &found)
{
    if (found.assessment.situation == Situation::Healthy)
        return false;
    fail(ErrorCode::Refused,
         tr("%1 needs a healthy cluster, and this one is %2: %3 Nothing was changed.")
             .arg(action, situationName(found.assessment.situation), phrasedAdvice(found.assessment)));
    return true;
}

} // namespace rcs
