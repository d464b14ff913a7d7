#include "api/write_request.h"

#include "api/protobuf_body.h"
#include "api/request_body.h"
#include "api/resource_types.h"

#include <QJsonDocument>

namespace sandbox {

QString mediaType(const HttpRequest &request)
{
    QByteArray type = request.header("content-type");
    const qsizetype semicolon = type.indexOf(';');
    if (semicolon >= 0)
        type.truncate(semicolon);
    return QString::fromLatin1(type.trimmed().toLower());
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

} // namespace sandbox
