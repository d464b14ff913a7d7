#include "api/watch_stream.h"

#include "api/api_status.h"
#include "net/http_connection.h"
#include "store/memory_object_store.h"
#include "api/resource_types.h"
#include "api/table_printer.h"

#include <QJsonDocument>

namespace sandbox {

namespace {
constexpr int kBookmarkIntervalMs = 15000;
}

WatchStream::WatchStream(MemoryObjectStore *store, const ResourceType &type, Options options,
                         HttpConnection *connection)
    : QObject(connection)
    , m_store(store)
    , m_type(type)
    , m_options(std::move(options))
    , m_connection(connection)
{
    connect(connection, &HttpConnection::closed, this, [this] {
        m_ended = true;
        deleteLater();
    });
    m_timeout.setSingleShot(true);
    connect(&m_timeout, &QTimer::timeout, this, &WatchStream::end);
    connect(&m_bookmarkTimer, &QTimer::timeout, this, &WatchStream::sendBookmark);
    begin();
}

void WatchStream::begin()
{
    m_connection->startStream(200,
                              {{"Content-Type", "application/json"}, {"Cache-Control", "no-cache, private"}});
    const QString rv = m_options.resourceVersion;
    if (rv.isEmpty() || rv == u"0") {
        QList<QJsonObject> objects = m_store->list(m_type.plural, m_options.ns);
        for (const QJsonObject &object : objects) {
            if (accepts(object))
                send(QStringLiteral("ADDED"), object);
        }
    } else {
        bool ok = false;
        const qint64 since = rv.toLongLong(&ok);
        const auto events = ok ? m_store->eventsSince(since) : std::nullopt;
        if (!events || since > m_store->currentResourceVersion()) {
            const ApiStatus expired =
                ApiStatus::expired(ok ? QStringLiteral("too old resource version: %1 (%2)")
                                            .arg(since)
                                            .arg(m_store->oldestResumableVersion() + 1)
                                      : QStringLiteral("invalid resource version: %1").arg(rv));
            QJsonObject status = expired.toJson();
            m_connection->writeChunk(
                QJsonDocument(QJsonObject{{QStringLiteral("type"), QStringLiteral("ERROR")},
                                          {QStringLiteral("object"), status}})
                    .toJson(QJsonDocument::Compact) +
                '\n');
            end();
            return;
        }
        for (const MemoryObjectStore::Change &change : *events)
            onChanged(change);
    }
    connect(m_store, &MemoryObjectStore::changedFrom, this, &WatchStream::onChanged);
    m_timeout.start(std::max(1, m_options.timeoutSeconds) * 1000);
    if (m_options.bookmarks)
        m_bookmarkTimer.start(kBookmarkIntervalMs);
}

bool WatchStream::accepts(const QJsonObject &object) const
{
    const QJsonObject metadata = object.value(QLatin1String("metadata")).toObject();
    if (!m_options.ns.isEmpty() && metadata.value(QLatin1String("namespace")).toString() != m_options.ns)
        return false;
    return m_options.labels.matches(metadata.value(QLatin1String("labels")).toObject()) &&
           m_options.fields.matches(object);
}

void WatchStream::onChanged(const MemoryObjectStore::Change &change)
{
    const WatchEvent &event = change.event;
    if (m_ended || event.resource != m_type.plural)
        return;
    const bool matches = accepts(event.object);
    const bool matched = !change.previous.isEmpty() && accepts(change.previous);
    switch (event.type) {
    case WatchEvent::Type::Added:
        if (matches)
            send(QStringLiteral("ADDED"), event.object);
        break;
    case WatchEvent::Type::Modified:
        // As the API server does: an object entering the selection is ADDED, one leaving it DELETED.
        if (matches)
            send(matched ? QStringLiteral("MODIFIED") : QStringLiteral("ADDED"), event.object);
        else if (matched)
            send(QStringLiteral("DELETED"), event.object);
        break;
    case WatchEvent::Type::Deleted:
        if (matches)
            send(QStringLiteral("DELETED"), event.object);
        break;
    }
}

void WatchStream::send(const QString &type, const QJsonObject &object)
{
    if (!m_connection || m_ended)
        return;
    QJsonObject full = object;
    if (!full.contains(QLatin1String("kind"))) {
        full.insert(QStringLiteral("kind"), m_type.kind);
        full.insert(QStringLiteral("apiVersion"), m_type.apiVersion());
    }
    if (m_options.table && type != u"BOOKMARK")
        full = toTable(m_type, {full},
                       full.value(QLatin1String("metadata"))
                           .toObject()
                           .value(QLatin1String("resourceVersion"))
                           .toString(),
                       {}, m_options.includeObject);
    const QByteArray line =
        QJsonDocument(QJsonObject{{QStringLiteral("type"), type}, {QStringLiteral("object"), full}})
            .toJson(QJsonDocument::Compact) +
        '\n';
    if (type != u"BOOKMARK" && injectFault(line))
        return;
    m_connection->writeChunk(line);
}

bool WatchStream::injectFault(const QByteArray &line)
{
    if (m_options.fault == WatchFault::None || m_eventsSent++ < m_options.faultAfterEvents)
        return false;
    switch (m_options.fault) {
    case WatchFault::None:
        return false;
    case WatchFault::Drop:
        break;
    case WatchFault::Truncate:
        m_connection->writeChunk(line.left(line.size() / 2));
        break;
    case WatchFault::Expire: {
        const QJsonObject status =
            ApiStatus::expired(QStringLiteral("too old resource version: injected fault")).toJson();
        m_connection->writeChunk(QJsonDocument(QJsonObject{{QStringLiteral("type"), QStringLiteral("ERROR")},
                                                           {QStringLiteral("object"), status}})
                                     .toJson(QJsonDocument::Compact) +
                                 '\n');
        end();
        return true;
    }
    }
    // Drop and Truncate: no final chunk, the connection just goes away.
    m_ended = true;
    m_timeout.stop();
    m_bookmarkTimer.stop();
    disconnect(m_store, nullptr, this, nullptr);
    m_connection->abortStream();
    return true;
}

void WatchStream::sendBookmark()
{
    if (m_options.table)
        return; // bookmarks are optional, and a Table stream has no object to carry one
    send(QStringLiteral("BOOKMARK"),
         QJsonObject{{QStringLiteral("kind"), m_type.kind},
                     {QStringLiteral("apiVersion"), m_type.apiVersion()},
                     {QStringLiteral("metadata"),
                      QJsonObject{{QStringLiteral("resourceVersion"),
                                   QString::number(m_store->currentResourceVersion())}}}});
}

void WatchStream::end()
{
    if (m_ended)
        return;
    m_ended = true;
    m_timeout.stop();
    m_bookmarkTimer.stop();
    disconnect(m_store, nullptr, this, nullptr);
    if (m_connection)
        m_connection->finishStream();
    deleteLater();
}

} // namespace sandbox
