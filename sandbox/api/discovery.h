#pragma once

#include <QJsonObject>
#include <QString>

namespace sandbox {

// The discovery documents kubectl reads before anything else (reference §2 and §8).
namespace discovery {

QJsonObject versionInfo();
QJsonObject apiVersions();                                                 // GET /api
QJsonObject apiGroupList();                                                // GET /apis
QJsonObject apiResourceList(const QString &group, const QString &version); // empty when not served
// Aggregated discovery (apidiscovery.k8s.io v2 or v2beta1): the core group for /api, the others for /apis.
QJsonObject aggregatedDiscovery(bool coreGroup, const QString &discoveryVersion);

// OpenAPI v3: the index, and one document per group version listing a PATCH operation with a
// fieldValidation parameter per kind, which is what makes kubectl trust server-side validation.
QJsonObject openApiIndex();
QJsonObject openApiGroupVersion(const QString &group, const QString &version); // empty when not served

} // namespace discovery
} // namespace sandbox
