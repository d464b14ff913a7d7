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

} // namespace rcs
