#pragma once

#include "operations/target.h"
#include "workflows/node_access.h"

#include <QString>

#include <optional>

namespace rcs::ui {

// Where the studio looks: a Kubernetes namespace reached through a kubeconfig context, the local
// sandbox, or (without Kubernetes) Redis nodes at plain addresses.
struct StudioTarget {
    enum class Kind { None, Kubernetes, Sandbox, Endpoints };

    Kind kind = Kind::None;
    QString kubeconfig; // file path; empty = the default ($KUBECONFIG or ~/.kube/config)
    QString context;    // empty = the kubeconfig's current context
    QString ns = QStringLiteral("redis-cluster");
    QString statefulSet = QStringLiteral("redis-app");
    QString endpoints; // "10.0.0.1:6379,10.0.0.2:6379" for Kind::Endpoints
    // How the pods are reached (the command line's --access); Kubernetes and the sandbox.
    rcs::AccessMode access = rcs::AccessMode::Auto;
    // AUTH for plain endpoints (the command line's --user / --password), carried to core's connection
    // options. The password lives for the session only: never saved to the settings, and registered
    // with the Logger as a secret.
    QString user;
    QString password;
    // TLS for plain endpoints (the command line's --tls, --cacert, --cert, --key, --sni); files, no
    // secrets. Kubernetes targets read theirs from the deployment.
    bool tls = false;
    QString caFile;
    QString certificateFile;
    QString keyFile;
    QString sni;

    bool isSet() const { return kind != Kind::None; }
    bool usesKubernetes() const { return kind == Kind::Kubernetes || kind == Kind::Sandbox; }
    // "redis-cluster/redis-app on kind-dev", for titles and confirmations.
    QString displayName() const;
    bool operator==(const StudioTarget &) const = default;
};

// The widgets' target in core's form, the one place where it is converted: the sandbox in
// sandboxDataDir (empty: its default folder), a Kubernetes context, or plain endpoints with their
// credentials. nullopt with a sentence in *why for no target or addresses that do not parse.
std::optional<rcs::ops::Target> operationTarget(const StudioTarget &target, const QString &sandboxDataDir,
                                                QString *why);

} // namespace rcs::ui
