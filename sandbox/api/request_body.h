#pragma once

#include "common/result.h"

#include <QByteArray>
#include <QJsonObject>
#include <QJsonValue>

namespace sandbox {

// Decodes a request body that must be one JSON object, or (for apply patches) one YAML mapping.
// Errors carry the parser's message, which the API returns in a 400 Status.
rcs::Result<QJsonObject> decodeObjectBody(const QByteArray &body, bool allowYaml);

// Decodes any JSON value (JSON patches are arrays).
rcs::Result<QJsonValue> decodeJsonBody(const QByteArray &body);

} // namespace sandbox
