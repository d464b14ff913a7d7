#pragma once

#include "common/job.h"
#include "redis/node_address.h"
#include "redis/redis_reply.h"

#include <QByteArray>
#include <QList>

#include <optional>

namespace rcs {

class RedisPool;

// One console command, sent like `redis-cli -c` sends it: to start, and in FollowRedirects mode on
// to wherever a -MOVED (the slot lives elsewhere: go there and retry) or -ASK (the slot is migrating
// and this key already moved: ASKING then the command on the target, for this one command) points,
// at most MaxRedirects times. SingleNode mode sends to start only; a MOVED is the reply.
//
// The reply is a result, whatever its type: an error reply (NOPERM, WRONGTYPE, a MOVED in SingleNode
// mode) ends the job successfully with reply().isError(). Each redirect followed is announced as an
// info message the way redis-cli prints it ("-> Redirected to slot [N] located at HOST:PORT").
//
// Error behaviour: ConnectionFailed / Timeout / Unauthorized from the pool when a node does not
// answer; Protocol when a redirect cannot be read; Refused after MaxRedirects redirects (the cluster's
// slot map is changing under the command, or nodes disagree: check the cluster). The arguments never
// appear in messages (they may hold a password).
class ClusterCommandJob final : public Job {
    Q_OBJECT
public:
    enum class Mode { FollowRedirects, SingleNode };
    static constexpr int MaxRedirects = 16;

    struct Redirect {
        int slot = -1;
        NodeAddress address;
        bool ask = false; // false: MOVED
    };

    ClusterCommandJob(NodeAddress start, QList<QByteArray> argv, Mode mode, RedisPool *pool,
                      QObject *parent = nullptr);

    // The command's own timeout (0: the pool's command timeout).
    void setCommandTimeoutMs(int ms) { m_commandTimeoutMs = ms; }

    const RedisReply &reply() const { return m_reply; }
    // The node whose reply this is.
    const NodeAddress &answeredBy() const { return m_node; }
    const QList<Redirect> &redirects() const { return m_redirects; }

    // "-> Redirected to slot [N] located at HOST:PORT" (MOVED) or "-> Redirected (ASK) …".
    static QString redirectLine(const Redirect &redirect);
    // The redirect an error reply names, if it is a MOVED or ASK ("MOVED 3999 127.0.0.1:6381"); an empty
    // host means the node that answered (a server that does not know its peer's address announces it so).
    static std::optional<Redirect> parseRedirect(const QByteArray &error, const NodeAddress &from);

protected:
    void doStart() override;

private:
    void send(bool asking);

    NodeAddress m_node;
    QList<QByteArray> m_argv;
    Mode m_mode;
    RedisPool *m_pool;
    int m_commandTimeoutMs = 0;
    RedisReply m_reply;
    QList<Redirect> m_redirects;
};

} // namespace rcs
