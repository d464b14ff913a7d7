#pragma once

#include "common/result.h"
#include "redis/node_address.h"
#include "redis/redis_tls_options.h"
#include "support/loopback_range.h"

#include <QList>
#include <QMap>
#include <QObject>
#include <QProcess>
#include <QStringList>
#include <QTemporaryDir>
#include <QVersionNumber>

#include <memory>
#include <optional>

namespace rcs::test {

// TLS-only nodes (servers >= 6 built with TLS): port 0, tls-port 6379, tls-cluster yes and
// tls-replication yes, so clients, the cluster bus and replication all speak TLS as in a secured pod.
struct RedisTestTls {
    QString certFile; // the node's certificate (also its client certificate towards peers)
    QString keyFile;
    QString caFile;                                   // tls-ca-cert-file: verifies peers and clients
    QString authClients = QStringLiteral("optional"); // tls-auth-clients: no | optional | yes
    // How the harness connects for its own probes (CA, peer name, client certificate); enabled is implied.
    RedisTlsOptions client;
};

struct RedisTestNodeOptions {
    QString password;        // requirepass + masterauth when set
    QStringList extraConfig; // more redis.conf lines
    int startTimeoutMs = 30000;
    // Node index → the server binary it runs instead of serverBinary() (a cluster of mixed versions).
    QMap<int, QString> serverPerNode;
    std::optional<RedisTestTls> tls; // none: plain TCP on port 6379
};

// What a server binary says of itself with --version.
struct RedisServerBuild {
    QString name; // "redis" or "valkey"
    QVersionNumber version;
};

// Real redis-server processes for integration tests, started the way pods run them: node i listens on
// its own loopback address 127.0.K.i, port 6379, with its own data folder (appendonly, nodes.conf),
// cluster-enabled, cluster-node-timeout 5000, and — on Redis >= 7 — bind-source-addr set to its own
// address (otherwise cluster-bus connections leave from 127.0.0.1 and MEET handshakes never complete).
//
// The calls block the test (spinning the event loop) but every wait is bounded. Errors are clear
// sentences meant for QVERIFY2/QFAIL, including a missing redis-server binary and the tail of a node's
// output when it did not come up.
class RedisTestNodes final : public QObject {
    Q_OBJECT
public:
    using Options = RedisTestNodeOptions;

    explicit RedisTestNodes(QObject *parent = nullptr);
    ~RedisTestNodes() override; // kills whatever still runs

    // The redis-server to run: $RCS_REDIS_SERVER, else redis-server on PATH.
    static Result<QString> serverBinary();
    static Result<QVersionNumber> serverVersion();
    // From `binary --version` ("Valkey server v=8.0.1 …"); an empty binary means serverBinary().
    static Result<RedisServerBuild> serverBuild(const QString &binary = {});
    // A server binary of another version or engine than serverBinary(), for clusters of mixed
    // servers: $RCS_OTHER_REDIS_SERVER, else the first that differs of the matrix builds in
    // ${XDG_CACHE_HOME:-~/.cache}/redis-servers (6.2.16, then Valkey 8.0.1, then 5.0.5) and Debian's
    // /usr/bin/redis-server. NotFound, with what was looked at, when there is none.
    static Result<QString> otherServerBinary();
    // Where the matrix build of name ("redis-5.0.5", "redis-6.2.16", "valkey-8.0.1") has its server:
    // ${XDG_CACHE_HOME:-~/.cache}/redis-servers/<name>/src/redis-server (valkey-server for Valkey),
    // whether or not it was built.
    static QString matrixServerBinary(const QString &name);

    // Starts count fresh nodes and waits until each answers PING.
    Result<void> start(int count, const Options &options = {});
    int count() const { return static_cast<int>(m_nodes.size()); }
    NodeAddress address(int index) const;
    QList<NodeAddress> addresses() const;
    // "127.0.K.1:6379,127.0.K.2:6379,…" as given to --nodes.
    QString addressList() const;
    QString dataDir(int index) const;
    bool isRunning(int index) const;
    // The node's redis-server pid, 0 when it is not running (for SIGSTOP/SIGCONT in tests).
    qint64 processId(int index) const;

    // SIGTERM (redis saves nodes.conf and the AOF), bounded wait, then SIGKILL.
    Result<void> stop(int index);
    Result<void> stopAll();
    // SIGKILL: a crash, as when a Kubernetes node dies.
    Result<void> kill(int index);
    // Starts a stopped node again on its current address with its data.
    Result<void> restart(int index);
    // The total-failure scenario: every node stopped, then started on NEW addresses (a new loopback
    // block) with the same data folders, like pods rescheduled with new IPs.
    Result<void> restartAllOnNewAddresses();

    // The last lines the node printed or logged (its log is server.log in its data folder).
    QString outputTail(int index, int lines = 15) const;

private:
    struct Node {
        QString binary;
        QVersionNumber version;
        QString host;
        QString dataDir;
        std::unique_ptr<QProcess> process;
        QByteArray output;
    };
    Result<void> launch(int index);
    Result<void> waitForPing(const QList<int> &indexes);
    QString writeConfig(const Node &node) const;
    static QString logPath(const Node &node);

    Options m_options;
    std::unique_ptr<QTemporaryDir> m_root;
    std::shared_ptr<LoopbackRange> m_range;
    std::vector<std::shared_ptr<LoopbackRange>> m_oldRanges;
    std::vector<Node> m_nodes;
};

} // namespace rcs::test
