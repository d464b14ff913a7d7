#include "kube_transport.h"

#include "common/logger.h"
#include "kube_config.h"

#include <QCoreApplication>
#include <QFile>
#include <QHostAddress>
#include <QSslKey>

namespace rcs {

namespace {
// The translation context of this file's texts: the GUI shows them in its language, the
// headless commands (which load no translation) in English.
struct Text {
    Q_DECLARE_TR_FUNCTIONS(rcs::KubeTransport)
};
} // namespace

namespace {

bool hostMatchesNoProxy(const QString &host, const QString &noProxy)
{
    for (QString entry : noProxy.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        entry = entry.trimmed().toLower();
        if (entry.isEmpty())
            continue;
        if (entry == QLatin1String("*"))
            return true;
        const int colon = entry.lastIndexOf(QLatin1Char(':'));
        if (colon > 0 && !entry.contains(QLatin1Char(']')) && entry.count(QLatin1Char(':')) == 1)
            entry = entry.left(colon);
        if (entry.contains(QLatin1Char('/'))) {
            const auto subnet = QHostAddress::parseSubnet(entry);
            if (QHostAddress(host).isInSubnet(subnet))
                return true;
            continue;
        }
        if (entry.startsWith(QLatin1Char('.')))
            entry = entry.mid(1);
        if (host == entry || host.endsWith(QLatin1Char('.') + entry))
            return true;
    }
    return false;
}

} // namespace

QUrl KubeTransport::url(const QString &pathAndQuery) const
{
    const int q = pathAndQuery.indexOf(QLatin1Char('?'));
    QUrl result = server;
    result.setPath(server.path() + (q < 0 ? pathAndQuery : pathAndQuery.left(q)));
    if (q >= 0)
        result.setQuery(pathAndQuery.mid(q + 1), QUrl::TolerantMode);
    return result;
}

QUrl KubeTransport::webSocketUrl(const QString &pathAndQuery) const
{
    QUrl result = url(pathAndQuery);
    result.setScheme(result.scheme() == QLatin1String("https") ? QStringLiteral("wss")
                                                               : QStringLiteral("ws"));
    return result;
}

Result<QNetworkProxy> KubeTransport::parseProxyUrl(const QString &proxyUrl)
{
    const QUrl url(proxyUrl, QUrl::StrictMode);
    if (!url.isValid() || url.host().isEmpty())
        return Error(ErrorCode::InvalidInput,
                     Text::tr("The proxy URL \"%1\" is not a valid URL.").arg(proxyUrl));
    const QString scheme = url.scheme().toLower();
    QNetworkProxy proxy;
    if (scheme == QLatin1String("http") || scheme == QLatin1String("https")) {
        // Qt speaks CONNECT over plain TCP to the proxy; an https:// proxy URL is used the same way
        // (Qt has no TLS to the proxy itself). The API traffic inside the tunnel is TLS end to end,
        // but proxy credentials would cross in clear where the user expects TLS: refuse those.
        if (scheme == QLatin1String("https")) {
            if (!url.password().isEmpty())
                return Error(ErrorCode::InvalidInput,
                             Text::tr("The proxy URL \"%1\" has a password, which this application "
                                      "would send to the proxy without TLS; use an http:// proxy URL "
                                      "on a trusted network, or a proxy without a password.")
                                 .arg(url.toString(QUrl::RemovePassword)));
            Logger::instance().warning(
                QStringLiteral("kube"),
                Text::tr("The proxy %1 is reached without TLS (CONNECT over plain TCP): this application "
                         "cannot speak TLS to a proxy. The Kubernetes API traffic through it stays "
                         "encrypted end to end.")
                    .arg(url.toString(QUrl::RemoveUserInfo)));
        }
        proxy.setType(QNetworkProxy::HttpProxy);
        proxy.setPort(static_cast<quint16>(url.port(scheme == QLatin1String("https") ? 443 : 80)));
    } else if (scheme == QLatin1String("socks5") || scheme == QLatin1String("socks5h")) {
        proxy.setType(QNetworkProxy::Socks5Proxy);
        proxy.setPort(static_cast<quint16>(url.port(1080)));
    } else {
        return Error(ErrorCode::InvalidInput,
                     Text::tr("The proxy URL \"%1\" uses the scheme \"%2\"; use http, https or socks5.")
                         .arg(proxyUrl, scheme));
    }
    proxy.setHostName(url.host());
    proxy.setUser(url.userName());
    proxy.setPassword(url.password());
    if (!url.password().isEmpty())
        Logger::instance().addSecret(url.password());
    return proxy;
}

Result<QNetworkProxy> KubeTransport::proxyFromEnvironment(const QUrl &serverUrl)
{
    const QString host = serverUrl.host().toLower();
    const QHostAddress address(host);
    if (host == QLatin1String("localhost") || address.isLoopback())
        return QNetworkProxy(QNetworkProxy::NoProxy);
    auto env = [](const char *upper, const char *lower) {
        const QString value = qEnvironmentVariable(upper);
        return value.isEmpty() ? qEnvironmentVariable(lower) : value;
    };
    if (hostMatchesNoProxy(host, env("NO_PROXY", "no_proxy")))
        return QNetworkProxy(QNetworkProxy::NoProxy);
    const QString proxy = serverUrl.scheme() == QLatin1String("https") ? env("HTTPS_PROXY", "https_proxy")
                                                                       : env("HTTP_PROXY", "http_proxy");
    if (proxy.isEmpty())
        return QNetworkProxy(QNetworkProxy::NoProxy);
    // Like Go, a proxy given without a scheme means http://.
    return parseProxyUrl(proxy.contains(QStringLiteral("://")) ? proxy : QStringLiteral("http://") + proxy);
}

Result<KubeTransport> KubeTransport::fromCluster(const KubeCluster &cluster)
{
    KubeTransport transport;
    QUrl server(cluster.server, QUrl::StrictMode);
    const QString scheme = server.scheme().toLower();
    if (!server.isValid() || server.host().isEmpty() ||
        (scheme != QLatin1String("https") && scheme != QLatin1String("http")))
        return Error(ErrorCode::InvalidInput,
                     Text::tr("%1: cluster \"%2\" has the server \"%3\", which is not an http(s) URL.")
                         .arg(cluster.definedIn, cluster.name, cluster.server));
    QString path = server.path();
    while (path.endsWith(QLatin1Char('/')))
        path.chop(1);
    server.setPath(path);
    transport.server = server;

    QSslConfiguration ssl = QSslConfiguration::defaultConfiguration();
    if (!cluster.certificateAuthorityData.isEmpty() || !cluster.certificateAuthority.isEmpty()) {
        const auto ca = loadCertificates(cluster.certificateAuthorityData, cluster.certificateAuthority,
                                         Text::tr("certificate authority"));
        if (!ca)
            return ca.error().withContext(
                Text::tr("%1: cluster \"%2\": ").arg(cluster.definedIn, cluster.name));
        // Only the kubeconfig's CA is trusted, as in client-go: the system roots are not added.
        ssl.setCaCertificates(*ca);
    }
    if (cluster.insecureSkipTlsVerify) {
        ssl.setPeerVerifyMode(QSslSocket::VerifyNone);
        transport.insecure = true;
        Logger::instance().warning(
            QStringLiteral("kube"),
            Text::tr("WARNING: cluster \"%1\" sets insecure-skip-tls-verify: the API server's certificate is "
                     "NOT checked, so anyone on the network path can read and change this traffic, "
                     "including your credentials. Set certificate-authority instead.")
                .arg(cluster.name));
    }
    transport.ssl = ssl;
    transport.tlsServerName = cluster.tlsServerName;

    auto proxy = cluster.proxyUrl.isEmpty() ? proxyFromEnvironment(server) : parseProxyUrl(cluster.proxyUrl);
    if (!proxy)
        return proxy.error().withContext(
            Text::tr("%1: cluster \"%2\": ").arg(cluster.definedIn, cluster.name));
    transport.proxy = *proxy;
    return transport;
}

bool KubeTransport::errorsAcceptable(const QList<QSslError> &errors) const
{
    if (insecure)
        return true;
    if (tlsServerName.isEmpty() || errors.isEmpty())
        return false;
    for (const QSslError &error : errors) {
        if (error.error() != QSslError::HostNameMismatch)
            return false;
        const QSslCertificate cert = error.certificate();
        QStringList names = cert.subjectAlternativeNames().values(QSsl::DnsEntry);
        names += cert.subjectInfo(QSslCertificate::CommonName);
        bool matched = false;
        for (const QString &name : names) {
            if (name.compare(tlsServerName, Qt::CaseInsensitive) == 0)
                matched = true;
        }
        if (!matched)
            return false;
    }
    return true;
}

} // namespace rcs
