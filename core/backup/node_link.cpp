#include "node_link.h"

#include "backup_text.h"

#include "redis/redis_pool.h"

#include <QNetworkProxy>
#include <QSslConfiguration>
#include <QSslSocket>

namespace rcs::backup {

QByteArray respCommand(const QList<QByteArray> &argv)
{
    QByteArray out = '*' + QByteArray::number(argv.size()) + "\r\n";
    for (const QByteArray &arg : argv)
        out += '$' + QByteArray::number(arg.size()) + "\r\n" + arg + "\r\n";
    return out;
}

Result<NodeLink> connectNodeLink(RedisPool *pool, const NodeAddress &node, QObject *context,
                                 const std::function<void()> &onReady)
{
    NodeLink link;
    link.route = pool->routeFor(node);
    link.tls = pool->tlsOptionsFor(node);
    QSslConfiguration configuration;
    if (link.tls.enabled) {
        Result<QSslConfiguration> loaded = sslConfigurationFor(link.tls);
        if (!loaded)
            return Error(
                ErrorCode::InvalidInput,
                Text::tr("Cannot connect to %1 with TLS: %2").arg(node.toString(), loaded.error().message()));
        configuration = loaded.value();
    }
    link.socket = new QSslSocket;
    // Nodes are reached directly or through the studio's own tunnel, never through an application proxy.
    link.socket->setProxy(QNetworkProxy::NoProxy);
    if (link.tls.enabled) {
        QObject::connect(link.socket, &QSslSocket::encrypted, context, onReady);
        link.socket->setSslConfiguration(configuration);
        link.socket->connectToHostEncrypted(link.route.host, link.route.port,
                                            link.tls.peerName.isEmpty() ? link.route.host
                                                                        : link.tls.peerName);
    } else {
        QObject::connect(link.socket, &QSslSocket::connected, context, onReady);
        link.socket->connectToHost(link.route.host, link.route.port);
    }
    return link;
}

Error nodeLinkConnectFailure(const NodeLink &link, const NodeAddress &node, const QList<QSslError> &sslErrors)
{
    const QAbstractSocket::SocketError code = link.socket->error();
    const QString why = link.socket->errorString();
    const bool tlsError = code == QAbstractSocket::SslHandshakeFailedError ||
                          code == QAbstractSocket::SslInternalError ||
                          code == QAbstractSocket::SslInvalidUserDataError;
    // As RedisConnection decides it: a TLS link that failed before any reply failed its handshake.
    if (link.tls.enabled && (tlsError || !sslErrors.isEmpty()))
        return Error(ErrorCode::ConnectionFailed,
                     tlsHandshakeFailure(node.toString(), sslErrors,
                                         link.tls.peerName.isEmpty() ? link.route.host : link.tls.peerName,
                                         why));
    return Error(ErrorCode::ConnectionFailed, Text::tr("Cannot connect to %1: %2").arg(node.toString(), why));
}

} // namespace rcs::backup
