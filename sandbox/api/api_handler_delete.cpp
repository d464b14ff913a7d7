// ApiHandler's deletes: one object (grace period, orphaning dependents), a collection, and the
// finalization of a namespace being deleted.
#include "api/api_handler.h"

#include "api/field_validation.h"
#include "api/managed_fields.h"
#include "api/object_defaults.h"
#include "api/patches.h"
#include "api/protobuf_body.h"
#include "api/query_selectors.h"
#include "api/request_body.h"
#include "api/resource_types.h"
#include "api/write_request.h"
#include "runtime/object_fields.h"
#include "store/memory_object_store.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRandomGenerator>
#include <QTimer>

namespace sandbox {

namespace {

constexpr int kFinalizeAttempts = 150;
constexpr int kFinalizeFirstDelayMs = 1000;

QJsonObject withMetadata(QJsonObject object, const QJsonObject &metadata)
{
    object.insert(QStringLiteral("metadata"), metadata);
    return object;
}

} // namespace

void ApiHandler::orphanDependents(const QJsonObject &owner)
{
    const QJsonObject ownerMetadata = metadataOf(owner);
    const QString uid = ownerMetadata.value(QLatin1String("uid")).toString();
    const QString ns = ownerMetadata.value(QLatin1String("namespace")).toString();
    for (const ResourceType &type : resourceTypes()) {
        if (!type.namespaced)
            continue;
        for (QJsonObject object : m_store->list(type.plural, ns)) {
            QJsonObject metadata = metadataOf(object);
            QJsonArray references = metadata.value(QLatin1String("ownerReferences")).toArray();
            bool changed = false;
            for (qsizetype i = references.size() - 1; i >= 0; --i) {
                if (references.at(i).toObject().value(QLatin1String("uid")).toString() == uid) {
                    references.removeAt(i);
                    changed = true;
                }
            }
            if (!changed)
                continue;
            if (references.isEmpty())
                metadata.remove(QLatin1String("ownerReferences"));
            else
                metadata.insert(QStringLiteral("ownerReferences"), references);
            m_store->update(type.plural, withMetadata(object, metadata), false);
        }
    }
}

std::optional<int> ApiHandler::gracePeriodOf(const HttpRequest &request, const QJsonObject &options)
{
    if (options.value(QLatin1String("gracePeriodSeconds")).isDouble())
        return qMax(0, options.value(QLatin1String("gracePeriodSeconds")).toInt());
    bool ok = false;
    const int seconds = request.queryValue(QStringLiteral("gracePeriodSeconds")).toInt(&ok);
    return ok ? std::optional<int>(qMax(0, seconds)) : std::nullopt;
}

void ApiHandler::markGracePeriod(const ResourceType &type, const QJsonObject &object,
                                 std::optional<int> seconds)
{
    // A pod deleted with an explicit grace period (`kubectl delete pod --grace-period=0 --force`)
    // carries it in metadata.deletionGracePeriodSeconds, as on a real API server, so that the runtime
    // stops its process within that time instead of the pod spec's terminationGracePeriodSeconds.
    if (!seconds || type.plural != u"pods")
        return;
    QJsonObject metadata = metadataOf(object);
    metadata.insert(QStringLiteral("deletionGracePeriodSeconds"), *seconds);
    if (!metadata.contains(QLatin1String("deletionTimestamp")))
        metadata.insert(QStringLiteral("deletionTimestamp"),
                        QDateTime::currentDateTimeUtc().toString(Qt::ISODate));
    m_store->update(type.plural, withMetadata(object, metadata), false);
}

void ApiHandler::deleteObject(const HttpRequest &request, const Route &route, HttpConnection *connection)
{
    const ResourceType &type = *route.type;
    const auto old = m_store->get(type.plural, route.ns, route.name);
    if (!old) {
        replyStatus(connection, ApiStatus::notFound(type.qualifiedName(), route.name));
        return;
    }
    QJsonObject options;
    if (!request.body.trimmed().isEmpty()) {
        const auto body = decodeObjectBody(request.body, false);
        if (!body) {
            replyStatus(connection, ApiStatus::badRequest(body.error().message()));
            return;
        }
        options = *body;
    }
    QString propagation = options.value(QLatin1String("propagationPolicy")).toString();
    if (propagation.isEmpty())
        propagation = request.queryValue(QStringLiteral("propagationPolicy"));
    if (propagation.isEmpty() && options.value(QLatin1String("orphanDependents")).toBool())
        propagation = QStringLiteral("Orphan");
    const QJsonObject preconditions = options.value(QLatin1String("preconditions")).toObject();
    const QJsonObject metadata = metadataOf(*old);
    for (const char *field : {"uid", "resourceVersion"}) {
        const QLatin1String key(field);
        if (preconditions.contains(key) && preconditions.value(key) != metadata.value(key)) {
            replyStatus(
                connection,
                ApiStatus::conflict(type.qualifiedName(), route.name,
                                    QStringLiteral("Precondition failed: %1 in precondition: %2, "
                                                   "%1 in object meta: %3")
                                        .arg(QString::fromLatin1(field), preconditions.value(key).toString(),
                                             metadata.value(key).toString())));
            return;
        }
    }
    const bool dryRun =
        isDryRun(request) || options.value(QLatin1String("dryRun")).toArray().contains(QStringLiteral("All"));
    if (dryRun) {
        reply(connection, 200, *old);
        return;
    }
    if (type.plural == u"namespaces") {
        if (route.name == u"default" || route.name == u"kube-system" || route.name == u"kube-public") {
            replyStatus(connection,
                        ApiStatus::forbidden(QStringLiteral("namespaces"), route.name,
                                             QStringLiteral("namespaces \"%1\" is forbidden: this namespace "
                                                            "may not be deleted")
                                                 .arg(route.name)));
            return;
        }
        QJsonObject object = *old;
        QJsonObject newMetadata = metadata;
        if (!newMetadata.contains(QLatin1String("deletionTimestamp")))
            newMetadata.insert(QStringLiteral("deletionTimestamp"),
                               QDateTime::currentDateTimeUtc().toString(Qt::ISODate));
        object.insert(QStringLiteral("metadata"), newMetadata);
        object.insert(QStringLiteral("status"),
                      QJsonObject{{QStringLiteral("phase"), QStringLiteral("Terminating")}});
        const auto updated = m_store->update(type.plural, object, false);
        finalizeNamespace(route.name, 0);
        reply(connection, 200, updated ? *updated : object);
        return;
    }
    if (propagation == u"Orphan")
        orphanDependents(*old);
    if (propagation == u"Foreground" && type.plural == u"statefulsets") {
        // Foreground: the set stays, marked for deletion with the foregroundDeletion finalizer, while
        // its controller removes the pods; the controller then removes it (kubectl --cascade=foreground
        // waits for that). Other kinds here own nothing that would hold them.
        QJsonObject marked = metadata;
        if (!marked.contains(QLatin1String("deletionTimestamp")))
            marked.insert(QStringLiteral("deletionTimestamp"),
                          QDateTime::currentDateTimeUtc().toString(Qt::ISODate));
        QJsonArray finalizers = marked.value(QLatin1String("finalizers")).toArray();
        if (!finalizers.contains(QStringLiteral("foregroundDeletion")))
            finalizers.append(QStringLiteral("foregroundDeletion"));
        marked.insert(QStringLiteral("finalizers"), finalizers);
        const QJsonObject object = withMetadata(*old, marked);
        const auto updated = m_store->update(type.plural, object, false);
        reply(connection, 200, updated ? *updated : object);
        return;
    }
    markGracePeriod(type, *old, gracePeriodOf(request, options));
    const auto removed = m_store->remove(type.plural, route.ns, route.name);
    if (!removed) {
        replyStatus(connection, ApiStatus::notFound(type.qualifiedName(), route.name));
        return;
    }
    reply(connection, 200, *removed);
}

void ApiHandler::deleteCollection(const HttpRequest &request, const Route &route, HttpConnection *connection)
{
    const ResourceType &type = *route.type;
    if (type.plural == u"namespaces") {
        replyStatus(connection,
                    ApiStatus::methodNotAllowed(QStringLiteral("deletecollection is not supported on "
                                                               "namespaces")));
        return;
    }
    const auto labels = LabelQuery::parse(request.queryValue(QStringLiteral("labelSelector")));
    const auto fields = FieldQuery::parse(request.queryValue(QStringLiteral("fieldSelector")), type.plural);
    if (!labels || !fields) {
        replyStatus(connection,
                    ApiStatus::badRequest(!labels ? labels.error().message() : fields.error().message()));
        return;
    }
    QJsonArray items;
    for (const QJsonObject &object : m_store->list(type.plural, route.ns)) {
        const QJsonObject metadata = metadataOf(object);
        if (!labels->matches(metadata.value(QLatin1String("labels")).toObject()) || !fields->matches(object))
            continue;
        if (isDryRun(request)) {
            items.append(object);
            continue;
        }
        markGracePeriod(type, object, gracePeriodOf(request, {}));
        const auto removed =
            m_store->remove(type.plural, metadata.value(QLatin1String("namespace")).toString(),
                            metadata.value(QLatin1String("name")).toString());
        if (removed)
            items.append(*removed);
    }
    reply(connection, 200,
          QJsonObject{
              {QStringLiteral("kind"), QString(type.kind + QStringLiteral("List"))},
              {QStringLiteral("apiVersion"), type.apiVersion()},
              {QStringLiteral("metadata"), QJsonObject{{QStringLiteral("resourceVersion"),
                                                        QString::number(m_store->currentResourceVersion())}}},
              {QStringLiteral("items"), items}});
}

void ApiHandler::finalizeNamespace(const QString &ns, int attempt)
{
    if (attempt == 0) {
        if (m_finalizingNamespaces.contains(ns))
            return;
        m_finalizingNamespaces.insert(ns);
    }
    // The first pass waits a moment, as the namespace controller of a real cluster does: `kubectl
    // delete -f dir/` deletes the namespace first and then each object in it, and those deletes
    // must still find their objects. Later passes give controllers that react to the removals
    // time to run.
    QTimer::singleShot(attempt == 0 ? kFinalizeFirstDelayMs : 200, this, [this, ns, attempt] {
        // Owners first, so that controllers do not re-create what is being removed.
        static const QStringList order{
            QStringLiteral("statefulsets"), QStringLiteral("pods"),
            QStringLiteral("services"),     QStringLiteral("persistentvolumeclaims"),
            QStringLiteral("configmaps"),   QStringLiteral("secrets"),
            QStringLiteral("events")};
        QStringList resources = order;
        for (const ResourceType &type : resourceTypes()) {
            if (type.namespaced && !resources.contains(type.plural))
                resources.append(type.plural);
        }
        for (const QString &resource : std::as_const(resources)) {
            for (const QJsonObject &object : m_store->list(resource, ns))
                m_store->remove(resource, ns, metadataOf(object).value(QLatin1String("name")).toString());
        }
        bool empty = true;
        for (const QString &resource : std::as_const(resources))
            empty = empty && m_store->list(resource, ns).isEmpty();
        if (empty || attempt >= kFinalizeAttempts) {
            m_store->remove(QStringLiteral("namespaces"), {}, ns);
            m_finalizingNamespaces.remove(ns);
            return;
        }
        finalizeNamespace(ns, attempt + 1);
    });
}

} // namespace sandbox
