#include "kube_session.h"

#include "common/logger.h"
#include "common/next_step.h"
#include "kube/kube_client.h"
#include "kube/kube_config.h"
#include "redis/redis_pool.h"

namespace rcs {

Result<KubeSession *> KubeSession::open(const ClusterTarget &target, QObject *parent)
{
    // The kubeconfig's own errors state what is wrong; the way out depends on the front end.
    const auto withStep = [](const Error &error, NextStep step) {
        return Error(error.code(), withNextStep(error.message(), step), error.detail());
    };
    const Result<KubeConfig> config = KubeConfig::load(target.kubeconfig);
    if (!config)
        return withStep(config.error(), NextStep::ChooseKubeconfig);
    if (config->files().isEmpty()) {
        return withStep(Error(ErrorCode::InvalidInput,
                              tr("No kubeconfig was found: none was named, KUBECONFIG is not set and "
                                 "~/.kube/config does not exist.")),
                        NextStep::ChooseKubeconfig);
    }
    const Result<KubeTarget> resolved = config->resolve(target.context);
    if (!resolved)
        return withStep(resolved.error(), NextStep::ChooseContext);
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

void KubeSession::setRedisPassword(const QString &password, const QString &user)
{
    Logger::instance().addSecret(password);
    RedisConnectionOptions options = m_pool->options();
    options.password = password;
    options.user = user;
    m_pool->setOptions(options);
}

} // namespace rcs
