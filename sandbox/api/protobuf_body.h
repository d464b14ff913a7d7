#pragma once

#include "common/result.h"

#include <QByteArray>
#include <QJsonObject>

namespace sandbox {

// kubectl's typed clients (`kubectl create namespace|configmap|secret|service`) send their objects as
// Kubernetes protobuf ("k8s\0" + runtime.Unknown) whatever the server prefers, and do not fall back
// to JSON. This decodes that envelope for Namespace, ConfigMap, Secret and Service into the JSON the
// API stores. Other kinds fail with a message that names the way around (kubectl create -f).
rcs::Result<QJsonObject> decodeProtobufObject(const QByteArray &body);

} // namespace sandbox
