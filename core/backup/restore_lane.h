#pragma once

#include "backup/node_link.h"
#include "common/result.h"
#include "redis/node_address.h"

#include <QByteArray>
#include <QList>
#include <QObject>
#include <QSslError>
#include <QTimer>

#include <deque>

namespace rcs {
class RedisPool;
}

namespace rcs::backup {

// One target master's pipeline of RESTORE commands over its own NodeLink. The restore's hot path: a
// command's bytes are built straight into the output buffer (appendRestoreCommand) and the replies are
// only counted (RESTORE answers +OK or an error line), so a key costs no command object, callback or
// hiredis formatting as a RedisConnection command would. The caller keeps at most a window of commands
// in flight (inFlight()). AUTH goes first when the pool has a password.
//
// A BUSYKEY answer (the key exists and REPLACE was not given) is counted with the first few names and
// is no error. Any other error answer, a lost link or no reply for idleTimeoutMs fails the lane
// (failed(), naming the node and the key).
class RestoreLane final : public QObject {
    Q_OBJECT
public:
    static constexpr int DefaultIdleTimeoutMs = 60000;
    static constexpr int ExistingSampleSize = 10;

    RestoreLane(RedisPool *pool, NodeAddress node, QObject *parent = nullptr);
    ~RestoreLane() override;

    const NodeAddress &node() const { return m_node; }
    // Starts connecting; commands given before the link is up are sent once it is.
    Result<void> open();
    void restore(const QByteArray &key, qint64 ttlMs, QByteArrayView payload, bool replace);
    // Writes what restore() buffered since the last flush.
    void flush();
    void close();

    int inFlight() const { return int(m_keys.size()); }
    qint64 restored() const { return m_restored; }
    qint64 existing() const { return m_existing; }
    const QList<QByteArray> &existingSample() const { return m_existingSample; }

Q_SIGNALS:
    // Replies arrived: there is room in the window again (and the lane may be idle).
    void answered();
    void failed(const rcs::Error &error);

private:
    void onLinkReady();
    void onReadyRead();
    void onSocketGone();
    void onIdle();
    // Consumes the complete replies at the start of m_in; false when the lane failed.
    bool parseReplies();
    void stop(const Error &error);

    RedisPool *m_pool;
    NodeAddress m_node;
    NodeLink m_link;
    QList<QSslError> m_sslErrors;
    QByteArray m_auth; // the AUTH command, sent first; empty without a password
    bool m_authPending = false;
    bool m_ready = false;
    bool m_failed = false;
    QByteArray m_out;              // commands not yet written
    QByteArray m_in;               // reply bytes not yet parsed
    std::deque<QByteArray> m_keys; // the keys of the commands in flight, in order
    QTimer m_idle;
    qint64 m_restored = 0;
    qint64 m_existing = 0;
    QList<QByteArray> m_existingSample;
};

} // namespace rcs::backup
