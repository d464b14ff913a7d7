#pragma once

#include "common/result.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QString>

namespace sandbox {

// RFC 7386 JSON merge patch.
QJsonObject applyMergePatch(const QJsonObject &target, const QJsonObject &patch);

// Kubernetes strategic merge patch as kubectl's client-side apply sends it: maps merge, null deletes,
// keyed lists (containers, ports, env, volumes, ...) merge by their key, other lists are replaced;
// the directives $patch, $retainKeys, $setElementOrder/… and $deleteFromPrimitiveList/… are honoured.
QJsonObject applyStrategicMergePatch(const QJsonObject &target, const QJsonObject &patch);

// RFC 6902 JSON patch. Fails on a bad path or a failed test operation.
rcs::Result<QJsonObject> applyJsonPatch(const QJsonObject &target, const QJsonArray &operations);

// The merge key of a list field of the built-in kinds ("name" for containers, "containerPort" for
// container ports, ...); empty for lists that are replaced as a whole. items helps tell container
// ports from service ports.
QString listMergeKey(const QString &field, const QJsonArray &items);

} // namespace sandbox
