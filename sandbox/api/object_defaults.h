#pragma once

#include "api/api_status.h"

#include <QJsonObject>

#include <optional>

namespace sandbox {

class ObjectStore;
struct ResourceType;

// Validation and defaulting the API server does before it stores an object: required fields,
// DNS names, Service ClusterIP (10.96.0.0/16) and NodePort (30000-32767) allocation, PVC binding to
// the default StorageClass, initial status. old is empty on create. Returns a 422 (or other) Status
// on failure, and nothing when object is ready to store.
std::optional<ApiStatus> prepareObject(const ResourceType &type, QJsonObject &object, const QJsonObject &old,
                                       const ObjectStore &store);

// The StorageClass "standard" a sandbox comes with, marked as the default (as most clusters have one):
// its claims are folders in the data directory.
QJsonObject defaultStorageClass();

// DNS-1123 subdomain check used for metadata.name.
bool isDnsSubdomain(const QString &name);

// status.qosClass from the containers' cpu/memory requests and limits: "BestEffort" (none),
// "Guaranteed" (every container limits both, requests equal to them) or "Burstable".
QString podQosClass(const QJsonObject &podSpec);

} // namespace sandbox
