#pragma once

#include <QString>

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
    // Kind::Endpoints: AUTH as the command line's --password / --user give it (empty: none). Carried
    // to core's connection options; never logged.
    QString password;
    QString user;

    bool isSet() const { return kind != Kind::None; }
    bool usesKubernetes() const { return kind == Kind::Kubernetes || kind == Kind::Sandbox; }
    // "redis-cluster/redis-app on kind-dev", for titles and confirmations.
    QString displayName() const;
    bool operator==(const StudioTarget &) const = default;
};

} // namespace rcs::ui
