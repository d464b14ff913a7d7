// The read verbs of ApiHandler: get, list (selectors, pagination, Table) and watch.
#include "api/api_handler.h"

#include "store/memory_object_store.h"
#include "api/query_selectors.h"
#include "api/resource_types.h"
#include "api/table_printer.h"
#include "api/watch_stream.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace sandbox {

namespace {

QString objectKey(const QJsonObject &object)
{
    const QJsonObject metadata = object.value(QLatin1String("metadata")).toObject();
    return metadata.value(QLatin1String("namespace")).toString() + u'/' +
           metadata.value(QLatin1String("name")).toString();
}

QString encodeContinue(const QString &lastKey, qint64 resourceVersion)
{
    const QByteArray json =
        QJsonDocument(QJsonObject{{QStringLiteral("start"), lastKey},
                                  {QStringLiteral("rv"), QString::number(resourceVersion)}})
            .toJson(QJsonDocument::Compact);
    return QString::fromLatin1(json.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

std::optional<QString> decodeContinue(const QString &token)
{
    const QByteArray json = QByteArray::fromBase64(token.toLatin1(), QByteArray::Base64UrlEncoding);
    const QJsonObject object = QJsonDocument::fromJson(json).object();
    if (!object.contains(QLatin1String("start")))
        return std::nullopt;
    return object.value(QLatin1String("start")).toString();
}

} // namespace

void ApiHandler::replyObject(const HttpRequest &request, const Route &route, HttpConnection *connection,
                             int code, const QJsonObject &object)
{
    if (acceptsTable(request) && route.subresource.isEmpty()) {
        reply(connection, code,
              toTable(*route.type, {object}, QString::number(m_store->currentResourceVersion()), {},
                      request.queryValue(QStringLiteral("includeObject"))));
        return;
    }
    reply(connection, code, object);
}

void ApiHandler::getObject(const HttpRequest &request, const Route &route, HttpConnection *connection)
{
    const auto object = m_store->get(route.type->plural, route.ns, route.name);
    if (!object) {
        replyStatus(connection, ApiStatus::notFound(route.type->qualifiedName(), route.name));
        return;
    }
    if (route.subresource == u"status" || route.subresource.isEmpty()) {
        replyObject(request, route, connection, 200, *object);
        return;
    }
    replyStatus(
        connection,
        ApiStatus::methodNotAllowed(
            QStringLiteral("get is not supported on %1/%2").arg(route.type->plural, route.subresource)));
}

void ApiHandler::listObjects(const HttpRequest &request, const Route &route, HttpConnection *connection)
{
    const auto labels = LabelQuery::parse(request.queryValue(QStringLiteral("labelSelector")));
    if (!labels) {
        replyStatus(connection, ApiStatus::badRequest(labels.error().message()));
        return;
    }
    const auto fields =
        FieldQuery::parse(request.queryValue(QStringLiteral("fieldSelector")), route.type->plural);
    if (!fields) {
        replyStatus(connection, ApiStatus::badRequest(fields.error().message()));
        return;
    }
    QString start;
    const QString continueToken = request.queryValue(QStringLiteral("continue"));
    if (!continueToken.isEmpty()) {
        const auto decoded = decodeContinue(continueToken);
        if (!decoded) {
            replyStatus(connection, ApiStatus::badRequest(
                                        QStringLiteral("continue key is not valid: %1").arg(continueToken)));
            return;
        }
        start = *decoded;
    }
    const qint64 limit = request.queryValue(QStringLiteral("limit")).toLongLong();
    const qint64 resourceVersion = m_store->currentResourceVersion();

    QList<QJsonObject> all = m_store->list(route.type->plural, route.ns);
    std::sort(all.begin(), all.end(),
              [](const QJsonObject &a, const QJsonObject &b) { return objectKey(a) < objectKey(b); });
    QList<QJsonObject> page;
    QString nextToken;
    qint64 remaining = 0;
    for (const QJsonObject &object : std::as_const(all)) {
        if (!start.isEmpty() && objectKey(object) <= start)
            continue;
        const QJsonObject metadata = object.value(QLatin1String("metadata")).toObject();
        if (!labels->matches(metadata.value(QLatin1String("labels")).toObject()) || !fields->matches(object))
            continue;
        if (limit > 0 && page.size() >= limit) {
            ++remaining;
            continue;
        }
        page.append(object);
    }
    if (remaining > 0)
        nextToken = encodeContinue(objectKey(page.last()), resourceVersion);

    if (acceptsTable(request)) {
        reply(connection, 200,
              toTable(*route.type, page, QString::number(resourceVersion), nextToken,
                      request.queryValue(QStringLiteral("includeObject"))));
        return;
    }
    QJsonArray items;
    for (const QJsonObject &object : std::as_const(page))
        items.append(object);
    QJsonObject metadata{{QStringLiteral("resourceVersion"), QString::number(resourceVersion)}};
    if (!nextToken.isEmpty()) {
        metadata.insert(QStringLiteral("continue"), nextToken);
        metadata.insert(QStringLiteral("remainingItemCount"), remaining);
    }
    reply(connection, 200,
          QJsonObject{{QStringLiteral("kind"), QString(route.type->kind + QStringLiteral("List"))},
                      {QStringLiteral("apiVersion"), route.type->apiVersion()},
                      {QStringLiteral("metadata"), metadata},
                      {QStringLiteral("items"), items}});
}

void ApiHandler::watchObjects(const HttpRequest &request, const Route &route, HttpConnection *connection,
                              const FaultRule *fault)
{
    WatchStream::Options options;
    if (fault) {
        options.fault = fault->watch;
        options.faultAfterEvents = fault->afterEvents;
    }
    options.ns = route.ns;
    const auto labels = LabelQuery::parse(request.queryValue(QStringLiteral("labelSelector")));
    const auto fields =
        FieldQuery::parse(request.queryValue(QStringLiteral("fieldSelector")), route.type->plural);
    if (!labels || !fields) {
        replyStatus(connection,
                    ApiStatus::badRequest(!labels ? labels.error().message() : fields.error().message()));
        return;
    }
    options.labels = *labels;
    options.fields = *fields;
    options.resourceVersion = request.queryValue(QStringLiteral("resourceVersion"));
    options.bookmarks = request.queryValue(QStringLiteral("allowWatchBookmarks")) == u"true";
    options.table = acceptsTable(request);
    options.includeObject = request.queryValue(QStringLiteral("includeObject"));
    bool ok = false;
    const int timeout = request.queryValue(QStringLiteral("timeoutSeconds")).toInt(&ok);
    if (ok && timeout > 0)
        options.timeoutSeconds = timeout;
    new WatchStream(m_store, *route.type, options, connection);
}

QJsonObject scaleOf(const QJsonObject &statefulSet)
{
    const QJsonObject metadata = statefulSet.value(QLatin1String("metadata")).toObject();
    const QJsonObject spec = statefulSet.value(QLatin1String("spec")).toObject();
    const QJsonObject matchLabels =
        spec.value(QLatin1String("selector")).toObject().value(QLatin1String("matchLabels")).toObject();
    QStringList selector;
    for (auto it = matchLabels.begin(); it != matchLabels.end(); ++it)
        selector.append(it.key() + u'=' + it.value().toString());
    const qint64 statusReplicas =
        statefulSet.value(QLatin1String("status")).toObject().value(QLatin1String("replicas")).toInteger();
    return QJsonObject{
        {QStringLiteral("kind"), QStringLiteral("Scale")},
        {QStringLiteral("apiVersion"), QStringLiteral("autoscaling/v1")},
        {QStringLiteral("metadata"),
         QJsonObject{
             {QStringLiteral("name"), metadata.value(QLatin1String("name"))},
             {QStringLiteral("namespace"), metadata.value(QLatin1String("namespace"))},
             {QStringLiteral("uid"), metadata.value(QLatin1String("uid"))},
             {QStringLiteral("resourceVersion"), metadata.value(QLatin1String("resourceVersion"))},
             {QStringLiteral("creationTimestamp"), metadata.value(QLatin1String("creationTimestamp"))}}},
        {QStringLiteral("spec"),
         QJsonObject{{QStringLiteral("replicas"), spec.value(QLatin1String("replicas")).toInteger(1)}}},
        {QStringLiteral("status"), QJsonObject{{QStringLiteral("replicas"), statusReplicas},
                                               {QStringLiteral("selector"), selector.join(u',')}}}};
}

void ApiHandler::getScale(const Route &route, HttpConnection *connection)
{
    const auto object = m_store->get(route.type->plural, route.ns, route.name);
    if (!object) {
        replyStatus(connection, ApiStatus::notFound(route.type->qualifiedName(), route.name));
        return;
    }
    reply(connection, 200, scaleOf(*object));
}

} // namespace sandbox
