#pragma once

#include <QByteArray>
#include <QJsonObject>

namespace sandbox {

// A Swagger 2.0 document as the protobuf message kube-apiserver sends for
// `Accept: application/com.github.proto-openapi.spec.v2@v1.0+protobuf`: gnostic's openapi_v2.Document
// (google/gnostic openapiv2/OpenAPIv2.proto), which kubectl ≤ 1.29 reads for client-side validation and
// strategic merge patch. Covers what such documents hold: info, paths with their operations,
// parameters and responses, and definitions with the full JSON Schema subset. Vendor extensions
// (x-…), defaults, enums and examples become gnostic's Any with a YAML text; JSON is that YAML.
QByteArray encodeGnosticDocument(const QJsonObject &swagger);

} // namespace sandbox
