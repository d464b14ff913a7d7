#pragma once

#include "api/api_status.h"
#include "common/result.h"
#include "net/http_connection.h"

#include <QJsonObject>
#include <QObject>
#include <QPointer>
#include <QSet>

#include <functional>
#include <optional>

class QWebSocketServer;

namespace sandbox {

class Credentials;
class FaultInjector;
struct LimitedToken;
struct FaultRule;
class MemoryObjectStore;
class StreamHandler;
struct ResourceType;

// The Kubernetes API of kube-sandbox: authentication, discovery, OpenAPI, and the verbs on every
// served resource (reference §2–§8). Upgrades of pods/exec, pods/attach and pods/portforward (WebSocket
// or raw SPDY/3.1) are accepted here and handed to the runtime's StreamHandler.
class ApiHandler final : public QObject, public HttpRequestHandler {
    Q_OBJECT
public:
    ApiHandler(MemoryObjectStore *store, const Credentials *credentials, QObject *parent = nullptr);
    ~ApiHandler() override;

    void setStreamHandler(StreamHandler *handler) { m_streamHandler = handler; }
    // pods/log: the container output the runtime captured, nothing when the pod has none.
    void setPodLogSource(std::function<std::optional<QString>(const QString &ns, const QString &name)> source)
    {
        m_podLog = std::move(source);
    }
    // POST /sandbox/nodes/NAME/fail and …/recover.
    void setNodeFailer(std::function<rcs::Result<void>(const QString &node, bool fail)> failer)
    {
        m_nodeFailer = std::move(failer);
    }
    FaultInjector *faultInjector() const { return m_faults; }

    // Creates the built-in namespaces and the default StorageClass when absent, and resumes the
    // deletion of namespaces that were terminating when the sandbox stopped.
    void ensureBuiltinObjects();

    void handleRequest(const HttpRequest &request, HttpConnection *connection) override;
    bool handleUpgrade(const HttpRequest &request, HttpConnection *connection) override;

private:
    struct Route {
        const ResourceType *type = nullptr;
        QString ns;
        QString name;
        QString subresource;
    };

    bool isAuthenticated(const HttpRequest &request) const;
    // The limited token (data-dir/tokens) the request authenticates with, or nullptr for the admin
    // token, a trusted client certificate or no token.
    const LimitedToken *limitedTokenOf(const HttpRequest &request) const;
    std::optional<Route> parseRoute(const QString &path) const;
    void serveNonResource(const HttpRequest &request, HttpConnection *connection);
    void serveOpenApiV2(const HttpRequest &request, HttpConnection *connection);
    void serveResource(const HttpRequest &request, const Route &route, HttpConnection *connection);

    // Reads (api_handler_reads.cpp).
    void getObject(const HttpRequest &request, const Route &route, HttpConnection *connection);
    void listObjects(const HttpRequest &request, const Route &route, HttpConnection *connection);
    void watchObjects(const HttpRequest &request, const Route &route, HttpConnection *connection,
                      const FaultRule *fault = nullptr);
    void getScale(const Route &route, HttpConnection *connection);

    // Writes (api_handler_writes.cpp).
    void createObject(const HttpRequest &request, const Route &route, HttpConnection *connection);
    void updateObject(const HttpRequest &request, const Route &route, HttpConnection *connection);
    void patchObject(const HttpRequest &request, const Route &route, HttpConnection *connection);
    void deleteObject(const HttpRequest &request, const Route &route, HttpConnection *connection);
    void deleteCollection(const HttpRequest &request, const Route &route, HttpConnection *connection);
    // gracePeriodSeconds from DeleteOptions or the query; nullopt when the client gave none.
    static std::optional<int> gracePeriodOf(const HttpRequest &request, const QJsonObject &options);
    void markGracePeriod(const ResourceType &type, const QJsonObject &object, std::optional<int> seconds);
    void writeScale(const HttpRequest &request, const Route &route, HttpConnection *connection);
    // Validates, records managed fields and stores object (old empty: create). Answers the request.
    void storeObject(const HttpRequest &request, const Route &route, QJsonObject object,
                     const QJsonObject &old, const QString &manager, HttpConnection *connection);
    std::optional<ApiStatus> checkNamespaceWritable(const QString &ns) const;
    // fieldValidation: unknown fields are a 400 (Strict), Warning headers (Warn, the default) or ignored.
    // Otherwise the unknown fields are removed from object, as the API server's decoder drops them.
    std::optional<ApiStatus> checkFields(const HttpRequest &request, const ResourceType &type,
                                         QJsonObject &object);
    // The decoded body as an object of the route's kind, unknown fields handled (checkFields): false
    // once the client was told why it is not.
    bool acceptBody(const HttpRequest &request, const ResourceType &type,
                    const rcs::Result<QJsonObject> &decoded, QJsonObject *object, HttpConnection *connection);
    void finalizeNamespace(const QString &ns, int attempt);
    void orphanDependents(const QJsonObject &owner);

    // Streams (api_handler_streams.cpp).
    bool upgradeToSpdy(const HttpRequest &request, const QString &subresource, const QJsonObject &pod,
                       HttpConnection *connection);
    void onWebSocketConnection();

    void reply(HttpConnection *connection, int code, const QJsonObject &body,
               const QList<QPair<QByteArray, QByteArray>> &extraHeaders = {});
    void replyStatus(HttpConnection *connection, const ApiStatus &status);
    void replyObject(const HttpRequest &request, const Route &route, HttpConnection *connection, int code,
                     const QJsonObject &object);

    MemoryObjectStore *m_store;
    const Credentials *m_credentials;
    StreamHandler *m_streamHandler = nullptr;
    FaultInjector *m_faults = nullptr;
    QWebSocketServer *m_webSockets = nullptr;
    QSet<QString> m_finalizingNamespaces;
    QList<QByteArray> m_warnings; // Warning headers for the answer being built
    std::function<std::optional<QString>(const QString &, const QString &)> m_podLog;
    std::function<rcs::Result<void>(const QString &, bool)> m_nodeFailer;
};

bool acceptsTable(const HttpRequest &request);
// The autoscaling/v1 Scale view of a StatefulSet.
QJsonObject scaleOf(const QJsonObject &statefulSet);

} // namespace sandbox
