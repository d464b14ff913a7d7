#include "redis_connection.h"

#include "common/logging.h"
#include "redis/hiredis_qt_adapter.h"

#include <QHostAddress>
#include <QHostInfo>

#include <hiredis/async.h>
#include <hiredis/hiredis.h>

#include <vector>

namespace rcs {

// The C callbacks hiredis calls. They run inside hiredis: they only hand the facts to the owner, which
// records them; user code runs later, in RedisConnection::afterHiredis(). A context whose owner went
// away has data == nullptr, and its late callbacks are ignored.
struct RedisConnectionHooks {
    static RedisConnection *owner(const redisAsyncContext *context)
    {
        return static_cast<RedisConnection *>(context->data);
    }
    static void onConnect(const redisAsyncContext *context, int status)
    {
        if (RedisConnection *connection = owner(context))
            connection->hiredisConnected(status, context->c.errstr);
    }
    static void onDisconnect(const redisAsyncContext *context, int status)
    {
        if (RedisConnection *connection = owner(context))
            connection->hiredisDisconnected(status, context);
    }
    static void onReply(redisAsyncContext *context, void *reply, void *privdata)
    {
        if (RedisConnection *connection = owner(context))
            connection->hiredisReply(static_cast<quint64>(reinterpret_cast<quintptr>(privdata)),
                                     static_cast<const redisReply *>(reply), context);
    }
};

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
    // Pending callbacks are dropped: freeing the context calls them with data == nullptr.
    if (m_adapter) {
        m_adapter->detach();
        m_adapter->deleteLater();
    }
    if (m_context) {
        m_context->data = nullptr;
        redisAsyncFree(m_context);
    }
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
    m_failure = Error();
    m_released = false;
    m_announceConnected = false;
    m_connectTimeoutMs = timeoutMs;
    const quint64 attempt = ++m_attempt;
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

    QHostAddress ip;
    if (ip.setAddress(m_address.host)) {
        startHiredis(ip.toString());
        return;
    }
    // hiredis would resolve names with a blocking getaddrinfo(); resolve here without blocking.
    QHostInfo::lookupHost(m_address.host, this, [this, attempt](const QHostInfo &info) {
        if (attempt != m_attempt || m_state != State::Connecting)
            return;
        if (info.error() != QHostInfo::NoError || info.addresses().isEmpty()) {
            closeWith(Error(ErrorCode::ConnectionFailed,
                            tr("Could not resolve the host name of %1 (%2); check the address.")
                                .arg(m_address.toString(), info.errorString())),
                      true);
            return;
        }
        startHiredis(info.addresses().first().toString());
    });
}

