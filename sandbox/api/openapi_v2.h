#pragma once

#include <QByteArray>
#include <QJsonObject>

namespace sandbox::openapi {

// GET /openapi/v2 as kube-apiserver serves it (k8s.io/kube-openapi pkg/handler): one Swagger 2.0
// document in JSON and in gnostic protobuf, with a common ETag (the Vary: Accept header tells caches
// apart). kubectl 1.20–1.29 need it: client-side validation and `kubectl apply`'s strategic merge patch
// read the definitions, and kubectl 1.27/1.28 fetch it before every create or apply.
struct V2Document {
    QByteArray json;
    QByteArray protobuf;
    QByteArray etag; // quoted, as in the ETag header
};

// Built once: Kubernetes' definitions for the served kinds (api/openapi/definitions.json, see
// extract_definitions.py there) and a path per served resource with its operations.
const V2Document &v2Document();
QJsonObject v2Swagger();

// Which form an Accept header asks for: "json", "protobuf", or "" when it accepts neither (406).
QByteArray v2FormatFor(const QByteArray &accept);

inline constexpr char kV2ProtobufType[] = "application/com.github.proto-openapi.spec.v2.v1.0+protobuf";

} // namespace sandbox::openapi
