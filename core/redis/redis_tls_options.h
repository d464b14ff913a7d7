#pragma once

#include "common/result.h"

#include <QByteArray>
#include <QList>
#include <QString>

class QSslConfiguration;
class QSslError;

namespace rcs {

// How a Redis connection speaks TLS (servers >= 6 with tls-port). Certificates and keys are PEM, given
// either as bytes (read from a Kubernetes Secret) or as a file path; the bytes win when both are set.
// The key is never logged nor put into an error message.
struct RedisTlsOptions {
    bool enabled = false;
    // The CA the servers' chain must lead to. When one is given, it is the only trusted root (the
    // system's CAs are not consulted); when none is given, the system's trusted CAs are used.
    QByteArray caCertificates;
    QString caFile;
    // The name the server certificate must carry. The studio reaches pods by IP or through 127.0.0.1
    // tunnels, so it names the pod's DNS name itself (node-0.redis-service.NS.svc.cluster.local); empty
    // means the host connected to.
    QString peerName;
    // A client certificate and its key, for servers with tls-auth-clients yes; both or neither.
    QByteArray clientCertificate;
    QString clientCertificateFile;
    QByteArray clientKey;
    QString clientKeyFile;
};

// The socket configuration for options (certificates loaded, peer verified). InvalidInput with a clear
// sentence when a file cannot be read or holds no certificate/key.
Result<QSslConfiguration> sslConfigurationFor(const RedisTlsOptions &options);

// Why a TLS handshake with node failed, as one sentence: "127.0.5.1:6379: TLS handshake failed: the
// certificate is not signed by the cluster's CA (…)". errors are the handshake's QSslErrors; when there
// are none, socketError (QSslSocket::errorString()) gives the reason.
QString tlsHandshakeFailure(const QString &node, const QList<QSslError> &errors, const QString &peerName,
                            const QString &socketError);

} // namespace rcs
