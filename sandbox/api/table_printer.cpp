#include "api/table_printer.h"

#include "api/resource_types.h"

#include <QDateTime>
#include <QJsonArray>

namespace sandbox {

namespace {

struct Column {
    QString name;
    QString type;
    QString format;
    int priority;
};

QJsonValue field(const QJsonObject &object, const QStringList &path)
{
    QJsonValue value = object;
    for (const QString &part : path)
        value = value.toObject().value(part);
    return value;
}

QString str(const QJsonObject &object, const char *path)
{
    return field(object, QString::fromLatin1(path).split(u'.')).toString();
}

QString orNone(const QString &text)
{
    return text.isEmpty() ? QStringLiteral("<none>") : text;
}

QString age(const QJsonObject &object)
{
    const QDateTime created = QDateTime::fromString(str(object, "metadata.creationTimestamp"), Qt::ISODate);
    if (!created.isValid())
        return QStringLiteral("<unknown>");
    return humanDuration(created.secsTo(QDateTime::currentDateTimeUtc()));
}

QString labelsAsSelector(const QJsonObject &labels)
{
    QStringList parts;
    for (auto it = labels.begin(); it != labels.end(); ++it)
        parts.append(it.key() + u'=' + it.value().toString());
    return parts.join(u',');
}

QList<Column> columnsFor(const QString &plural)
{
    const auto c = [](const char *name, int priority = 0, const char *type = "string") {
        return Column{QString::fromLatin1(name), QString::fromLatin1(type),
                      QString::fromLatin1(qstrcmp(name, "Name") == 0 ? "name" : ""), priority};
    };
    if (plural == u"pods")
        return {c("Name"),
                c("Ready"),
                c("Status"),
                c("Restarts", 0, "string"),
                c("Age"),
                c("IP", 1),
                c("Node", 1),
                c("Nominated Node", 1),
                c("Readiness Gates", 1)};
    if (plural == u"statefulsets")
        return {c("Name"), c("Ready"), c("Age"), c("Containers", 1), c("Images", 1)};
    if (plural == u"services")
        return {c("Name"),    c("Type"), c("Cluster-IP"), c("External-IP"),
                c("Port(s)"), c("Age"),  c("Selector", 1)};
    if (plural == u"persistentvolumeclaims")
        return {c("Name"),
                c("Status"),
                c("Volume"),
                c("Capacity"),
                c("Access Modes"),
                c("StorageClass"),
                c("VolumeAttributesClass"),
                c("Age"),
                c("VolumeMode", 1)};
    if (plural == u"configmaps")
        return {c("Name"), c("Data", 0, "integer"), c("Age")};
    if (plural == u"secrets")
        return {c("Name"), c("Type"), c("Data", 0, "integer"), c("Age")};
    if (plural == u"namespaces")
        return {c("Name"), c("Status"), c("Age")};
    if (plural == u"nodes")
        return {c("Name"),
                c("Status"),
                c("Roles"),
                c("Age"),
                c("Version"),
                c("Internal-IP", 1),
                c("External-IP", 1),
                c("OS-Image", 1),
                c("Kernel-Version", 1),
                c("Container-Runtime", 1)};
    if (plural == u"storageclasses")
        return {c("Name"),
                c("Provisioner"),
                c("ReclaimPolicy"),
                c("VolumeBindingMode"),
                c("AllowVolumeExpansion"),
                c("Age")};
    if (plural == u"events")
        return {c("Last Seen"), c("Type"), c("Reason"), c("Object"), c("Message")};
    if (plural == u"controllerrevisions")
        return {c("Name"), c("Controller"), c("Revision", 0, "integer"), c("Age")};
    return {c("Name"), c("Age")};
}

QString podStatus(const QJsonObject &pod)
{
    if (!str(pod, "metadata.deletionTimestamp").isEmpty())
        return QStringLiteral("Terminating");
    QString reason = str(pod, "status.reason");
    if (reason.isEmpty())
        reason = str(pod, "status.phase");
    for (const QJsonValue &value :
         field(pod, {QStringLiteral("status"), QStringLiteral("containerStatuses")}).toArray()) {
        const QJsonObject state = value.toObject().value(QLatin1String("state")).toObject();
        const QString waiting =
            state.value(QLatin1String("waiting")).toObject().value(QLatin1String("reason")).toString();
        const QString terminated =
            state.value(QLatin1String("terminated")).toObject().value(QLatin1String("reason")).toString();
        if (!waiting.isEmpty())
            return waiting;
        if (!terminated.isEmpty())
            return terminated;
    }
    return reason.isEmpty() ? QStringLiteral("Pending") : reason;
}

QJsonArray podCells(const QJsonObject &pod)
{
    const QJsonArray containers =
        field(pod, {QStringLiteral("spec"), QStringLiteral("containers")}).toArray();
    const QJsonArray statuses =
        field(pod, {QStringLiteral("status"), QStringLiteral("containerStatuses")}).toArray();
    int ready = 0;
    qint64 restarts = 0;
    QDateTime lastRestart;
    for (const QJsonValue &s : statuses) {
        ready += s.toObject().value(QLatin1String("ready")).toBool() ? 1 : 0;
        restarts += s.toObject().value(QLatin1String("restartCount")).toInteger();
        const QDateTime finished =
            QDateTime::fromString(str(s.toObject(), "lastState.terminated.finishedAt"), Qt::ISODate);
        if (finished.isValid() && (!lastRestart.isValid() || finished > lastRestart))
            lastRestart = finished;
    }
    // As kube-apiserver prints it: "2 (41s ago)" once a container has restarted.
    QString restartCell = QString::number(restarts);
    if (restarts > 0 && lastRestart.isValid())
        restartCell += QStringLiteral(" (%1 ago)")
                           .arg(humanDuration(lastRestart.secsTo(QDateTime::currentDateTimeUtc())));
    QStringList gates;
    for (const QJsonValue &g :
         field(pod, {QStringLiteral("spec"), QStringLiteral("readinessGates")}).toArray())
        gates.append(g.toObject().value(QLatin1String("conditionType")).toString());
    return {str(pod, "metadata.name"),
            QStringLiteral("%1/%2").arg(ready).arg(containers.size()),
            podStatus(pod),
            restartCell,
            age(pod),
            orNone(str(pod, "status.podIP")),
            orNone(str(pod, "spec.nodeName")),
            orNone(str(pod, "status.nominatedNodeName")),
            gates.isEmpty() ? QStringLiteral("<none>") : gates.join(u',')};
}

QString servicePorts(const QJsonObject &service)
{
    QStringList parts;
    for (const QJsonValue &value :
         field(service, {QStringLiteral("spec"), QStringLiteral("ports")}).toArray()) {
        const QJsonObject port = value.toObject();
        QString text = QString::number(port.value(QLatin1String("port")).toInteger());
        if (port.contains(QLatin1String("nodePort")))
            text += u':' + QString::number(port.value(QLatin1String("nodePort")).toInteger());
        text += u'/' + port.value(QLatin1String("protocol")).toString(QStringLiteral("TCP"));
        parts.append(text);
    }
    return parts.isEmpty() ? QStringLiteral("<none>") : parts.join(u',');
}

QJsonArray cellsFor(const QString &plural, const QJsonObject &o)
{
    const QString name = str(o, "metadata.name");
    if (plural == u"pods")
        return podCells(o);
    if (plural == u"statefulsets") {
        QStringList names;
        QStringList images;
        for (const QJsonValue &c : field(o, {QStringLiteral("spec"), QStringLiteral("template"),
                                             QStringLiteral("spec"), QStringLiteral("containers")})
                                       .toArray()) {
            names.append(c.toObject().value(QLatin1String("name")).toString());
            images.append(c.toObject().value(QLatin1String("image")).toString());
        }
        const qint64 replicas = field(o, {QStringLiteral("spec"), QStringLiteral("replicas")}).toInteger(1);
        const qint64 ready =
            field(o, {QStringLiteral("status"), QStringLiteral("readyReplicas")}).toInteger();
        return {name, QStringLiteral("%1/%2").arg(ready).arg(replicas), age(o), names.join(u','),
                images.join(u',')};
    }
    if (plural == u"services") {
        const QString type = str(o, "spec.type");
        QStringList external;
        for (const QJsonValue &ip :
             field(o, {QStringLiteral("spec"), QStringLiteral("externalIPs")}).toArray())
            external.append(ip.toString());
        const QString externalText =
            external.isEmpty()
                ? (type == u"LoadBalancer" ? QStringLiteral("<pending>") : QStringLiteral("<none>"))
                : external.join(u',');
        const QJsonObject selector =
            field(o, {QStringLiteral("spec"), QStringLiteral("selector")}).toObject();
        return {name,
                type,
                orNone(str(o, "spec.clusterIP")),
                externalText,
                servicePorts(o),
                age(o),
                selector.isEmpty() ? QStringLiteral("<none>") : labelsAsSelector(selector)};
    }
    if (plural == u"persistentvolumeclaims") {
        QStringList modes;
        for (const QJsonValue &m :
             field(o, {QStringLiteral("spec"), QStringLiteral("accessModes")}).toArray()) {
            const QString mode = m.toString();
            modes.append(mode == u"ReadWriteOnce"   ? QStringLiteral("RWO")
                         : mode == u"ReadOnlyMany"  ? QStringLiteral("ROX")
                         : mode == u"ReadWriteMany" ? QStringLiteral("RWX")
                                                    : QStringLiteral("RWOP"));
        }
        const bool bound = str(o, "status.phase") == u"Bound";
        return {name,
                str(o, "status.phase"),
                str(o, "spec.volumeName"),
                bound ? str(o, "status.capacity.storage") : QString(),
                bound ? modes.join(u',') : QString(),
                orNone(str(o, "spec.storageClassName")),
                QStringLiteral("<unset>"),
                age(o),
                str(o, "spec.volumeMode").isEmpty() ? QStringLiteral("Filesystem")
                                                    : str(o, "spec.volumeMode")};
    }
    if (plural == u"configmaps")
        return {name,
                o.value(QLatin1String("data")).toObject().size() +
                    o.value(QLatin1String("binaryData")).toObject().size(),
                age(o)};
    if (plural == u"secrets")
        return {name, str(o, "type"), o.value(QLatin1String("data")).toObject().size(), age(o)};
    if (plural == u"namespaces")
        return {name, str(o, "status.phase"), age(o)};
    if (plural == u"nodes") {
        QString status = QStringLiteral("Unknown");
        for (const QJsonValue &c :
             field(o, {QStringLiteral("status"), QStringLiteral("conditions")}).toArray()) {
            if (c.toObject().value(QLatin1String("type")).toString() == u"Ready")
                status = c.toObject().value(QLatin1String("status")).toString() == u"True"
                             ? QStringLiteral("Ready")
                             : QStringLiteral("NotReady");
        }
        if (field(o, {QStringLiteral("spec"), QStringLiteral("unschedulable")}).toBool())
            status += QStringLiteral(",SchedulingDisabled");
        QString internalIp;
        for (const QJsonValue &a :
             field(o, {QStringLiteral("status"), QStringLiteral("addresses")}).toArray()) {
            if (a.toObject().value(QLatin1String("type")).toString() == u"InternalIP")
                internalIp = a.toObject().value(QLatin1String("address")).toString();
        }
        return {name,
                status,
                QStringLiteral("<none>"),
                age(o),
                orNone(str(o, "status.nodeInfo.kubeletVersion")),
                orNone(internalIp),
                QStringLiteral("<none>"),
                orNone(str(o, "status.nodeInfo.osImage")),
                orNone(str(o, "status.nodeInfo.kernelVersion")),
                orNone(str(o, "status.nodeInfo.containerRuntimeVersion"))};
    }
    if (plural == u"storageclasses") {
        const bool isDefault = o.value(QLatin1String("metadata"))
                                   .toObject()
                                   .value(QLatin1String("annotations"))
                                   .toObject()
                                   .value(QLatin1String("storageclass.kubernetes.io/is-default-class"))
                                   .toString() == u"true";
        return {isDefault ? name + QStringLiteral(" (default)") : name,
                str(o, "provisioner"),
                o.value(QLatin1String("reclaimPolicy")).toString(QStringLiteral("Delete")),
                o.value(QLatin1String("volumeBindingMode")).toString(QStringLiteral("Immediate")),
                o.value(QLatin1String("allowVolumeExpansion")).toBool() ? QStringLiteral("true")
                                                                        : QStringLiteral("false"),
                age(o)};
    }
    if (plural == u"events") {
        const QJsonObject involved = o.value(QLatin1String("involvedObject")).toObject();
        return {age(o), str(o, "type"), str(o, "reason"),
                QString(involved.value(QLatin1String("kind")).toString().toLower() + u'/' +
                        involved.value(QLatin1String("name")).toString()),
                str(o, "message")};
    }
    if (plural == u"controllerrevisions") {
        QString controller = QStringLiteral("<none>");
        for (const QJsonValue &value :
             field(o, {QStringLiteral("metadata"), QStringLiteral("ownerReferences")}).toArray()) {
            const QJsonObject owner = value.toObject();
            if (owner.value(QLatin1String("controller")).toBool())
                controller = owner.value(QLatin1String("kind")).toString().toLower() + u'.' +
                             owner.value(QLatin1String("apiVersion")).toString().section(u'/', 0, 0) + u'/' +
                             owner.value(QLatin1String("name")).toString();
        }
        return {name, controller, o.value(QLatin1String("revision")).toInteger(), age(o)};
    }
    return {name, age(o)};
}

} // namespace

QString humanDuration(qint64 seconds)
{
    if (seconds < 0)
        seconds = 0;
    const qint64 minutes = seconds / 60;
    const qint64 hours = seconds / 3600;
    if (seconds < 120)
        return QStringLiteral("%1s").arg(seconds);
    if (minutes < 10)
        return seconds % 60 == 0 ? QStringLiteral("%1m").arg(minutes)
                                 : QStringLiteral("%1m%2s").arg(minutes).arg(seconds % 60);
    if (minutes < 180)
        return QStringLiteral("%1m").arg(minutes);
    if (hours < 8)
        return minutes % 60 == 0 ? QStringLiteral("%1h").arg(hours)
                                 : QStringLiteral("%1h%2m").arg(hours).arg(minutes % 60);
    if (hours < 48)
        return QStringLiteral("%1h").arg(hours);
    if (hours < 24 * 8)
        return hours % 24 == 0 ? QStringLiteral("%1d").arg(hours / 24)
                               : QStringLiteral("%1d%2h").arg(hours / 24).arg(hours % 24);
    if (hours < 24 * 365 * 2)
        return QStringLiteral("%1d").arg(hours / 24);
    return QStringLiteral("%1y").arg(hours / 24 / 365);
}

QJsonObject toTable(const ResourceType &type, const QList<QJsonObject> &objects,
                    const QString &resourceVersion, const QString &continueToken,
                    const QString &includeObject)
{
    QJsonArray definitions;
    for (const Column &column : columnsFor(type.plural)) {
        definitions.append(QJsonObject{{QStringLiteral("name"), column.name},
                                       {QStringLiteral("type"), column.type},
                                       {QStringLiteral("format"), column.format},
                                       {QStringLiteral("description"), QString()},
                                       {QStringLiteral("priority"), column.priority}});
    }
    QJsonArray rows;
    for (const QJsonObject &object : objects) {
        QJsonObject row{{QStringLiteral("cells"), cellsFor(type.plural, object)}};
        if (includeObject == u"Object") {
            row.insert(QStringLiteral("object"), object);
        } else if (includeObject != u"None") {
            row.insert(QStringLiteral("object"),
                       QJsonObject{{QStringLiteral("kind"), QStringLiteral("PartialObjectMetadata")},
                                   {QStringLiteral("apiVersion"), QStringLiteral("meta.k8s.io/v1")},
                                   {QStringLiteral("metadata"), object.value(QLatin1String("metadata"))}});
        }
        rows.append(row);
    }
    QJsonObject metadata{{QStringLiteral("resourceVersion"), resourceVersion}};
    if (!continueToken.isEmpty())
        metadata.insert(QStringLiteral("continue"), continueToken);
    return QJsonObject{{QStringLiteral("kind"), QStringLiteral("Table")},
                       {QStringLiteral("apiVersion"), QStringLiteral("meta.k8s.io/v1")},
                       {QStringLiteral("metadata"), metadata},
                       {QStringLiteral("columnDefinitions"), definitions},
                       {QStringLiteral("rows"), rows}};
}

} // namespace sandbox
