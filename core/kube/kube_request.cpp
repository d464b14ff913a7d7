#include "kube_request.h"

#include "common/logger.h"
#include "kube_client.h"
#include "kube_credentials.h"
#include "retry_after.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QTimer>

namespace rcs {

namespace {
// The translation context of this file's texts: the GUI shows them in its language, the
// headless commands (which load no translation) in English.
struct Text {
    Q_DECLARE_TR_FUNCTIONS(rcs::KubeRequest)
};
} // namespace

namespace {

const QString kCategory = QStringLiteral("kube");

void logWarnings(QNetworkReply *reply)
{
    // Warning: 299 - "text" (several may be folded into one header, comma-separated).
    static const QRegularExpression warningRe(QStringLiteral("\\d{3}\\s+\\S+\\s+\"((?:[^\"\\\\]|\\\\.)*)\""));
    for (const auto &header : reply->rawHeaderPairs()) {
        if (header.first.compare("Warning", Qt::CaseInsensitive) != 0)
            continue;
        auto it = warningRe.globalMatch(QString::fromUtf8(header.second));
        while (it.hasNext())
            Logger::instance().warning(kCategory,
                                       Text::tr("Kubernetes API warning: ") + it.next().captured(1));
    }
}

QString describeSslErrors(const QList<QSslError> &errors)
{
    QStringList texts;
    for (const QSslError &error : errors)
        texts.append(error.errorString());
    texts.removeDuplicates();
    return texts.join(QStringLiteral("; "));
}

} // namespace

KubeRequest::KubeRequest(KubeClient *client, Spec spec, QObject *parent)
    : Job(parent)
    , m_client(client)
    , m_spec(std::move(spec))
{
    if (m_spec.verb.isEmpty())
        m_spec.verb = QString::fromLatin1(m_spec.method).toLower();
    setTitle(m_spec.description.isEmpty() ? tr("Kubernetes %1").arg(m_spec.verb) : m_spec.description);
    setTimeout(120000);
}

KubeRequest::~KubeRequest()
{
    if (m_reply) {
        m_reply->disconnect(this);
        m_reply->abort();
        m_reply->deleteLater();
    }
}

QString KubeRequest::listResourceVersion() const
{
    return m_object.value(QStringLiteral("metadata"))
        .toObject()
        .value(QStringLiteral("resourceVersion"))
        .toString();
}

KubeRequestContext KubeRequest::context() const
{
    KubeRequestContext c;
    c.verb = m_spec.verb;
    c.resource = m_resource.resource.isEmpty() ? m_spec.ref.kind.toLower() : m_resource.resource;
    if (!m_spec.subresource.isEmpty())
        c.resource += QLatin1Char('/') + m_spec.subresource;
    c.ns = m_resource.namespaced || m_resource.resource.isEmpty() ? m_spec.ref.ns : QString();
    c.name = m_spec.ref.name;
    if (m_client)
        c.url = m_client->transport().url(m_resolvedPath).toString();
    return c;
}

void KubeRequest::doStart()
{
    if (!m_client) {
        fail(ErrorCode::Internal, tr("The Kubernetes client was closed before the request ran."));
        return;
    }
    if (!m_spec.equivalentCommand.isEmpty())
        Logger::instance().command(kCategory, m_spec.description, m_spec.equivalentCommand);
    if (!m_spec.path.isEmpty()) {
        m_resolvedPath = m_spec.path;
        send();
        return;
    }
    setStep(tr("finding the API resource of %1").arg(m_spec.ref.kind));
    m_client->resolve(
        m_spec.ref.apiVersion, m_spec.ref.kind, this, [this](const Result<KubeResource> &resource) {
            if (!resource) {
                fail(resource.error());
                return;
            }
            m_resource = *resource;
            m_resolvedPath = m_resource.path(m_spec.ref.ns, m_spec.ref.name, m_spec.subresource);
            send();
        });
}

void KubeRequest::doCancel()
{
    if (m_reply) {
        m_reply->disconnect(this);
        m_reply->abort();
        m_reply->deleteLater();
    }
}

void KubeRequest::send()
{
    if (!m_client) {
        fail(ErrorCode::Internal, tr("The Kubernetes client was closed before the request ran."));
        return;
    }
    ++m_attempts;
    setStep(QStringLiteral("%1 %2").arg(m_spec.verb, m_resolvedPath));
    m_client->credentials()->obtain(this, [this](const Result<KubeAuth> &auth) {
        if (!auth) {
            fail(auth.error());
            return;
        }
        sendWith(*auth);
    });
}

void KubeRequest::sendWith(const KubeAuth &auth)
{
    if (!m_client) {
        fail(ErrorCode::Internal, tr("The Kubernetes client was closed before the request ran."));
        return;
    }
    QUrlQuery query = m_spec.query;
    if (m_spec.allPages) {
        if (!m_continue.isEmpty())
            query.addQueryItem(QStringLiteral("continue"), m_continue);
    }
    QString pathAndQuery = m_resolvedPath;
    if (!query.isEmpty())
        pathAndQuery += QLatin1Char('?') + query.toString(QUrl::FullyEncoded);
    KubePreparedRequest prepared = m_client->prepared(pathAndQuery, auth, false);
    prepared.request.setTransferTimeout(m_transferTimeoutMs);
    if (!m_spec.contentType.isEmpty())
        prepared.request.setRawHeader("Content-Type", m_spec.contentType);

    QNetworkReply *reply = nullptr;
    if (m_spec.body.isEmpty() && m_spec.method == "GET")
        reply = m_client->network()->get(prepared.request);
    else
        reply = m_client->network()->sendCustomRequest(prepared.request, m_spec.method, m_spec.body);
    m_reply = reply;
    const bool fromExec = auth.fromExecPlugin;
    const KubeTransport transport = m_client->transport();
    connect(reply, &QNetworkReply::sslErrors, this, [reply, transport](const QList<QSslError> &errors) {
        if (transport.errorsAcceptable(errors))
            reply->ignoreSslErrors();
        else
            reply->setProperty("rcsSslErrors", describeSslErrors(errors));
    });
    connect(reply, &QNetworkReply::finished, this, [this, reply, fromExec] { handleReply(reply, fromExec); });
}

int KubeRequest::backoffMs() const
{
    const int base = 250 << qMin(m_attempts - 1, 5);
    return qMin(base, 8000) + int(QRandomGenerator::global()->bounded(100));
}

void KubeRequest::retryLater(int delayMs)
{
    setStep(tr("waiting %1 ms before retrying %2 %3").arg(delayMs).arg(m_spec.verb, m_resolvedPath));
    QTimer::singleShot(delayMs, this, [this] { send(); });
}

void KubeRequest::handleReply(QNetworkReply *reply, bool fromExec)
{
    reply->deleteLater();
    m_reply = nullptr;
    m_httpStatus = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    // A reply aborted by its transfer timeout is closed: reading it would only make Qt warn.
    m_body = reply->isOpen() ? reply->readAll() : QByteArray();
    logWarnings(reply);
    const QString url = reply->url().toString();

    if (m_httpStatus == 0) {
        const QNetworkReply::NetworkError error = reply->error();
        const QString sslErrors = reply->property("rcsSslErrors").toString();
        if (!sslErrors.isEmpty() || error == QNetworkReply::SslHandshakeFailedError) {
            const KubeCluster &cluster = m_client->target().cluster;
            fail(ErrorCode::ConnectionFailed,
                 tr("The TLS connection to the Kubernetes API at %1 failed: %2. Check "
                    "certificate-authority(-data) of cluster \"%3\" in %4 (and tls-server-name).")
                     .arg(m_client->transport().server.toString(),
                          sslErrors.isEmpty() ? reply->errorString() : sslErrors, cluster.name,
                          cluster.definedIn));
            return;
        }
        const bool transient = error == QNetworkReply::RemoteHostClosedError ||
                               error == QNetworkReply::TemporaryNetworkFailureError ||
                               error == QNetworkReply::NetworkSessionFailedError;
        if (transient && m_spec.idempotent && m_attempts < m_maxAttempts) {
            retryLater(backoffMs());
            return;
        }
        // Our own cancel disconnects before it aborts: a cancelled reply here is Qt's transfer
        // timeout (Qt 6.4 reports it as OperationCanceledError, later versions as TimeoutError).
        if (error == QNetworkReply::TimeoutError || error == QNetworkReply::OperationCanceledError) {
            fail(ErrorCode::Timeout,
                 tr("The Kubernetes API at %1 did not answer the request to %2 %3 within %4 s. Is the "
                    "API server running and not overloaded, and is the server address in the "
                    "kubeconfig right (nothing else listening there)? Then try again.")
                     .arg(m_client->transport().server.toString(), m_spec.verb, context().resource,
                          QString::number(m_transferTimeoutMs / 1000.0)),
                 url);
            return;
        }
        fail(ErrorCode::ConnectionFailed,
             tr("Cannot reach the Kubernetes API at %1 to %2 %3: %4. Is the cluster running and the "
                "server address in the kubeconfig right?")
                 .arg(m_client->transport().server.toString(), m_spec.verb, context().resource,
                      reply->errorString()),
             url);
        return;
    }

    if (m_httpStatus == 401 && fromExec && !m_reauthenticated) {
        // The plugin's cached credential may have been revoked early: run it once more.
        m_reauthenticated = true;
        m_client->credentials()->invalidateExecCredential();
        send();
        return;
    }
    const bool tooMany = m_httpStatus == 429;
    const bool serverError =
        m_httpStatus == 500 || m_httpStatus == 502 || m_httpStatus == 503 || m_httpStatus == 504;
    if ((tooMany || (serverError && m_spec.idempotent)) && m_attempts < m_maxAttempts) {
        retryLater(retryAfterMs(reply->rawHeader("Retry-After"), QDateTime::currentDateTimeUtc())
                       .value_or(backoffMs()));
        return;
    }
    if (m_httpStatus == 404 && m_spec.notFoundIsSuccess) {
        succeed();
        return;
    }
    if (m_httpStatus < 200 || m_httpStatus >= 300) {
        const Error error = decodeKubeError(m_httpStatus, m_body, context());
        fail(error);
        return;
    }

    if (m_spec.textAnswer) {
        succeed();
        return;
    }
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(m_body, &parseError);
    if (!m_body.trimmed().isEmpty() &&
        (parseError.error != QJsonParseError::NoError || !document.isObject())) {
        fail(ErrorCode::Protocol,
             tr("The Kubernetes API answered %1 %2 with something that is not a JSON object (%3).")
                 .arg(m_spec.verb, m_resolvedPath, parseError.errorString()),
             QString::fromUtf8(m_body.left(2048)));
        return;
    }
    m_object = document.object();
    if (m_spec.allPages) {
        for (const QJsonValue &item : m_object.value(QStringLiteral("items")).toArray())
            m_items.append(item.toObject());
        m_continue = m_object.value(QStringLiteral("metadata"))
                         .toObject()
                         .value(QStringLiteral("continue"))
                         .toString();
        if (!m_continue.isEmpty()) {
            m_attempts = 0;
            send();
            return;
        }
    }
    succeed();
}

} // namespace rcs