void RedisConnection::startHiredis(const QString &ip)
{
    redisAsyncContext *context = redisAsyncConnect(ip.toLatin1().constData(), m_address.port);
    if (!context || context->c.err || context->c.fd < 0) {
        const QString reason = context ? QString::fromLocal8Bit(context->c.errstr) : tr("out of memory");
        if (context)
            redisAsyncFree(context);
        const Error error(ErrorCode::ConnectionFailed,
                          tr("Could not connect to %1: %2. Check that redis-server runs there.")
                              .arg(m_address.toString(), reason));
        // Report from the event loop, as for every other outcome of connectToNode().
        const quint64 attempt = m_attempt;
        QTimer::singleShot(0, this, [this, attempt, error] {
            if (attempt == m_attempt && m_state == State::Connecting)
                closeWith(error, true);
        });
        return;
    }
    m_context = context;
    context->data = this;
    m_adapter = new HiredisQtAdapter(context);
    connect(m_adapter, &HiredisQtAdapter::released, this, [this] { m_released = true; });
    connect(m_adapter, &HiredisQtAdapter::processed, this, &RedisConnection::afterHiredis);
    // The adapter must be installed first: setting the connect callback asks for write readiness.
    redisAsyncSetConnectCallback(context, &RedisConnectionHooks::onConnect);
    redisAsyncSetDisconnectCallback(context, &RedisConnectionHooks::onDisconnect);
    for (Pending &pending : m_pending) {
        if (!pending.sent)
            send(pending);
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
    if (m_context)
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
    const int rc = redisAsyncCommandArgv(m_context, &RedisConnectionHooks::onReply,
                                         reinterpret_cast<void *>(static_cast<quintptr>(pending.seq)),
                                         static_cast<int>(argv.size()), argv.data(), lengths.data());
    pending.argv.clear();
    pending.sent = true;
    if (rc != REDIS_OK) {
        // hiredis refuses new commands only while it tears the link down; report like a lost link.
        const quint64 seq = pending.seq;
        for (auto it = m_pending.begin(); it != m_pending.end(); ++it) {
            if (it->seq == seq) {
                m_ready.push_back(
                    {std::move(it->callback), it->context, it->hasContext,
                     Error(ErrorCode::ConnectionFailed, tr("Cannot send %1 to %2: the connection is closing.")
                                                            .arg(it->name, m_address.toString()))});
                m_pending.erase(it);
                break;
            }
        }
        scheduleDelivery();
    }
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

void RedisConnection::hiredisConnected(int status, const char *errstr)
{
    if (status == REDIS_OK) {
        if (m_password.isEmpty())
            m_announceConnected = true;
        return;
    }
    if (!m_failure.isError()) {
        m_failure = Error(ErrorCode::ConnectionFailed,
                          tr("Could not connect to %1: %2. Check that redis-server runs there.")
                              .arg(m_address.toString(), QString::fromLocal8Bit(errstr)));
    }
}

void RedisConnection::hiredisDisconnected(int, const redisAsyncContext *context)
{
    if (!m_failure.isError())
        m_failure = errorFromContext(context);
}

void RedisConnection::hiredisReply(quint64 seq, const redisReply *reply, const redisAsyncContext *context)
{
    // Replies arrive in order, so the match is normally the first entry.
    for (auto it = m_pending.begin(); it != m_pending.end(); ++it) {
        if (it->seq != seq)
            continue;
        if (!reply && !m_failure.isError())
            m_failure = errorFromContext(context);
        m_ready.push_back({std::move(it->callback), it->context, it->hasContext,
                           reply ? resultFor(reply) : Result<RedisReply>(m_failure)});
        m_pending.erase(it);
        return;
    }
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

Error RedisConnection::errorFromContext(const redisAsyncContext *context) const
{
    const QString node = m_address.toString();
    const QString why = QString::fromLocal8Bit(context->c.errstr);
    switch (context->c.err) {
    case REDIS_ERR_PROTOCOL:
        return Error(
            ErrorCode::Protocol,
            tr("%1 sent something that is not a Redis reply (%2); is it a Redis server?").arg(node, why));
    case REDIS_ERR_EOF:
    case REDIS_ERR_IO:
        return Error(ErrorCode::ConnectionFailed,
                     tr("Lost the connection to %1: %2.").arg(node, why.isEmpty() ? tr("I/O error") : why));
    case REDIS_ERR_OTHER:
        return Error(ErrorCode::ConnectionFailed, tr("%1 closed the connection: %2.").arg(node, why));
    case REDIS_ERR_OOM:
        return Error(ErrorCode::Internal, tr("Out of memory while talking to %1.").arg(node));
    default:
        return Error(ErrorCode::ConnectionFailed, tr("The connection to %1 was closed.").arg(node));
    }
}

void RedisConnection::afterHiredis()
{
    QPointer<RedisConnection> self(this);
    if (m_announceConnected) {
        m_announceConnected = false;
        if (m_state == State::Connecting) {
            m_state = State::Connected;
            m_connectTimer.stop();
            Q_EMIT connected();
            if (!self)
                return;
        }
    }
    if (m_released) {
        // hiredis freed the context itself (refused, lost, protocol error); it is gone already.
        m_released = false;
        m_context = nullptr;
        const Error failure = m_failure.isError()
                                  ? m_failure
                                  : Error(ErrorCode::ConnectionFailed,
                                          tr("The connection to %1 was closed.").arg(m_address.toString()));
        closeWith(failure, true);
        return;
    }
    if (m_pending.empty())
        m_commandTimer.stop();
    deliver();
}

void RedisConnection::closeWith(const Error &error, bool reportError)
{
    QPointer<RedisConnection> self(this);
    const bool wasConnected = m_state == State::Connected;
    if (m_adapter) {
        m_adapter->detach();
        m_adapter->deleteLater();
        m_adapter = nullptr;
    }
    if (m_context) {
        // Detached first: the pending callbacks hiredis runs while freeing are ignored, and the
        // commands are failed below with the real reason.
        m_context->data = nullptr;
        redisAsyncFree(m_context);
        m_context = nullptr;
    }
    m_state = State::Unconnected;
    ++m_attempt;
    m_connectTimer.stop();
    m_commandTimer.stop();
    m_released = false;
    m_announceConnected = false;
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
