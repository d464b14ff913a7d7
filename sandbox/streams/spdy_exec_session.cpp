#include "streams/spdy_exec_session.h"

#include "streams/remote_command.h"
#include "streams/spdy_connection.h"

#include "common/logging.h"

#include <QJsonDocument>
#include <QTimer>

namespace sandbox {

namespace {
// The kubelet gives a client this long to open its streams (streamCreationTimeout).
constexpr int kStreamsTimeoutMs = 30000;
// kubectl writes the terminal size right after opening the resize stream; a command on a terminal
// waits this long for it, so that it starts with the right size.
constexpr int kInitialSizeWaitMs = 500;
} // namespace

QList<QByteArray> SpdyExecSession::expectedStreams(const ExecRequest &request)
{
    QList<QByteArray> types{"error"};
    if (request.stdinEnabled)
        types.append("stdin");
    if (request.stdoutEnabled)
        types.append("stdout");
    if (request.stderrEnabled && !request.tty)
        types.append("stderr");
    if (request.tty)
        types.append("resize");
    return types;
}

SpdyExecSession::SpdyExecSession(SpdyConnection *connection, const ExecRequest &request,
                                 RemoteCommand *command, QObject *parent)
    : QObject(parent)
    , m_connection(connection)
    , m_command(command)
    , m_expected(expectedStreams(request))
    , m_waitTimer(new QTimer(this))
{
    m_connection->setParent(this);
    m_command->setParent(this);
    connect(m_connection, &SpdyConnection::closed, this, &QObject::deleteLater);
    connect(m_connection, &SpdyConnection::streamOpened, this,
            [this](quint32 streamId, const SpdyCodec::HeaderList &headers) {
                onStreamOpened(streamId, SpdyCodec::headerValue(headers, "streamtype"));
            });
    connect(m_connection, &SpdyConnection::dataReceived, this, &SpdyExecSession::onData);
    connect(m_connection, &SpdyConnection::streamFinished, this, [this](quint32 streamId) {
        if (m_streams.value("stdin") == streamId && streamId != 0)
            m_command->closeStdin();
    });
    connect(m_command, &RemoteCommand::output, this, [this](quint8 stream, const QByteArray &data) {
        m_connection->send(m_streams.value(stream == RemoteCommand::Stderr ? "stderr" : "stdout"), data);
    });
    connect(m_command, &RemoteCommand::finished, this, &SpdyExecSession::finish);
    m_waitTimer->setSingleShot(true);
    connect(m_waitTimer, &QTimer::timeout, this, [this] {
        if (m_started)
            return;
        QStringList missing;
        for (const QByteArray &type : std::as_const(m_expected)) {
            if (!m_streams.contains(type))
                missing.append(QString::fromLatin1(type));
        }
        if (!missing.isEmpty()) {
            qCInfo(lcSandbox).noquote()
                << "exec over SPDY: the client never opened the" << missing.join(u',') << "stream(s)";
            finish(RemoteCommand::failureStatus(
                QStringLiteral("InternalError"),
                QStringLiteral("timed out waiting for the client to create the %1 stream(s)")
                    .arg(missing.join(QLatin1String(", "))),
                500));
            return;
        }
        startCommand(); // no terminal size came: start at the terminal's default size
    });
    m_waitTimer->start(kStreamsTimeoutMs);
}

SpdyExecSession::~SpdyExecSession() = default;

void SpdyExecSession::onStreamOpened(quint32 streamId, const QByteArray &type)
{
    if (!m_expected.contains(type) || m_streams.contains(type)) {
        qCInfo(lcSandbox).noquote() << "exec over SPDY: ignoring an unexpected" << type << "stream";
        return;
    }
    m_streams.insert(type, streamId);
    if (m_streams.size() < m_expected.size())
        return;
    if (m_command->wantsInitialSize() && m_streams.contains("resize"))
        m_waitTimer->start(kInitialSizeWaitMs);
    else
        startCommand();
}

void SpdyExecSession::onData(quint32 streamId, const QByteArray &data)
{
    if (streamId == m_streams.value("stdin") && streamId != 0) {
        m_command->writeStdin(data);
    } else if (streamId == m_streams.value("resize") && streamId != 0) {
        m_sizes.append(data);
        const QList<QSize> sizes = RemoteCommand::takeTerminalSizes(m_sizes);
        for (const QSize &size : sizes)
            m_command->resize(size);
        if (!sizes.isEmpty() && m_streams.size() == m_expected.size())
            startCommand();
    }
}

void SpdyExecSession::startCommand()
{
    if (m_started || m_finished)
        return;
    m_started = true;
    m_waitTimer->stop();
    m_command->start();
}

void SpdyExecSession::finish(const QJsonObject &status)
{
    if (m_finished)
        return;
    m_finished = true;
    m_waitTimer->stop();
    // The client waits for EOF on stdout and stderr, then reads the error stream to its end.
    m_connection->finish(m_streams.value("stdout"));
    m_connection->finish(m_streams.value("stderr"));
    m_connection->send(m_streams.value("error"), QJsonDocument(status).toJson(QJsonDocument::Compact), true);
    m_connection->close();
}

} // namespace sandbox
