#pragma once

#include "common/pem_files.h"
#include "common/result.h"

#include <QList>
#include <QNetworkProxy>
#include <QSslConfiguration>
#include <QSslError>
#include <QUrl>

namespace rcs {

struct KubeCluster;

// How to reach one API server: base URL (with any path prefix), TLS settings and proxy, derived from
// a kubeconfig cluster entry. Shared by REST calls (QNetworkAccessManager) and WebSockets.
struct KubeTransport {
    QUrl server;           // scheme://host:port/prefix, without a trailing slash
    QSslConfiguration ssl; // CA (or system roots), verify mode; no client certificate
    QNetworkProxy proxy;   // explicit NoProxy when none applies
    QString tlsServerName; // the name the server certificate is checked against, if set
    bool insecure = false;

    // pathAndQuery starts with '/', e.g. "/api/v1/namespaces/x/pods?limit=500".
    QUrl url(const QString &pathAndQuery) const;
    QUrl webSocketUrl(const QString &pathAndQuery) const;

    // Errors: an unreadable or invalid CA, an unsupported proxy scheme, a server URL that is not http(s).
    static Result<KubeTransport> fromCluster(const KubeCluster &cluster);
    // Which proxy applies to serverUrl given the proxy environment (HTTPS_PROXY, HTTP_PROXY, NO_PROXY,
    // and their lower-case forms); loopback and localhost never use a proxy, as in client-go.
    static Result<QNetworkProxy> proxyFromEnvironment(const QUrl &serverUrl);
    static Result<QNetworkProxy> parseProxyUrl(const QString &proxyUrl);

    // True when every error only says the certificate was issued for tlsServerName rather than the
    // URL's host, i.e. the errors tls-server-name tells us to accept.
    bool errorsAcceptable(const QList<QSslError> &errors) const;
};

} // namespace rcs
