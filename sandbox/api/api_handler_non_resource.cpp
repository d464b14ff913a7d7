// ApiHandler's paths outside the resource tree: discovery (/api, /apis, /version), health, the
// OpenAPI documents, and the sandbox's own /sandbox/faults.
#include "api/api_handler.h"

#include "api/discovery.h"
#include "api/fault_injector.h"
#include "api/openapi_v2.h"
#include "api/request_body.h"
#include "api/resource_types.h"
#include "store/memory_object_store.h"

#include "common/logging.h"

#include <QJsonDocument>

namespace sandbox {

namespace {

const QByteArray kJson = "application/json";

} // namespace

void ApiHandler::serveNonResource(const HttpRequest &request, HttpConnection *connection)
{
    const QString &path =
        request.path.endsWith(u'/') && request.path.size() > 1 ? request.path.chopped(1) : request.path;
    if (path == u"/sandbox/faults") {
        if (request.method == "GET") {
            reply(connection, 200, QJsonObject{{QStringLiteral("faults"), m_faults->toJson()}});
        } else if (request.method == "DELETE") {
            m_faults->clear();
            reply(connection, 200, ApiStatus::success().toJson());
        } else if (request.method == "POST") {
            const auto body = decodeObjectBody(request.body, false);
            QString error;
            const auto rule = body ? FaultRule::fromJson(*body, &error) : std::nullopt;
            if (!rule) {
                replyStatus(connection, ApiStatus::badRequest(body ? error : body.error().message()));
                return;
            }
            m_faults->add(*rule);
            reply(connection, 201, rule->toJson());
        } else {
            replyStatus(connection, ApiStatus::methodNotAllowed(QStringLiteral("use GET, POST or DELETE")));
        }
        return;
    }
    if (path.startsWith(u"/sandbox/nodes/") && request.method == "POST") {
        const QStringList parts = path.split(u'/', Qt::SkipEmptyParts); // sandbox, nodes, NAME, fail|recover
        if (parts.size() != 4 || (parts.at(3) != u"fail" && parts.at(3) != u"recover") || !m_nodeFailer) {
            replyStatus(connection, ApiStatus::pathNotFound(path));
            return;
        }
        const auto result = m_nodeFailer(parts.at(2), parts.at(3) == u"fail");
        if (!result)
            replyStatus(connection, result.error().code() == rcs::ErrorCode::NotFound
                                        ? ApiStatus::notFound(QStringLiteral("nodes"), parts.at(2))
                                        : ApiStatus::badRequest(result.error().message()));
        else
            reply(connection, 200, ApiStatus::success().toJson());
        return;
    }
    if (request.method != "GET") {
        replyStatus(connection, ApiStatus::pathNotFound(path));
        return;
    }
    const QByteArray accept = request.header("accept");
    if (path == u"/api" || path == u"/apis") {
        // Aggregated discovery when asked for (reference §8); the legacy documents otherwise.
        for (const char *version : {"v2", "v2beta1"}) {
            const QByteArray wanted =
                QByteArray("g=apidiscovery.k8s.io;v=") + version + ";as=APIGroupDiscoveryList";
            if (accept.contains(wanted)) {
                HttpResponse response;
                response.headers = {{"Content-Type", "application/json;" + wanted}};
                response.body = QJsonDocument(discovery::aggregatedDiscovery(path == u"/api",
                                                                             QString::fromLatin1(version)))
                                    .toJson(QJsonDocument::Compact);
                connection->respond(response);
                return;
            }
        }
        reply(connection, 200, path == u"/api" ? discovery::apiVersions() : discovery::apiGroupList());
        return;
    }
    const QStringList segments = path.split(u'/', Qt::SkipEmptyParts);
    if (segments.size() == 2 && segments.at(0) == u"api") {
        const QJsonObject list = discovery::apiResourceList({}, segments.at(1));
        if (!list.isEmpty()) {
            reply(connection, 200, list);
            return;
        }
    }
    if (segments.size() == 3 && segments.at(0) == u"apis") {
        const QJsonObject list = discovery::apiResourceList(segments.at(1), segments.at(2));
        if (!list.isEmpty()) {
            reply(connection, 200, list);
            return;
        }
    }
    if (segments.size() == 2 && segments.at(0) == u"apis") {
        for (const QJsonValue &group : discovery::apiGroupList().value(QLatin1String("groups")).toArray()) {
            if (group.toObject().value(QLatin1String("name")).toString() == segments.at(1)) {
                QJsonObject g = group.toObject();
                g.insert(QStringLiteral("kind"), QStringLiteral("APIGroup"));
                g.insert(QStringLiteral("apiVersion"), QStringLiteral("v1"));
                reply(connection, 200, g);
                return;
            }
        }
    }
    if (path == u"/openapi/v2") {
        serveOpenApiV2(request, connection);
        return;
    }
    if (path == u"/openapi/v3") {
        reply(connection, 200, discovery::openApiIndex());
        return;
    }
    if (segments.size() >= 4 && segments.at(0) == u"openapi" && segments.at(1) == u"v3") {
        const bool core = segments.at(2) == u"api";
        const QJsonObject document =
            core && segments.size() == 4    ? discovery::openApiGroupVersion({}, segments.at(3))
            : !core && segments.size() == 5 ? discovery::openApiGroupVersion(segments.at(3), segments.at(4))
                                            : QJsonObject{};
        if (!document.isEmpty()) {
            reply(connection, 200, document);
            return;
        }
    }
    replyStatus(connection, ApiStatus::pathNotFound(path));
}

void ApiHandler::serveOpenApiV2(const HttpRequest &request, HttpConnection *connection)
{
    const QByteArray format = openapi::v2FormatFor(request.header("accept"));
    if (format.isEmpty()) {
        connection->respond({406,
                             {{"Content-Type", "text/plain"}},
                             "/openapi/v2 is served as application/json and as " +
                                 QByteArray(openapi::kV2ProtobufType) + "\n"});
        return;
    }
    const openapi::V2Document &document = openapi::v2Document();
    QList<QPair<QByteArray, QByteArray>> headers{{"Vary", "Accept"}, {"ETag", document.etag}};
    if (request.header("if-none-match") == document.etag) {
        connection->respond({304, headers, {}}); // kubectl's HTTP cache revalidates its copy
        return;
    }
    headers.append({"Content-Type", format == "json" ? kJson : QByteArray(openapi::kV2ProtobufType)});
    connection->respond({200, headers, format == "json" ? document.json : document.protobuf});
}

} // namespace sandbox
