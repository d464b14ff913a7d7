// The whole-object writes of ApiHandler: create and update (PUT), with the checks every write shares
// (fields, the namespace being writable) and the store step they end in.
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

std::optional<ApiStatus> ApiHandler::checkFields(const HttpRequest &request, const ResourceType &type,
                                                 QJsonObject &object)
{
    const QStringList unknown = unknownFields(type, object);
    if (unknown.isEmpty())
        return std::nullopt;
    const QString mode = request.queryValue(QStringLiteral("fieldValidation"));
    QStringList messages;
    for (const QString &field : unknown)
        messages.append(QStringLiteral("unknown field \"%1\"").arg(field));
    if (mode == u"Strict")
        return ApiStatus::badRequest(
            QStringLiteral("%1 in version \"%2\" cannot be handled as a %1: strict decoding "
                           "error: %3")
                .arg(type.kind, type.version, messages.join(QStringLiteral(", "))));
    if (mode != u"Ignore") {
        for (const QString &message : std::as_const(messages))
            m_warnings.append(message.toUtf8().replace('"', "\\\""));
    }
    object = withoutFields(object, unknown);
    return std::nullopt;
}

bool ApiHandler::acceptBody(const HttpRequest &request, const ResourceType &type,
                            const rcs::Result<QJsonObject> &decoded, QJsonObject *object,
                            HttpConnection *connection)
{
    if (!decoded) {
        replyStatus(connection, ApiStatus::badRequest(decoded.error().message()));
        return false;
    }
    *object = *decoded;
    std::optional<ApiStatus> refused = checkKind(type, *object);
    if (!refused)
        refused = checkFields(request, type, *object);
    if (refused)
        replyStatus(connection, *refused);
    return !refused;
}

std::optional<ApiStatus> ApiHandler::checkNamespaceWritable(const QString &ns) const
{
    const auto object = m_store->get(QStringLiteral("namespaces"), {}, ns);
    if (!object)
        return ApiStatus::notFound(QStringLiteral("namespaces"), ns);
    if (object->value(QLatin1String("status")).toObject().value(QLatin1String("phase")).toString() ==
        u"Terminating")
        return ApiStatus::namespaceTerminating(ns);
    return std::nullopt;
}

void ApiHandler::storeObject(const HttpRequest &request, const Route &route, QJsonObject object,
                             const QJsonObject &old, const QString &manager, HttpConnection *connection)
{
    const ResourceType &type = *route.type;
    // Go drops empty metadata maps and lists (omitempty); a patch that removes the last label or
    // annotation must not leave "labels: {}" behind, or kubectl diff reports a change.
    QJsonObject metadata = metadataOf(object);
    for (const char *field : {"labels", "annotations", "finalizers", "ownerReferences"}) {
        const QJsonValue value = metadata.value(QLatin1String(field));
        if ((value.isObject() && value.toObject().isEmpty()) ||
            (value.isArray() && value.toArray().isEmpty()) || value.isNull())
            metadata.remove(QLatin1String(field));
    }
    object.insert(QStringLiteral("metadata"), metadata);
    if (const auto invalid = prepareObject(type, object, old, *m_store)) {
        replyStatus(connection, *invalid);
        return;
    }
    const bool creating = old.isEmpty();
    if (!manager.isEmpty())
        object = recordUpdate(old, object, manager, route.subresource);
    const QString name = metadataOf(object).value(QLatin1String("name")).toString();
    if (isDryRun(request)) {
        replyObject(request, route, connection, creating ? 201 : 200, object);
        return;
    }
    if (creating) {
        const auto created = m_store->create(type.plural, object);
        if (!created) {
            replyStatus(connection, created.error().code() == rcs::ErrorCode::Conflict
                                        ? ApiStatus::alreadyExists(type.qualifiedName(), name)
                                        : ApiStatus::internal(created.error().message()));
            return;
        }
        replyObject(request, route, connection, 201, *created);
        return;
    }
    const auto updated = m_store->update(type.plural, object, true);
    if (!updated) {
        replyStatus(connection,
                    updated.error().code() == rcs::ErrorCode::Conflict
                        ? ApiStatus::conflict(type.qualifiedName(), name, updated.error().message())
                    : updated.error().code() == rcs::ErrorCode::NotFound
                        ? ApiStatus::notFound(type.qualifiedName(), name)
                        : ApiStatus::internal(updated.error().message()));
        return;
    }
    replyObject(request, route, connection, 200, *updated);
}

