#include "streams/exec_session.h"

#include "streams/remote_command.h"

#include <QJsonDocument>
#include <QTimer>
#include <QWebSocket>

namespace sandbox {

namespace {

constexpr quint8 kStdin = 0;
constexpr quint8 kError = 3;
constexpr quint8 kResize = 4;
constexpr quint8 kClose = 255;
// kubectl sends the terminal size right after connecting; a command on a terminal waits this long
// for it, so that it starts with the right size.
constexpr int kInitialSizeWaitMs = 500;

} // namespace

ExecSession::ExecSession(QWebSocket *socket, const QString &subprotocol, RemoteCommand *command,
                         QObject *parent)
    : QObject(parent)
    , m_socket(socket)
    , m_command(command)
    , m_framing(subprotocol)
{
    m_socket->setParent(this);
    m_command->setParent(this);
    connect(m_socket, &QWebSocket::disconnected, this, &QObject::deleteLater);
    connect(m_command, &RemoteCommand::output, this,
            [this](quint8 stream, const QByteArray &data) { m_framing.send(m_socket, stream, data); });
    connect(m_command, &RemoteCommand::finished, this, &ExecSession::finish);
    m_framing.receive(m_socket, this,
                      [this](quint8 channel, const QByteArray &payload) { onMessage(channel, payload); });
}

ExecSession::~ExecSession() = default;

void ExecSession::start()
{
    if (m_command->wantsInitialSize())
        QTimer::singleShot(kInitialSizeWaitMs, this, &ExecSession::startCommand);
    else
        startCommand();
}

void ExecSession::startCommand()
{
    if (m_started)
        return;
    m_started = true;
    m_command->start();
}

void ExecSession::onMessage(quint8 channel, const QByteArray &payload)
{
    if (channel == kStdin) {
        m_command->writeStdin(payload);
    } else if (channel == kResize) {
        m_sizes.append(payload);
        const QList<QSize> sizes = RemoteCommand::takeTerminalSizes(m_sizes);
        for (const QSize &size : sizes)
            m_command->resize(size);
        if (!sizes.isEmpty())
            startCommand();
    } else if (channel == kClose && !payload.isEmpty() && quint8(payload.at(0)) == kStdin) {
        m_command->closeStdin();
    }
}

void ExecSession::finish(const QJsonObject &status)
{
    if (m_finished)
        return;
    m_finished = true;
    m_framing.send(m_socket, kError, QJsonDocument(status).toJson(QJsonDocument::Compact));
    m_socket->flush();
    m_socket->close(QWebSocketProtocol::CloseCodeNormal);
    // A peer that never completes the closing handshake must not keep the session alive.
    QTimer::singleShot(10000, this, &QObject::deleteLater);
}

} // namespace sandbox
