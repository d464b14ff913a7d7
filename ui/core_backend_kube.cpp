// The Kubernetes side of CoreBackend: the kubeconfig's contexts, the connection test, storage classes,
// and deploy (its job, its plan's commands and its manifests). core_backend.cpp holds the rest.
#include "core_backend.h"

#include "common/logger.h"
#include "kube/kube_client.h"
#include "kube/kube_config.h"
#include "kube/kube_request.h"
#include "kube/manifest_set.h"
#include "operations/connections.h"
#include "workflows/deploy_workflow.h"
#include "workflows/kube_session.h"

namespace rcs::ui {

rcs::ManifestParameters toManifestParameters(const DeployParameters &parameters)
{
    rcs::ManifestParameters p;
    p.ns = parameters.ns;
    p.statefulSetName = parameters.name;
    p.replicas = parameters.pods;
    p.image = parameters.image;
    p.persistentStorage = parameters.persistent;
    p.storageClass = parameters.storageClass;
    p.storageSize = parameters.storageSize;
    p.cpuRequest = parameters.cpu;
    p.memoryRequest = parameters.memory;
    p.password = !parameters.password.isEmpty();
    p.passwordValue = parameters.password;
    if (!parameters.password.isEmpty())
        rcs::Logger::instance().addSecret(parameters.password);
    p.tls.enabled = parameters.tls;
    p.tls.authClients = parameters.tlsAuthClients;
    p.tls.caFile = parameters.tlsCaFile;
    p.tls.certificateFile = parameters.tlsCertFile;
    p.tls.keyFile = parameters.tlsKeyFile;
    p.tls.existingSecret = parameters.tlsSecret;
    return p;
}

rcs::KubeClient *CoreBackend::kubeClient(const StudioTarget &target, QString *why)
{
    const std::optional<rcs::ops::Target> core = coreTarget(target, why);
    if (!core)
        return nullptr;
    if (!core->usesKubernetes()) {
        if (why)
            *why = tr("Plain endpoints have no Kubernetes API to ask.");
        return nullptr;
    }
    const rcs::Result<rcs::KubeSession *> session = m_connections->session(*core);
    if (!session) {
        if (why)
            *why = session.error().message();
        return nullptr;
    }
    return session.value()->client();
}

QStringList CoreBackend::contexts(const QString &kubeconfig, QString *error) const
{
    auto config = rcs::KubeConfig::load(kubeconfig);
    if (!config) {
        if (error)
            *error = config.error().message();
        return {};
    }
    QStringList names;
    for (const rcs::KubeContext &context : config->contexts())
        names.append(context.name);
    // The current context first: it is what kubectl would use.
    const qsizetype current = names.indexOf(config->currentContext());
    if (current > 0)
        names.move(current, 0);
    return names;
}

rcs::Job *CoreBackend::createConnectionTestJob(const StudioTarget &target, QString *why)
{
    // A session of its own, not the kept one: the test reads the kubeconfig as it is now.
    const std::optional<rcs::ops::Target> core = coreTarget(target, why);
    if (!core)
        return nullptr;
    const rcs::Result<rcs::KubeSession *> session = rcs::KubeSession::open(core->clusterTarget());
    if (!session) {
        if (why)
            *why = session.error().message();
        return nullptr;
    }
    rcs::KubeClient *kube = session.value()->client();
    rcs::KubeRequest::Spec spec;
    spec.path = QStringLiteral("/version");
    spec.verb = QStringLiteral("get");
    spec.idempotent = true;
    rcs::KubeRequest *request = kube->raw(spec);
    request->setTitle(tr("Connection test"));
    // The session lives exactly as long as its one request.
    connect(request, &QObject::destroyed, session.value(), &QObject::deleteLater);
    return request;
}

rcs::Job *CoreBackend::createStorageClassesJob(const StudioTarget &target, const NamesCallback &onNames,
                                               QString *why)
{
    if (target.kind != StudioTarget::Kind::Kubernetes) {
        if (why)
            *why = tr("Storage classes are listed for Kubernetes targets only.");
        return nullptr;
    }
    rcs::KubeClient *kube = kubeClient(target, why);
    if (!kube)
        return nullptr;
    rcs::KubeRequest *request =
        kube->list(QStringLiteral("storage.k8s.io/v1"), QStringLiteral("StorageClass"), {});
    connect(request, &rcs::Job::finished, this, [onNames](rcs::Job *finished) {
        if (finished->hasError())
            return;
        QStringList names;
        for (const QJsonObject &item : static_cast<rcs::KubeRequest *>(finished)->items()) {
            const QJsonObject metadata = item.value(QStringLiteral("metadata")).toObject();
            const QString name = metadata.value(QStringLiteral("name")).toString();
            const bool isDefault = metadata.value(QStringLiteral("annotations"))
                                       .toObject()
                                       .value(QStringLiteral("storageclass.kubernetes.io/is-default-class"))
                                       .toString() == QLatin1String("true");
            if (isDefault)
                names.prepend(name);
            else
                names.append(name);
        }
        onNames(names);
    });
    return request;
}

rcs::Job *CoreBackend::createDeployJob(const StudioTarget &target, const DeployParameters &parameters,
                                       QString *why)
{
    const std::optional<rcs::ops::Target> core = coreTarget(target, why);
    if (!core)
        return nullptr;
    rcs::ops::OperationRequest deploy;
    deploy.kind = rcs::ops::OperationKind::Deploy;
    deploy.manifest = toManifestParameters(parameters);
    return createOperationJob(*core, deploy, why);
}

QStringList CoreBackend::deployCommands(const StudioTarget &, const DeployParameters &parameters) const
{
    const rcs::Result<QList<rcs::EquivalentCommand>> plan =
        rcs::DeployWorkflow::plan(toManifestParameters(parameters));
    QStringList commands;
    if (plan) {
        for (const rcs::EquivalentCommand &command : *plan)
            commands.append(command.command);
    }
    return commands;
}

rcs::Result<QString> CoreBackend::renderManifests(const StudioTarget &,
                                                  const DeployParameters &parameters) const
{
    auto set = rcs::ManifestSet::embedded();
    if (!set)
        return set.error();
    const rcs::ManifestParameters p = toManifestParameters(parameters);
    auto objects = set->render(p);
    if (!objects)
        return objects.error();
    return rcs::ManifestSet::toYaml(objects.value());
}

} // namespace rcs::ui
