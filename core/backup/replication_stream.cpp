#include "replication_stream.h"

#include "redis/redis_pool.h"

#include <QSslSocket>

namespace rcs::backup {

namespace {

constexpr qsizetype markerLength = 40;          // the EOF form's marker: 40 random bytes
constexpr qsizetype maxHeaderBytes = 64 * 1024; // a reply line before the payload is short

} // namespace

ReplicationStream::ReplicationStream(RedisPool *pool, NodeAddress node, QObject *parent)
    : Job(parent)
    , m_pool(pool)
    , m_node(std::move(node))
{
    setTitle(tr("Read the RDB of %1").arg(m_node.toString()));
    m_idle.setSingleShot(true);
    connect(&m_idle, &QTimer::timeout, this, &ReplicationStream::onIdle);
}

ReplicationStream::~ReplicationStream()
{
    closeSocket();
}

void ReplicationStream::doStart()
{
    m_password = m_pool->options().password;
    m_user = m_pool->options().user;
    setStep(tr("Connect to %1").arg(m_node.toString()));
    Result<NodeLink> link = connectNodeLink(m_pool, m_node, this, [this] { onLinkReady(); });
    if (!link)
        return fail(link.error());
    m_link = link.value();
    m_socket = m_link.socket;
    connect(m_socket, &QSslSocket::readyRead, this, &ReplicationStream::onReadyRead);
    connect(m_socket, &QSslSocket::errorOccurred, this, &ReplicationStream::onSocketGone);
    connect(m_socket, &QSslSocket::disconnected, this, &ReplicationStream::onSocketGone);
    connect(m_socket, &QSslSocket::sslErrors, this,
            [this](const QList<QSslError> &errors) { m_sslErrors = errors; });
    m_idle.start(m_pool->options().connectTimeoutMs);
}

void ReplicationStream::doCancel()
{
    closeSocket();
}

void ReplicationStream::sendCommand(const QList<QByteArray> &argv)
{
    m_socket->write(respCommand(argv));
}

void ReplicationStream::onLinkReady()
{
    m_idle.start(m_idleTimeoutMs);
    if (!m_password.isEmpty()) {
        m_phase = Phase::Auth;
        QList<QByteArray> argv{"AUTH"};
        if (!m_user.isEmpty())
            argv.append(m_user.toUtf8());
        argv.append(m_password.toUtf8());
        sendCommand(argv);
        return;
    }
    askForRdb();
}

void ReplicationStream::askForRdb()
{
    // "capa eof" lets a master configured for diskless sync stream the RDB from its fork instead of
    // writing it to its disk first (the $EOF form); a disk-based master ignores it.
    m_phase = Phase::Capability;
    sendCommand({"REPLCONF", "capa", "eof"});
}

std::optional<QByteArray> ReplicationStream::takeLine()
{
    const qsizetype end = m_buffer.indexOf("\r\n");
    if (end < 0)
        return std::nullopt;
    QByteArray line = m_buffer.left(end);
    m_buffer.remove(0, end + 2);
    return line;
}

void ReplicationStream::onReadyRead()
{
    if (isFinished() || !m_socket)
        return;
    m_idle.start(m_idleTimeoutMs);
    QByteArray data = m_socket->readAll();
    if (m_phase == Phase::Payload)
        return readPayload(std::move(data));
    m_buffer += data;
    if (m_phase == Phase::Auth) {
        const std::optional<QByteArray> line = takeLine();
        if (!line)
            return;
        if (!line->startsWith('+'))
            return stop(Error(
                ErrorCode::Unauthorized,
                tr("%1 refused the password: %2").arg(m_node.toString(), QString::fromUtf8(line->mid(1)))));
        askForRdb();
    }
    if (m_phase == Phase::Capability) {
        const std::optional<QByteArray> line = takeLine();
        if (!line)
            return;
        if (!line->startsWith('+'))
            return stop(
                Error(ErrorCode::RedisError, tr("%1 refused REPLCONF: %2. The user needs permission for "
                                                "REPLCONF and SYNC.")
                                                 .arg(m_node.toString(), QString::fromUtf8(line->mid(1)))));
        m_phase = Phase::Header;
        setStep(tr("Wait for %1 to prepare its RDB").arg(m_node.toString()));
        sendCommand({"SYNC"});
    }
    if (m_phase == Phase::Header)
        readHeader();
}

void ReplicationStream::readHeader()
{
    // While it forks and writes the snapshot the master keeps the link alive with bare "\n" bytes.
    qsizetype skip = 0;
    while (skip < m_buffer.size() && m_buffer.at(skip) == '\n')
        ++skip;
    m_buffer.remove(0, skip);
    const std::optional<QByteArray> line = takeLine();
    if (!line && m_buffer.size() > maxHeaderBytes)
        return stop(
            Error(ErrorCode::Protocol,
                  tr("%1 answered SYNC with something that is not an RDB transfer.").arg(m_node.toString())));
    if (!line)
        return;
    if (line->startsWith('-'))
        return stop(
            Error(ErrorCode::RedisError, tr("%1 refused SYNC: %2. A master gives its data to a user allowed "
                                            "to run SYNC; a replica only once it is in sync.")
                                             .arg(m_node.toString(), QString::fromUtf8(line->mid(1)))));
    if (!line->startsWith('$'))
        return stop(
            Error(ErrorCode::Protocol, tr("%1 answered SYNC with \"%2\" instead of an RDB transfer.")
                                           .arg(m_node.toString(), QString::fromUtf8(line->left(40)))));
    if (line->startsWith("$EOF:")) {
        m_marker = line->mid(5);
        if (m_marker.size() != markerLength)
            return stop(Error(ErrorCode::Protocol,
                              tr("%1 announced an RDB with a malformed end marker.").arg(m_node.toString())));
    } else {
        bool ok = false;
        m_payloadSize = line->mid(1).toLongLong(&ok);
        if (!ok || m_payloadSize < 0)
            return stop(
                Error(ErrorCode::Protocol,
                      tr("%1 announced an RDB of a size that is not a number.").arg(m_node.toString())));
    }
    m_phase = Phase::Payload;
    setStep(tr("Read the RDB of %1").arg(m_node.toString()));
    QByteArray rest = std::move(m_buffer);
    m_buffer.clear();
    if (!rest.isEmpty() || m_payloadSize == 0)
        readPayload(std::move(rest));
}

void ReplicationStream::readPayload(QByteArray data)
{
    if (m_payloadSize >= 0) {
        const qint64 wanted = m_payloadSize - m_payloadBytes;
        // Bytes after the RDB are the replication stream that follows it: not ours.
        deliver(QByteArrayView(data).first(std::min<qint64>(wanted, data.size())));
        if (!isFinished() && m_payloadBytes == m_payloadSize)
            complete();
        return;
    }
    // EOF form: the payload ends with the marker, so the last 40 bytes are held back until more come.
    QByteArray held = m_tail + data;
    if (held.size() >= markerLength && held.endsWith(m_marker)) {
        deliver(QByteArrayView(held).first(held.size() - markerLength));
        if (!isFinished())
            complete();
        return;
    }
    const qsizetype ready = std::max<qsizetype>(0, held.size() - markerLength);
    deliver(QByteArrayView(held).first(ready));
    m_tail = held.mid(ready);
}

void ReplicationStream::deliver(QByteArrayView chunk)
{
    if (chunk.isEmpty() || isFinished())
        return;
    if (Result<void> fed = m_reader.feed(chunk); !fed)
        return stop(
            Error(ErrorCode::InvalidInput,
                  tr("The RDB %1 sent is damaged: %2").arg(m_node.toString(), fed.error().message())));
    if (m_sink) {
        if (Result<void> written = m_sink(chunk); !written)
            return stop(written.error());
    }
    if (m_recordHandler) {
        if (Result<void> handled = m_recordHandler(m_reader.takeRecords()); !handled)
            return stop(handled.error());
    } else {
        m_reader.takeRecords();
    }
    m_payloadBytes += chunk.size();
    setProgress(m_payloadBytes, std::max<qint64>(m_payloadSize, 0));
}

void ReplicationStream::complete()
{
    m_phase = Phase::Done;
    closeSocket();
    if (Result<void> finished = m_reader.finish(); !finished)
        return stop(Error(
            ErrorCode::InvalidInput,
            tr("The RDB %1 sent is incomplete: %2").arg(m_node.toString(), finished.error().message())));
    if (m_recordHandler) {
        if (Result<void> handled = m_recordHandler(m_reader.takeRecords()); !handled)
            return stop(handled.error());
    }
    succeed();
}

void ReplicationStream::onSocketGone()
{
    if (isFinished() || m_phase == Phase::Done || !m_socket)
        return;
    if (m_phase == Phase::Connecting)
        return stop(nodeLinkConnectFailure(m_link, m_node, m_sslErrors));
    const QString why = m_socket->errorString();
    stop(Error(ErrorCode::ConnectionFailed, tr("The link to %1 closed after %2 bytes of its RDB: %3")
                                                .arg(m_node.toString())
                                                .arg(m_payloadBytes)
                                                .arg(why)));
}

void ReplicationStream::onIdle()
{
    if (isFinished())
        return;
    if (m_phase == Phase::Connecting)
        return stop(Error(ErrorCode::Timeout, tr("Cannot connect to %1: no answer within %2 ms.")
                                                  .arg(m_node.toString())
                                                  .arg(m_pool->options().connectTimeoutMs)));
    stop(Error(ErrorCode::Timeout,
               tr("%1 sent nothing for %2 s while it should send its RDB (after %3 bytes); "
                  "check that it can fork and write its snapshot.")
                   .arg(m_node.toString())
                   .arg(m_idleTimeoutMs / 1000)
                   .arg(m_payloadBytes)));
}

void ReplicationStream::stop(const Error &error)
{
    closeSocket();
    fail(error);
}

void ReplicationStream::closeSocket()
{
    m_idle.stop();
    if (!m_socket)
        return;
    QSslSocket *socket = m_socket;
    m_socket = nullptr;
    socket->disconnect(this);
    socket->abort();
    socket->deleteLater(); // this may run inside one of the socket's own signals
}

} // namespace rcs::backup
