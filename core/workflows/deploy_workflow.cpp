#include "deploy_workflow.h"

#include "deploy_tls.h"

#include "kube/kube_client.h"
#include "kube/kube_request.h"
#include "kube/kube_resources.h"
#include "kube_session.h"

namespace rcs {

DeployWorkflow::DeployWorkflow(KubeSession *session, ManifestParameters parameters, QObject *parent)
    : Workflow(session, parent)
    , m_parameters(std::move(parameters))
{
    setTitle(tr("Deploy"));
    m_parameters.ns = session->ns();
    m_parameters.statefulSetName = session->target().statefulSet;
}

void DeployWorkflow::doStart()
{
    const TlsParameters &tls = m_parameters.tls;
    if (!tls.enabled || !tls.existingSecret.isEmpty() || !tls.caFile.isEmpty() || !tls.keyPem.isEmpty() ||
        isDryRun()) {
        render();
        return;
    }
    // A deploy run again keeps the certificates it made the first time: a new CA would leave every
    // client that trusts the old one unable to verify the pods once they restart.
    const KubeObjectRef ref{QStringLiteral("v1"), QStringLiteral("Secret"), session()->ns(),
                            ManifestSet::tlsSecretName(m_parameters.statefulSetName)};
    runStep(tr("Looking for the certificates of an earlier deploy"),
            allowNotFound(session()->client()->get(ref)), [this](Job *job) {
                auto *request = static_cast<KubeRequest *>(job);
                const auto value = [request](const char *key) {
                    return ManifestSet::secretValue(request->object(), QLatin1String(key));
                };
                if (request->httpStatus() / 100 == 2 && !value("tls.key").isEmpty()) {
                    m_parameters.tls.caPem = value("ca.crt");
                    m_parameters.tls.certificatePem = value("tls.crt");
                    m_parameters.tls.keyPem = value("tls.key");
                    m_keepsCaSecret = true;
                }
                render();
            });
}

void DeployWorkflow::render()
{
    const QString step = tr("Rendering the manifests");
    setStep(step);
    const Result<ManifestSet> set = ManifestSet::load(m_manifestDirectory);
    if (!set) {
        failStep(step, set.error());
        return;
    }
    if (auto prepared = prepareTlsMaterial(m_parameters, *set); !prepared) {
        failStep(step, prepared.error());
        return;
    }
    const Result<QList<QJsonObject>> objects = set->render(m_parameters);
    if (!objects) {
        failStep(step, objects.error());
        return;
    }
    m_objects = *objects;
    if (m_keepsCaSecret) {
        // The CA's own Secret (its key) stays as the first deploy wrote it.
        const QString caSecret = ManifestSet::tlsCaSecretName(m_parameters.statefulSetName);
        m_objects.removeIf([&](const QJsonObject &object) {
            const KubeObjectRef ref = KubeObjectRef::fromObject(object);
            return ref.kind == QLatin1String("Secret") && ref.name == caSecret;
        });
    }
    m_tlsSummary = tlsPlanSummary(m_parameters, *set);
    if (!m_tlsSummary.isEmpty())
        addResult(m_keepsCaSecret
                      ? tr("%1; the certificates of the earlier deploy are kept.").arg(m_tlsSummary)
                      : m_tlsSummary);
    m_yaml = ManifestSet::toYaml(m_objects);
    if (m_parameters.password && !m_parameters.passwordValue.isEmpty())
        session()->setRedisPassword(m_parameters.passwordValue);
    applyNext(0);
}

EquivalentCommand DeployWorkflow::applyCommand(const QJsonObject &object, const QString &tlsSummary)
{
    const KubeObjectRef ref = KubeObjectRef::fromObject(object);
    // The TLS settings go with the ConfigMap that carries them into redis.conf.
    const QString message = !tlsSummary.isEmpty() && ref.kind == QLatin1String("ConfigMap")
                                ? tr("Apply %1 %2 with %3").arg(kubectlName(ref.kind), ref.name, tlsSummary)
                                : tr("Apply %1 %2").arg(kubectlName(ref.kind), ref.name);
    return {message,
            QStringLiteral("%1 apply --server-side --field-manager=%2 --force-conflicts -f %3-%4.yaml")
                .arg(KubeClient::kubectl(ref.ns), QString::fromLatin1(KubeClient::kFieldManager),
                     kubectlName(ref.kind), ref.name)};
}

Result<QList<EquivalentCommand>> DeployWorkflow::plan(const ManifestParameters &parameters,
                                                      const QString &manifestDirectory)
{
    const Result<ManifestSet> set = ManifestSet::load(manifestDirectory);
    if (!set)
        return set.error();
    // The user's files are read and checked here already, so that a plan never promises a deploy that
    // would fail on them; the studio's own keys are made only when the deploy runs.
    ManifestParameters checked = parameters;
    if (checked.tls.enabled && !checked.tls.caFile.isEmpty()) {
        if (auto prepared = prepareTlsMaterial(checked, *set); !prepared)
            return prepared.error();
    }
    const Result<QList<QJsonObject>> objects = set->render(checked);
    if (!objects)
        return objects.error();
    const QString tls = tlsPlanSummary(checked, *set);
    QList<EquivalentCommand> commands;
    for (const QJsonObject &object : *objects)
        commands.append(applyCommand(object, tls));
    return commands;
}

void DeployWorkflow::applyNext(int index)
{
    if (ended())
        return;
    if (index < m_objects.size()) {
        const QJsonObject &object = m_objects.at(index);
        const KubeObjectRef ref = KubeObjectRef::fromObject(object);
        if (isDryRun()) {
            const EquivalentCommand apply = applyCommand(object, m_tlsSummary);
            logCommand(QStringLiteral("kube"), apply.message, apply.command);
            applyNext(index + 1);
            return;
        }
        runStep(tr("Applying %1 %2").arg(kubectlName(ref.kind), ref.name), session()->client()->apply(object),
                [this, index](Job *) { applyNext(index + 1); });
        return;
    }
    if (isDryRun()) {
        addResult(tr("Dry run: %1 objects would be applied to namespace %2; nothing was changed.")
                      .arg(m_objects.size())
                      .arg(session()->ns()));
        setChangedNothing(true);
        succeed();
        return;
    }
    waitForPods(
        m_parameters.replicas, tr("Waiting for the pods to become Ready"),
        [this](const Deployment &deployment) {
            m_deployment = deployment;
            QStringList where;
            for (const PodState &pod : deployment.pods)
                where << QStringLiteral("%1 %2 on %3").arg(pod.info.name, pod.info.ip, pod.info.kubeNode);
            addResult(withNextStep(tr("Deployed: %1 pods Ready (%2).")
                                       .arg(deployment.pods.size())
                                       .arg(where.join(QLatin1String(", "))),
                                   SuggestedOperation::Create));
            succeed();
        });
}

} // namespace rcs
