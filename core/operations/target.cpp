#include "target.h"

#include "workflows/sandbox_controller.h"

namespace rcs::ops {

Target Target::kubernetes(ClusterTarget kube)
{
    Target target;
    target.kind = Kind::Kubernetes;
    target.kube = std::move(kube);
    return target;
}

Target Target::sandbox(QString dataDir, ClusterTarget kube)
{
    Target target;
    target.kind = Kind::Sandbox;
    target.kube = std::move(kube);
    target.sandboxDataDir = std::move(dataDir);
    return target;
}

Target Target::plainEndpoints(EndpointTarget endpoints)
{
    Target target;
    target.kind = Kind::Endpoints;
    target.endpoints = std::move(endpoints);
    return target;
}

QString Target::sandboxFolder() const
{
    return SandboxController(sandboxDataDir).dataDir();
}

ClusterTarget Target::clusterTarget() const
{
    ClusterTarget target = kube;
    if (kind == Kind::Sandbox) {
        // The sandbox writes the kubeconfig it serves with; its one context is the current one.
        target.kubeconfig = SandboxController(sandboxDataDir).kubeconfigPath();
        target.context.clear();
    }
    return target;
}

} // namespace rcs::ops
