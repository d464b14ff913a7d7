#include "node_access.h"

#include "common/logger.h"
#include "kube/kube_client.h"
#include "kube/port_forward.h"
#include "redis/cluster_topology.h"
#include "redis/redis_connection.h"
#include "redis/redis_pool.h"

#include <QTimer>

#include <memory>

namespace rcs {

QString accessModeName(AccessMode mode)
{
    switch (mode) {
    case AccessMode::Direct:
        return QStringLiteral("direct");
    case AccessMode::Tunnel:
        return QStringLiteral("tunnel");
    case AccessMode::Auto:
        break;
    }
    return QStringLiteral("auto");
}

std::optional<AccessMode> parseAccessMode(const QString &text)
{
    if (text == QLatin1String("auto"))
        return AccessMode::Auto;
    if (text == QLatin1String("direct"))
        return AccessMode::Direct;
    if (text == QLatin1String("tunnel"))
        return AccessMode::Tunnel;
    return std::nullopt;
}

NodeAccess::NodeAccess(KubeClient *client, RedisPool *pool, QString ns, AccessMode mode, QObject *parent)
    : QObject(parent)
    , m_client(client)
    , m_pool(pool)
    , m_ns(std::move(ns))
    , m_mode(mode)
{}

NodeAccess::~NodeAccess()
{
    close();
}

void NodeAccess::close()
{
    for (PortForward *forward : std::as_const(m_forwards)) {
        forward->close();
        forward->deleteLater();
    }
    m_forwards.clear();
    m_forwardIps.clear();
    if (m_pool)
        m_pool->clearRoutes();
}

Result<void> NodeAccess::openTunnel(const PodInfo &pod)
{
    if (m_forwards.contains(pod.name) && m_forwardIps.value(pod.name) == pod.ip)
        return {};
    if (PortForward *old = m_forwards.take(pod.name)) {
        old->close();
        old->deleteLater();
    }
    if (!m_client)
        return Error(ErrorCode::Internal, tr("The Kubernetes client is gone."));
    PortForward *forward = m_client->portForward(m_ns, pod.name, kRedisPort, this);
    if (const Result<void> listening = forward->listen(); !listening) {
        forward->deleteLater();
        return listening.error().withContext(tr("Opening a tunnel to pod %1").arg(pod.name));
    }
    m_forwards.insert(pod.name, forward);
    m_forwardIps.insert(pod.name, pod.ip);
    const NodeAddress local{forward->localAddress().toString(), forward->localPort()};
    m_pool->setRoute(NodeAddress{pod.ip, kRedisPort}, local);
    m_routes.insert(pod.name, tr("tunnel via %1").arg(local.toString()));
    Logger::instance().info(
        QStringLiteral("workflow"),
        tr("Pod %1 is reached through a port-forward on %2.").arg(pod.name, local.toString()),
        QStringLiteral("kubectl -n %1 port-forward pod/%2 %3:%4")
            .arg(m_ns, pod.name)
            .arg(local.port)
            .arg(kRedisPort));
    return {};
}

void NodeAccess::prepare(const QList<PodInfo> &pods, const QObject *context,
                         std::function<void(Result<QList<NodeAddress>>)> done)
{
    QList<NodeAddress> addresses;
    for (const PodInfo &pod : pods) {
        if (pod.ip.isEmpty()) {
            QTimer::singleShot(0, context, [done, name = pod.name] {
                done(Error(ErrorCode::InvalidInput, tr("Pod %1 has no IP address yet.").arg(name)));
            });
            return;
        }
        addresses.append(NodeAddress{pod.ip, kRedisPort});
    }
    if (!m_pool) {
        QTimer::singleShot(0, context,
                           [done] { done(Error(ErrorCode::Internal, tr("The connection pool is gone."))); });
        return;
    }
    if (!m_peerDomain.isEmpty()) {
        for (const PodInfo &pod : pods)
            m_pool->setPeerName(NodeAddress{pod.ip, kRedisPort}, pod.name + QLatin1Char('.') + m_peerDomain);
    }

    if (m_mode == AccessMode::Direct) {
        for (const PodInfo &pod : pods)
            m_routes.insert(pod.name, QStringLiteral("direct"));
        QTimer::singleShot(0, context, [done, addresses] { done(addresses); });
        return;
    }
    if (m_mode == AccessMode::Tunnel) {
        for (const PodInfo &pod : pods) {
            if (const Result<void> opened = openTunnel(pod); !opened) {
                QTimer::singleShot(0, context, [done, error = opened.error()] { done(error); });
                return;
            }
        }
        QTimer::singleShot(0, context, [done, addresses] { done(addresses); });
        return;
    }

    // Auto: probe every pod not decided yet, in parallel, with a short connect timeout.
    struct Probe {
        int remaining = 0;
        QList<PodInfo> pods;
        QList<NodeAddress> addresses;
        std::function<void(Result<QList<NodeAddress>>)> done;
    };
    auto probe = std::make_shared<Probe>();
    probe->pods = pods;
    probe->addresses = addresses;
    probe->done = std::move(done);
    QPointer<NodeAccess> self(this);
    QPointer<const QObject> guard(context);
    auto finishProbe = [self, guard, probe] {
        if (--probe->remaining > 0 || !self || !guard)
            return;
        for (const PodInfo &pod : std::as_const(probe->pods)) {
            if (self->m_directOk.value(pod.ip)) {
                self->m_routes.insert(pod.name, QStringLiteral("direct"));
                continue;
            }
            if (const Result<void> opened = self->openTunnel(pod); !opened) {
                probe->done(opened.error());
                return;
            }
        }
        probe->done(probe->addresses);
    };
    QList<PodInfo> undecided;
    for (const PodInfo &pod : pods) {
        if (!m_directOk.contains(pod.ip))
            undecided.append(pod);
    }
    probe->remaining = int(undecided.size()) + 1;
    for (const PodInfo &pod : std::as_const(undecided)) {
        auto *connection = new RedisConnection(NodeAddress{pod.ip, kRedisPort}, this);
        auto decide = [self, connection, ip = pod.ip, finishProbe](bool ok) {
            if (self && !self->m_directOk.contains(ip))
                self->m_directOk.insert(ip, ok);
            connection->disconnect(self.data());
            connection->deleteLater();
            finishProbe();
        };
        // Only connect matters (AUTH may be needed later through the pool); a refused or silent
        // address goes through a tunnel.
        connect(
            connection, &RedisConnection::connected, this, [decide] { decide(true); },
            Qt::SingleShotConnection);
        connect(
            connection, &RedisConnection::errorOccurred, this, [decide] { decide(false); },
            Qt::SingleShotConnection);
        connection->connectToNode(m_probeTimeoutMs);
    }
    QTimer::singleShot(0, this, finishProbe);
}

} // namespace rcs
