// ApiHandler's PATCH: server-side apply, JSON merge, strategic merge and JSON patch.
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

void ApiHandler::patchObject(const HttpRequest &request, const Route &route, HttpConnection *connection)
{
    const ResourceType &type = *route.type;
    const QString media = mediaType(request);
    const bool apply = media == u"application/apply-patch+yaml" || media == u"application/apply-patch+cbor";
    if (!apply && media != u"application/merge-patch+json" &&
        media != u"application/strategic-merge-patch+json" && media != u"application/json-patch+json") {
        replyStatus(connection, ApiStatus::unsupportedMediaType(media));
        return;
    }
    const QString force = request.queryValue(QStringLiteral("force"));
    if (!apply && !force.isEmpty()) {
        replyStatus(
            connection,
            ApiStatus::invalid(QStringLiteral("PatchOptions"), QStringLiteral("meta.k8s.io"), {},
                               {fieldCause(QStringLiteral("FieldValueForbidden"), QStringLiteral("force"),
                                           QStringLiteral("Forbidden: may not be specified for non-apply "
                                                          "patch"))}));
        return;
    }
    const auto old = m_store->get(type.plural, route.ns, route.name);
    if (apply) {
        const QString manager = request.queryValue(QStringLiteral("fieldManager"));
        if (manager.isEmpty() || manager.size() > 128) {
            replyStatus(connection,
                        ApiStatus::invalid(
                            QStringLiteral("PatchOptions"), QStringLiteral("meta.k8s.io"), {},
                            {fieldCause(manager.isEmpty() ? QStringLiteral("FieldValueRequired")
                                                          : QStringLiteral("FieldValueTooLong"),
                                        QStringLiteral("fieldManager"),
                                        manager.isEmpty()
                                            ? QStringLiteral("Required value: is required for apply patch")
                                            : QStringLiteral("Too long: may not be more than 128 "
                                                             "bytes"))}));
            return;
        }
        QJsonObject applied;
        if (!acceptBody(request, type, decodeObjectBody(request.body, true), &applied, connection))
            return;
        QJsonObject metadata = metadataOf(applied);
        if (metadata.contains(QLatin1String("managedFields"))) {
            replyStatus(connection,
                        ApiStatus::badRequest(QStringLiteral("metadata.managedFields must be nil")));
            return;
        }
        if (metadata.value(QLatin1String("name")).toString() != route.name) {
            replyStatus(connection,
                        ApiStatus::badRequest(
                            QStringLiteral("the name of the object (%1) does not match "
                                           "the name on the URL (%2)")
                                .arg(metadata.value(QLatin1String("name")).toString(), route.name)));
            return;
        }
        if (type.namespaced) {
            const QString bodyNs = metadata.value(QLatin1String("namespace")).toString();
            if (!bodyNs.isEmpty() && bodyNs != route.ns) {
                replyStatus(connection, ApiStatus::badRequest(QStringLiteral(
                                            "the namespace of the provided object does not match "
                                            "the namespace sent on the request")));
                return;
            }
            metadata.insert(QStringLiteral("namespace"), route.ns);
        }
        applied.insert(QStringLiteral("metadata"), metadata);
        if (!old && type.namespaced) {
            if (const auto blocked = checkNamespaceWritable(route.ns)) {
                replyStatus(connection, *blocked);
                return;
            }
        }
        const QJsonObject current = old.value_or(QJsonObject{});
        const ApplyOutcome outcome = serverSideApply(current, applied, manager, force == u"true");
        if (!outcome.conflictFields.isEmpty()) {
            QJsonArray causes;
            QStringList lines;
            for (qsizetype i = 0; i < outcome.conflictFields.size(); ++i) {
                const QString who = QStringLiteral("conflict with \"%1\" using %2")
                                        .arg(outcome.conflictManagers.at(i), type.apiVersion());
                causes.append(
                    fieldCause(QStringLiteral("FieldManagerConflict"), outcome.conflictFields.at(i), who));
                lines.append(who + QStringLiteral(": ") + outcome.conflictFields.at(i));
            }
            ApiStatus status =
                ApiStatus::conflict(type.qualifiedName(), route.name,
                                    QStringLiteral("Apply failed with %1 conflict%2: %3")
                                        .arg(causes.size())
                                        .arg(causes.size() == 1 ? QString() : QStringLiteral("s"))
                                        .arg(lines.join(QStringLiteral("\n"))));
            status.details.insert(QStringLiteral("causes"), causes);
            replyStatus(connection, status);
            return;
        }
        QJsonObject object = outcome.object;
        object.insert(QStringLiteral("apiVersion"), type.apiVersion());
        object.insert(QStringLiteral("kind"), type.kind);
        if (old && type.subresources.contains(u"status"))
            object.insert(QStringLiteral("status"), old->value(QLatin1String("status")));
        storeObject(request, route, object, current, {}, connection);
        return;
    }
    if (!old) {
        replyStatus(connection, ApiStatus::notFound(type.qualifiedName(), route.name));
        return;
    }
    QJsonObject patched;
    if (media == u"application/json-patch+json") {
        const auto body = decodeJsonBody(request.body);
        if (!body || !body->isArray()) {
            replyStatus(connection,
                        ApiStatus::badRequest(body ? QStringLiteral("a JSON patch must be an array")
                                                   : body.error().message()));
            return;
        }
        const auto result = applyJsonPatch(*old, body->toArray());
        if (!result) {
            replyStatus(connection, {422, QStringLiteral("Invalid"), result.error().message(), {}, 0});
            return;
        }
        patched = *result;
    } else {
        auto body = decodeObjectBody(request.body, false);
        if (!body) {
            replyStatus(connection, ApiStatus::badRequest(body.error().message()));
            return;
        }
        if (route.subresource.isEmpty()) {
            if (const auto unknown = checkFields(request, type, body.value())) {
                replyStatus(connection, *unknown);
                return;
            }
        }
        patched = media == u"application/merge-patch+json" ? applyMergePatch(*old, *body)
                                                           : applyStrategicMergePatch(*old, *body);
    }
    // Identity cannot be patched away.
    QJsonObject metadata = metadataOf(patched);
    const QJsonObject oldMetadata = metadataOf(*old);
    for (const char *field : {"name", "namespace", "uid", "creationTimestamp", "managedFields"}) {
        const QLatin1String key(field);
        if (oldMetadata.contains(key))
            metadata.insert(key, oldMetadata.value(key));
        else
            metadata.remove(key);
    }
    patched.insert(QStringLiteral("metadata"), metadata);
    patched.insert(QStringLiteral("apiVersion"), type.apiVersion());
    patched.insert(QStringLiteral("kind"), type.kind);
    if (route.subresource == u"status") {
        QJsonObject object = *old;
        object.insert(QStringLiteral("status"), patched.value(QLatin1String("status")));
        patched = object;
    } else if (type.subresources.contains(u"status")) {
        patched.insert(QStringLiteral("status"), old->value(QLatin1String("status")));
    }
    storeObject(request, route, patched, *old, managerOf(request, QStringLiteral("unknown")), connection);
}

} // namespace sandbox
