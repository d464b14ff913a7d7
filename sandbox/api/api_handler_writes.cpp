// The write verbs of ApiHandler: create, update, patch (apply, merge, strategic, json), delete,
// deletecollection, the scale subresource, and namespace finalization.
#include "api/api_handler.h"

#include "api/field_validation.h"
#include "api/managed_fields.h"
#include "store/memory_object_store.h"
#include "api/object_defaults.h"
#include "api/patches.h"
#include "api/protobuf_body.h"
#include "api/query_selectors.h"
#include "api/request_body.h"
#include "api/resource_types.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRandomGenerator>
#include <QTimer>

namespace sandbox {

namespace {

constexpr int kFinalizeAttempts = 150;
constexpr int kFinalizeFirstDelayMs = 1000;

QJsonObject metadataOf(const QJsonObject &object)
{
    return object.value(QLatin1String("metadata")).toObject();
}

QJsonObject withMetadata(QJsonObject object, const QJsonObject &metadata)
{
    object.insert(QStringLiteral("metadata"), metadata);
    return object;
}

QString managerOf(const HttpRequest &request, const QString &fallback)
{
    const QString manager = request.queryValue(QStringLiteral("fieldManager"));
    if (!manager.isEmpty())
        return manager;
    const QByteArray agent = request.header("user-agent");
    if (!agent.isEmpty())
        return QString::fromLatin1(agent.left(agent.indexOf('/') < 0 ? agent.size() : agent.indexOf('/')));
    return fallback;
}

bool isDryRun(const HttpRequest &request)
{
    return request.queryValue(QStringLiteral("dryRun")) == u"All";
}

// 400 unless the body is of the route's kind and API version.
std::optional<ApiStatus> checkKind(const ResourceType &type, const QJsonObject &object)
{
    const QString kind = object.value(QLatin1String("kind")).toString();
    const QString apiVersion = object.value(QLatin1String("apiVersion")).toString();
    if (kind.isEmpty())
        return ApiStatus::badRequest(
            QStringLiteral("Object 'Kind' is missing in '%1'")
                .arg(QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact)).left(200)));
    if (kind != type.kind || (!apiVersion.isEmpty() && apiVersion != type.apiVersion()))
        return ApiStatus::badRequest(
            QStringLiteral("%1 in version \"%2\" cannot be handled as a %3: the object's "
                           "kind or apiVersion does not match the request URL (%4)")
                .arg(kind, apiVersion, type.kind, type.apiVersion()));
    return std::nullopt;
}

QString mediaType(const HttpRequest &request)
{
    QByteArray type = request.header("content-type");
    const qsizetype semicolon = type.indexOf(';');
    if (semicolon >= 0)
        type.truncate(semicolon);
    return QString::fromLatin1(type.trimmed().toLower());
}

// Bodies are JSON, YAML, or (from kubectl's typed clients) protobuf for a few kinds.
std::optional<ApiStatus> checkBodyMediaType(const HttpRequest &request)
{
    const QString media = mediaType(request);
    if (media.isEmpty() || media == u"application/json" || media.contains(u"yaml") ||
        media == u"application/vnd.kubernetes.protobuf")
        return std::nullopt;
    ApiStatus status = ApiStatus::unsupportedMediaType(media);
    status.message = QStringLiteral("the body of the request was in an unknown format - accepted media types "
                                    "include: application/json, application/yaml (got %1)")
                         .arg(media);
    return status;
}

