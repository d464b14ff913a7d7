#pragma once

#include "common/result.h"
#include "redis/node_address.h"
#include "redis/redis_reply.h"
#include "redis/redis_tls_options.h"

#include <QByteArray>
#include <QDeadlineTimer>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QSslCertificate>
#include <QSslError>
#include <QTimer>

#include <deque>
#include <functional>

class QSslSocket;
struct redisReader;
struct redisReply;

namespace rcs {

// One connection to one Redis node on the Qt event loop (never blocking), with a connect timeout, a
// per-command timeout, pipelining, optional AUTH and optional TLS. A QSslSocket carries the bytes (it is
// a plain TCP socket unless TLS is on); hiredis only formats the commands and parses the replies, so the
// reply parser is the one every Redis client in C uses, and TLS is Qt's (hiredis 0.14 has none).
//
// Commands may be issued as soon as connectToNode() was called; they are sent (pipelined) once the
// socket is connected, after AUTH. Callbacks run in the order the commands were issued, always from the
// event loop (never from inside command()), and never after the connection — or the context object
// given to command() — was destroyed.
//
// Error behaviour (every error names the node, e.g. "127.0.0.5:6379 answered: ERR …"):
// - a top-level error reply gives ErrorCode::RedisError and leaves the connection usable;
// - connection refused / lost, or a failed TLS handshake ("127.0.5.1:6379: TLS handshake failed: the
//   certificate is not signed by the cluster's CA (…)") gives ConnectionFailed, a protocol violation
//   Protocol, a rejected password Unauthorized; the connection then fails every pending command, emits
//   errorOccurred() and goes back to Unconnected;
// - a connect or command timeout gives Timeout and closes the connection: with pipelining, replies of
//   later commands cannot be told apart from the late reply, so nothing after a timeout is trusted.
class RedisConnection final : public QObject {
    Q_OBJECT
public:
    using Callback = std::function<void(Result<RedisReply>)>;
    enum class State { Unconnected, Connecting, Connected };

    static constexpr int DefaultConnectTimeoutMs = 3000;
    static constexpr int DefaultCommandTimeoutMs = 5000;

    explicit RedisConnection(NodeAddress address, QObject *parent = nullptr);
    ~RedisConnection() override;

    const NodeAddress &address() const { return m_address; }
    State state() const { return m_state; }
    bool isConnected() const { return m_state == State::Connected; }
    // Commands issued and not yet answered.
    int pendingCount() const { return static_cast<int>(m_pending.size()); }

    // Sent as AUTH [user] password right after connecting; an empty password sends no AUTH. Applies to
    // the next connectToNode(). The password never appears in errors or logs.
    void setCredentials(const QString &password, const QString &user = {});
    // TLS for the next connectToNode(); a certificate or key that cannot be loaded fails that connect
    // with InvalidInput.
    void setTlsOptions(const RedisTlsOptions &options) { m_tls = options; }
    const RedisTlsOptions &tlsOptions() const { return m_tls; }
    // The certificate the server presented on the current TLS link; null on a plain link or before the
    // handshake. A certificate rotation compares it with the one it installed.
    QSslCertificate peerCertificate() const;

    // Starts connecting (host names are resolved asynchronously); does nothing unless Unconnected.
    // connected() follows once the socket is up and AUTH (if any) was accepted; otherwise
    // errorOccurred() with ConnectionFailed, Timeout or Unauthorized.
    void connectToNode(int timeoutMs = DefaultConnectTimeoutMs);
    // Closes the connection; pending commands fail with Cancelled, disconnected() is emitted if it was
    // connected. No errorOccurred().
    void disconnectFromNode();

    // argv is sent as-is (binary safe). The callback receives the reply, or an Error as described above.
    // Issued while Unconnected, the command fails with ConnectionFailed (asynchronously).
    void command(const QList<QByteArray> &argv, Callback callback, int timeoutMs = DefaultCommandTimeoutMs);
    // Same, but the callback is dropped if context is destroyed first.
    void command(const QList<QByteArray> &argv, const QObject *context, Callback callback,
                 int timeoutMs = DefaultCommandTimeoutMs);

    // "CLUSTER NODES" for {"CLUSTER", "NODES"}: the name used in messages (never includes arguments).
    static QString commandName(const QList<QByteArray> &argv);

Q_SIGNALS:
    void connected();
    void disconnected();
    void errorOccurred(const rcs::Error &error);

private:
    struct Pending {
        quint64 seq = 0;
        Callback callback;
        QPointer<const QObject> context;
        bool hasContext = false;
        QDeadlineTimer deadline;
        int timeoutMs = 0;
        QString name;
        QList<QByteArray> argv; // kept only until sent
        bool sent = false;
    };
    struct Ready {
        Callback callback;
        QPointer<const QObject> context;
        bool hasContext = false;
        Result<RedisReply> result;
    };

    void enqueue(Pending pending);
    void send(Pending &pending);
    void startSocket();
    void onLinkReady();
    void onReadyRead();
    void onSocketError();
    void onCommandTimer();
    void armCommandTimer(const QDeadlineTimer &deadline);
    // Tears the link down: fails every pending command with error, emits errorOccurred (if
    // reportError) and disconnected (if it was connected).
    void closeWith(const Error &error, bool reportError);
    void releaseSocket();
    void deliver();
    void scheduleDelivery();
    void reportLater(const Error &error);
    Error socketFailure() const;
    Result<RedisReply> resultFor(const redisReply *reply) const;

    NodeAddress m_address;
    QString m_password;
    QString m_user;
    State m_state = State::Unconnected;
    RedisTlsOptions m_tls;
    // Deleted with deleteLater(): the link may be torn down from inside one of its own signals.
    QSslSocket *m_socket = nullptr;
    redisReader *m_reader = nullptr;
    QList<QSslError> m_sslErrors; // of the current handshake, for the failure message
    bool m_linkReady = false;     // connected, and encrypted when TLS is on: commands may be written
    bool m_answered = false;      // a reply arrived on the current link
    quint64 m_nextSeq = 1;
    quint64 m_attempt = 0;
    std::deque<Pending> m_pending;
    std::deque<Ready> m_ready;
    QTimer m_connectTimer;
    QTimer m_commandTimer;
    int m_connectTimeoutMs = DefaultConnectTimeoutMs;
    bool m_delivering = false;
    bool m_deliveryScheduled = false;
};

} // namespace rcs
