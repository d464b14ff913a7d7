#include "streams/port_forward_session.h"

#include "common/logging.h"

#include <QTcpSocket>
#include <QTimer>
#include <QWebSocket>

namespace sandbox {

PortForwardSession::PortForwardSession(QWebSocket *socket, const PortForwardRequest &request,
                                       const QString &podIp, QObject *parent)
    : QObject(parent)
    , m_socket(socket)
    , m_request(request)
    , m_podIp(podIp)
    , m_framing(request.subprotocol)
{
    m_socket->setParent(this);
    connect(m_socket, &QWebSocket::disconnected, this, [this] {
        closeAll();
        deleteLater();
    });
    m_framing.receive(m_socket, this,
                      [this](quint8 channel, const QByteArray &payload) { onMessage(channel, payload); });
}

PortForwardSession::~PortForwardSession()
{
    for (Target &target : m_targets) {
        if (target.socket)
            target.socket->disconnect(this);
    }
}

void PortForwardSession::start()
{
    if (m_request.ports.isEmpty()) {
        m_socket->close(QWebSocketProtocol::CloseCodeProtocolError,
                        QStringLiteral("at least one port is required"));
        return;
    }
    for (qsizetype i = 0; i < m_request.ports.size(); ++i) {
        const quint16 port = m_request.ports.at(i);
        QByteArray header;
        header.append(char(port & 0xff));
        header.append(char(port >> 8));
        m_framing.send(m_socket, quint8(2 * i), header);
        m_framing.send(m_socket, quint8(2 * i + 1), header);

        Target target;
        target.port = port;
        target.socket = new QTcpSocket(this);
        m_targets.append(target);
        QTcpSocket *tcp = target.socket;
        const int index = int(i);
        connect(tcp, &QTcpSocket::connected, this, [this, index] {
            Target &t = m_targets[index];
            t.connected = true;
            if (!t.pending.isEmpty())
                t.socket->write(t.pending);
            t.pending.clear();
        });
        connect(tcp, &QTcpSocket::readyRead, this, [this, index] {
            m_framing.send(m_socket, quint8(2 * index), m_targets[index].socket->readAll());
        });
        connect(tcp, &QTcpSocket::disconnected, this, [this] {
            // One pod connection per WebSocket: when the pod side closes, so does the tunnel.
            if (!m_closing) {
                m_socket->flush();
                m_socket->close(QWebSocketProtocol::CloseCodeNormal);
                QTimer::singleShot(10000, this, &QObject::deleteLater);
            }
        });
        connect(tcp, &QTcpSocket::errorOccurred, this, [this, index](QAbstractSocket::SocketError error) {
            if (error == QAbstractSocket::RemoteHostClosedError)
                return; // the disconnected() above handles an orderly close
            fail(index, m_targets[index].socket->errorString());
        });
        if (m_podIp.isEmpty()) {
            fail(index, QStringLiteral("the pod has no running container"));
            return;
        }
        tcp->connectToHost(m_podIp, port);
    }
}

void PortForwardSession::onMessage(quint8 channel, const QByteArray &payload)
{
    const qsizetype index = channel / 2;
    if (channel % 2 != 0 || index >= m_targets.size())
        return; // clients do not write on error channels
    Target &target = m_targets[index];
    if (m_closing || !target.socket->isOpen())
        return; // the pod side closed: the tunnel is closing, the bytes have no reader
    if (target.connected)
        target.socket->write(payload);
    else
        target.pending.append(payload);
}

void PortForwardSession::fail(int index, const QString &message)
{
    if (m_closing)
        return;
    const quint16 port = m_targets.at(index).port;
    const QString text =
        QStringLiteral("error forwarding port %1 to pod %2: %3").arg(port).arg(m_podIp, message);
    qCInfo(lcSandbox).noquote() << text;
    m_framing.send(m_socket, quint8(2 * index + 1), text.toUtf8());
    m_socket->flush();
    m_socket->close(QWebSocketProtocol::CloseCodeNormal);
    QTimer::singleShot(10000, this, &QObject::deleteLater);
}

void PortForwardSession::closeAll()
{
    m_closing = true;
    for (Target &target : m_targets) {
        if (target.socket)
            target.socket->abort();
    }
}

} // namespace sandbox