rcs::Result<QJsonObject> decodeBody(const HttpRequest &request)
{
    const QString media = mediaType(request);
    if (media == u"application/vnd.kubernetes.protobuf")
        return decodeProtobufObject(request.body);
    return decodeObjectBody(request.body, media.contains(u"yaml"));
}

} // namespace

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
    const auto body = decodeBody(request);
    if (!body) {
        replyStatus(connection, ApiStatus::badRequest(body.error().message()));
        return;
    }
    QJsonObject object = *body;
    if (const auto wrongKind = checkKind(type, object)) {
        replyStatus(connection, *wrongKind);
        return;
    }
    if (const auto unknown = checkFields(request, type, object)) {
        replyStatus(connection, *unknown);
        return;
    }
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
    auto body = decodeBody(request);
    if (!body) {
        replyStatus(connection, ApiStatus::badRequest(body.error().message()));
        return;
    }
    if (const auto wrongKind = checkKind(type, *body)) {
        replyStatus(connection, *wrongKind);
        return;
    }
    if (const auto unknown = checkFields(request, type, body.value())) {
        replyStatus(connection, *unknown);
        return;
    }
    QJsonObject metadata = metadataOf(*body);
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
        object.insert(QStringLiteral("status"), body->value(QLatin1String("status")));
        QJsonObject oldMetadata = metadataOf(*old);
        if (metadata.contains(QLatin1String("resourceVersion")))
            oldMetadata.insert(QStringLiteral("resourceVersion"),
                               metadata.value(QLatin1String("resourceVersion")));
        object.insert(QStringLiteral("metadata"), oldMetadata);
    } else {
        object = *body;
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
        auto body = decodeObjectBody(request.body, true);
        if (!body) {
            replyStatus(connection, ApiStatus::badRequest(body.error().message()));
            return;
        }
        if (const auto wrongKind = checkKind(type, *body)) {
            replyStatus(connection, *wrongKind);
            return;
        }
        if (const auto unknown = checkFields(request, type, body.value())) {
            replyStatus(connection, *unknown);
            return;
        }
        QJsonObject applied = *body;
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

void ApiHandler::writeScale(const HttpRequest &request, const Route &route, HttpConnection *connection)
{
    const ResourceType &type = *route.type;
    const auto old = m_store->get(type.plural, route.ns, route.name);
    if (!old) {
        replyStatus(connection, ApiStatus::notFound(type.qualifiedName(), route.name));
        return;
    }
    const QJsonObject scale = scaleOf(*old);
    QJsonObject wanted;
    const QString media = mediaType(request);
    if (request.method == "PUT" || media == u"application/apply-patch+yaml") {
        const auto body = decodeObjectBody(request.body, true);
        if (!body) {
            replyStatus(connection, ApiStatus::badRequest(body.error().message()));
            return;
        }
        wanted = *body;
        const QString rv = metadataOf(wanted).value(QLatin1String("resourceVersion")).toString();
        if (!rv.isEmpty() && rv != metadataOf(*old).value(QLatin1String("resourceVersion")).toString()) {
            replyStatus(connection,
                        ApiStatus::conflict(type.qualifiedName(), route.name,
                                            QStringLiteral("Operation cannot be fulfilled on %1 \"%2\": the "
                                                           "object has been modified; please apply your "
                                                           "changes to the latest version and try again")
                                                .arg(type.qualifiedName(), route.name)));
            return;
        }
    } else if (media == u"application/json-patch+json") {
        const auto body = decodeJsonBody(request.body);
        const auto result = body && body->isArray()
                                ? applyJsonPatch(scale, body->toArray())
                                : rcs::Result<QJsonObject>(rcs::Error(rcs::ErrorCode::InvalidInput,
                                                                      QStringLiteral("a JSON patch "
                                                                                     "must be an array")));
        if (!result) {
            replyStatus(connection, ApiStatus::badRequest(result.error().message()));
            return;
        }
        wanted = *result;
    } else if (media == u"application/merge-patch+json" ||
               media == u"application/strategic-merge-patch+json") {
        const auto body = decodeObjectBody(request.body, false);
        if (!body) {
            replyStatus(connection, ApiStatus::badRequest(body.error().message()));
            return;
        }
        wanted = applyMergePatch(scale, *body);
    } else {
        replyStatus(connection, ApiStatus::unsupportedMediaType(media));
        return;
    }
    const QJsonValue replicasValue =
        wanted.value(QLatin1String("spec")).toObject().value(QLatin1String("replicas"));
    const qint64 replicas = replicasValue.toInteger(-1);
    if (replicas < 0) {
        replyStatus(connection,
                    ApiStatus::invalid(
                        QStringLiteral("Scale"), QStringLiteral("autoscaling"), route.name,
                        {fieldCause(QStringLiteral("FieldValueInvalid"), QStringLiteral("spec.replicas"),
                                    QStringLiteral("Invalid value: %1: must be greater "
                                                   "than or equal to 0")
                                        .arg(replicasValue.toVariant().toString()))}));
        return;
    }
    QJsonObject object = *old;
    QJsonObject spec = object.value(QLatin1String("spec")).toObject();
    spec.insert(QStringLiteral("replicas"), replicas);
    object.insert(QStringLiteral("spec"), spec);
    object =
        recordUpdate(*old, object, managerOf(request, QStringLiteral("unknown")), QStringLiteral("scale"));
    if (isDryRun(request)) {
        reply(connection, 200, scaleOf(object));
        return;
    }
    const auto updated = m_store->update(type.plural, object, false);
    if (!updated) {
        replyStatus(connection, ApiStatus::internal(updated.error().message()));
        return;
    }
    reply(connection, 200, scaleOf(*updated));
}

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
