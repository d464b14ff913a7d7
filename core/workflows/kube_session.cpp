#include "kube_session.h"

#include "common/logger.h"
#include "kube/kube_client.h"
#include "kube/kube_config.h"
#include "redis/redis_pool.h"

namespace rcs {

Result<KubeSession *> KubeSession::open(const ClusterTarget &target, QObject *parent)
{
    const Result<KubeConfig> config = KubeConfig::load(target.kubeconfig);
    if (!config) {
        return Error(config.error().code(),
                     config.error().message() +
                         tr(" Pass --kubeconfig FILE, set KUBECONFIG, or start the sandbox with "
                            "'redis-cluster-studio sandbox start'."),
                     config.error().detail());
    }
    if (config->files().isEmpty()) {
        return Error(ErrorCode::InvalidInput,
                     tr("No kubeconfig was found (neither --kubeconfig, KUBECONFIG nor "
                        "~/.kube/config). Pass --kubeconfig FILE, or start the sandbox with "
                        "'redis-cluster-studio sandbox start'."));
    }
    const Result<KubeTarget> resolved = config->resolve(target.context);
    if (!resolved)
        return resolved.error();
    const Result<KubeClient *> client = KubeClient::create(*resolved);
    if (!client)
        return client.error();
    return new KubeSession(target, *client, parent);
}

KubeSession::KubeSession(const ClusterTarget &target, KubeClient *client, QObject *parent)
    : QObject(parent)
    , m_target(target)
    , m_client(client)
    , m_pool(new RedisPool(this))
{
    m_client->setParent(this);
    m_access = new NodeAccess(m_client, m_pool, m_target.ns, m_target.access, this);
}

KubeSession::~KubeSession()
{
    // Tunnels first: they route through the client and the pool.
    delete m_access;
    m_access = nullptr;
}

QString KubeSession::contextName() const
{
    return m_client->target().contextName;
}

KubeObjectRef KubeSession::statefulSetRef() const
{
    return KubeObjectRef{QStringLiteral("apps/v1"), QStringLiteral("StatefulSet"), m_target.ns,
                         m_target.statefulSet};
}

QString KubeSession::kubectl() const
{
    return KubeClient::kubectl(m_target.ns);
}

void KubeSession::setRedisPassword(const QString &password)
{
    Logger::instance().addSecret(password);
    RedisConnectionOptions options = m_pool->options();
    options.password = password;
    m_pool->setOptions(options);
}

} // namespace rcs
