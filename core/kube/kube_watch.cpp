#include "kube_watch.h"

#include "common/logger.h"
#include "common/logging.h"
#include "kube_credentials.h"

#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QRandomGenerator>

namespace rcs {

KubeWatch::KubeWatch(KubeClient *client, KubeObjectRef collection, KubeListOptions options, QObject *parent)
    : QObject(parent)
    , m_client(client)
    , m_collection(std::move(collection))
    , m_options(std::move(options))
{
    m_retry.setSingleShot(true);
    connect(&m_retry, &QTimer::timeout, this, [this] {
        if (m_needRelist)
            relist();
        else
            connectStream();
    });
}

KubeWatch::~KubeWatch()
{
    stop();
}

QString KubeWatch::keyOf(const QJsonObject &object)
{
    const QJsonObject metadata = object.value(QStringLiteral("metadata")).toObject();
    return metadata.value(QStringLiteral("namespace")).toString() + QLatin1Char('/') +
           metadata.value(QStringLiteral("name")).toString();
}

void KubeWatch::start()
{
    if (m_running)
        return;
    m_running = true;
    m_failures = 0;
    relist();
}

void KubeWatch::stop()
{
    m_running = false;
    m_retry.stop();
    if (m_reply) {
        m_reply->disconnect(this);
        m_reply->abort();
        m_reply->deleteLater();
    }
    if (m_list) {
        m_list->disconnect(this);
        m_list->cancel();
    }
}

void KubeWatch::failure(const Error &error, bool retryable)
{
    if (!m_running)
        return;
    ++m_failures;
    if (!retryable || m_failures >= kMaxFailures) {
        stop();
        Q_EMIT failed(error);
        return;
    }
    qCDebug(lcKube) << "watch retry after" << error.message();
    m_retry.start(qMin(250 << m_failures, 5000) + int(QRandomGenerator::global()->bounded(100)));
}

void KubeWatch::relist()
{
    if (!m_running || !m_client)
        return;
    m_needRelist = true;
    KubeRequest *list =
        m_client->list(m_collection.apiVersion, m_collection.kind, m_collection.ns, m_options);
    m_list = list;
    connect(list, &Job::finished, this, [this, list] {
        m_list = nullptr;
        if (list->hasError()) {
            const ErrorCode code = list->error().code();
            failure(list->error(), code != ErrorCode::Unauthorized && code != ErrorCode::Forbidden &&
                                       code != ErrorCode::NotFound && code != ErrorCode::InvalidInput);
            return;
        }
        m_needRelist = false;
        m_objects.clear();
        for (const QJsonObject &item : list->items())
            m_objects.insert(keyOf(item), item);
        m_resourceVersion = list->listResourceVersion();
        ++m_relists;
        Q_EMIT synced(m_objects.values());
        connectStream();
    });
    list->start();
}

void KubeWatch::connectStream()
{
    if (!m_running || !m_client)
        return;
    m_client->resolve(
        m_collection.apiVersion, m_collection.kind, this, [this](const Result<KubeResource> &resource) {
            if (!resource) {
                failure(resource.error(), false);
                return;
            }
            m_resource = *resource;
            QUrlQuery query;
            query.addQueryItem(QStringLiteral("watch"), QStringLiteral("true"));
            query.addQueryItem(QStringLiteral("allowWatchBookmarks"), QStringLiteral("true"));
            query.addQueryItem(QStringLiteral("resourceVersion"), m_resourceVersion);
            query.addQueryItem(QStringLiteral("timeoutSeconds"), QString::number(m_timeoutSeconds));
            if (!m_options.labelSelector.isEmpty())
                query.addQueryItem(QStringLiteral("labelSelector"), m_options.labelSelector);
            if (!m_options.fieldSelector.isEmpty())
                query.addQueryItem(QStringLiteral("fieldSelector"), m_options.fieldSelector);
            const QString path =
                m_resource.path(m_collection.ns) + QLatin1Char('?') + query.toString(QUrl::FullyEncoded);
            m_client->credentials()->obtain(this, [this, path](const Result<KubeAuth> &auth) {
                if (!m_running || !m_client)
                    return;
                if (!auth) {
                    failure(auth.error(), false);
                    return;
                }
                KubePreparedRequest prepared = m_client->prepared(path, *auth, false);
                // A silent stream longer than the server's own timeout means a dead connection.
                prepared.request.setTransferTimeout((m_timeoutSeconds + 30) * 1000);
                m_parser.reset();
                m_streamAge.start();
                QNetworkReply *reply = m_client->network()->get(prepared.request);
                m_reply = reply;
                const KubeTransport transport = m_client->transport();
                connect(reply, &QNetworkReply::sslErrors, this,
                        [reply, transport](const QList<QSslError> &errors) {
                            if (transport.errorsAcceptable(errors))
                                reply->ignoreSslErrors();
                        });
                connect(reply, &QNetworkReply::readyRead, this, &KubeWatch::onReadyRead);
                const bool fromExec = auth->fromExecPlugin;
                connect(reply, &QNetworkReply::finished, this,
                        [this, reply, fromExec] { onStreamFinished(reply, fromExec); });
            });
        });
}

void KubeWatch::onReadyRead()
{
    if (!m_reply)
        return;
    if (m_reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt() != 200)
        return; // the error body is read in onStreamFinished
    m_parser.feed(m_reply->readAll());
    handleEvents();
}

void KubeWatch::handleEvents()
{
    const QList<KubeWatchEvent> events = m_parser.takeEvents();
    for (const KubeWatchEvent &event : events) {
        if (!m_running)
            return;
        if (event.type == KubeWatchEvent::Type::Error) {
            if (event.isGone()) {
                // Too old a resource version: the only way back is a fresh list.
                if (m_reply) {
                    m_reply->disconnect(this);
                    m_reply->abort();
                    m_reply->deleteLater();
                }
                relist();
                return;
            }
            continue; // other errors end the stream; onStreamFinished reconnects
        }
        if (!event.resourceVersion.isEmpty())
            m_resourceVersion = event.resourceVersion;
        m_failures = 0;
        if (event.type == KubeWatchEvent::Type::Bookmark)
            continue;
        if (event.type == KubeWatchEvent::Type::Deleted)
            m_objects.remove(keyOf(event.object));
        else
            m_objects.insert(keyOf(event.object), event.object);
        Q_EMIT eventReceived(event);
    }
    if (m_parser.hasError()) {
        Logger::instance().warning(QStringLiteral("kube"), m_parser.error());
        m_parser.clearError();
    }
}

void KubeWatch::onStreamFinished(QNetworkReply *reply, bool fromExec)
{
    reply->deleteLater();
    if (reply != m_reply)
        return;
    m_reply = nullptr;
    if (!m_running)
        return;
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (status == 200) {
        // A stream aborted by its transfer timeout (silent too long) is closed: nothing to read.
        if (reply->isOpen())
            m_parser.feed(reply->readAll());
        // A connection that broke mid-body leaves at most a torn event behind: it is dropped (not
        // parsed, not logged) and comes again from the server when the stream resumes from the last
        // complete event's resourceVersion.
        if (reply->error() == QNetworkReply::NoError)
            m_parser.finish();
        handleEvents();
        if (!m_running || m_list)
            return; // a 410 event started a re-list
        m_reauthenticated = false;
        ++m_reconnects;
        // The server ended the stream (timeoutSeconds): carry on from the last RV. A server that keeps
        // closing at once is not hammered: short streams wait a moment before the next one.
        if (m_streamAge.elapsed() < 1000)
            m_retry.start(1000);
        else
            connectStream();
        return;
    }
    if (status == 410) {
        relist();
        return;
    }
    if (status == 401 && fromExec && !m_reauthenticated) {
        m_reauthenticated = true;
        m_client->credentials()->invalidateExecCredential();
        connectStream();
        return;
    }
    if (status == 0) {
        failure(Error(ErrorCode::ConnectionFailed, tr("The watch of %1 lost its connection: %2.")
                                                       .arg(m_collection.kind, reply->errorString())),
                true);
        return;
    }
    KubeRequestContext context{
        QStringLiteral("watch"), m_resource.resource, m_collection.ns, {}, reply->url().toString()};
    const Error error = decodeKubeError(status, reply->readAll(), context);
    failure(error, status == 429 || status >= 500);
}

} // namespace rcs
