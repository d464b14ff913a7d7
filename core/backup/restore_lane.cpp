#include "restore_lane.h"

#include "backup_text.h"
#include "restore_commands.h"

#include "redis/redis_pool.h"
#include "redis/reply_format.h"

#include <QSslSocket>

namespace rcs::backup {

namespace {
constexpr qsizetype keyShownBytes = 100; // a key named in a message: its start is enough
} // namespace

RestoreLane::RestoreLane(RedisPool *pool, NodeAddress node, QObject *parent)
    : QObject(parent)
    , m_pool(pool)
    , m_node(std::move(node))
{
    m_idle.setSingleShot(true);
    m_idle.setInterval(DefaultIdleTimeoutMs);
    connect(&m_idle, &QTimer::timeout, this, &RestoreLane::onIdle);
}

RestoreLane::~RestoreLane()
{
    close();
}

Result<void> RestoreLane::open()
{
    const RedisConnectionOptions &options = m_pool->options();
    if (!options.password.isEmpty()) {
        QList<QByteArray> argv{"AUTH"};
        if (!options.user.isEmpty())
            argv.append(options.user.toUtf8());
        argv.append(options.password.toUtf8());
        m_auth = respCommand(argv);
    }
    Result<NodeLink> link = connectNodeLink(m_pool, m_node, this, [this] { onLinkReady(); });
    if (!link)
        return link.error();
    m_link = link.value();
    connect(m_link.socket, &QSslSocket::readyRead, this, &RestoreLane::onReadyRead);
    connect(m_link.socket, &QSslSocket::errorOccurred, this, &RestoreLane::onSocketGone);
    connect(m_link.socket, &QSslSocket::disconnected, this, &RestoreLane::onSocketGone);
    connect(m_link.socket, &QSslSocket::sslErrors, this,
            [this](const QList<QSslError> &errors) { m_sslErrors = errors; });
    m_idle.start(options.connectTimeoutMs);
    return {};
}

void RestoreLane::restore(const QByteArray &key, qint64 ttlMs, QByteArrayView payload, bool replace)
{
    appendRestoreCommand(m_out, key, ttlMs, payload, replace);
    m_keys.push_back(key); // shared with the record, not copied
}

void RestoreLane::flush()
{
    if (!m_ready || m_out.isEmpty() || m_failed)
        return;
    if (!m_idle.isActive())
        m_idle.start(DefaultIdleTimeoutMs);
    m_link.socket->write(m_out);
    m_out.resize(0); // keeps the capacity: the next batch is built in the same buffer
}

void RestoreLane::close()
{
    m_idle.stop();
    if (!m_link.socket)
        return;
    QSslSocket *socket = m_link.socket;
    m_link.socket = nullptr;
    m_ready = false;
    socket->disconnect(this);
    socket->abort();
    socket->deleteLater(); // this may run inside one of the socket's own signals
}

void RestoreLane::onLinkReady()
{
    m_ready = true;
    m_idle.stop();
    if (!m_auth.isEmpty()) {
        m_authPending = true;
        m_link.socket->write(m_auth);
        m_idle.start(DefaultIdleTimeoutMs);
    }
    flush();
}

void RestoreLane::onReadyRead()
{
    if (!m_link.socket || m_failed)
        return;
    m_in.append(m_link.socket->readAll());
    if (!parseReplies())
        return;
    if (m_keys.empty() && !m_authPending)
        m_idle.stop();
    else
        m_idle.start(DefaultIdleTimeoutMs);
    Q_EMIT answered();
}

bool RestoreLane::parseReplies()
{
    qsizetype pos = 0;
    const qsizetype size = m_in.size();
    while (pos < size) {
        const qsizetype eol = m_in.indexOf("\r\n", pos);
        if (eol < 0)
            break;
        const char type = m_in.at(pos);
        qsizetype next = eol + 2;
        if (type == '$') { // a bulk reply (none expected from RESTORE; skipped whole)
            const qint64 length = QByteArrayView(m_in).sliced(pos + 1, eol - pos - 1).toLongLong();
            if (length > 0)
                next += length + 2;
            if (next > size)
                break;
        } else if (type != '+' && type != '-' && type != ':') {
            stop(Error(ErrorCode::Protocol,
                       Text::tr("%1 answered RESTORE with a reply that is not a status: %2")
                           .arg(m_node.toString(), QString::fromLatin1(m_in.mid(pos, 40)))));
            return false;
        }
        const QByteArrayView line = QByteArrayView(m_in).sliced(pos + 1, eol - pos - 1);
        pos = next;
        if (m_authPending) {
            m_authPending = false;
            if (type == '-') {
                stop(Error(
                    ErrorCode::Unauthorized,
                    Text::tr("%1 refused the password: %2").arg(m_node.toString(), QString::fromUtf8(line))));
                return false;
            }
            continue;
        }
        if (m_keys.empty()) {
            stop(Error(ErrorCode::Protocol,
                       Text::tr("%1 sent a reply to no command.").arg(m_node.toString())));
            return false;
        }
        if (type == '-') {
            if (line.startsWith("BUSYKEY")) {
                ++m_existing;
                if (m_existingSample.size() < ExistingSampleSize)
                    m_existingSample.append(m_keys.front());
            } else {
                stop(Error(ErrorCode::RedisError,
                           Text::tr("%1 refused RESTORE of key %2: %3")
                               .arg(m_node.toString(), quoteBytesCli(m_keys.front().left(keyShownBytes)),
                                    QString::fromUtf8(line))));
                return false;
            }
        } else {
            ++m_restored;
        }
        m_keys.pop_front();
    }
    m_in.remove(0, pos);
    return true;
}

void RestoreLane::onSocketGone()
{
    if (!m_link.socket || m_failed)
        return;
    if (!m_ready)
        return stop(nodeLinkConnectFailure(m_link, m_node, m_sslErrors));
    stop(Error(ErrorCode::ConnectionFailed,
               Text::tr("The link to %1 closed with %2 RESTORE commands unanswered: %3")
                   .arg(m_node.toString())
                   .arg(m_keys.size())
                   .arg(m_link.socket->errorString())));
}

void RestoreLane::onIdle()
{
    if (m_failed)
        return;
    stop(Error(ErrorCode::Timeout, m_ready ? Text::tr("%1 answered none of %2 RESTORE commands for %3 s.")
                                                 .arg(m_node.toString())
                                                 .arg(m_keys.size())
                                                 .arg(DefaultIdleTimeoutMs / 1000)
                                           : Text::tr("Cannot connect to %1: no answer within %2 ms.")
                                                 .arg(m_node.toString())
                                                 .arg(m_pool->options().connectTimeoutMs)));
}

void RestoreLane::stop(const Error &error)
{
    m_failed = true;
    close();
    Q_EMIT failed(error);
}

} // namespace rcs::backup
