#include "port_forward.h"

#include "common/logger.h"
#include "kube_client.h"
#include "kube_status.h"

#include <QCoreApplication>
#include <QTcpServer>
#include <QTcpSocket>
#include <QWebSocket>
#include <QWebSocketHandshakeOptions>

namespace rcs {

namespace {
// The translation context of this file's texts: the GUI shows them in its language, the
// headless commands (which load no translation) in English.
struct Text {
    Q_DECLARE_TR_FUNCTIONS(rcs::PortForward)
};
} // namespace

namespace {

const QString kProtocol = QStringLiteral("v4.channel.k8s.io");

// One accepted local connection and its WebSocket. Lives as long as either side is open.
class ForwardedConnection final : public QObject {
public:
    ForwardedConnection(PortForward *owner, KubeClient *client, QTcpSocket *local)
        : QObject(owner)
        , m_owner(owner)
        , m_local(local)
        , m_socket(new QWebSocket(QString(), QWebSocketProtocol::VersionLatest, this))
    {
        local->setParent(this);
        connect(local, &QTcpSocket::readyRead, this, &ForwardedConnection::localReadable);
        connect(local, &QTcpSocket::disconnected, this, [this] {
            m_localClosed = true;
            m_pending.clear();
            if (m_socket->state() == QAbstractSocket::ConnectedState) {
                m_socket->close(QWebSocketProtocol::CloseCodeNormal);
            } else {
                // Not open yet: a close frame would be written to a socket that is not open; drop the
                // handshake instead, and wait for nothing.
                if (m_socket->state() != QAbstractSocket::UnconnectedState)
                    m_socket->abort();
                m_socketClosed = true;
            }
            finish();
        });
        connect(m_socket, &QWebSocket::connected, this, &ForwardedConnection::opened);
        connect(m_socket, &QWebSocket::binaryMessageReceived, this, &ForwardedConnection::message);
        connect(m_socket, &QWebSocket::disconnected, this, [this] {
            m_socketClosed = true;
            // A client that gave up before the tunnel opened (its connect timeout) closed it: its own
            // error says why, and the tunnel did not fail.
            if (!m_opened && m_error.isEmpty() && !m_localClosed)
                report(decodeWebSocketRefusal(m_socket->errorString(), m_owner->ns(), m_owner->pod(),
                                              QStringLiteral("portforward"),
                                              m_socket->requestUrl().toString())
                           .message());
            // Write what the pod sent before closing: disconnectFromHost() flushes first.
            m_local->disconnectFromHost();
            finish();
        });
        connect(m_socket, QOverload<QAbstractSocket::SocketError>::of(&QWebSocket::error), this,
                [this](QAbstractSocket::SocketError) {
                    if (m_opened)
                        return; // an open tunnel ends in disconnected()
                    report(decodeWebSocketRefusal(m_socket->errorString(), m_owner->ns(), m_owner->pod(),
                                                  QStringLiteral("portforward"),
                                                  m_socket->requestUrl().toString())
                               .message());
                    // A refused handshake (no such pod, 403) is not always followed by disconnected():
                    // close the local connection here, or its client would wait forever.
                    m_socketClosed = true;
                    m_local->disconnectFromHost();
                    finish();
                });
        connect(m_socket, &QWebSocket::sslErrors, this, [this, client](const QList<QSslError> &errors) {
            if (client && client->transport().errorsAcceptable(errors))
                m_socket->ignoreSslErrors();
        });
        if (client) {
            m_socket->setProxy(client->transport().proxy);
            const QString path = QStringLiteral("/api/v1/namespaces/%1/pods/%2/portforward?ports=%3")
                                     .arg(owner->ns(), owner->pod())
                                     .arg(owner->remotePort());
            client->prepare(
                path, this,
                [this](const Result<KubePreparedRequest> &prepared) {
                    if (m_localClosed)
                        return;
                    if (!prepared) {
                        report(prepared.error().message());
                        m_socketClosed = true; // never opened: nothing to wait for
                        m_local->disconnectFromHost();
                        finish();
                        return;
                    }
                    m_socket->setSslConfiguration(prepared->ssl);
                    QWebSocketHandshakeOptions options;
                    options.setSubprotocols({kProtocol});
                    m_socket->open(prepared->request, options);
                },
                true);
        } else {
            report(Text::tr("the Kubernetes client was closed"));
            m_socketClosed = true;
            m_local->disconnectFromHost();
        }
    }

private:
    void opened()
    {
        const QString chosen = m_socket->subprotocol();
        if (!chosen.isEmpty() && chosen != kProtocol) {
            report(
                Text::tr("the API server chose the subprotocol \"%1\" instead of %2").arg(chosen, kProtocol));
            m_socket->close();
            return;
        }
        m_opened = true;
        flush();
    }

    void localReadable()
    {
        m_pending += m_local->readAll();
        flush();
    }

