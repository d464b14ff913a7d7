#pragma once

#include "redis/node_address.h"
#include "redis/redis_connection.h"
#include "redis/server_identity.h"

#include <QHash>
#include <QList>
#include <QObject>
#include <QPointer>

#include <functional>
#include <optional>
#include <utility>

namespace rcs {

struct RedisConnectionOptions {
    QString password; // empty: no AUTH
    QString user;     // empty: AUTH with the password only (the "default" user)
    int connectTimeoutMs = RedisConnection::DefaultConnectTimeoutMs;
    int commandTimeoutMs = RedisConnection::DefaultCommandTimeoutMs;
    RedisTlsOptions tls; // off: plain TCP
};

// One reply per node, in the order the nodes were given.
struct NodeReply {
    NodeAddress address;
    Result<RedisReply> reply;
};

// Connections to many nodes, opened on first use and shared by every job that talks to the same
// nodes, plus "the same command on every node, in parallel" with the results collected.
//
// A connection that failed is replaced by a fresh one on the next use, so a poll loop reconnects to a
// node that came back. Callbacks follow RedisConnection's rules: never after the pool or the given
// context object is gone.
class RedisPool final : public QObject {
    Q_OBJECT
public:
    explicit RedisPool(QObject *parent = nullptr);
    ~RedisPool() override;

    void setOptions(const RedisConnectionOptions &options) { m_options = options; }
    const RedisConnectionOptions &options() const { return m_options; }
    // The certificate address presented to the pool's main connection (null: plain TCP, or no link).
    QSslCertificate servedCertificate(const NodeAddress &address) const;
    // The TLS options a connection to address uses.
    RedisTlsOptions tlsOptionsFor(const NodeAddress &address) const;

    // Where to connect for a cluster address (pod IP:port) when it is not reachable as is: a local
    // port-forward endpoint (NodeAccess tunnel mode). Callers keep using the cluster address, which is
    // what peers print and what MEET/REPLICATE name; only the socket goes to the route. Setting a route
    // closes an existing connection to that address; its pending commands fail with Cancelled.
    void setRoute(const NodeAddress &clusterAddress, const NodeAddress &connectAddress);
    void clearRoutes();
    NodeAddress routeFor(const NodeAddress &clusterAddress) const
    {
        return m_routes.value(clusterAddress, clusterAddress);
    }
    // The connection to address, connecting if it is new or its previous link failed. Channels other
    // than 0 are further connections to the same node: a server answers the commands of one connection
    // in order, so a command that blocks (Valkey's CLUSTER SETSLOT waits for the replicas) holds up
    // everything behind it on its connection but nothing on another.
    RedisConnection *connection(const NodeAddress &address, int channel = 0);
    void command(const NodeAddress &address, const QList<QByteArray> &argv, const QObject *context,
                 RedisConnection::Callback callback, int timeoutMs = 0, int channel = 0);
    // Sends argv to every address at once; done receives every reply (or error) once all answered.
    // timeoutMs 0 means options().commandTimeoutMs.
    void commandAll(const QList<NodeAddress> &addresses, const QList<QByteArray> &argv,
                    const QObject *context, std::function<void(QList<NodeReply>)> done, int timeoutMs = 0);
    // Same, with a command built per node (e.g. CLUSTER MEET naming a different peer).
    void commandEach(const QList<NodeAddress> &addresses,
                     const std::function<QList<QByteArray>(const NodeAddress &)> &argvFor,
                     const QObject *context, std::function<void(QList<NodeReply>)> done, int timeoutMs = 0);
    // Closes one connection (a channel other than 0 that a job opened for itself); its pending commands
    // fail with Cancelled. Nothing happens when it is not open.
    void closeChannel(const NodeAddress &address, int channel);
    // Closes every connection; their pending commands fail with Cancelled.
    void closeAll();

    // Which server runs at address, as learned on the current connection to it (see
    // fetchServerIdentity()); forgotten when the connection is replaced, since a node restarted on the
    // same address may run another binary (an upgrade).
    std::optional<ServerIdentity> serverIdentity(const NodeAddress &address) const;
    void rememberServerIdentity(const NodeAddress &address, const ServerIdentity &identity);
    // The cli every node read so far calls for ("valkey-cli" when all run Valkey), or nullopt when none
    // was read or they differ.
    std::optional<QString> commonCliName() const;

private:
    void retire(QPointer<RedisConnection> connection);

    using ConnectionKey = std::pair<NodeAddress, int>; // address, channel
    void retireAll(const NodeAddress &address);

    RedisConnectionOptions m_options;
    QHash<ConnectionKey, QPointer<RedisConnection>> m_connections;
    QHash<NodeAddress, NodeAddress> m_routes;
    QHash<NodeAddress, ServerIdentity> m_identities;
};

} // namespace rcs
