#pragma once

// What every write verb of ApiHandler reads from its request: the body (JSON, YAML or protobuf), its
// media type, the field manager, dry run, and whether the body is of the route's kind.

#include "api/api_status.h"
#include "common/result.h"
#include "net/http_message.h"

#include <QJsonObject>
#include <QString>

#include <optional>

namespace sandbox {

struct ResourceType;

// The Content-Type without parameters, lower case ("application/json").
QString mediaType(const HttpRequest &request);
// ?fieldManager=, else the User-Agent's program name, else fallback.
QString managerOf(const HttpRequest &request, const QString &fallback);
// ?dryRun=All
bool isDryRun(const HttpRequest &request);
// 400 unless the body is of the route's kind and API version.
std::optional<ApiStatus> checkKind(const ResourceType &type, const QJsonObject &object);
// Bodies are JSON, YAML, or (from kubectl's typed clients) protobuf for a few kinds: 415 for others.
std::optional<ApiStatus> checkBodyMediaType(const HttpRequest &request);
rcs::Result<QJsonObject> decodeBody(const HttpRequest &request);

} // namespace sandbox
