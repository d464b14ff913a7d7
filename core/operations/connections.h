#pragma once

#include "common/result.h"
#include "target.h"

#include <QHash>
#include <QObject>
#include <QPointer>

namespace rcs {
class KubeSession;
class RedisPool;
class SandboxController;
} // namespace rcs

namespace rcs::ops {

// What a front end keeps from one operation to the next so that they share their connections: a
// RedisPool per set of credentials for plain endpoints, the KubeSession of the last Kubernetes or
// sandbox target (its Kubernetes client, Redis connections and tunnels survive from one refresh to
// the next), and a SandboxController per sandbox folder. The command line, which runs one operation,
// passes none and each job opens its own.
class Connections final : public QObject {
    Q_OBJECT
public:
    explicit Connections(QObject *parent = nullptr);
    ~Connections() override;

    // The pool logged in with target's credentials (the password registered as a secret).
    RedisPool *pool(const EndpointTarget &target);
    // The session of a Kubernetes or sandbox target: the last one when the target is the same, else a
    // new one (the previous one is deleted once its jobs have returned to the event loop). Errors:
    // KubeSession::open's (no kubeconfig, unknown context), phrased with what to do.
    Result<KubeSession *> session(const Target &target);
    // The session of target when it is the one open now, else null (nothing is opened).
    KubeSession *openSession(const Target &target) const;
    // The controller of the sandbox's folder (the target's, or the default one).
    SandboxController *sandbox(const Target &target);

private:
    QHash<QString, RedisPool *> m_pools; // by user, password and TLS settings
    QHash<QString, SandboxController *> m_sandboxes;
    QPointer<KubeSession> m_session;
    ClusterTarget m_sessionTarget;
};

} // namespace rcs::ops