void ApiHandler::createObject(const HttpRequest &request, const Route &route, HttpConnection *connection)
{
    const ResourceType &type = *route.type;
    if (const auto unsupported = checkBodyMediaType(request)) {
        replyStatus(connection, *unsupported);
        return;
    }
    QJsonObject object;
    if (!acceptBody(request, type, decodeBody(request), &object, connection))
        return;
    QJsonObject metadata = metadataOf(object);
    if (type.namespaced) {
        const QString bodyNs = metadata.value(QLatin1String("namespace")).toString();
        if (!bodyNs.isEmpty() && bodyNs != route.ns) {
            replyStatus(connection,
                        ApiStatus::badRequest(QStringLiteral("the namespace of the provided object does "
                                                             "not match the namespace sent on the request")));
            return;
        }
        metadata.insert(QStringLiteral("namespace"), route.ns);
        if (const auto blocked = checkNamespaceWritable(route.ns)) {
            replyStatus(connection, *blocked);
            return;
        }
    } else {
        metadata.remove(QLatin1String("namespace"));
    }
    if (metadata.value(QLatin1String("name")).toString().isEmpty()) {
        const QString prefix = metadata.value(QLatin1String("generateName")).toString();
        if (!prefix.isEmpty()) {
            static const char alphabet[] = "bcdfghjklmnpqrstvwxz2456789";
            QString suffix;
            for (int i = 0; i < 5; ++i)
                suffix.append(QChar::fromLatin1(
                    alphabet[QRandomGenerator::global()->bounded(int(sizeof alphabet - 1))]));
            metadata.insert(QStringLiteral("name"), QString(prefix + suffix));
        }
    }
    for (const char *field :
         {"uid", "resourceVersion", "creationTimestamp", "deletionTimestamp", "managedFields", "generation"})
        metadata.remove(QLatin1String(field));
    object.insert(QStringLiteral("metadata"), metadata);
    object.insert(QStringLiteral("apiVersion"), type.apiVersion());
    Route itemRoute = route;
    itemRoute.name = metadata.value(QLatin1String("name")).toString();
    storeObject(request, itemRoute, object, {}, managerOf(request, QStringLiteral("unknown")), connection);
}

void ApiHandler::updateObject(const HttpRequest &request, const Route &route, HttpConnection *connection)
{
    const ResourceType &type = *route.type;
    if (const auto unsupported = checkBodyMediaType(request)) {
        replyStatus(connection, *unsupported);
        return;
    }
    QJsonObject body;
    if (!acceptBody(request, type, decodeBody(request), &body, connection))
        return;
    QJsonObject metadata = metadataOf(body);
    if (metadata.value(QLatin1String("name")).toString() != route.name) {
        replyStatus(connection, ApiStatus::badRequest(
                                    QStringLiteral("the name of the object (%1) does not match the "
                                                   "name on the URL (%2)")
                                        .arg(metadata.value(QLatin1String("name")).toString(), route.name)));
        return;
    }
    const auto old = m_store->get(type.plural, route.ns, route.name);
    if (!old) {
        replyStatus(connection, ApiStatus::notFound(type.qualifiedName(), route.name));
        return;
    }
    QJsonObject object;
    if (route.subresource == u"status") {
        object = *old;
        object.insert(QStringLiteral("status"), body.value(QLatin1String("status")));
        QJsonObject oldMetadata = metadataOf(*old);
        if (metadata.contains(QLatin1String("resourceVersion")))
            oldMetadata.insert(QStringLiteral("resourceVersion"),
                               metadata.value(QLatin1String("resourceVersion")));
        object.insert(QStringLiteral("metadata"), oldMetadata);
    } else {
        object = body;
        if (type.namespaced)
            metadata.insert(QStringLiteral("namespace"), route.ns);
        metadata.insert(QStringLiteral("managedFields"),
                        metadataOf(*old).value(QLatin1String("managedFields")));
        object.insert(QStringLiteral("metadata"), metadata);
        if (type.subresources.contains(u"status"))
            object.insert(QStringLiteral("status"), old->value(QLatin1String("status")));
    }
    storeObject(request, route, object, *old, managerOf(request, QStringLiteral("unknown")), connection);
}

} // namespace sandbox
