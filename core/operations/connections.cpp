#include "connections.h"

#include "common/logger.h"
#include "redis/redis_pool.h"
#include "workflows/kube_session.h"
#include "workflows/sandbox_controller.h"

namespace rcs::ops {

Connections::Connections(QObject *parent)
    : QObject(parent)
{}

Connections::~Connections() = default;

RedisPool *Connections::pool(const EndpointTarget &target)
{
    // One pool per set of credentials (and TLS settings): its connections are logged in with them, and a job
    // still running on the previous credentials keeps its pool.
    const RedisTlsOptions &tls = target.connection.tls;
    const QString key = QStringList{target.connection.user,
                                    target.connection.password,
                                    tls.enabled ? QStringLiteral("tls") : QString(),
                                    tls.caFile,
                                    tls.clientCertificateFile,
                                    tls.clientKeyFile,
                                    tls.peerName}
                            .join(QLatin1Char('\n'));
    RedisPool *&pool = m_pools[key];
    if (!pool) {
        pool = new RedisPool(this);
        pool->setOptions(target.connection);
        if (!target.connection.password.isEmpty())
            Logger::instance().addSecret(target.connection.password);
    }
    return pool;
}

KubeSession *Connections::openSession(const Target &target) const
{
    return m_session && m_sessionTarget == target.clusterTarget() ? m_session.data() : nullptr;
}

Result<KubeSession *> Connections::session(const Target &target)
{
    if (KubeSession *open = openSession(target))
        return open;
    if (m_session)
        m_session->deleteLater();
    const ClusterTarget clusterTarget = target.clusterTarget();
    Result<KubeSession *> opened = KubeSession::open(clusterTarget, this);
    if (!opened)
        return opened.error();
    m_session = opened.value();
    m_sessionTarget = clusterTarget;
    return m_session.data();
}

SandboxController *Connections::sandbox(const Target &target)
{
    const QString folder = target.sandboxFolder();
    SandboxController *&controller = m_sandboxes[folder];
    if (!controller)
        controller = new SandboxController(folder, this);
    return controller;
}

} // namespace rcs::ops
