#include "e2e_support.h"

#include "common/job.h"
#include "kube/kube_request.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QDebug>
#include <QEventLoop>
#include <QFileInfo>
#include <QJsonDocument>
#include <QTimer>

namespace rcs::test {

namespace {
// Runs a job to its end (bounded by its timeout, event loop spinning) and hands it back, owned, so
// that its answer can be read.
template<class J> std::unique_ptr<J> runToEnd(J *job, int timeoutMs)
{
    job->setAutoDelete(false);
    job->setTimeout(timeoutMs);
    QEventLoop loop;
    QObject::connect(job, &Job::finished, &loop, &QEventLoop::quit);
    job->start();
    loop.exec();
    return std::unique_ptr<J>(job);
}

Result<void> toResult(const Error &error)
{
    if (error.isError())
        return error;
    return {};
}
} // namespace

Error runJobBlocking(Job *job, int timeoutMs)
{
    return runToEnd(job, timeoutMs)->error();
}

Result<void> E2eSandbox::start(int nodes, const QStringList &extraArguments)
{
    if (const Result<void> started = m_fixture.start(nodes, 60000, extraArguments); !started)
        return started;
    const Result<KubeTarget> target = m_fixture.target();
    if (!target)
        return target.error();
    Result<KubeClient *> client = KubeClient::create(*target);
    if (!client)
        return client.error();
    m_client.reset(*client);
    return {};
}

QStringList E2eSandbox::target(const QString &access) const
{
    return {QStringLiteral("--kubeconfig"), kubeconfig(), QStringLiteral("--access"), access};
}

QString E2eSandbox::startWithCluster(const QStringList &targetArgs, const QStringList &deployArgs)
{
    if (!QFileInfo::exists(studioExecutable()))
        return QStringLiteral("redis-cluster-studio was not built");
    if (const Result<void> started = start(3); !started)
        return started.error().message();
    for (const QString &verb : {QStringLiteral("deploy"), QStringLiteral("create")}) {
        const StudioRun run = runStudio(QStringList{verb} + targetArgs +
                                        (verb == QLatin1String("deploy") ? deployArgs : QStringList()));
        if (run.exitCode != 0)
            return run.all();
    }
    return {};
}

Result<QList<QJsonObject>> E2eSandbox::list(const QString &apiVersion, const QString &kind, const QString &ns,
                                            const QString &selector)
{
    KubeListOptions options;
    options.labelSelector = selector;
    const std::unique_ptr<KubeRequest> request =
        runToEnd(m_client->list(apiVersion, kind, ns, options), 30000);
    if (request->hasError())
        return request->error();
    return request->items();
}

Result<void> E2eSandbox::deletePod(const QString &ns, const QString &name)
{
    return toResult(runJobBlocking(
        m_client->remove(KubeObjectRef{QStringLiteral("v1"), QStringLiteral("Pod"), ns, name}), 30000));
}

Result<void> E2eSandbox::deletePods(const QString &ns, const QString &selector)
{
    return toResult(runJobBlocking(killPodsAtOnce(m_client.get(), ns, selector), 30000));
}

Result<bool> E2eSandbox::exists(const KubeObjectRef &ref)
{
    const std::unique_ptr<KubeRequest> request = runToEnd(m_client->get(ref), 30000);
    if (request->hasError()) {
        if (request->error().code() == ErrorCode::NotFound)
            return false;
        return request->error();
    }
    return true;
}

QList<NodeAddress> podAddresses(const QList<QJsonObject> &pods)
{
    QList<NodeAddress> addresses;
    for (const QJsonObject &pod : pods) {
        const QString ip =
            pod.value(QLatin1String("status")).toObject().value(QLatin1String("podIP")).toString();
        if (!ip.isEmpty())
            addresses.append(NodeAddress{ip, 6379});
    }
    return addresses;
}

bool waitUntil(const std::function<bool()> &done, int timeoutMs, int intervalMs)
{
    const QDeadlineTimer deadline(timeoutMs);
    for (;;) {
        if (done())
            return true;
        if (deadline.hasExpired())
            return false;
        QEventLoop pause;
        QTimer::singleShot(intervalMs, &pause, &QEventLoop::quit);
        pause.exec();
    }
}

QJsonObject statusJson(const QStringList &target, StudioRun *run)
{
    // --verbose puts every step on stderr, so a slow or failed status says where it was.
    StudioRun local =
        runStudio(QStringList{QStringLiteral("status"), QStringLiteral("--json"), QStringLiteral("--verbose"),
                              QStringLiteral("--timeout"), QStringLiteral("30")} +
                      target,
                  120000);
    if (run)
        *run = local;
    if (local.exitCode != 0) {
        qWarning().noquote() << "status --json failed (exit" << local.exitCode << "):" << local.all();
        return {};
    }
    return local.json();
}

} // namespace rcs::test