    void flush()
    {
        if (!m_opened || m_pending.isEmpty())
            return;
        if (m_socketClosed || m_socket->state() != QAbstractSocket::ConnectedState) {
            m_pending.clear(); // the pod side is gone: the local side is being closed too
            return;
        }
        // Channel 0 carries data to the pod; keep messages moderate so large values stream.
        constexpr qsizetype kChunk = 256 * 1024;
        for (qsizetype offset = 0; offset < m_pending.size(); offset += kChunk)
            m_socket->sendBinaryMessage(QByteArray(1, '\0') + m_pending.mid(offset, kChunk));
        m_pending.clear();
    }

    void message(const QByteArray &data)
    {
        if (data.isEmpty())
            return;
        const int channel = quint8(data.at(0));
        if (channel > 1)
            return;
        if (!m_headerSeen[channel]) {
            // The first message per channel names the port: [channel, port low, port high].
            m_headerSeen[channel] = true;
            if (data.size() >= 3) {
                const quint16 port = quint16(quint8(data.at(1)) | (quint8(data.at(2)) << 8));
                if (port != m_owner->remotePort())
                    report(Text::tr("the API server forwarded port %1 instead of %2")
                               .arg(port)
                               .arg(m_owner->remotePort()));
                if (data.size() == 3)
                    return;
                // Tolerate servers that append data to the header message.
                const QByteArray rest = data.mid(3);
                if (channel == 0)
                    toLocal(rest);
                else
                    errorText(rest);
                return;
            }
            return;
        }
        if (channel == 0)
            toLocal(data.mid(1));
        else
            errorText(data.mid(1));
    }

    void toLocal(const QByteArray &bytes)
    {
        // The local client may have closed already; what the pod still sends then has no reader.
        if (!m_localClosed && m_local->isOpen())
            m_local->write(bytes);
    }

    void errorText(const QByteArray &text)
    {
        if (text.trimmed().isEmpty())
            return;
        report(QString::fromUtf8(text).trimmed());
        m_socket->close();
        m_local->disconnectFromHost();
    }

    void report(QString why)
    {
        if (!m_error.isEmpty())
            return;
        while (why.endsWith(QLatin1Char('.')))
            why.chop(1); // the sentence below ends it
        m_error = why;
        Q_EMIT m_owner->connectionFailed(
            Error(ErrorCode::ConnectionFailed, Text::tr("Port-forward to pod %1 port %2 failed: %3.")
                                                   .arg(m_owner->pod())
                                                   .arg(m_owner->remotePort())
                                                   .arg(why)));
    }

    void finish()
    {
        if (m_finished || !m_localClosed || !m_socketClosed)
            return;
        m_finished = true;
        Q_EMIT m_owner->connectionClosed();
        deleteLater();
    }

    PortForward *m_owner;
    QTcpSocket *m_local;
    QWebSocket *m_socket;
    QByteArray m_pending;
    QString m_error;
    bool m_headerSeen[2] = {false, false};
    bool m_opened = false;
    bool m_localClosed = false;
    bool m_socketClosed = false;
    bool m_finished = false;
};

} // namespace

PortForward::PortForward(KubeClient *client, QString ns, QString pod, quint16 remotePort, QObject *parent)
    : QObject(parent)
    , m_client(client)
    , m_ns(std::move(ns))
    , m_pod(std::move(pod))
    , m_remotePort(remotePort)
    , m_server(new QTcpServer(this))
{
    connect(m_server, &QTcpServer::newConnection, this, &PortForward::accept);
    connect(this, &PortForward::connectionFailed, this, [this](const Error &error) {
        // Every connection through the tunnel fails the same way while the cause lasts: said once.
        if (error.message() == m_lastError)
            return;
        m_lastError = error.message();
        Logger::instance().warning(QStringLiteral("kube"), error.message());
    });
    connect(this, &PortForward::connectionClosed, this, [this] { --m_active; });
}

PortForward::~PortForward() = default;

Result<void> PortForward::listen(const QHostAddress &address)
{
    if (m_server->isListening())
        return {};
    if (!m_server->listen(address, 0))
        return Error(
            ErrorCode::Io,
            tr("Cannot open a local port for the tunnel to pod %1: %2.").arg(m_pod, m_server->errorString()));
    Logger::instance().info(QStringLiteral("kube"),
                            tr("Tunnel to pod %1 port %2 listens on %3:%4.")
                                .arg(m_pod)
                                .arg(m_remotePort)
                                .arg(m_server->serverAddress().toString())
                                .arg(m_server->serverPort()),
                            QStringLiteral("%1 port-forward pod/%2 %3:%4")
                                .arg(KubeClient::kubectl(m_ns), m_pod)
                                .arg(m_server->serverPort())
                                .arg(m_remotePort));
    return {};
}

void PortForward::close()
{
    m_server->close();
}

QHostAddress PortForward::localAddress() const
{
    return m_server->serverAddress();
}

quint16 PortForward::localPort() const
{
    return m_server->serverPort();
}

void PortForward::accept()
{
    while (QTcpSocket *local = m_server->nextPendingConnection()) {
        ++m_active;
        ++m_accepted;
        new ForwardedConnection(this, m_client, local);
    }
}

} // namespace rcs
