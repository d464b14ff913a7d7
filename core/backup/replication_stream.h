#pragma once

#include "backup/node_link.h"
#include "backup/rdb_reader.h"
#include "common/job.h"
#include "redis/node_address.h"
#include "redis/redis_tls_options.h"

#include <QByteArray>
#include <QList>
#include <QSslError>
#include <QTimer>

#include <functional>

class QSslSocket;

namespace rcs {
class RedisPool;
}

namespace rcs::backup {

// Takes one node's data as an RDB through the replication protocol, as `redis-cli --rdb` does: AUTH,
// REPLCONF capa eof, SYNC, then the payload the master sends (`$<length>` or, from a diskless master,
// `$EOF:<40-byte marker>` … marker), skipping the "\n" keep-alives it writes while it prepares the snapshot.
// Every chunk goes to the sink and into an RdbReader, so a damaged stream fails at its first bad byte and the
// records (keys) reach the record handler as they arrive. The link is closed as soon as the RDB is complete:
// the master then drops the pseudo-replica.
//
// The socket is a NodeLink (node_link.h: the pool's route, TLS options and credentials): hiredis
// cannot carry a raw payload, so this job owns its own socket rather than a RedisConnection.
//
// Errors name the node: refused or lost link (ConnectionFailed), rejected password (Unauthorized), a
// refused SYNC (RedisError, e.g. a replica that is not in sync or a user without SYNC permission), no
// byte for idleTimeoutMs (Timeout), a damaged RDB (InvalidInput), a sink that failed (its error).
class ReplicationStream final : public Job {
    Q_OBJECT
public:
    using Sink = std::function<Result<void>(QByteArrayView chunk)>;
    using RecordHandler = std::function<Result<void>(QList<RdbRecord> records)>;

    static constexpr int DefaultIdleTimeoutMs = 60000;

    ReplicationStream(RedisPool *pool, NodeAddress node, QObject *parent = nullptr);
    ~ReplicationStream() override;

    void setSink(Sink sink) { m_sink = std::move(sink); }
    void setRecordHandler(RecordHandler handler) { m_recordHandler = std::move(handler); }
    // No byte for this long (while the master prepares the RDB it sends a "\n" every second) fails.
    void setIdleTimeoutMs(int ms) { m_idleTimeoutMs = ms; }

    const NodeAddress &node() const { return m_node; }
    qint64 bytesReceived() const { return m_payloadBytes; }
    qint64 payloadSize() const { return m_payloadSize; } // -1 until known, and for the EOF-marker form
    int rdbVersion() const { return m_reader.version(); }

protected:
    void doStart() override;
    void doCancel() override;

private:
    enum class Phase { Connecting, Auth, Capability, Header, Payload, Done };

    void onLinkReady();
    void askForRdb();
    void onReadyRead();
    void onSocketGone();
    void onIdle();
    void sendCommand(const QList<QByteArray> &argv);
    // The link's reply line (without "\r\n") once complete, else nullopt.
    std::optional<QByteArray> takeLine();
    void readHeader();
    void readPayload(QByteArray data);
    void deliver(QByteArrayView chunk);
    void complete();
    void stop(const Error &error);
    void closeSocket();

    RedisPool *m_pool;
    NodeAddress m_node; // the cluster address (named in messages)
    NodeLink m_link;    // where the socket goes, with which TLS options
    QString m_password;
    QString m_user;
    QSslSocket *m_socket = nullptr;
    QList<QSslError> m_sslErrors;
    QTimer m_idle;
    int m_idleTimeoutMs = DefaultIdleTimeoutMs;
    Phase m_phase = Phase::Connecting;
    QByteArray m_buffer; // unparsed reply bytes before the payload
    QByteArray m_marker; // the EOF form's 40-byte end marker
    QByteArray m_tail;   // EOF form: the last bytes held back until they are known not to be the marker
    qint64 m_payloadSize = -1;
    qint64 m_payloadBytes = 0;
    RdbReader m_reader;
    Sink m_sink;
    RecordHandler m_recordHandler;
};

} // namespace rcs::backup
