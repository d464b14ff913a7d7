#include "api/api_server.h"

#include "api/api_handler.h"
#include "net/credentials.h"
#include "net/http_connection.h"

#include "common/logging.h"

#include <QSslConfiguration>
#include <QSslServer>
#include <QSslSocket>

using rcs::Error;
using rcs::ErrorCode;

namespace sandbox {

ApiServer::ApiServer(ApiHandler *handler, const Credentials *credentials, QObject *parent)
    : QObject(parent)
    , m_handler(handler)
    , m_credentials(credentials)
    , m_server(new QSslServer(this))
{
    QSslConfiguration configuration = QSslConfiguration::defaultConfiguration();
    configuration.setLocalCertificate(credentials->serverCertificate());
    configuration.setPrivateKey(credentials->serverKey());
    configuration.setCaCertificates({credentials->caCertificate()});
    // Client certificates are optional: bearer tokens are the default credential.
    configuration.setPeerVerifyMode(QSslSocket::QueryPeer);
    configuration.setProtocol(QSsl::TlsV1_2OrLater);
    // HTTP/1.1 only: without this, Go clients would try HTTP/2.
    configuration.setAllowedNextProtocols({QByteArrayLiteral("http/1.1")});
    m_server->setSslConfiguration(configuration);
    connect(m_server, &QSslServer::pendingConnectionAvailable, this, &ApiServer::onPendingConnection);
    connect(m_server, &QSslServer::errorOccurred, this, [](QSslSocket *, QAbstractSocket::SocketError error) {
        qCDebug(lcSandbox) << "TLS connection failed:" << error;
    });
}

rcs::Result<void> ApiServer::listen(const QHostAddress &address, quint16 port)
{
    if (!address.isLoopback())
        return Error(ErrorCode::InvalidInput,
                     QStringLiteral("kube-sandbox listens on loopback addresses only; %1 is not one. Use "
                                    "127.0.0.1.")
                         .arg(address.toString()));
    if (!m_server->listen(address, port))
        return Error(ErrorCode::Io, QStringLiteral("Cannot listen on %1:%2: %3.")
                                        .arg(address.toString())
                                        .arg(port)
                                        .arg(m_server->errorString()));
    return {};
}

quint16 ApiServer::port() const
{
    return m_server->serverPort();
}

QHostAddress ApiServer::address() const
{
    return m_server->serverAddress();
}

void ApiServer::close()
{
    m_server->close();
}

void ApiServer::onPendingConnection()
{
    while (m_server->hasPendingConnections()) {
        auto *socket = qobject_cast<QSslSocket *>(m_server->nextPendingConnection());
        if (!socket)
            continue;
        auto *connection = new HttpConnection(socket, m_handler, m_verbose, this);
        connection->setClientCertificateTrusted(m_credentials->isSignedByCa(socket->peerCertificate()));
    }
}

} // namespace sandbox
