#pragma once

#include "common/result.h"
#include "kube/kube_resources.h"
#include "node_access.h"

#include <QObject>
#include <QString>

namespace rcs {

class KubeClient;
class RedisPool;

// Where the workflows act: a kubeconfig context, the namespace and StatefulSet of the Redis cluster,
// and how the desktop reaches the pods. It is the Kubernetes part of the operations layer's Target
// (core/operations/target.h), which both front ends fill; it lives here because the workflows, a layer
// below, open their session from it.
struct ClusterTarget {
    QString kubeconfig; // empty: KUBECONFIG, then ~/.kube/config
    QString context;    // empty: the current context
    QString ns = QStringLiteral("redis-cluster");
    QString statefulSet = QStringLiteral("redis-app");
    AccessMode access = AccessMode::Auto;

    bool operator==(const ClusterTarget &) const = default;
};

// What every workflow on one target shares: the Kubernetes client, the Redis connections (with the
// password of the deployment, once read) and the node access.
class KubeSession final : public QObject {
    Q_OBJECT
public:
    // Loads the kubeconfig and resolves the context. Errors (InvalidInput / Io) name the file and say
    // what to do, e.g. when there is no kubeconfig at all.
    static Result<KubeSession *> open(const ClusterTarget &target, QObject *parent = nullptr);
    ~KubeSession() override;

    const ClusterTarget &target() const { return m_target; }
    QString ns() const { return m_target.ns; }
    KubeClient *client() const { return m_client; }
    RedisPool *pool() const { return m_pool; }
    NodeAccess *access() const { return m_access; }
    QString contextName() const;

    KubeObjectRef statefulSetRef() const;
    // "kubectl -n redis-cluster", for equivalent commands.
    QString kubectl() const;
    // Sets the password (and ACL user; empty: the default user) every Redis connection authenticates
    // with (the password registered as a secret).
    void setRedisPassword(const QString &password, const QString &user = {});

private:
    KubeSession(const ClusterTarget &target, KubeClient *client, QObject *parent);

    ClusterTarget m_target;
    KubeClient *m_client = nullptr;
    RedisPool *m_pool = nullptr;
    NodeAccess *m_access = nullptr;
};

} // namespace rcs
