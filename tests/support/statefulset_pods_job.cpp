#include "support/statefulset_pods_job.h"

#include "kube/kube_client.h"
#include "kube/manifest_set.h"

namespace rcs::test {

StatefulSetPodsJob::StatefulSetPodsJob(KubeClient *client, QString ns, QString statefulSet, QObject *parent)
    : Job(parent)
    , m_client(client)
    , m_ns(std::move(ns))
    , m_name(std::move(statefulSet))
{
    setTitle(tr("Find the pods of StatefulSet %1").arg(m_name));
    setTimeout(120000);
}

int StatefulSetPodsJob::desiredReplicas() const
{
    return m_statefulSet.value(QStringLiteral("spec")).toObject().value(QStringLiteral("replicas")).toInt(1);
}

void StatefulSetPodsJob::doStart()
{
    if (!m_client) {
        fail(ErrorCode::Internal, tr("The Kubernetes client was closed."));
        return;
    }
    setStep(tr("reading StatefulSet %1 in namespace %2").arg(m_name, m_ns));
    KubeRequest *get =
        m_client->get({QStringLiteral("apps/v1"), QStringLiteral("StatefulSet"), m_ns, m_name});
    connect(get, &Job::finished, this, [this, get] {
        if (get->hasError()) {
            if (get->error().code() == ErrorCode::NotFound)
                fail(ErrorCode::NotFound,
                     tr("There is no StatefulSet %1 in namespace %2: deploy the cluster first, or "
                        "name the right one with -n and --statefulset.")
                         .arg(m_name, m_ns),
                     get->error().message());
            else
                fail(get->error());
            return;
        }
        m_statefulSet = get->object();
        m_selector = ManifestSet::selectorOf(m_statefulSet);
        if (m_selector.isEmpty()) {
            fail(ErrorCode::InvalidInput,
                 tr("StatefulSet %1 has no spec.selector.matchLabels to find its pods with.").arg(m_name));
            return;
        }
        setStep(tr("listing pods with labels %1").arg(m_selector));
        KubeListOptions options;
        options.labelSelector = m_selector;
        KubeRequest *list = m_client->list(QStringLiteral("v1"), QStringLiteral("Pod"), m_ns, options);
        connect(list, &Job::finished, this, [this, list] {
            if (list->hasError()) {
                fail(list->error());
                return;
            }
            // The selector may also match pods of another StatefulSet: keep the ones named NAME-<ordinal>.
            for (const QJsonObject &pod : list->items()) {
                const KubePodInfo info = KubePodInfo::fromJson(pod);
                if (info.ordinal >= 0 &&
                    info.name == m_name + QLatin1Char('-') + QString::number(info.ordinal)) {
                    m_podObjects.append(pod);
                    m_pods.append(info);
                }
            }
            m_pods = KubePodInfo::fromList(m_podObjects);
            succeed();
        });
        list->start();
    });
    get->start();
}

} // namespace rcs::test
