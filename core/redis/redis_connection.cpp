#include "redis_connection.h"

#include "common/logging.h"

#include <QNetworkProxy>
#include <QSslConfiguration>
#include <QSslSocket>

#include <hiredis/hiredis.h>

#include <vector>

namespace rcs {

namespace {
QString seconds(int ms)
{
    return QString::number(ms / 1000.0, 'f', 1) + QStringLiteral(" s");
}
} // namespace

RedisConnection::RedisConnection(NodeAddress address, QObject *parent)
    : QObject(parent)
    , m_address(std::move(address))
{
    m_connectTimer.setSingleShot(true);
    m_commandTimer.setSingleShot(true);
    connect(&m_connectTimer, &QTimer::timeout, this, [this] {
        closeWith(Error(ErrorCode::Timeout,
                        tr("Could not connect to %1 within %2: no answer. Check that the address "
                           "is reachable from this machine and that redis-server runs there.")
                            .arg(m_address.toString(), seconds(m_connectTimeoutMs))),
                  true);
    });
    connect(&m_commandTimer, &QTimer::timeout, this, &RedisConnection::onCommandTimer);
}

RedisConnection::~RedisConnection()
{
    // Pending callbacks are dropped with m_pending.
    releaseSocket();
}

void RedisConnection::setCredentials(const QString &password, const QString &user)
{
    m_password = password;
    m_user = user;
}

QString RedisConnection::commandName(const QList<QByteArray> &argv)
{
    if (argv.isEmpty())
        return tr("(empty command)");
    static const QList<QByteArray> withSubcommand = {"CLUSTER",  "CONFIG", "CLIENT", "ACL",
                                                     "FUNCTION", "SCRIPT", "MEMORY", "OBJECT"};
    const QByteArray first = argv.first().toUpper();
    if (argv.size() > 1 && withSubcommand.contains(first))
        return QString::fromLatin1(first + ' ' + argv.at(1).toUpper());
    return QString::fromLatin1(first);
}

void RedisConnection::connectToNode(int timeoutMs)
{
    if (m_state != State::Unconnected)
        return;
    m_state = State::Connecting;
    m_connectTimeoutMs = timeoutMs;
    ++m_attempt;
    m_connectTimer.start(timeoutMs);

    if (!m_password.isEmpty()) {
        Pending auth;
        auth.argv = {"AUTH"};
        if (!m_user.isEmpty())
            auth.argv.append(m_user.toUtf8());
        auth.argv.append(m_password.toUtf8());
        auth.name = QStringLiteral("AUTH");
        auth.timeoutMs = timeoutMs;
        auth.deadline = QDeadlineTimer(timeoutMs);
        auth.callback = [this](Result<RedisReply> reply) {
            if (m_state != State::Connecting)
                return;
            if (!reply && reply.error().code() == ErrorCode::RedisError) {
                QString why = reply.error().detail();
                while (why.endsWith(QLatin1Char('.')))
                    why.chop(1);
                closeWith(Error(ErrorCode::Unauthorized,
                                tr("%1 rejected the credentials (%2); check the password%3.")
                                    .arg(m_address.toString(), why,
                                         m_user.isEmpty() ? QString() : tr(" and user name"))),
                          true);
                return;
            }
            if (!reply)
                return; // the link failed; closeWith() reports it
            m_state = State::Connected;
            m_connectTimer.stop();
            Q_EMIT connected();
        };
        enqueue(std::move(auth));
    }

    startSocket();
}

QSslCertificate RedisConnection::peerCertificate() const
{
    return m_socket && m_linkReady ? m_socket->peerCertificate() : QSslCertificate();
}

void RedisConnection::startSocket()
{
    QSslConfiguration configuration;
    if (m_tls.enabled) {
        if (!QSslSocket::supportsSsl()) {
            reportLater(Error(ErrorCode::ConnectionFailed,
                              tr("Cannot connect to %1 with TLS: this build of Qt has no TLS backend "
                                 "(OpenSSL 3 not found); install libssl3.")
                                  .arg(m_address.toString())));
            return;
        }
        Result<QSslConfiguration> loaded = sslConfigurationFor(m_tls);
        if (!loaded) {
            reportLater(Error(
                ErrorCode::InvalidInput,
                tr("Cannot connect to %1 with TLS: %2").arg(m_address.toString(), loaded.error().message())));
            return;
        }
        configuration = loaded.value();
    }
    m_reader = redisReaderCreate();
    m_sslErrors.clear();
    m_linkReady = false;
    m_answered = false;
    // A QSslSocket that is never asked to encrypt is a plain TCP socket: one code path for both.
    m_socket = new QSslSocket;
    // Nodes are reached directly or through our own tunnel, as hiredis did: never through a proxy the
    // application may have set for the Kubernetes API.
    m_socket->setProxy(QNetworkProxy::NoProxy);
    connect(m_socket, &QSslSocket::readyRead, this, &RedisConnection::onReadyRead);
    connect(m_socket, &QSslSocket::errorOccurred, this, &RedisConnection::onSocketError);
    connect(m_socket, &QSslSocket::disconnected, this, &RedisConnection::onSocketError);
    connect(m_socket, &QSslSocket::sslErrors, this,
            [this](const QList<QSslError> &errors) { m_sslErrors = errors; });
    if (m_tls.enabled) {
        connect(m_socket, &QSslSocket::encrypted, this, &RedisConnection::onLinkReady);
        m_socket->setSslConfiguration(configuration);
        // Host names are resolved by the socket without blocking; the peer name is what the
        // certificate must carry, which differs from the host when connecting by IP or tunnel.
        m_socket->connectToHostEncrypted(m_address.host, m_address.port,
                                         m_tls.peerName.isEmpty() ? m_address.host : m_tls.peerName);
    } else {
        connect(m_socket, &QSslSocket::connected, this, &RedisConnection::onLinkReady);
        m_socket->connectToHost(m_address.host, m_address.port);
    }
}

void RedisConnection::reportLater(const Error &error)
{
    // From the event loop, as for every other outcome of connectToNode().
    const quint64 attempt = m_attempt;
    QTimer::singleShot(0, this, [this, attempt, error] {
        if (attempt == m_attempt && m_state == State::Connecting)
            closeWith(error, true);
    });
}

void RedisConnection::onLinkReady()
{
    m_linkReady = true;
    m_socket->setSocketOption(QAbstractSocket::LowDelayOption, 1); // pipelined batches go out at once
    for (Pending &pending : m_pending) {
        if (!pending.sent)
            send(pending);
    }
    if (m_password.isEmpty() && m_state == State::Connecting) {
        m_state = State::Connected;
        m_connectTimer.stop();
        Q_EMIT connected();
    }
}

void RedisConnection::disconnectFromNode()
{
    if (m_state == State::Unconnected)
        return;
    closeWith(
        Error(
            ErrorCode::Cancelled,
            tr("The connection to %1 was closed before the command was answered.").arg(m_address.toString())),
        false);
}

void RedisConnection::command(const QList<QByteArray> &argv, Callback callback, int timeoutMs)
{
    Pending pending;
    pending.callback = std::move(callback);
    pending.argv = argv;
    pending.timeoutMs = timeoutMs;
    enqueue(std::move(pending));
}

void RedisConnection::command(const QList<QByteArray> &argv, const QObject *context, Callback callback,
                              int timeoutMs)
{
    Pending pending;
    pending.callback = std::move(callback);
    pending.context = context;
    pending.hasContext = true;
    pending.argv = argv;
    pending.timeoutMs = timeoutMs;
    enqueue(std::move(pending));
}

void RedisConnection::enqueue(Pending pending)
{
    pending.seq = m_nextSeq++;
    if (pending.name.isEmpty())
        pending.name = commandName(pending.argv);
    if (m_state == State::Unconnected || pending.argv.isEmpty()) {
        const QString why = pending.argv.isEmpty() ? tr("the command is empty") : tr("not connected");
        m_ready.push_back(
            {std::move(pending.callback), pending.context, pending.hasContext,
             Error(ErrorCode::ConnectionFailed,
                   tr("Cannot send %1 to %2: %3.").arg(pending.name, m_address.toString(), why))});
        scheduleDelivery();
        return;
    }
    pending.deadline = QDeadlineTimer(pending.timeoutMs);
    armCommandTimer(pending.deadline);
    m_pending.push_back(std::move(pending));
    if (m_linkReady)
        send(m_pending.back());
}

void RedisConnection::send(Pending &pending)
{
    std::vector<const char *> argv;
    std::vector<size_t> lengths;
    argv.reserve(pending.argv.size());
    lengths.reserve(pending.argv.size());
    for (const QByteArray &arg : std::as_const(pending.argv)) {
        argv.push_back(arg.constData());
        lengths.push_back(static_cast<size_t>(arg.size()));
    }
    char *formatted = nullptr;
    const int length =
        redisFormatCommandArgv(&formatted, static_cast<int>(argv.size()), argv.data(), lengths.data());
    pending.argv.clear();
    pending.sent = true;
    if (length < 0) {
        // Only a failed allocation makes formatting fail; the link is not at fault.
        const quint64 seq = pending.seq;
        for (auto it = m_pending.begin(); it != m_pending.end(); ++it) {
            if (it->seq == seq) {
                m_ready.push_back(
                    {std::move(it->callback), it->context, it->hasContext,
                     Error(ErrorCode::Internal,
                           tr("Out of memory while talking to %1.").arg(m_address.toString()))});
                m_pending.erase(it);
                break;
            }
        }
        scheduleDelivery();
        return;
    }
    // The socket buffers the bytes and writes them from the event loop, so a burst of commands leaves
    // in few packets (pipelining); a failed write shows up as the socket's error.
    m_socket->write(formatted, length);
    redisFreeCommand(formatted);
}

void RedisConnection::armCommandTimer(const QDeadlineTimer &deadline)
{
    const qint64 remaining = qMax<qint64>(0, deadline.remainingTime());
    if (!m_commandTimer.isActive() || remaining < m_commandTimer.remainingTime())
        m_commandTimer.start(static_cast<int>(qMin<qint64>(remaining, std::numeric_limits<int>::max())));
}

void RedisConnection::onCommandTimer()
{
    // Coarse timers may fire a little early: only an expired deadline counts.
    QDeadlineTimer earliest = QDeadlineTimer::Forever;
    for (const Pending &pending : m_pending) {
        if (pending.deadline.hasExpired()) {
            closeWith(Error(ErrorCode::Timeout,
                            tr("%1 did not answer %2 within %3.")
                                .arg(m_address.toString(), pending.name, seconds(pending.timeoutMs))),
                      true);
            return;
        }
        earliest = qMin(earliest, pending.deadline);
    }
    if (!m_pending.empty())
        armCommandTimer(earliest);
}

void RedisConnection::onReadyRead()
{
    const QByteArray bytes = m_socket->readAll();
    if (redisReaderFeed(m_reader, bytes.constData(), static_cast<size_t>(bytes.size())) != REDIS_OK) {
        closeWith(
            Error(ErrorCode::Internal, tr("Out of memory while talking to %1.").arg(m_address.toString())),
            true);
        return;
    }
    while (true) {
        void *parsed = nullptr;
        if (redisReaderGetReply(m_reader, &parsed) != REDIS_OK) {
            closeWith(Error(ErrorCode::Protocol,
                            tr("%1 sent something that is not a Redis reply (%2); is it a Redis server?")
                                .arg(m_address.toString(), QString::fromLocal8Bit(m_reader->errstr))),
                      true);
            return;
        }
        if (!parsed)
            break;
        auto *reply = static_cast<redisReply *>(parsed);
        m_answered = true;
        // Replies come in the order the commands were written; anything else is not Redis.
        if (m_pending.empty() || !m_pending.front().sent) {
            freeReplyObject(reply);
            closeWith(
                Error(ErrorCode::Protocol,
                      tr("%1 sent a reply to no command; is it a Redis server?").arg(m_address.toString())),
                true);
            return;
        }
        Pending &pending = m_pending.front();
        m_ready.push_back(
            {std::move(pending.callback), pending.context, pending.hasContext, resultFor(reply)});
        m_pending.pop_front();
        freeReplyObject(reply);
    }
    if (m_pending.empty())
        m_commandTimer.stop();
    deliver();
}

void RedisConnection::onSocketError()
{
    if (!m_socket)
        return;
    closeWith(socketFailure(), true);
}

Error RedisConnection::socketFailure() const
{
    const QString node = m_address.toString();
    const QAbstractSocket::SocketError code = m_socket->error();
    const QString why = m_socket->errorString();
    const bool tlsError = code == QAbstractSocket::SslHandshakeFailedError ||
                          code == QAbstractSocket::SslInternalError ||
                          code == QAbstractSocket::SslInvalidUserDataError;
    if (code == QAbstractSocket::HostNotFoundError) {
        return Error(ErrorCode::ConnectionFailed,
                     tr("Could not resolve the host name of %1 (%2); check the address.").arg(node, why));
    }
    // With TLS 1.3 the client finishes its handshake first; a server that then rejects the client
    // (no certificate) closes before any reply, which is still a failed handshake.
    if (m_tls.enabled && !m_answered && (tlsError || !m_sslErrors.isEmpty())) {
        const QString peer = m_tls.peerName.isEmpty() ? m_address.host : m_tls.peerName;
        return Error(ErrorCode::ConnectionFailed, tlsHandshakeFailure(node, m_sslErrors, peer, why));
    }
    if (!m_linkReady) {
        return Error(ErrorCode::ConnectionFailed,
                     tr("Could not connect to %1: %2. Check that redis-server runs there.").arg(node, why));
    }
    if (code == QAbstractSocket::RemoteHostClosedError || code == QAbstractSocket::UnknownSocketError) {
        if (!m_answered && !m_tls.enabled) {
            // A TLS port drops a client that speaks plain RESP right away, without a word.
            return Error(ErrorCode::ConnectionFailed,
                         tr("%1 closed the connection before answering; if the node expects TLS (tls-port), "
                            "connect with TLS.")
                             .arg(node));
        }
        return Error(ErrorCode::ConnectionFailed,
                     tr("Lost the connection to %1: %2.").arg(node, tr("Server closed the connection")));
    }
    return Error(ErrorCode::ConnectionFailed,
                 tr("Lost the connection to %1: %2.").arg(node, why.isEmpty() ? tr("I/O error") : why));
}

Result<RedisReply> RedisConnection::resultFor(const redisReply *reply) const
{
    if (reply->type == REDIS_REPLY_ERROR) {
        const QString text = QString::fromUtf8(reply->str, static_cast<qsizetype>(reply->len));
        // The detail holds the bare server text so callers can match on it ("ERR Slot 0 is already busy").
        return Error(ErrorCode::RedisError, tr("%1 answered: %2").arg(m_address.toString(), text), text);
    }
    return RedisReply::fromHiredis(reply);
}

void RedisConnection::closeWith(const Error &error, bool reportError)
{
    QPointer<RedisConnection> self(this);
    const bool wasConnected = m_state == State::Connected;
    releaseSocket();
    m_state = State::Unconnected;
    ++m_attempt;
    m_connectTimer.stop();
    m_commandTimer.stop();
    for (Pending &pending : m_pending)
        m_ready.push_back({std::move(pending.callback), pending.context, pending.hasContext, error});
    m_pending.clear();
    if (reportError)
        qCDebug(lcRedis) << error.message();
    deliver();
    if (!self)
        return;
    if (reportError) {
        Q_EMIT errorOccurred(error);
        if (!self)
            return;
    }
    if (wasConnected)
        Q_EMIT disconnected();
}

void RedisConnection::releaseSocket()
{
    if (m_socket) {
        // Disconnected first: the socket's last signals (aborted, disconnected) must not come back here.
        m_socket->disconnect(this);
        m_socket->abort();
        m_socket->deleteLater();
        m_socket = nullptr;
    }
    if (m_reader) {
        redisReaderFree(m_reader);
        m_reader = nullptr;
    }
    m_linkReady = false;
}

void RedisConnection::scheduleDelivery()
{
    if (m_deliveryScheduled)
        return;
    m_deliveryScheduled = true;
    QMetaObject::invokeMethod(
        this,
        [this] {
            m_deliveryScheduled = false;
            deliver();
        },
        Qt::QueuedConnection);
}

void RedisConnection::deliver()
{
    // A callback may issue commands, close the link or destroy this object; a nested call leaves the
    // remaining entries to the outer loop so the order is kept.
    if (m_delivering)
        return;
    m_delivering = true;
    QPointer<RedisConnection> self(this);
    while (!m_ready.empty()) {
        Ready ready = std::move(m_ready.front());
        m_ready.pop_front();
        if (ready.hasContext && !ready.context)
            continue;
        if (ready.callback)
            ready.callback(std::move(ready.result));
        if (!self)
            return;
    }
    m_delivering = false;
}

} // namespace rcs
