#include "api/object_defaults.h"

#include "api/resource_types.h"
#include "store/object_store.h"

#include <QJsonArray>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QSet>

namespace sandbox {

namespace {

constexpr int kNodePortFirst = 30000;
constexpr int kNodePortLast = 32767;

QJsonObject sub(const QJsonObject &o, const char *key)
{
    return o.value(QLatin1String(key)).toObject();
}

void allocatedAddresses(const ObjectStore &store, const QString &exceptUid, QSet<QString> *ips,
                        QSet<int> *ports)
{
    for (const QJsonObject &service : store.list(QStringLiteral("services"), {})) {
        if (sub(service, "metadata").value(QLatin1String("uid")).toString() == exceptUid)
            continue;
        const QJsonObject spec = sub(service, "spec");
        ips->insert(spec.value(QLatin1String("clusterIP")).toString());
        for (const QJsonValue &p : spec.value(QLatin1String("ports")).toArray()) {
            if (p.toObject().contains(QLatin1String("nodePort")))
                ports->insert(int(p.toObject().value(QLatin1String("nodePort")).toInteger()));
        }
    }
}

std::optional<ApiStatus> prepareService(const ResourceType &type, QJsonObject &object, const QJsonObject &old,
                                        const ObjectStore &store)
{
    const QString name = sub(object, "metadata").value(QLatin1String("name")).toString();
    QJsonObject spec = sub(object, "spec");
    const QJsonObject oldSpec = sub(old, "spec");
    QJsonArray causes;
    const QString serviceType = spec.value(QLatin1String("type")).toString(QStringLiteral("ClusterIP"));
    spec.insert(QStringLiteral("type"), serviceType);
    if (serviceType != u"ClusterIP" && serviceType != u"NodePort" && serviceType != u"LoadBalancer" &&
        serviceType != u"ExternalName")
        causes.append(fieldCause(QStringLiteral("FieldValueNotSupported"), QStringLiteral("spec.type"),
                                 QStringLiteral("Unsupported value: \"%1\": supported values: \"ClusterIP\", "
                                                "\"ExternalName\", \"LoadBalancer\", \"NodePort\"")
                                     .arg(serviceType)));
    QSet<QString> usedIps;
    QSet<int> usedPorts;
    allocatedAddresses(store, sub(old, "metadata").value(QLatin1String("uid")).toString(), &usedIps,
                       &usedPorts);

    QString clusterIp = spec.value(QLatin1String("clusterIP")).toString();
    if (clusterIp.isEmpty())
        clusterIp = oldSpec.value(QLatin1String("clusterIP")).toString(); // immutable once allocated
    if (clusterIp.isEmpty() && serviceType != u"ExternalName") {
        for (int attempt = 0; attempt < 65536 && clusterIp.isEmpty(); ++attempt) {
            const quint32 host = QRandomGenerator::global()->bounded(10, 65534);
            const QString candidate = QStringLiteral("10.96.%1.%2").arg(host >> 8).arg(host & 0xff);
            if ((host & 0xff) != 0 && (host & 0xff) != 255 && !usedIps.contains(candidate))
                clusterIp = candidate;
        }
    } else if (clusterIp != u"None" && usedIps.contains(clusterIp)) {
        causes.append(fieldCause(QStringLiteral("FieldValueInvalid"), QStringLiteral("spec.clusterIPs"),
                                 QStringLiteral("Invalid value: []string{\"%1\"}: failed to allocate IP %1: "
                                                "provided IP is already allocated")
                                     .arg(clusterIp)));
    }
    if (!clusterIp.isEmpty()) {
        spec.insert(QStringLiteral("clusterIP"), clusterIp);
        spec.insert(QStringLiteral("clusterIPs"), QJsonArray{clusterIp});
        spec.insert(QStringLiteral("ipFamilies"), QJsonArray{QStringLiteral("IPv4")});
        spec.insert(QStringLiteral("ipFamilyPolicy"), QStringLiteral("SingleStack"));
    }
    if (!spec.contains(QLatin1String("sessionAffinity")))
        spec.insert(QStringLiteral("sessionAffinity"), QStringLiteral("None"));
    if (!spec.contains(QLatin1String("internalTrafficPolicy")))
        spec.insert(QStringLiteral("internalTrafficPolicy"), QStringLiteral("Cluster"));
    const bool wantsNodePorts = serviceType == u"NodePort" || serviceType == u"LoadBalancer";
    if (wantsNodePorts && !spec.contains(QLatin1String("externalTrafficPolicy")))
        spec.insert(QStringLiteral("externalTrafficPolicy"), QStringLiteral("Cluster"));

    QJsonArray ports = spec.value(QLatin1String("ports")).toArray();
    if (ports.isEmpty() && clusterIp != u"None" && serviceType != u"ExternalName")
        causes.append(fieldCause(QStringLiteral("FieldValueRequired"), QStringLiteral("spec.ports"),
                                 QStringLiteral("Required value")));
    QSet<int> mine;
    for (qsizetype i = 0; i < ports.size(); ++i) {
        QJsonObject port = ports.at(i).toObject();
        const QString field = QStringLiteral("spec.ports[%1]").arg(i);
        const qint64 number = port.value(QLatin1String("port")).toInteger();
        if (number < 1 || number > 65535)
            causes.append(fieldCause(
                QStringLiteral("FieldValueInvalid"), field + QStringLiteral(".port"),
                QStringLiteral("Invalid value: %1: must be between 1 and 65535, inclusive").arg(number)));
        if (!port.contains(QLatin1String("protocol")))
            port.insert(QStringLiteral("protocol"), QStringLiteral("TCP"));
        if (!port.contains(QLatin1String("targetPort")))
            port.insert(QStringLiteral("targetPort"), number);
        if (wantsNodePorts) {
            int nodePort = int(port.value(QLatin1String("nodePort")).toInteger());
            if (nodePort == 0) {
                // Keep the port this service already had for the same service port.
                for (const QJsonValue &o : oldSpec.value(QLatin1String("ports")).toArray()) {
                    if (o.toObject().value(QLatin1String("port")).toInteger() == number)
                        nodePort = int(o.toObject().value(QLatin1String("nodePort")).toInteger());
                }
            }
            if (nodePort == 0) {
                for (int attempt = 0; attempt < 100000 && nodePort == 0; ++attempt) {
                    const int candidate =
                        QRandomGenerator::global()->bounded(kNodePortFirst, kNodePortLast + 1);
                    if (!usedPorts.contains(candidate) && !mine.contains(candidate))
                        nodePort = candidate;
                }
            } else if (nodePort < kNodePortFirst || nodePort > kNodePortLast) {
                causes.append(
                    fieldCause(QStringLiteral("FieldValueInvalid"), field + QStringLiteral(".nodePort"),
                               QStringLiteral("Invalid value: %1: provided port is not in the valid range. "
                                              "The range of valid ports is 30000-32767")
                                   .arg(nodePort)));
            } else if (usedPorts.contains(nodePort) || mine.contains(nodePort)) {
                causes.append(fieldCause(
                    QStringLiteral("FieldValueInvalid"), field + QStringLiteral(".nodePort"),
                    QStringLiteral("Invalid value: %1: provided port is already allocated").arg(nodePort)));
            }
            mine.insert(nodePort);
            port.insert(QStringLiteral("nodePort"), nodePort);
        } else {
            port.remove(QLatin1String("nodePort"));
        }
        ports.replace(i, port);
    }
    if (!ports.isEmpty())
        spec.insert(QStringLiteral("ports"), ports);
    if (!causes.isEmpty())
        return ApiStatus::invalid(type.kind, type.group, name, causes);
    object.insert(QStringLiteral("spec"), spec);
    if (!object.contains(QLatin1String("status")))
        object.insert(QStringLiteral("status"), QJsonObject{{QStringLiteral("loadBalancer"), QJsonObject{}}});
    return std::nullopt;
}

std::optional<ApiStatus> prepareStatefulSet(const ResourceType &type, QJsonObject &object)
{
    const QString name = sub(object, "metadata").value(QLatin1String("name")).toString();
    QJsonObject spec = sub(object, "spec");
    QJsonArray causes;
    const QJsonObject selector = sub(spec, "selector");
    const QJsonObject templateLabels = sub(sub(sub(spec, "template"), "metadata"), "labels");
    if (selector.isEmpty())
        causes.append(fieldCause(QStringLiteral("FieldValueRequired"), QStringLiteral("spec.selector"),
                                 QStringLiteral("Required value")));
    const QJsonObject matchLabels = sub(selector, "matchLabels");
    for (auto it = matchLabels.begin(); it != matchLabels.end(); ++it) {
        if (templateLabels.value(it.key()) != it.value()) {
            causes.append(fieldCause(
                QStringLiteral("FieldValueInvalid"), QStringLiteral("spec.template.metadata.labels"),
                QStringLiteral("Invalid value: map[string]string{...}: `selector` does not "
                               "match template `labels`")));
            break;
        }
    }
    if (sub(sub(spec, "template"), "spec").value(QLatin1String("containers")).toArray().isEmpty())
        causes.append(fieldCause(QStringLiteral("FieldValueRequired"),
                                 QStringLiteral("spec.template.spec.containers"),
                                 QStringLiteral("Required value")));
    if (!spec.contains(QLatin1String("replicas")))
        spec.insert(QStringLiteral("replicas"), 1);
    const qint64 replicas = spec.value(QLatin1String("replicas")).toInteger(-1);
    if (replicas < 0)
        causes.append(fieldCause(QStringLiteral("FieldValueInvalid"), QStringLiteral("spec.replicas"),
                                 QStringLiteral("Invalid value: %1: must be greater than or equal to 0")
                                     .arg(spec.value(QLatin1String("replicas")).toVariant().toString())));
    if (!causes.isEmpty())
        return ApiStatus::invalid(type.kind, type.group, name, causes);
    if (!spec.contains(QLatin1String("podManagementPolicy")))
        spec.insert(QStringLiteral("podManagementPolicy"), QStringLiteral("OrderedReady"));
    if (!spec.contains(QLatin1String("revisionHistoryLimit")))
        spec.insert(QStringLiteral("revisionHistoryLimit"), 10);
    // As SetDefaults_StatefulSet: RollingUpdate, whose partition is 0 unless given (kubectl rollout
    // status reads a partition it finds absent as "partitioned roll out complete" at once).
    QJsonObject strategy = sub(spec, "updateStrategy");
    if (!strategy.contains(QLatin1String("type")))
        strategy.insert(QStringLiteral("type"), QStringLiteral("RollingUpdate"));
    if (strategy.value(QLatin1String("type")).toString() == QLatin1String("RollingUpdate")) {
        QJsonObject rolling = sub(strategy, "rollingUpdate");
        if (!rolling.contains(QLatin1String("partition")))
            rolling.insert(QStringLiteral("partition"), 0);
        strategy.insert(QStringLiteral("rollingUpdate"), rolling);
    }
    spec.insert(QStringLiteral("updateStrategy"), strategy);
    if (!spec.contains(QLatin1String("persistentVolumeClaimRetentionPolicy")))
        spec.insert(QStringLiteral("persistentVolumeClaimRetentionPolicy"),
                    QJsonObject{{QStringLiteral("whenDeleted"), QStringLiteral("Retain")},
                                {QStringLiteral("whenScaled"), QStringLiteral("Retain")}});
    object.insert(QStringLiteral("spec"), spec);
    if (!object.contains(QLatin1String("status")))
        object.insert(QStringLiteral("status"),
                      QJsonObject{{QStringLiteral("replicas"), 0}, {QStringLiteral("availableReplicas"), 0}});
    return std::nullopt;
}

std::optional<ApiStatus> preparePod(const ResourceType &type, QJsonObject &object)
{
    const QString name = sub(object, "metadata").value(QLatin1String("name")).toString();
    QJsonObject spec = sub(object, "spec");
    if (spec.value(QLatin1String("containers")).toArray().isEmpty())
        return ApiStatus::invalid(
            type.kind, type.group, name,
            {fieldCause(QStringLiteral("FieldValueRequired"), QStringLiteral("spec.containers"),
                        QStringLiteral("Required value"))});
    if (!spec.contains(QLatin1String("restartPolicy")))
        spec.insert(QStringLiteral("restartPolicy"), QStringLiteral("Always"));
    if (!spec.contains(QLatin1String("schedulerName")))
        spec.insert(QStringLiteral("schedulerName"), QStringLiteral("default-scheduler"));
    if (!spec.contains(QLatin1String("terminationGracePeriodSeconds")))
        spec.insert(QStringLiteral("terminationGracePeriodSeconds"), 30);
    object.insert(QStringLiteral("spec"), spec);
    if (!object.contains(QLatin1String("status")))
        object.insert(QStringLiteral("status"),
                      QJsonObject{{QStringLiteral("phase"), QStringLiteral("Pending")},
                                  {QStringLiteral("qosClass"), podQosClass(spec)}});
    return std::nullopt;
}

void preparePersistentVolumeClaim(QJsonObject &object)
{
    QJsonObject spec = sub(object, "spec");
    if (!spec.contains(QLatin1String("storageClassName")))
        spec.insert(QStringLiteral("storageClassName"), QStringLiteral("standard"));
    if (!spec.contains(QLatin1String("volumeMode")))
        spec.insert(QStringLiteral("volumeMode"), QStringLiteral("Filesystem"));
    object.insert(QStringLiteral("spec"), spec);
    QJsonObject status = sub(object, "status");
    if (status.isEmpty()) {
        // The default class binds immediately: the volume is a folder the runtime creates on demand.
        const QString storage =
            sub(sub(spec, "resources"), "requests").value(QLatin1String("storage")).toString();
        status = QJsonObject{{QStringLiteral("phase"), QStringLiteral("Bound")},
                             {QStringLiteral("accessModes"), spec.value(QLatin1String("accessModes"))},
                             {QStringLiteral("capacity"), QJsonObject{{QStringLiteral("storage"), storage}}}};
        object.insert(QStringLiteral("status"), status);
        if (!spec.contains(QLatin1String("volumeName"))) {
            spec.insert(QStringLiteral("volumeName"),
                        QString(QStringLiteral("pvc-") +
                                sub(object, "metadata").value(QLatin1String("name")).toString()));
            object.insert(QStringLiteral("spec"), spec);
        }
    }
}

void prepareNamespace(QJsonObject &object)
{
    QJsonObject metadata = sub(object, "metadata");
    QJsonObject labels = sub(metadata, "labels");
    labels.insert(QStringLiteral("kubernetes.io/metadata.name"), metadata.value(QLatin1String("name")));
    metadata.insert(QStringLiteral("labels"), labels);
    object.insert(QStringLiteral("metadata"), metadata);
    object.insert(QStringLiteral("spec"),
                  QJsonObject{{QStringLiteral("finalizers"), QJsonArray{QStringLiteral("kubernetes")}}});
    if (sub(object, "status").isEmpty())
        object.insert(QStringLiteral("status"),
                      QJsonObject{{QStringLiteral("phase"), QStringLiteral("Active")}});
}

void prepareSecret(QJsonObject &object)
{
    if (!object.contains(QLatin1String("type")))
        object.insert(QStringLiteral("type"), QStringLiteral("Opaque"));
    // stringData is write-only: it is folded into data as base64.
    const QJsonObject stringData = sub(object, "stringData");
    if (!stringData.isEmpty()) {
        QJsonObject data = sub(object, "data");
        for (auto it = stringData.begin(); it != stringData.end(); ++it)
            data.insert(it.key(), QString::fromLatin1(it.value().toString().toUtf8().toBase64()));
        object.insert(QStringLiteral("data"), data);
    }
    object.remove(QLatin1String("stringData"));
}

} // namespace

QJsonObject defaultStorageClass()
{
    return {{QStringLiteral("apiVersion"), QStringLiteral("storage.k8s.io/v1")},
            {QStringLiteral("kind"), QStringLiteral("StorageClass")},
            {QStringLiteral("metadata"),
             QJsonObject{{QStringLiteral("name"), QStringLiteral("standard")},
                         {QStringLiteral("annotations"),
                          QJsonObject{{QStringLiteral("storageclass.kubernetes.io/is-default-class"),
                                       QStringLiteral("true")}}}}},
            {QStringLiteral("provisioner"), QStringLiteral("sandbox.local/hostpath")},
            {QStringLiteral("reclaimPolicy"), QStringLiteral("Delete")},
            {QStringLiteral("volumeBindingMode"), QStringLiteral("Immediate")},
            {QStringLiteral("allowVolumeExpansion"), false}};
}

bool isDnsSubdomain(const QString &name)
{
    static const QRegularExpression pattern(
        QStringLiteral("^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$"));
    return name.size() <= 253 && pattern.match(name).hasMatch();
}

std::optional<ApiStatus> prepareObject(const ResourceType &type, QJsonObject &object, const QJsonObject &old,
                                       const ObjectStore &store)
{
    const QString name = sub(object, "metadata").value(QLatin1String("name")).toString();
    if (name.isEmpty())
        return ApiStatus::invalid(
            type.kind, type.group, name,
            {fieldCause(QStringLiteral("FieldValueRequired"), QStringLiteral("metadata.name"),
                        QStringLiteral("Required value: name or generateName is required"))});
    if (!isDnsSubdomain(name))
        return ApiStatus::invalid(
            type.kind, type.group, name,
            {fieldCause(
                QStringLiteral("FieldValueInvalid"), QStringLiteral("metadata.name"),
                QStringLiteral("Invalid value: \"%1\": a lowercase RFC 1123 subdomain must consist of lower "
                               "case alphanumeric characters, '-' or '.', and must start and end with an "
                               "alphanumeric character")
                    .arg(name))});
    if (type.plural == u"services")
        return prepareService(type, object, old, store);
    if (type.plural == u"statefulsets")
        return prepareStatefulSet(type, object);
    if (type.plural == u"pods")
        return preparePod(type, object);
    if (type.plural == u"persistentvolumeclaims")
        preparePersistentVolumeClaim(object);
    else if (type.plural == u"namespaces")
        prepareNamespace(object);
    else if (type.plural == u"secrets")
        prepareSecret(object);
    return std::nullopt;
}

QString podQosClass(const QJsonObject &podSpec)
{
    bool anyResources = false;
    bool guaranteed = true;
    for (const char *list : {"initContainers", "containers"}) {
        for (const QJsonValue &value : podSpec.value(QLatin1String(list)).toArray()) {
            const QJsonObject resources = value.toObject().value(QLatin1String("resources")).toObject();
            const QJsonObject requests = resources.value(QLatin1String("requests")).toObject();
            const QJsonObject limits = resources.value(QLatin1String("limits")).toObject();
            for (const char *name : {"cpu", "memory"}) {
                const QLatin1String key(name);
                anyResources = anyResources || requests.contains(key) || limits.contains(key);
                // A request left out defaults to its limit, as the API server's defaulting does.
                if (!limits.contains(key) ||
                    (requests.contains(key) && requests.value(key) != limits.value(key)))
                    guaranteed = false;
            }
        }
    }
    if (!anyResources)
        return QStringLiteral("BestEffort");
    return guaranteed ? QStringLiteral("Guaranteed") : QStringLiteral("Burstable");
}

} // namespace sandbox
