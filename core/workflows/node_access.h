#pragma once

#include "common/result.h"
#include "redis/node_address.h"

#include <QHash>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QString>

#include <functional>
#include <optional>

namespace rcs {

class KubeClient;
class PortForward;
class RedisPool;
struct PodInfo;

// How the desktop reaches a pod's port 6379 (DESIGN §3).
enum class AccessMode { Auto, Direct, Tunnel };
QString accessModeName(AccessMode mode); // "auto", "direct", "tunnel"
std::optional<AccessMode> parseAccessMode(const QString &text);

// Makes pods reachable through a RedisPool. Callers always use the cluster address (pod IP:6379): it is
// what peers print and what MEET / REPLICATE name. In tunnel mode the pool gets a route from that
// address to a local port-forward (one PortForward per pod, kept while the pod keeps its IP); in auto
// mode a pod is tried directly with a short connect timeout first, and tunnelled only if that fails.
//
// Error behaviour: prepare() fails (ConnectionFailed) when a tunnel cannot listen on a local port, or
// (InvalidInput) when a pod has no IP yet; an unreachable pod is not an error here — the jobs that talk
// to it report that.
class NodeAccess final : public QObject {
    Q_OBJECT
public:
    static constexpr quint16 kRedisPort = 6379;
    static constexpr int kDefaultProbeTimeoutMs = 1500;

    NodeAccess(KubeClient *client, RedisPool *pool, QString ns, AccessMode mode, QObject *parent = nullptr);
    ~NodeAccess() override;

    AccessMode mode() const { return m_mode; }
    // The domain of the pods' DNS names ("redis-service.NS.svc.cluster.local"): prepare() gives the pool
    // each pod's name under it as the TLS peer name, since the socket goes to a pod IP or a tunnel.
    void setPeerDomain(const QString &domain) { m_peerDomain = domain; }
    void setProbeTimeout(int ms) { m_probeTimeoutMs = ms; }

    // Prepares a route to every pod and hands back their cluster addresses, in the pods' order.
    void prepare(const QList<PodInfo> &pods, const QObject *context,
                 std::function<void(Result<QList<NodeAddress>>)> done);
    // "direct" or "tunnel via 127.0.0.1:PORT" for a pod prepared before; empty if unknown.
    QString routeOf(const QString &podName) const { return m_routes.value(podName); }
    // Closes every tunnel.
    void close();

private:
    Result<void> openTunnel(const PodInfo &pod);

    QPointer<KubeClient> m_client;
    QPointer<RedisPool> m_pool;
    QString m_ns;
    AccessMode m_mode = AccessMode::Auto;
    int m_probeTimeoutMs = kDefaultProbeTimeoutMs;
    QString m_peerDomain;
    QHash<QString, PortForward *> m_forwards; // by pod name
    QHash<QString, QString> m_forwardIps;     // the pod IP each tunnel was opened for
    QHash<QString, QString> m_routes;         // pod name → description
    QHash<QString, bool> m_directOk;          // pod IP → direct probe result (auto mode)
};

} // namespace rcs
