#pragma once

#include "endpoint_target.h"
#include "workflows/kube_session.h"

#include <QString>

namespace rcs::ops {

// Where an operation acts, for every kind of target both front ends offer: a StatefulSet on a
// Kubernetes cluster (a kubeconfig context), the same on the local sandbox (kube-sandbox, started on
// demand), or Redis nodes at plain addresses. The command line fills it from its target options, the
// studio from its target bar (ui's StudioTarget, converted in one function); the catalogue takes it.
//
// The kinds keep their own parts rather than one flat list of fields, because each part is what a
// layer below needs as it is: `kube` is what a KubeSession opens (core/workflows sits below this layer
// and knows no Target), `endpoints` is what the plain-endpoint engine contacts. kube/'s KubeTarget is
// not one of them: it is a context already resolved into an API address and credentials.
struct Target {
    enum class Kind { Kubernetes, Sandbox, Endpoints };

    Kind kind = Kind::Kubernetes;
    // Kubernetes and the sandbox: namespace, StatefulSet and node access; Kubernetes also the
    // kubeconfig and context (the sandbox has its own kubeconfig, see clusterTarget()).
    ClusterTarget kube;
    // Plain endpoints: the seeds and the credentials.
    EndpointTarget endpoints;
    // The sandbox: its data folder (where it keeps its kubeconfig, pid and log); empty: the default,
    // SandboxController::defaultDataDir().
    QString sandboxDataDir;

    static Target kubernetes(ClusterTarget kube);
    static Target sandbox(QString dataDir, ClusterTarget kube = {});
    static Target plainEndpoints(EndpointTarget endpoints);

    bool usesKubernetes() const { return kind != Kind::Endpoints; }
    // The sandbox's data folder made absolute (the default when none was given).
    QString sandboxFolder() const;
    // What a KubeSession opens: kube as given, or for the sandbox its own kubeconfig and context.
    ClusterTarget clusterTarget() const;
};

} // namespace rcs::ops
