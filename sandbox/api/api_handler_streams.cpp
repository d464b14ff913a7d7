// Upgrades of pods/exec, pods/attach and pods/portforward, to a WebSocket or to raw SPDY/3.1: checked
// here, then handed to the runtime.
#include "api/api_handler.h"

#include "api/resource_types.h"
#include "net/credentials.h"
#include "store/memory_object_store.h"
#include "streams/spdy_connection.h"
#include "streams/stream_handler.h"

#include "common/logging.h"

#include <QSslSocket>
#include <QUrlQuery>
#include <QWebSocket>
#include <QWebSocketServer>

namespace sandbox {

namespace {

QStringList offeredProtocols(const HttpRequest &request)
{
    QStringList out;
    for (const QByteArray &p : request.header("sec-websocket-protocol").split(','))
        if (!p.trimmed().isEmpty())
            out.append(QString::fromLatin1(p.trimmed()));
    return out;
}

QStringList acceptedProtocols(const QString &subresource)
{
    if (subresource == u"exec" || subresource == u"attach")
        return {QStringLiteral("v5.channel.k8s.io"), QStringLiteral("v4.channel.k8s.io")};
    // kubectl >= 1.31 tries the SPDY-over-WebSocket tunnel first (reference §7.4); the runtime's
    // port-forward session decides whether it serves it.
    return {QStringLiteral("v4.channel.k8s.io"), QStringLiteral("v4.base64.channel.k8s.io"),
            QStringLiteral("SPDY/3.1+portforward.k8s.io")};
}

bool isTrue(const QUrlQuery &query, const QString &name, bool fallback)
{
    if (!query.hasQueryItem(name))
        return fallback;
    const QString value = query.queryItemValue(name);
    return value == u"true" || value == u"1";
}

// The stream protocol of a raw SPDY upgrade (X-Stream-Protocol-Version, one header per version the
// client speaks, best first): kube-sandbox speaks v4 of the exec/attach protocol, as the kubelet does
// for every kubectl since 1.5, and the port-forward protocol. Empty when the client offers neither.
QByteArray spdyStreamProtocol(const HttpRequest &request, const QString &subresource)
{
    const QByteArray wanted = subresource == u"portforward" ? "portforward.k8s.io" : "v4.channel.k8s.io";
    for (const QByteArray &offered : request.header("x-stream-protocol-version").split(',')) {
        if (offered.trimmed() == wanted)
            return wanted;
    }
    return {};
}

ExecRequest execRequestFrom(const QUrlQuery &query, const QJsonObject &pod, const QString &subresource,
                            const QString &subprotocol)
{
    ExecRequest request;
    request.pod = pod;
    request.attach = subresource == u"attach";
    request.container = formQueryValues(query, QStringLiteral("container")).value(0);
    request.command = formQueryValues(query, QStringLiteral("command"));
    request.stdinEnabled = isTrue(query, QStringLiteral("stdin"), false);
    request.stdoutEnabled = isTrue(query, QStringLiteral("stdout"), true);
    request.stderrEnabled = isTrue(query, QStringLiteral("stderr"), true);
    request.tty = isTrue(query, QStringLiteral("tty"), false);
    request.subprotocol = subprotocol;
    return request;
}

} // namespace

bool ApiHandler::handleUpgrade(const HttpRequest &request, HttpConnection *connection)
{
    // Anything we decline is read as a normal request, and serveResource() explains the refusal.
    const QByteArray upgrade = request.header("upgrade").toLower();
    const bool spdy = upgrade.contains("spdy/3.1");
    if ((!upgrade.contains("websocket") && !spdy) || !m_streamHandler || !isAuthenticated(request))
        return false;
    const auto route = parseRoute(request.path);
    if (!route || route->type->plural != u"pods" ||
        (route->subresource != u"exec" && route->subresource != u"attach" &&
         route->subresource != u"portforward"))
        return false;
    const auto pod = m_store->get(QStringLiteral("pods"), route->ns, route->name);
    if (!pod)
        return false;
    if (const LimitedToken *limited = limitedTokenOf(request);
        limited && !limited->allows(QStringLiteral("create"), u"pods/" + route->subresource, route->ns))
        return false; // serveResource() answers the 403 a real RBAC authorizer sends
    if (spdy)
        return upgradeToSpdy(request, route->subresource, *pod, connection);
    bool acceptable = false;
    const QStringList accepted = acceptedProtocols(route->subresource);
    for (const QString &offered : offeredProtocols(request))
        acceptable = acceptable || accepted.contains(offered);
    if (!acceptable)
        return false;
    QSslSocket *socket = connection->takeSocket();
    if (!socket)
        return true;
    socket->setParent(this); // until the WebSocket server adopts it
    m_webSockets->handleConnection(socket);
    return true;
}

bool ApiHandler::upgradeToSpdy(const HttpRequest &request, const QString &subresource, const QJsonObject &pod,
                               HttpConnection *connection)
{
    const QByteArray protocol = spdyStreamProtocol(request, subresource);
    if (protocol.isEmpty())
        return false;
    QSslSocket *socket = connection->takeSocket();
    if (!socket)
        return true;
    // The request head is still unread (and a body, which kubectl does not send): SPDY frames follow it.
    const qsizetype headEnd = socket->peek(64 * 1024).indexOf("\r\n\r\n");
    socket->read(headEnd + 4 + qBound(0LL, request.header("content-length").toLongLong(), 64LL * 1024));
    // What spdy.responseUpgrader and httpstream.Handshake answer; kubectl checks all three headers.
    socket->write("HTTP/1.1 101 Switching Protocols\r\nConnection: Upgrade\r\nUpgrade: SPDY/3.1\r\n"
                  "X-Stream-Protocol-Version: " +
                  protocol + "\r\n\r\n");
    auto *spdyConnection = new SpdyConnection(socket);
    const QJsonObject metadata = pod.value(QLatin1String("metadata")).toObject();
    const QString podName = metadata.value(QLatin1String("namespace")).toString() + u'/' +
                            metadata.value(QLatin1String("name")).toString();
    if (subresource == u"portforward") {
        PortForwardRequest forward;
        forward.pod = pod;
        forward.subprotocol = QString::fromLatin1(protocol);
        qCDebug(lcSandbox) << "port-forward over SPDY/3.1 for" << podName;
        m_streamHandler->handlePortForward(spdyConnection, forward);
    } else {
        const ExecRequest exec =
            execRequestFrom(request.query, pod, subresource, QString::fromLatin1(protocol));
        // Said once per session: which transport an old kubectl took is what a report needs first.
        qCInfo(lcSandbox).noquote() << subresource << "over SPDY/3.1 in pod" << podName;
        m_streamHandler->handleExec(spdyConnection, exec);
    }
    return true;
}

void ApiHandler::onWebSocketConnection()
{
    while (QWebSocket *socket = m_webSockets->nextPendingConnection()) {
        const QUrl url = socket->requestUrl();
        const auto route = parseRoute(url.path(QUrl::FullyDecoded));
        const auto pod = route ? m_store->get(QStringLiteral("pods"), route->ns, route->name) : std::nullopt;
        if (!route || !pod || !m_streamHandler) {
            // The pod vanished between the upgrade request and the handshake.
            socket->close(QWebSocketProtocol::CloseCodeGoingAway, QStringLiteral("pod not found"));
            socket->deleteLater();
            continue;
        }
        const QUrlQuery query(url);
        if (route->subresource == u"exec" || route->subresource == u"attach") {
            const ExecRequest request =
                execRequestFrom(query, *pod, route->subresource, socket->subprotocol());
            qCDebug(lcSandbox) << route->subresource << "stream for" << route->ns << route->name
                               << request.command;
            m_streamHandler->handleExec(socket, request);
        } else {
            PortForwardRequest request;
            request.pod = *pod;
            for (const QString &value :
                 query.allQueryItemValues(QStringLiteral("ports"), QUrl::FullyDecoded)) {
                for (const QString &port : value.split(u',', Qt::SkipEmptyParts))
                    request.ports.append(quint16(port.trimmed().toUInt()));
            }
            request.subprotocol = socket->subprotocol();
            qCDebug(lcSandbox) << "port-forward stream for" << route->ns << route->name << request.ports;
            m_streamHandler->handlePortForward(socket, request);
        }
    }
}

} // namespace sandbox
