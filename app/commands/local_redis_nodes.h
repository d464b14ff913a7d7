#pragma once

#include "common/result.h"
#include "redis/node_address.h"

#include <QList>
#include <QProcess>
#include <QTemporaryDir>

#include <memory>
#include <vector>

namespace rcs::cli {

// Throw-away redis-server processes for the `demo` command: node i on its own loopback address
// 127.0.K.i, port 6379 (Linux routes all of 127/8 to lo without setup), cluster-enabled, AOF and
// nodes.conf in a temporary folder, bind-source-addr on Redis 7+ so cluster-bus handshakes leave from
// the node's own address. Stopped (SIGTERM, then SIGKILL) and deleted on destruction.
class LocalRedisNodes final {
public:
    LocalRedisNodes() = default;
    ~LocalRedisNodes();

    // Starts count nodes and waits (bounded) until each answers PING. Errors: redis-server missing
    // (NotFound), no free loopback block (Io), a node that exits or stays silent (its output attached).
    Result<void> start(int count, int timeoutMs = 20000);
    QList<NodeAddress> addresses() const;
    void stop();

private:
    struct Node {
        NodeAddress address;
        std::unique_ptr<QProcess> process;
    };
    QTemporaryDir m_root;
    std::vector<Node> m_nodes;
};

} // namespace rcs::cli
