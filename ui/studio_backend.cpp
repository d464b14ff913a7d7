#include "studio_backend.h"

#include "operations/endpoint_tls.h"

#include <QCoreApplication>

namespace rcs::ui {

QString StudioTarget::displayName() const
{
    switch (kind) {
    case Kind::None:
        return QCoreApplication::translate("rcs::ui::StudioTarget", "no target");
    case Kind::Sandbox:
        return QCoreApplication::translate("rcs::ui::StudioTarget", "%1/%2 in the local sandbox")
            .arg(ns, statefulSet);
    case Kind::Endpoints:
        return endpoints;
    case Kind::Kubernetes:
        break;
    }
    return QCoreApplication::translate("rcs::ui::StudioTarget", "%1/%2 on %3")
        .arg(ns, statefulSet,
             context.isEmpty() ? QCoreApplication::translate("rcs::ui::StudioTarget", "the current context")
                               : context);
}

std::optional<rcs::ops::Target> operationTarget(const StudioTarget &target, const QString &sandboxDataDir,
                                                QString *why)
{
    rcs::ClusterTarget kube;
    kube.kubeconfig = target.kubeconfig;
    kube.context = target.context;
    kube.ns = target.ns;
    kube.statefulSet = target.statefulSet;
    kube.access = target.access;
    switch (target.kind) {
    case StudioTarget::Kind::Kubernetes:
        return rcs::ops::Target::kubernetes(kube);
    case StudioTarget::Kind::Sandbox:
        return rcs::ops::Target::sandbox(sandboxDataDir, kube);
    case StudioTarget::Kind::Endpoints: {
        const auto seeds = rcs::NodeAddress::parseList(target.endpoints);
        if (!seeds) {
            if (why)
                *why = seeds.error().message();
            return std::nullopt;
        }
        rcs::ops::EndpointTarget endpoints;
        endpoints.nodes = seeds.value();
        endpoints.connection.user = target.user;
        endpoints.connection.password = target.password;
        const auto tls = rcs::ops::endpointTlsOptions(
            {target.tls, target.caFile, target.certificateFile, target.keyFile, target.sni});
        if (!tls) {
            if (why)
                *why = tls.error().message();
            return std::nullopt;
        }
        endpoints.connection.tls = *tls;
        return rcs::ops::Target::plainEndpoints(endpoints);
    }
    case StudioTarget::Kind::None:
        break;
    }
    if (why)
        *why = QCoreApplication::translate("rcs::ui::CoreBackend", "Choose a target first.");
    return std::nullopt;
}

QString StudioBackend::unsupportedReason(Action, const StudioTarget &) const
{
    return {};
}

QObject *StudioBackend::watchPods(const StudioTarget &, const std::function<void()> &)
{
    return nullptr;
}

QStringList StudioBackend::contexts(const QString &, QString *error) const
{
    if (error)
        *error = QCoreApplication::translate("rcs::ui::StudioBackend",
                                             "Reading kubeconfig files is not available.");
    return {};
}

namespace {
QString notAvailable()
{
    return QCoreApplication::translate(
        "rcs::ui::StudioBackend", "This build has no Kubernetes workflows yet; use the headless commands.");
}
} // namespace

rcs::Job *StudioBackend::createCleanupPlanJob(const StudioTarget &, const ActionRequest &,
                                              const NamesCallback &, QString *why)
{
    if (why)
        *why = notAvailable();
    return nullptr;
}

rcs::Job *StudioBackend::createExecJob(const StudioTarget &, const rcs::ops::OperationRequest &,
                                       const ReplyCallback &, QString *why)
{
    if (why)
        *why = notAvailable();
    return nullptr;
}

rcs::Job *StudioBackend::createPodLogJob(const StudioTarget &, const QString &, int, const ReplyCallback &,
                                         QString *why)
{
    if (why)
        *why = notAvailable();
    return nullptr;
}

rcs::Job *StudioBackend::createConnectionTestJob(const StudioTarget &, QString *why)
{
    if (why)
        *why = notAvailable();
    return nullptr;
}

rcs::Job *StudioBackend::createStorageClassesJob(const StudioTarget &, const NamesCallback &, QString *why)
{
    if (why)
        *why = notAvailable();
    return nullptr;
}

rcs::Job *StudioBackend::createObserveJob(const StudioTarget &, const rcs::ops::OperationRequest &,
                                          QString *why)
{
    if (why)
        *why = notAvailable();
    return nullptr;
}

rcs::Result<QString> StudioBackend::renderManifests(const StudioTarget &, const DeployParameters &) const
{
    return rcs::Error(rcs::ErrorCode::Refused, notAvailable());
}

QStringList StudioBackend::deployCommands(const StudioTarget &target,
                                          const DeployParameters &parameters) const
{
    QString kubectl = QStringLiteral("kubectl");
    if (!target.kubeconfig.isEmpty())
        kubectl += QStringLiteral(" --kubeconfig ") + target.kubeconfig;
    if (!target.context.isEmpty())
        kubectl += QStringLiteral(" --context ") + target.context;
    return {
        kubectl + QStringLiteral(" apply --server-side --force-conflicts -f redis-cluster.yaml"),
        kubectl + QStringLiteral(" -n %1 rollout status statefulset/%2 --timeout=10m")
                      .arg(parameters.ns, parameters.name),
        kubectl + QStringLiteral(" -n %1 get pods -l app=redis -o wide").arg(parameters.ns),
    };
}

rcs::Job *StudioBackend::createDeployJob(const StudioTarget &, const DeployParameters &, QString *why)
{
    if (why)
        *why = notAvailable();
    return nullptr;
}

} // namespace rcs::ui
