#pragma once

#include <QJsonObject>
#include <QStringList>

namespace sandbox {

struct ResourceType;

// The fields of a request body that the kind does not have, as paths ("spec.replica",
// "spec.template.spec.containers[0].imagePolicy"), for fieldValidation=Strict (400) and Warn
// (Warning headers): a typo in a manifest must not pass silently. The known fields are those of the
// Kubernetes 1.32 types the sandbox serves, down to containers, ports and claim templates; deeper
// structures (probes, affinity, resources) are not checked. Patch bodies have the object's shape and
// can be checked too: strategic-merge directives ($patch, $setElementOrder/…) are skipped.
QStringList unknownFields(const ResourceType &type, const QJsonObject &object);

// object without the fields at paths (as unknownFields() names them): the API server drops unknown
// fields when it does not reject them.
QJsonObject withoutFields(const QJsonObject &object, const QStringList &paths);

} // namespace sandbox
