#include "workflow.h"

#include "common/logger.h"
#include "kube/kube_client.h"
#include "kube/kube_request.h"
#include "kube/manifest_set.h"
#include "kube_session.h"
#include "redis/cluster_scan_job.h"

#include <QJsonArray>
#include <QTimer>

#include <memory>

namespace rcs {

int Deployment::readyCount() const
{
    int count = 0;
    for (const PodState &pod : pods)
        count += pod.isReady() ? 1 : 0;
    return count;
}

QList<PodInfo> Deployment::podInfos() const
{
    QList<PodInfo> infos;
    for (const PodState &pod : pods)
        infos.append(pod.info);
    return infos;
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
    fail(error.withContext(step + QLatin1String(": ")));
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

void Workflow::logCommand(const QString &category, const QString &message, const QString &command)
{
    Logger::instance().command(category, m_dryRun ? QStringLiteral("[dry-run] ") + message : message,
                               command);
}

void Workflow::inspect(std::function<void(const Deployment &)> next)
{
    KubeClient *client = m_session->client();
    auto deployment = std::make_shared<Deployment>();
    const QString ns = m_session->ns();
    KubeRequest *nsRequest =
        client->get(KubeObjectRef{QStringLiteral("v1"), QStringLiteral("Namespace"), {}, ns});
    nsRequest->setMaxAttempts(2);
    // A missing namespace or StatefulSet is an answer, not a failure: notFoundIsSuccess lets the
    // step succeed and the HTTP status say what was there.
    KubeRequest::Spec nsSpec = nsRequest->spec();
    nsRequest->deleteLater();
    nsSpec.notFoundIsSuccess = true;
    runStep(QStringLiteral("Reading namespace %1").arg(ns), client->raw(nsSpec), [=, this](Job *job) {
        auto *request = static_cast<KubeRequest *>(job);
        deployment->namespaceExists = request->httpStatus() / 100 == 2;
        if (!deployment->namespaceExists) {
            next(*deployment);
            return;
        }
        KubeRequest *stsProbe = client->get(m_session->statefulSetRef());
        KubeRequest::Spec stsSpec = stsProbe->spec();
        stsProbe->deleteLater();
        stsSpec.notFoundIsSuccess = true;
        runStep(
            QStringLiteral("Reading StatefulSet %1").arg(m_session->target().statefulSet),
            client->raw(stsSpec), [=, this](Job *job) {
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
                KubeRequest *secretProbe = client->get(secretRef);
                KubeRequest::Spec secretSpec = secretProbe->spec();
                secretProbe->deleteLater();
                secretSpec.notFoundIsSuccess = true;
                runStep(
                    QStringLiteral("Reading the password Secret"), client->raw(secretSpec),
                    [=, this](Job *job) {
                        auto *request = static_cast<KubeRequest *>(job);
                        if (request->httpStatus() / 100 == 2) {
                            const QJsonObject data =
                                request->object().value(QLatin1String("data")).toObject();
                            const QString password = QString::fromUtf8(QByteArray::fromBase64(
                                data.value(QLatin1String(ManifestSet::kSecretKey)).toString().toLatin1()));
                            if (!password.isEmpty()) {
                                deployment->hasPassword = true;
                                m_session->setRedisPassword(password);
                            }
                        }
                        KubeListOptions options;
                        options.labelSelector = deployment->selector;
                        runStep(QStringLiteral("Listing the pods"),
                                client->list(QStringLiteral("v1"), QStringLiteral("Pod"), ns, options),
                                [=, this](Job *job) {
                                    deployment->pods =
                                        podsOfStatefulSet(static_cast<KubeRequest *>(job)->items(),
                                                          m_session->target().statefulSet);
                                    next(*deployment);
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
    pollPods(count, step, deadline, seen.get(), [seen, holder, next](const Deployment &deployment) {
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
                    Logger::instance().warning(
                        QStringLiteral("workflow"),
                        QStringLiteral("Pod %1 is stuck: %2").arg(pod.info.name, pod.problem));
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
                    why << QStringLiteral("%1 does not exist yet").arg(name);
                else if (!it->isReady())
                    why << describePod(*it);
            }
            for (const PodState &pod : std::as_const(deployment.pods)) {
                if (pod.ordinal >= count)
                    why << QStringLiteral("%1 is still there (waiting for it to go)").arg(pod.info.name);
            }
            fail(ErrorCode::Timeout,
                 QStringLiteral("%1: timed out after %2 s with %3 of %4 pods Ready. %5. Check the pods with "
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
    const QString step =
        QStringLiteral("Reaching the pods (%1 access)").arg(accessModeName(m_session->access()->mode()));
    setStep(step);
    QList<PodInfo> infos;
    for (const PodState &pod : pods)
        infos.append(pod.info);
    m_session->access()->prepare(infos, this, [this, step, next](Result<QList<NodeAddress>> addresses) {
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
    const QString step = QStringLiteral("Reading the cluster state");
    setStep(step);
    auto *job = new ClusterScanJob(addresses, m_session->pool());
    job->setDiscover(false);
    job->setTimeout(stepTimeout());
    const QMap<QString, PodInfo> byIp = podsByIp(pods);
    connect(job, &Job::finished, this, [=, this](Job *child) {
        if (ended())
            return;
        auto *scanJob = static_cast<ClusterScanJob *>(child);
        QList<NodeView> views = scanJob->views();
        if (child->hasError()) {
            // No pod answered: that is a state to show (and to act on), not a failed read.
            if (child->error().code() != ErrorCode::ConnectionFailed) {
                failStep(step, child->error());
                return;
            }
            views.clear();
            for (const NodeAddress &address : addresses) {
                NodeView view;
                view.address = address;
                view.error = child->errorString();
                views.append(view);
            }
        }
        next(ClusterTopology::fromViews(views, byIp));
    });
    job->start();
}

} // namespace rcs
