#pragma once

#include "common/error.h"

#include <QByteArray>
#include <QString>

namespace rcs {

// What a request was doing, so that an error can say it in words.
struct KubeRequestContext {
    QString verb;     // get, list, watch, create, patch, delete, deletecollection, update
    QString resource; // plural, e.g. "statefulsets"; with subresource "statefulsets/scale"
    QString ns;       // empty for cluster-scoped
    QString name;     // empty for collections
    QString url;
};

// Turns an HTTP error answer into one clear sentence. Kubernetes Status bodies are decoded (code and
// reason win over the status line); non-JSON bodies (proxies, load balancers) are quoted briefly.
// 401 → Unauthorized, 403 → Forbidden naming verb, resource and namespace, 404 → NotFound naming the
// object, 409 → Conflict naming the conflict, others → KubeApi. detail() holds the raw body.
Error decodeKubeError(int httpStatus, const QByteArray &body, const KubeRequestContext &context);

// Why the API server refused the WebSocket of a pod's exec or port-forward subresource, in one
// sentence. QWebSocket only reports the answer's status line inside its error text ("…Unhandled http
// status code: 404 (Not Found)."), not the Status body, so the sentence is built from the code: 404
// names the pod, 403 the RBAC permission (create pods/SUBRESOURCE), 401 the credentials. Without a
// status code (TLS, connection refused) the socket's own error text is kept, as ConnectionFailed.
Error decodeWebSocketRefusal(const QString &socketError, const QString &ns, const QString &pod,
                             const QString &subresource, const QString &url);

} // namespace rcs
