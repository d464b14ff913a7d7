#include "cleanup_workflow.h"

#include "kube/kube_client.h"
#include "kube/kube_request.h"
#include "kube/manifest_set.h"
#include "kube_session.h"

#include <QTimer>

namespace rcs {

namespace {
QString label(const KubeObjectRef &ref)
{
    return kubectlName(ref.kind) + QLatin1Char('/') + ref.name;
}
} // namespace

CleanupWorkflow::CleanupWorkflow(KubeSession *session, QObject *parent)
    : Workflow(session, parent)
{
    setTitle(tr("Clean up"));
}

void CleanupWorkflow::doStart()
{
    const QString step = tr("Finding what deploy created");
    setStep(step);
    const Result<ManifestSet> set = ManifestSet::load(m_manifestDirectory);
    if (!set) {
        failStep(step, set.error());
        return;
    }
    ManifestParameters parameters;
    parameters.ns = session()->ns();
    parameters.statefulSetName = session()->target().statefulSet;
    parameters.password = true; // so that the Secret is among the candidates
    parameters.passwordValue = QStringLiteral("unused-placeholder");
    // And the TLS Secrets (certificates, the studio's CA key). The image only matters to TLS's refusal
    // of Redis 5, which does not concern a cleanup: only the objects' names are read here.
    parameters.tls.enabled = true;
    parameters.image = QStringLiteral("redis:7.0");
    const Result<QList<QJsonObject>> objects = set->render(parameters);
    if (!objects) {
        failStep(step, objects.error());
        return;
    }
    // The StatefulSet first (its pods go with it), then what it uses.
    QList<KubeObjectRef> later;
    for (const QJsonObject &object : *objects) {
        const KubeObjectRef ref = KubeObjectRef::fromObject(object);
        if (ref.kind == QLatin1String("Namespace"))
            continue;
        if (ref.kind == QLatin1String("StatefulSet")) {
            m_selector = ManifestSet::selectorOf(object);
            m_candidates.prepend(ref);
        } else {
            later.append(ref);
        }
    }
    m_candidates += later;
    probeNext(0);
}

void CleanupWorkflow::probeNext(int index)
{
    if (index >= m_candidates.size()) {
        listClaims();
        return;
    }
    const KubeObjectRef ref = m_candidates.at(index);
    runStep(tr("Looking for %1").arg(label(ref)), allowNotFound(session()->client()->get(ref)),
            [this, index, ref](Job *job) {
                if (static_cast<KubeRequest *>(job)->httpStatus() / 100 == 2) {
                    m_existing.append(ref);
                    m_planned.append(label(ref));
                }
                probeNext(index + 1);
            });
}

void CleanupWorkflow::logCommands()
{
    for (const KubeObjectRef &ref : std::as_const(m_existing))
        logCommand(
            QStringLiteral("kube"), tr("Delete %1").arg(label(ref)),
            QStringLiteral("%1 delete %2 %3").arg(session()->kubectl(), kubectlName(ref.kind), ref.name));
    if (!m_claims.isEmpty())
        logCommand(QStringLiteral("kube"), tr("Delete the volumes"),
                   QStringLiteral("%1 delete pvc -l %2").arg(session()->kubectl(), m_selector));
    if (m_deleteNamespace)
        logCommand(QStringLiteral("kube"), tr("Delete the namespace"),
                   QStringLiteral("kubectl delete namespace %1").arg(session()->ns()));
}

void CleanupWorkflow::listClaims()
{
    auto afterClaims = [this] {
        if (m_deleteNamespace)
            m_planned.append(tr("namespace/%1 (with everything left in it)").arg(session()->ns()));
        if (m_planOnly) {
            setChangedNothing(true);
            succeed();
            return;
        }
        if (m_planned.isEmpty()) {
            setChangedNothing(true);
            addResult(tr("Nothing to clean up in namespace %1.").arg(session()->ns()));
            succeed();
            return;
        }
        for (const QString &item : std::as_const(m_planned))
            info(tr("would delete %1").arg(item));
        const QString planned = m_planned.join(QLatin1String(", "));
        if (!proceedIfConfirmed(m_confirmed, tr("Cleanup would delete %1").arg(planned),
                                tr("Dry run: would delete %1; nothing was changed.").arg(planned),
                                [this] { logCommands(); }))
            return;
        deleteNext(0);
    };
    if (!m_deletePvcs || m_selector.isEmpty()) {
        afterClaims();
        return;
    }
    KubeListOptions options;
    options.labelSelector = m_selector;
    runStep(
        tr("Listing the volumes"),
        session()->client()->list(QStringLiteral("v1"), QStringLiteral("PersistentVolumeClaim"),
                                  session()->ns(), options),
        [this, afterClaims](Job *job) {
            for (const QJsonObject &claim : static_cast<KubeRequest *>(job)->items()) {
                const QString name =
                    claim.value(QLatin1String("metadata")).toObject().value(QLatin1String("name")).toString();
                m_claims.append(name);
                m_planned.append(tr("pvc/%1 (its data is lost)").arg(name));
            }
            afterClaims();
        });
}

void CleanupWorkflow::deleteNext(int index)
{
    if (index >= m_existing.size()) {
        waitForPodsGone();
        return;
    }
    const KubeObjectRef ref = m_existing.at(index);
    runStep(tr("Deleting %1").arg(label(ref)), session()->client()->remove(ref),
            [this, index](Job *) { deleteNext(index + 1); });
}

void CleanupWorkflow::waitForPodsGone()
{
    // The pods go with their StatefulSet; waiting for zero pods is the same bounded poll.
    waitForPods(0, tr("Waiting for the pods to terminate"), [this](const Deployment &) { deleteClaims(); });
}

void CleanupWorkflow::deleteClaims()
{
    if (m_claims.isEmpty()) {
        deleteNamespace();
        return;
    }
    runStep(tr("Deleting the volumes"),
            session()->client()->removePersistentVolumeClaims(session()->ns(), m_selector),
            [this](Job *) { deleteNamespace(); });
}

void CleanupWorkflow::deleteNamespace()
{
    if (!m_deleteNamespace) {
        done();
        return;
    }
    runStep(
        tr("Deleting namespace %1").arg(session()->ns()),
        session()->client()->removeNamespaceAndWait(session()->ns(), podTimeout()), [this](Job *) { done(); },
        podTimeout() + 5000);
}

void CleanupWorkflow::done()
{
    addResult(tr("Deleted %1.").arg(m_planned.join(QLatin1String(", "))));
    if (!m_deletePvcs && !m_deleteNamespace)
        addResult(tr("The volumes (PVCs) were kept: a new deploy reuses their data; a cleanup that "
                     "also deletes the volumes removes them."));
    succeed();
}

} // namespace rcs
