// WebSocket upgrades of pods/exec and pods/portforward: checked here, then handed to the runtime.
#include "api/api_handler.h"

#include "net/credentials.h"
#include "store/memory_object_store.h"
#include "api/resource_types.h"
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
    if (subresource == u"exec")
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

} // namespace

bool ApiHandler::handleUpgrade(const HttpRequest &request, HttpConnection *connection)
{
    // Anything we decline is read as a normal request, and serveResource() explains the refusal.
    if (!request.header("upgrade").toLower().contains("websocket") || !m_streamHandler ||
        !isAuthenticated(request))
        return false;
    const auto route = parseRoute(request.path);
    if (!route || route->type->plural != u"pods" ||
        (route->subresource != u"exec" && route->subresource != u"portforward"))
        return false;
    if (!m_store->get(QStringLiteral("pods"), route->ns, route->name))
        return false;
    if (const LimitedToken *limited = limitedTokenOf(request);
        limited && !limited->allows(QStringLiteral("create"), u"pods/" + route->subresource, route->ns))
        return false; // serveResource() answers the 403 a real RBAC authorizer sends
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
        if (route->subresource == u"exec") {
            ExecRequest request;
            request.pod = *pod;
            request.container = formQueryValues(query, QStringLiteral("container")).value(0);
            request.command = formQueryValues(query, QStringLiteral("command"));
            request.stdinEnabled = isTrue(query, QStringLiteral("stdin"), false);
            request.stdoutEnabled = isTrue(query, QStringLiteral("stdout"), true);
            request.stderrEnabled = isTrue(query, QStringLiteral("stderr"), true);
            request.tty = isTrue(query, QStringLiteral("tty"), false);
            request.subprotocol = socket->subprotocol();
            qCDebug(lcSandbox) << "exec stream for" << route->ns << route->name << request.command;
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
