#include "api/api_handler.h"

#include "api/discovery.h"
#include "api/fault_injector.h"
#include "api/object_defaults.h"
#include "api/openapi_v2.h"
#include "api/request_body.h"
#include "api/resource_types.h"
#include "net/credentials.h"
#include "store/memory_object_store.h"

#include "common/logging.h"

#include <QJsonDocument>
#include <QTimer>
#include <QWebSocketServer>

namespace sandbox {

namespace {

const QByteArray kJson = "application/json";

QString verbOf(const HttpRequest &request, bool hasName, const QString &subresource)
{
    // Streams are authorized as "create" whatever the method: the POST of a SPDY upgrade, and since
    // Kubernetes 1.31 (AuthorizePodWebsocketUpgradeCreatePermission) the GET of a WebSocket one too.
    if (subresource == u"exec" || subresource == u"portforward" || subresource == u"attach")
        return QStringLiteral("create");
    const QByteArray &m = request.method;
    if (m == "GET") {
        if (hasName)
            return QStringLiteral("get");
        const QString watch = request.queryValue(QStringLiteral("watch"));
        return watch == u"true" || watch == u"1" ? QStringLiteral("watch") : QStringLiteral("list");
    }
    if (m == "POST")
        return QStringLiteral("create");
    if (m == "PUT")
        return QStringLiteral("update");
    if (m == "PATCH")
        return QStringLiteral("patch");
    if (m == "DELETE")
        return hasName ? QStringLiteral("delete") : QStringLiteral("deletecollection");
    return QString::fromLatin1(m).toLower();
}

ApiStatus statusForCode(int code, const QString &message)
{
    switch (code) {
    case 401:
        return ApiStatus::unauthorized();
    case 403:
        return {403, QStringLiteral("Forbidden"), message, {}, 0};
    case 404:
        return {404, QStringLiteral("NotFound"), message, {}, 0};
    case 409:
        return {409, QStringLiteral("Conflict"), message, {}, 0};
    case 410:
        return ApiStatus::expired(message);
    case 429:
        return {429, QStringLiteral("TooManyRequests"), message, {}, 0};
    case 503:
        return {503, QStringLiteral("ServiceUnavailable"), message, {}, 0};
    case 504:
        return {504, QStringLiteral("Timeout"), message, {}, 0};
    default:
        return {code,
                code >= 500 ? QStringLiteral("InternalError") : QStringLiteral("BadRequest"),
                message,
                {},
                0};
    }
}

} // namespace

bool acceptsTable(const HttpRequest &request)
{
    return request.header("accept").contains("as=Table");
}

ApiHandler::ApiHandler(MemoryObjectStore *store, const Credentials *credentials, QObject *parent)
    : QObject(parent)
    , m_store(store)
    , m_credentials(credentials)
    , m_faults(new FaultInjector)
    , m_webSockets(
          new QWebSocketServer(QStringLiteral("kube-sandbox"), QWebSocketServer::NonSecureMode, this))
{
    m_webSockets->setSupportedSubprotocols(
        {QStringLiteral("v5.channel.k8s.io"), QStringLiteral("v4.channel.k8s.io"),
         QStringLiteral("v4.base64.channel.k8s.io"), QStringLiteral("SPDY/3.1+portforward.k8s.io")});
    connect(m_webSockets, &QWebSocketServer::newConnection, this, &ApiHandler::onWebSocketConnection);
}

ApiHandler::~ApiHandler()
{
    delete m_faults;
}

void ApiHandler::ensureBuiltinObjects()
{
    for (const char *ns : {"default", "kube-system", "kube-public", "kube-node-lease"}) {
        if (m_store->get(QStringLiteral("namespaces"), {}, QString::fromLatin1(ns)))
            continue;
        const QString name = QString::fromLatin1(ns);
        m_store->create(
            QStringLiteral("namespaces"),
            QJsonObject{{QStringLiteral("apiVersion"), QStringLiteral("v1")},
                        {QStringLiteral("kind"), QStringLiteral("Namespace")},
                        {QStringLiteral("metadata"),
                         QJsonObject{{QStringLiteral("name"), name},
                                     {QStringLiteral("labels"),
                                      QJsonObject{{QStringLiteral("kubernetes.io/metadata.name"), name}}}}},
                        {QStringLiteral("spec"), QJsonObject{{QStringLiteral("finalizers"),
                                                              QJsonArray{QStringLiteral("kubernetes")}}}},
                        {QStringLiteral("status"),
                         QJsonObject{{QStringLiteral("phase"), QStringLiteral("Active")}}}});
    }
    if (!m_store->get(QStringLiteral("storageclasses"), {}, QStringLiteral("standard")))
        m_store->create(QStringLiteral("storageclasses"), defaultStorageClass());
    for (const QJsonObject &ns : m_store->list(QStringLiteral("namespaces"), {})) {
        const QJsonObject status = ns.value(QLatin1String("status")).toObject();
        if (status.value(QLatin1String("phase")).toString() == u"Terminating")
            finalizeNamespace(
                ns.value(QLatin1String("metadata")).toObject().value(QLatin1String("name")).toString(), 0);
    }
}

bool ApiHandler::isAuthenticated(const HttpRequest &request) const
{
    if (request.clientCertificateTrusted)
        return true;
    const QByteArray authorization = request.header("authorization");
    if (!authorization.startsWith("Bearer "))
        return false;
    const QByteArray token = authorization.mid(7).trimmed();
    if (m_credentials->limitedToken(token))
        return true;
    const QByteArray expected = m_credentials->token();
    // Constant-time comparison: the token is the only secret guarding the API.
    if (token.size() != expected.size())
        return false;
    unsigned char diff = 0;
    for (qsizetype i = 0; i < token.size(); ++i)
        diff |= static_cast<unsigned char>(token.at(i) ^ expected.at(i));
    return diff == 0;
}

const LimitedToken *ApiHandler::limitedTokenOf(const HttpRequest &request) const
{
    const QByteArray authorization = request.header("authorization");
    if (request.clientCertificateTrusted || !authorization.startsWith("Bearer "))
        return nullptr;
    return m_credentials->limitedToken(authorization.mid(7).trimmed());
}

void ApiHandler::reply(HttpConnection *connection, int code, const QJsonObject &body,
                       const QList<QPair<QByteArray, QByteArray>> &extraHeaders)
{
    HttpResponse response;
    response.status = code;
    response.headers = {{"Content-Type", kJson}, {"Cache-Control", "no-cache, private"}};
    response.headers += extraHeaders;
    for (const QByteArray &warning : std::as_const(m_warnings))
        response.headers.append({"Warning", "299 - \"" + warning + '"'});
    m_warnings.clear();
    response.body = QJsonDocument(body).toJson(QJsonDocument::Compact) + '\n';
    connection->respond(response);
}

void ApiHandler::replyStatus(HttpConnection *connection, const ApiStatus &status)
{
    QList<QPair<QByteArray, QByteArray>> headers;
    if (status.retryAfterSeconds > 0)
        headers.append({"Retry-After", QByteArray::number(status.retryAfterSeconds)});
    reply(connection, status.code, status.toJson(), headers);
}

void ApiHandler::handleRequest(const HttpRequest &request, HttpConnection *connection)
{
    m_warnings.clear();
    const QString &path = request.path;
    if (request.method == "GET" && (path == u"/version" || path == u"/version/")) {
        reply(connection, 200, discovery::versionInfo());
        return;
    }
    if (request.method == "GET" && (path == u"/healthz" || path == u"/readyz" || path == u"/livez")) {
        connection->respond({200, {{"Content-Type", "text/plain; charset=utf-8"}}, "ok"});
        return;
    }
    if (!isAuthenticated(request)) {
        replyStatus(connection, ApiStatus::unauthorized());
        return;
    }
    if (const auto route = parseRoute(path)) {
        serveResource(request, *route, connection);
        return;
    }
    serveNonResource(request, connection);
}

std::optional<ApiHandler::Route> ApiHandler::parseRoute(const QString &path) const
{
    QStringList segments = path.split(u'/', Qt::SkipEmptyParts);
    QString group;
    QString version;
    if (segments.size() >= 3 && segments.at(0) == u"api") {
        version = segments.at(1);
        segments = segments.mid(2);
    } else if (segments.size() >= 4 && segments.at(0) == u"apis") {
        group = segments.at(1);
        version = segments.at(2);
        segments = segments.mid(3);
    } else {
        return std::nullopt;
    }
    Route route;
    // /namespaces/{ns}/{resource}... addresses namespaced kinds; /namespaces[/{name}[/sub]] the namespaces.
    if (segments.size() >= 3 && segments.at(0) == u"namespaces") {
        const ResourceType *type = findResourceType(group, version, segments.at(2));
        if (type && type->namespaced) {
            route.type = type;
            route.ns = segments.at(1);
            route.name = segments.value(3);
            route.subresource = segments.value(4);
            if (segments.size() > 5)
                return std::nullopt;
            return route;
        }
        if (group.isEmpty() && segments.size() == 3) {
            route.type = findResourceType({}, version, QStringLiteral("namespaces"));
            route.name = segments.at(1);
            route.subresource = segments.at(2);
            return route.type ? std::optional(route) : std::nullopt;
        }
        return std::nullopt;
    }
    route.type = findResourceType(group, version, segments.at(0));
    if (!route.type || segments.size() > 3)
        return std::nullopt;
    route.name = segments.value(1);
    route.subresource = segments.value(2);
    return route;
}

void ApiHandler::serveResource(const HttpRequest &request, const Route &route, HttpConnection *connection)
{
    const ResourceType &type = *route.type;
    if (!route.subresource.isEmpty() && !type.subresources.contains(route.subresource)) {
        replyStatus(connection, ApiStatus::pathNotFound(request.path));
        return;
    }
    const QString verb = verbOf(request, !route.name.isEmpty(), route.subresource);
    const QString resourceName =
        route.subresource.isEmpty() ? type.plural : type.plural + u'/' + route.subresource;
    // A limited token (data-dir/tokens) gets the 403 a real RBAC authorizer sends, in its words.
    if (const LimitedToken *limited = limitedTokenOf(request);
        limited && !limited->allows(verb, resourceName, route.ns)) {
        const QString scope = route.ns.isEmpty() ? QStringLiteral("at the cluster scope")
                                                 : QStringLiteral("in the namespace \"%1\"").arg(route.ns);
        const QString subject =
            route.name.isEmpty() ? type.plural : QStringLiteral("%1 \"%2\"").arg(type.plural, route.name);
        replyStatus(connection,
                    ApiStatus::forbidden(
                        type.plural, route.name,
                        QStringLiteral(
                            "%1 is forbidden: User \"%2\" cannot %3 resource \"%4\" in API group \"%5\" %6")
                            .arg(subject, limited->user, verb, resourceName, type.group, scope)));
        return;
    }
    if (const auto fault = m_faults->take(verb, resourceName)) {
        const auto fail = [this, fault, connection, request, route]() {
            if (fault->watch != WatchFault::None) {
                watchObjects(request, route, connection, &*fault);
                return;
            }
            if (fault->status == 0) {
                serveResource(request, route, connection); // delay only: the rule is consumed now
                return;
            }
            ApiStatus status =
                statusForCode(fault->status, QStringLiteral("injected fault: %1 %2")
                                                 .arg(QString::fromLatin1(request.method), request.path));
            status.retryAfterSeconds = fault->retryAfter;
            replyStatus(connection, status);
        };
        if (fault->delayMs > 0) {
            QPointer<HttpConnection> guard(connection);
            QTimer::singleShot(fault->delayMs, this, [guard, fail] {
                if (guard)
                    fail();
            });
        } else {
            fail();
        }
        return;
    }
    if (route.subresource == u"exec" || route.subresource == u"portforward" ||
        route.subresource == u"attach") {
        // An upgrade that handleUpgrade() declined (no protocol both sides speak), or no upgrade at all.
        if (!m_streamHandler)
            replyStatus(connection, {503,
                                     QStringLiteral("ServiceUnavailable"),
                                     QStringLiteral("this kube-sandbox has no pod runtime for streams"),
                                     {},
                                     0});
        else if (!m_store->get(QStringLiteral("pods"), route.ns, route.name))
            replyStatus(connection, ApiStatus::notFound(QStringLiteral("pods"), route.name));
        else
            replyStatus(
                connection,
                ApiStatus::badRequest(
                    QStringLiteral("%1 needs an upgrade: to a WebSocket offering %2, or to SPDY/3.1 with "
                                   "X-Stream-Protocol-Version %3")
                        .arg(route.subresource,
                             route.subresource == u"portforward"
                                 ? QStringLiteral("v4.channel.k8s.io or SPDY/3.1+portforward.k8s.io")
                                 : QStringLiteral("v5.channel.k8s.io or v4.channel.k8s.io"),
                             route.subresource == u"portforward" ? QStringLiteral("portforward.k8s.io")
                                                                 : QStringLiteral("v4.channel.k8s.io"))));
        return;
    }
    if (route.subresource == u"log") {
        const auto log = m_podLog ? m_podLog(route.ns, route.name) : std::nullopt;
        if (!m_store->get(QStringLiteral("pods"), route.ns, route.name))
            replyStatus(connection, ApiStatus::notFound(QStringLiteral("pods"), route.name));
        else
            connection->respond({200, {{"Content-Type", "text/plain"}}, log.value_or(QString()).toUtf8()});
        return;
    }
    if (route.subresource == u"scale") {
        if (verb == u"get")
            getScale(route, connection);
        else if (verb == u"update" || verb == u"patch")
            writeScale(request, route, connection);
        else
            replyStatus(connection,
                        ApiStatus::methodNotAllowed(QStringLiteral("scale supports get, update and patch")));
        return;
    }
    if (type.readOnly && verb != u"get" && verb != u"list" && verb != u"watch") {
        replyStatus(connection, ApiStatus::methodNotAllowed(
                                    QStringLiteral("%1 are read-only in kube-sandbox").arg(type.plural)));
        return;
    }
    if (verb == u"get")
        getObject(request, route, connection);
    else if (verb == u"list")
        listObjects(request, route, connection);
    else if (verb == u"watch")
        watchObjects(request, route, connection);
    else if (verb == u"create" && route.name.isEmpty())
        createObject(request, route, connection);
    else if (verb == u"update")
        updateObject(request, route, connection);
    else if (verb == u"patch")
        patchObject(request, route, connection);
    else if (verb == u"delete")
        deleteObject(request, route, connection);
    else if (verb == u"deletecollection")
        deleteCollection(request, route, connection);
    else
        replyStatus(connection,
                    ApiStatus::methodNotAllowed(QStringLiteral("the server does not allow this method on "
                                                               "the requested resource")));
}

} // namespace sandbox
