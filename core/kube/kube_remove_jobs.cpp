#include "kube_remove_jobs.h"

#include "common/logger.h"
#include "kube_client.h"

#include <QJsonDocument>
#include <QTimer>

namespace rcs {

KubeRemoveByLabelJob::KubeRemoveByLabelJob(KubeClient *client, KubeObjectRef collection,
                                           QString labelSelector, QObject *parent)
    : Job(parent)
    , m_client(client)
    , m_collection(std::move(collection))
    , m_selector(std::move(labelSelector))
{
    setTitle(tr("Delete %1 with labels %2").arg(kubectlName(m_collection.kind), m_selector));
    setTimeout(180000);
}

void KubeRemoveByLabelJob::doStart()
{
    if (!m_client) {
        fail(ErrorCode::Internal, tr("The Kubernetes client was closed."));
        return;
    }
    Logger::instance().command(
        QStringLiteral("kube"), title(),
        QStringLiteral("%1 delete %2 -l %3")
            .arg(KubeClient::kubectl(m_collection.ns), kubectlName(m_collection.kind), m_selector));
    setStep(tr("listing %1 with labels %2").arg(kubectlName(m_collection.kind), m_selector));
    KubeListOptions options;
    options.labelSelector = m_selector;
    KubeRequest *list = m_client->list(m_collection.apiVersion, m_collection.kind, m_collection.ns, options);
    connect(list, &Job::finished, this, [this, list] {
        if (list->hasError()) {
            fail(list->error());
            return;
        }
        for (const QJsonObject &item : list->items())
            m_pending.append(KubeObjectRef::fromObject(item).name);
        removeNext();
    });
    list->start();
}

void KubeRemoveByLabelJob::removeNext()
{
    if (m_pending.isEmpty()) {
        succeed();
        return;
    }
    if (!m_client) {
        fail(ErrorCode::Internal, tr("The Kubernetes client was closed."));
        return;
    }
    const QString name = m_pending.takeFirst();
    setStep(tr("deleting %1 %2").arg(kubectlName(m_collection.kind), name));
    KubeRequest::Spec spec;
    spec.ref = m_collection;
    spec.ref.name = name;
    spec.method = "DELETE";
    spec.verb = QStringLiteral("delete");
    spec.notFoundIsSuccess = true;
    spec.contentType = "application/json";
    spec.body = R"({"kind":"DeleteOptions","apiVersion":"v1","propagationPolicy":"Background"})";
    KubeRequest *request = m_client->raw(spec);
    connect(request, &Job::finished, this, [this, request, name] {
        if (request->hasError()) {
            fail(request->error());
            return;
        }
        m_removed.append(name);
        removeNext();
    });
    request->start();
}

KubeNamespaceRemoveJob::KubeNamespaceRemoveJob(KubeClient *client, QString name, QObject *parent)
    : Job(parent)
    , m_client(client)
    , m_name(std::move(name))
{
    setTitle(tr("Delete namespace %1").arg(m_name));
}

void KubeNamespaceRemoveJob::doStart()
{
    if (!m_client) {
        fail(ErrorCode::Internal, tr("The Kubernetes client was closed."));
        return;
    }
    setStep(tr("deleting namespace %1").arg(m_name));
    KubeRequest *request = m_client->remove({QStringLiteral("v1"), QStringLiteral("Namespace"), {}, m_name});
    connect(request, &Job::finished, this, [this, request] {
        if (request->hasError() && request->error().code() != ErrorCode::NotFound) {
            fail(request->error());
            return;
        }
        setStep(tr("waiting until namespace %1 and its contents are gone").arg(m_name));
        poll();
    });
    request->start();
}

void KubeNamespaceRemoveJob::poll()
{
    if (!m_client) {
        fail(ErrorCode::Internal, tr("The Kubernetes client was closed."));
        return;
    }
    KubeRequest *request = m_client->get({QStringLiteral("v1"), QStringLiteral("Namespace"), {}, m_name});
    connect(request, &Job::finished, this, [this, request] {
        if (request->hasError()) {
            if (request->error().code() == ErrorCode::NotFound)
                succeed();
            else
                fail(request->error());
            return;
        }
        // Polling a single GET is cheap and needs no watch permission; the job timeout bounds it.
        QTimer::singleShot(250, this, [this] { poll(); });
    });
    request->start();
}

} // namespace rcs
