#include "api/field_validation.h"

#include "api/resource_types.h"

#include <QJsonArray>

namespace sandbox {

namespace {

QStringList words(const char *text)
{
    return QString::fromLatin1(text).split(u' ', Qt::SkipEmptyParts);
}

const QStringList &metadataFields()
{
    static const QStringList fields =
        words("name generateName namespace selfLink uid resourceVersion generation creationTimestamp "
              "deletionTimestamp deletionGracePeriodSeconds labels annotations ownerReferences finalizers "
              "managedFields");
    return fields;
}

const QStringList &podSpecFields()
{
    static const QStringList fields = words(
        "volumes initContainers containers ephemeralContainers restartPolicy terminationGracePeriodSeconds "
        "activeDeadlineSeconds dnsPolicy nodeSelector serviceAccountName serviceAccount "
        "automountServiceAccountToken nodeName hostNetwork hostPID hostIPC shareProcessNamespace "
        "securityContext "
        "imagePullSecrets hostname subdomain affinity schedulerName tolerations hostAliases "
        "priorityClassName "
        "priority dnsConfig readinessGates runtimeClassName enableServiceLinks preemptionPolicy overhead "
        "topologySpreadConstraints setHostnameAsFQDN os hostUsers schedulingGates resourceClaims resources");
    return fields;
}

const QStringList &containerFields()
{
    static const QStringList fields =
        words("name image command args workingDir ports envFrom env resources resizePolicy restartPolicy "
              "volumeMounts "
              "volumeDevices livenessProbe readinessProbe startupProbe lifecycle terminationMessagePath "
              "terminationMessagePolicy imagePullPolicy securityContext stdin stdinOnce tty");
    return fields;
}

const QStringList &claimSpecFields()
{
    static const QStringList fields =
        words("accessModes selector resources volumeName storageClassName volumeMode "
              "dataSource dataSourceRef volumeAttributesClassName");
    return fields;
}

class Checker final {
public:
    void fields(const QJsonValue &value, const QString &path, const QStringList &known)
    {
        const QJsonObject object = value.toObject();
        for (auto it = object.begin(); it != object.end(); ++it) {
            // "$patch", "$setElementOrder/…" and friends are strategic-merge directives, not fields.
            // Nulls delete in patches: removing a field that should not be there is always fine.
            if (!known.contains(it.key()) && !it.key().startsWith(u'$') && !it.value().isNull())
                m_unknown.append(path.isEmpty() ? it.key() : path + u'.' + it.key());
        }
    }
    // Each element of a list of objects.
    void items(const QJsonValue &value, const QString &path, const QStringList &known,
               void (Checker::*deeper)(const QJsonObject &, const QString &) = nullptr)
    {
        const QJsonArray array = value.toArray();
        for (qsizetype i = 0; i < array.size(); ++i) {
            const QString itemPath = path + u'[' + QString::number(i) + u']';
            fields(array.at(i), itemPath, known);
            if (deeper)
                (this->*deeper)(array.at(i).toObject(), itemPath);
        }
    }
    void container(const QJsonObject &c, const QString &path)
    {
        items(c.value(QLatin1String("ports")), path + QStringLiteral(".ports"),
              words("name hostPort containerPort protocol hostIP"));
        items(c.value(QLatin1String("env")), path + QStringLiteral(".env"), words("name value valueFrom"));
        items(c.value(QLatin1String("volumeMounts")), path + QStringLiteral(".volumeMounts"),
              words("name readOnly recursiveReadOnly mountPath subPath mountPropagation subPathExpr"));
    }
    void podSpec(const QJsonValue &value, const QString &path)
    {
        const QJsonObject spec = value.toObject();
        fields(spec, path, podSpecFields());
        for (const char *list : {"containers", "initContainers"})
            items(spec.value(QLatin1String(list)), path + u'.' + QLatin1String(list), containerFields(),
                  &Checker::container);
    }
    void claimTemplate(const QJsonObject &claim, const QString &path)
    {
        fields(claim.value(QLatin1String("metadata")), path + QStringLiteral(".metadata"), metadataFields());
        fields(claim.value(QLatin1String("spec")), path + QStringLiteral(".spec"), claimSpecFields());
    }
    QStringList unknown() const { return m_unknown; }

private:
    QStringList m_unknown;
};

} // namespace

QStringList unknownFields(const ResourceType &type, const QJsonObject &object)
{
    Checker check;
    QStringList topLevel = words("apiVersion kind metadata");
    const QString &plural = type.plural;
    if (plural == u"configmaps")
        topLevel += words("data binaryData immutable");
    else if (plural == u"secrets")
        topLevel += words("data stringData type immutable");
    else if (plural == u"namespaces" || plural == u"services" || plural == u"persistentvolumeclaims" ||
             plural == u"pods" || plural == u"statefulsets")
        topLevel += words("spec status");
    else
        return {}; // events, nodes, storage classes: not checked
    check.fields(object, {}, topLevel);
    check.fields(object.value(QLatin1String("metadata")), QStringLiteral("metadata"), metadataFields());
    const QJsonObject spec = object.value(QLatin1String("spec")).toObject();
    if (plural == u"statefulsets") {
        check.fields(spec, QStringLiteral("spec"),
                     words("replicas selector template volumeClaimTemplates serviceName podManagementPolicy "
                           "updateStrategy revisionHistoryLimit minReadySeconds "
                           "persistentVolumeClaimRetentionPolicy ordinals"));
        const QJsonObject podTemplate = spec.value(QLatin1String("template")).toObject();
        check.fields(podTemplate, QStringLiteral("spec.template"), words("metadata spec"));
        check.fields(podTemplate.value(QLatin1String("metadata")), QStringLiteral("spec.template.metadata"),
                     metadataFields());
        check.podSpec(podTemplate.value(QLatin1String("spec")), QStringLiteral("spec.template.spec"));
        check.items(spec.value(QLatin1String("volumeClaimTemplates")),
                    QStringLiteral("spec.volumeClaimTemplates"),
                    words("apiVersion kind metadata spec status"), &Checker::claimTemplate);
    } else if (plural == u"services") {
        check.fields(
            spec, QStringLiteral("spec"),
            words("ports selector clusterIP clusterIPs type externalIPs sessionAffinity loadBalancerIP "
                  "loadBalancerSourceRanges externalName externalTrafficPolicy healthCheckNodePort "
                  "publishNotReadyAddresses sessionAffinityConfig ipFamilies ipFamilyPolicy "
                  "allocateLoadBalancerNodePorts loadBalancerClass internalTrafficPolicy "
                  "trafficDistribution"));
        check.items(spec.value(QLatin1String("ports")), QStringLiteral("spec.ports"),
                    words("name protocol appProtocol port targetPort nodePort"));
    } else if (plural == u"persistentvolumeclaims") {
        check.fields(spec, QStringLiteral("spec"), claimSpecFields());
    } else if (plural == u"pods") {
        check.podSpec(spec, QStringLiteral("spec"));
    } else if (plural == u"namespaces") {
        check.fields(spec, QStringLiteral("spec"), words("finalizers"));
    }
    return check.unknown();
}

namespace {

// Splits "spec.ports[0].nodeport" into {"spec", "ports", "[0]", "nodeport"}.
QStringList pathSteps(const QString &path)
{
    QStringList steps;
    for (const QString &part : path.split(u'.')) {
        const qsizetype bracket = part.indexOf(u'[');
        if (bracket < 0) {
            steps.append(part);
            continue;
        }
        steps.append(part.left(bracket));
        for (const QString &index : part.mid(bracket).split(u'[', Qt::SkipEmptyParts))
            steps.append(u'[' + index);
    }
    return steps;
}

QJsonValue removeStep(const QJsonValue &node, const QStringList &steps, qsizetype depth)
{
    const QString &step = steps.at(depth);
    const bool last = depth == steps.size() - 1;
    if (step.startsWith(u'[') && node.isArray()) {
        QJsonArray array = node.toArray();
        const int index = step.mid(1, step.size() - 2).toInt();
        if (index < 0 || index >= array.size() || last)
            return node;
        array.replace(index, removeStep(array.at(index), steps, depth + 1));
        return array;
    }
    if (!node.isObject())
        return node;
    QJsonObject object = node.toObject();
    if (last)
        object.remove(step);
    else if (object.contains(step))
        object.insert(step, removeStep(object.value(step), steps, depth + 1));
    return object;
}

} // namespace

QJsonObject withoutFields(const QJsonObject &object, const QStringList &paths)
{
    QJsonValue out = object;
    for (const QString &path : paths)
        out = removeStep(out, pathSteps(path), 0);
    return out.toObject();
}

} // namespace sandbox
