// ApiHandler's writes to the scale subresource (kubectl scale).
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

} // namespace sandbox
