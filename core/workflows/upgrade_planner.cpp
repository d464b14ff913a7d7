#include "upgrade_planner.h"

#include "upgrade_temporary_replica.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>

namespace rcs {

namespace {
struct Text {
    Q_DECLARE_TR_FUNCTIONS(rcs::UpgradePlanner)
};

QJsonObject objectAt(const QJsonObject &object, std::initializer_list<const char *> path)
{
    QJsonObject current = object;
    for (const char *key : path)
        current = current.value(QLatin1String(key)).toObject();
    return current;
}

// The Redis container: the one named "redis" (the manifests'), else the first.
QJsonObject redisContainer(const QJsonObject &statefulSet)
{
    const QJsonArray containers =
        objectAt(statefulSet, {"spec", "template", "spec"}).value(QLatin1String("containers")).toArray();
    for (const QJsonValue &value : containers) {
        if (value.toObject().value(QLatin1String("name")).toString() == QLatin1String("redis"))
            return value.toObject();
    }
    return containers.isEmpty() ? QJsonObject() : containers.first().toObject();
}

// requests.<name> = quantity, and limits.<name> too where a limit is set (a request above its limit is
// invalid); empty when both already say so.
QJsonObject resourcePatch(const QJsonObject &resources, const QString &name, const QString &quantity)
{
    QJsonObject patch;
    if (quantity.isEmpty())
        return patch;
    const QJsonObject requests = resources.value(QLatin1String("requests")).toObject();
    const QJsonObject limits = resources.value(QLatin1String("limits")).toObject();
    if (requests.value(name).toString() != quantity)
        patch.insert(QStringLiteral("requests"), QJsonObject{{name, quantity}});
    if (limits.contains(name) && limits.value(name).toString() != quantity)
        patch.insert(QStringLiteral("limits"), QJsonObject{{name, quantity}});
    return patch;
}

void mergeInto(QJsonObject &target, const QJsonObject &source)
{
    for (auto it = source.begin(); it != source.end(); ++it) {
        if (it->isObject() && target.value(it.key()).isObject()) {
            QJsonObject inner = target.value(it.key()).toObject();
            mergeInto(inner, it->toObject());
            target.insert(it.key(), inner);
        } else {
            target.insert(it.key(), *it);
        }
    }
}

QJsonObject strategyPatch(const QJsonObject &strategy)
{
    QJsonObject patch = strategy;
    // rollingUpdate is only valid with RollingUpdate: a kept one must go when the type changes.
    if (!patch.contains(QLatin1String("rollingUpdate")))
        patch.insert(QStringLiteral("rollingUpdate"), QJsonValue::Null);
    return QJsonObject{{QStringLiteral("spec"), QJsonObject{{QStringLiteral("updateStrategy"), patch}}}};
}

QJsonObject annotationPatch(const QJsonValue &value)
{
    return QJsonObject{{QStringLiteral("metadata"),
                        QJsonObject{{QStringLiteral("annotations"),
                                     QJsonObject{{QLatin1String(kPreviousStrategyAnnotation), value}}}}}};
}

bool hasKeptStrategy(const QJsonObject &statefulSet)
{
    return objectAt(statefulSet, {"metadata", "annotations"})
        .contains(QLatin1String(kPreviousStrategyAnnotation));
}
} // namespace

QJsonObject templatePatch(const QJsonObject &statefulSet, const UpgradeChange &change,
                          const QString &restartedAt)
{
    const QJsonObject container = redisContainer(statefulSet);
    QJsonObject containerPatch;
    if (!change.image.isEmpty() && container.value(QLatin1String("image")).toString() != change.image)
        containerPatch.insert(QStringLiteral("image"), change.image);
    QJsonObject resources;
    const QJsonObject current = container.value(QLatin1String("resources")).toObject();
    mergeInto(resources, resourcePatch(current, QStringLiteral("cpu"), change.cpu));
    mergeInto(resources, resourcePatch(current, QStringLiteral("memory"), change.memory));
    if (!resources.isEmpty())
        containerPatch.insert(QStringLiteral("resources"), resources);
    QJsonObject templ;
    if (!containerPatch.isEmpty()) {
        // Strategic merge finds the container by name; the other containers are left alone.
        containerPatch.insert(QStringLiteral("name"), container.value(QLatin1String("name")).toString());
        templ.insert(QStringLiteral("spec"),
                     QJsonObject{{QStringLiteral("containers"), QJsonArray{containerPatch}}});
    }
    if (change.restart) {
        templ.insert(
            QStringLiteral("metadata"),
            QJsonObject{{QStringLiteral("annotations"),
                         QJsonObject{{QStringLiteral("kubectl.kubernetes.io/restartedAt"), restartedAt}}}});
    }
    if (templ.isEmpty())
        return {};
    return QJsonObject{{QStringLiteral("spec"), QJsonObject{{QStringLiteral("template"), templ}}}};
}

QJsonObject startPatch(const QJsonObject &statefulSet, const QJsonObject &templateChange)
{
    QJsonObject patch = strategyPatch(QJsonObject{{QStringLiteral("type"), QStringLiteral("OnDelete")}});
    mergeInto(patch, templateChange);
    if (!hasKeptStrategy(statefulSet)) {
        const QJsonObject previous = previousStrategy(statefulSet);
        mergeInto(patch,
                  annotationPatch(QString::fromUtf8(QJsonDocument(previous).toJson(QJsonDocument::Compact))));
    }
    return patch;
}

QJsonObject previousStrategy(const QJsonObject &statefulSet)
{
    const QString kept = objectAt(statefulSet, {"metadata", "annotations"})
                             .value(QLatin1String(kPreviousStrategyAnnotation))
                             .toString();
    if (!kept.isEmpty()) {
        const QJsonDocument document = QJsonDocument::fromJson(kept.toUtf8());
        if (document.isObject() && document.object().contains(QLatin1String("type")))
            return document.object();
    }
    const QJsonObject strategy = objectAt(statefulSet, {"spec", "updateStrategy"});
    if (strategy.contains(QLatin1String("type")))
        return strategy;
    return QJsonObject{{QStringLiteral("type"), QStringLiteral("RollingUpdate")}};
}

QJsonObject endPatch(const QJsonObject &statefulSet, bool done, int replicas)
{
    const QJsonObject previous = previousStrategy(statefulSet);
    const bool rolling = previous.value(QLatin1String("type")).toString() == QLatin1String("RollingUpdate");
    if (done || !rolling) {
        QJsonObject patch = strategyPatch(previous);
        if (done)
            mergeInto(patch, annotationPatch(QJsonValue::Null));
        return patch;
    }
    QJsonObject hold = previous;
    QJsonObject rollingUpdate = hold.value(QLatin1String("rollingUpdate")).toObject();
    rollingUpdate.insert(QStringLiteral("partition"), replicas);
    hold.insert(QStringLiteral("rollingUpdate"), rollingUpdate);
    return strategyPatch(hold);
}

Result<UpgradePlan> planUpgrade(const QList<UpgradeNode> &nodes, const QString &temporaryPod)
{
    UpgradePlan plan;
    QList<const UpgradeNode *> masters;
    const UpgradeNode *temporary = nullptr;
    for (const UpgradeNode &node : nodes) {
        if (node.temporary)
            temporary = &node;
        else if (node.master)
            masters.append(&node);
        if (node.updated)
            plan.upToDate.append(node.pod);
    }
    const auto replicasOf = [&nodes](const UpgradeNode &master) {
        QList<const UpgradeNode *> replicas;
        for (const UpgradeNode &node : nodes) {
            if (!node.master && !node.temporary && node.masterId == master.nodeId)
                replicas.append(&node);
        }
        return replicas;
    };
    QList<const UpgradeNode *> alone;
    QStringList alonePods;
    for (const UpgradeNode *master : std::as_const(masters)) {
        if (!master->updated && replicasOf(*master).isEmpty()) {
            alone.append(master);
            alonePods.append(master->pod);
        }
    }
    if (!alone.isEmpty() && temporaryPod.isEmpty() && !temporary) {
        return Error(
            ErrorCode::Refused,
            Text::tr("Refused: master %1 has no replica to take over its slots while its pod restarts "
                     "(its slots would be down meanwhile, and its data lost if the pod has no volume). "
                     "Add a replica first (add-node --role replica), or run again with --temporary-replica: "
                     "an extra pod then serves as its replica while it restarts and is removed at the end. "
                     "Nothing was changed.")
                .arg(alonePods.join(QLatin1String(", "))));
    }
    // Replicas first: every restart of a replica leaves the shard served by its master.
    for (const UpgradeNode *master : std::as_const(masters)) {
        for (const UpgradeNode *replica : replicasOf(*master)) {
            if (!replica->updated)
                plan.steps.append(
                    {UpgradeStep::Kind::Restart, replica->pod, replica->nodeId, master->pod, master->nodeId});
        }
    }
    // Then each master hands its slots to an upgraded replica and restarts as that one's replica.
    for (const UpgradeNode *master : std::as_const(masters)) {
        if (master->updated || alone.contains(master))
            continue;
        const UpgradeNode *heir = replicasOf(*master).first();
        plan.steps.append(
            {UpgradeStep::Kind::Failover, heir->pod, heir->nodeId, master->pod, master->nodeId});
        plan.steps.append({UpgradeStep::Kind::Restart, master->pod, master->nodeId, heir->pod, heir->nodeId});
    }
    const Result<void> temporarySteps = planTemporaryReplica(nodes, alone, temporaryPod, plan);
    if (!temporarySteps.ok())
        return temporarySteps.error();
    return plan;
}

QString describeUpgradeStep(const UpgradeStep &step)
{
    switch (step.kind) {
    case UpgradeStep::Kind::Failover:
        return Text::tr("Fail over %1 to %2 (%2 takes over its slots)").arg(step.masterPod, step.pod);
    case UpgradeStep::Kind::Restart:
        return Text::tr("Restart %1 (replica of %2)").arg(step.pod, step.masterPod);
    case UpgradeStep::Kind::AddTemporary:
    case UpgradeStep::Kind::Replicate:
    case UpgradeStep::Kind::RemoveTemporary:
        break;
    }
    return describeTemporaryReplicaStep(step);
}

} // namespace rcs
