#pragma once

#include <QJsonObject>
#include <QStringList>

namespace sandbox {

struct ResourceType;

// The fields of a request body that the kind does not have, as paths ("spec.replica",
// "spec.template.spec.containers[0].imagePolicy"), for fieldValidation=Strict (400) and Warn
// (Warning headers): a typo in a manifest must not pass silently. The known fields are those of the
// Kubernetes 1.32 types the sandbox serves, down to containers, ports and claim templates; deeper
// structures (probes, affinity, resources) are not checked.
QStringList unknownFields(const ResourceType &type, const QJsonObject &object);

} // namespace sandbox
