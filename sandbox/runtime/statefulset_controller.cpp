#include "runtime/statefulset_controller.h"

#include "runtime/controller_revisions.h"
#include "runtime/rolling_update.h"

#include "common/logging.h"
#include "runtime/event_recorder.h"
#include "runtime/object_fields.h"
#include "store/label_selector.h"
#include "store/object_store.h"

#include <QJsonArray>
#include <QMap>
#include <QSet>

#include <algorithm>

namespace sandbox {

namespace {

const QString kPods = QStringLiteral("pods");
const QString kClaims = QStringLiteral("persistentvolumeclaims");
const QString kStatefulSets = QStringLiteral("statefulsets");

int ordinalOf(const QString &podName, const QString &setName)
{
    if (!podName.startsWith(setName + u'-'))
        return -1;
    bool ok = false;
    const int ordinal = podName.mid(setName.size() + 1).toInt(&ok);
    return ok ? ordinal : -1;
}

int desiredReplicas(const QJsonObject &statefulSet)
{
    const QJsonValue replicas =
        statefulSet.value(QLatin1String("spec")).toObject().value(QLatin1String("replicas"));
    return replicas.isDouble() ? std::max(0, replicas.toInt()) : 1;
}

} // namespace

StatefulSetController::StatefulSetController(ObjectStore &store, TerminatingCheck isTerminating,
                                             EventRecorder *events)
    : m_store(store)
    , m_isTerminating(std::move(isTerminating))
    , m_events(events)
{}

bool StatefulSetController::isRunningAndReady(const QJsonObject &pod)
{
    const QJsonObject status = pod.value(QLatin1String("status")).toObject();
    if (status.value(QLatin1String("phase")).toString() != QLatin1String("Running"))
        return false;
    if (metadataOf(pod).contains(QLatin1String("deletionTimestamp")))
        return false;
    const QJsonArray conditions = status.value(QLatin1String("conditions")).toArray();
    for (const QJsonValue &value : conditions) {
        const QJsonObject condition = value.toObject();
        if (condition.value(QLatin1String("type")).toString() == QLatin1String("Ready"))
            return condition.value(QLatin1String("status")).toString() == QLatin1String("True");
    }
    return false;
}

QJsonObject StatefulSetController::podFor(const QJsonObject &statefulSet, int ordinal)
{
    const QJsonObject setMetadata = metadataOf(statefulSet);
    const QJsonObject spec = statefulSet.value(QLatin1String("spec")).toObject();
    const QJsonObject templ = spec.value(QLatin1String("template")).toObject();
    const QJsonObject templMetadata = templ.value(QLatin1String("metadata")).toObject();
    const QString setName = nameOf(statefulSet);
    const QString podName = setName + u'-' + QString::number(ordinal);

    QJsonObject labels = templMetadata.value(QLatin1String("labels")).toObject();
    labels.insert(QStringLiteral("statefulset.kubernetes.io/pod-name"), podName);
    labels.insert(QStringLiteral("apps.kubernetes.io/pod-index"), QString::number(ordinal));
    labels.insert(QStringLiteral("controller-revision-hash"), templateRevision(statefulSet));
    QJsonObject metadata{
        {QStringLiteral("name"), podName},
        {QStringLiteral("namespace"), setMetadata.value(QLatin1String("namespace"))},
        {QStringLiteral("labels"), labels},
        {QStringLiteral("ownerReferences"),
         QJsonArray{QJsonObject{{QStringLiteral("apiVersion"), QStringLiteral("apps/v1")},
                                {QStringLiteral("kind"), QStringLiteral("StatefulSet")},
                                {QStringLiteral("name"), setName},
                                {QStringLiteral("uid"), setMetadata.value(QLatin1String("uid"))},
                                {QStringLiteral("controller"), true},
                                {QStringLiteral("blockOwnerDeletion"), true}}}},
    };
    if (templMetadata.contains(QLatin1String("annotations")))
        metadata.insert(QStringLiteral("annotations"), templMetadata.value(QLatin1String("annotations")));

    QJsonObject podSpec = templ.value(QLatin1String("spec")).toObject();
    podSpec.insert(QStringLiteral("hostname"), podName);
    if (spec.contains(QLatin1String("serviceName")))
        podSpec.insert(QStringLiteral("subdomain"), spec.value(QLatin1String("serviceName")));
    if (!podSpec.contains(QLatin1String("restartPolicy")))
        podSpec.insert(QStringLiteral("restartPolicy"), QStringLiteral("Always"));
    QJsonArray volumes = podSpec.value(QLatin1String("volumes")).toArray();
    QSet<QString> volumeNames;
    for (const QJsonValue &volume : volumes)
        volumeNames.insert(volume.toObject().value(QLatin1String("name")).toString());
    const QJsonArray claimTemplates = spec.value(QLatin1String("volumeClaimTemplates")).toArray();
    for (const QJsonValue &value : claimTemplates) {
        const QString templateName = nameOf(value.toObject());
        if (volumeNames.contains(templateName))
            continue;
        volumes.append(QJsonObject{
            {QStringLiteral("name"), templateName},
            {QStringLiteral("persistentVolumeClaim"),
             QJsonObject{{QStringLiteral("claimName"), QString(templateName + u'-' + podName)}}}});
    }
    if (!volumes.isEmpty())
        podSpec.insert(QStringLiteral("volumes"), volumes);

    return QJsonObject{
        {QStringLiteral("apiVersion"), QStringLiteral("v1")},
        {QStringLiteral("kind"), QStringLiteral("Pod")},
        {QStringLiteral("metadata"), metadata},
        {QStringLiteral("spec"), podSpec},
        {QStringLiteral("status"), QJsonObject{{QStringLiteral("phase"), QStringLiteral("Pending")}}}};
}

QJsonObject StatefulSetController::claimFor(const QJsonObject &statefulSet, const QJsonObject &claimTemplate,
                                            int ordinal)
{
    const QJsonObject spec = statefulSet.value(QLatin1String("spec")).toObject();
    const QJsonObject templMetadata = metadataOf(claimTemplate);
    QJsonObject labels = templMetadata.value(QLatin1String("labels")).toObject();
    const QJsonObject matchLabels = selectorMatchLabels(spec.value(QLatin1String("selector")).toObject());
    for (auto it = matchLabels.begin(); it != matchLabels.end(); ++it)
        labels.insert(it.key(), it.value());
    QJsonObject metadata{
        {QStringLiteral("name"),
         QString(nameOf(claimTemplate) + u'-' + nameOf(statefulSet) + u'-' + QString::number(ordinal))},
        {QStringLiteral("namespace"), metadataOf(statefulSet).value(QLatin1String("namespace"))},
        {QStringLiteral("labels"), labels},
    };
    if (templMetadata.contains(QLatin1String("annotations")))
        metadata.insert(QStringLiteral("annotations"), templMetadata.value(QLatin1String("annotations")));
    const QJsonObject retention =
        spec.value(QLatin1String("persistentVolumeClaimRetentionPolicy")).toObject();
    if (retention.value(QLatin1String("whenDeleted")).toString() == QLatin1String("Delete")) {
        // As in Kubernetes: the set owns the claim, so the garbage collector removes it with the set.
        metadata.insert(QStringLiteral("ownerReferences"),
                        QJsonArray{QJsonObject{{QStringLiteral("apiVersion"), QStringLiteral("apps/v1")},
                                               {QStringLiteral("kind"), QStringLiteral("StatefulSet")},
                                               {QStringLiteral("name"), nameOf(statefulSet)},
                                               {QStringLiteral("uid"), uidOf(statefulSet)},
                                               {QStringLiteral("blockOwnerDeletion"), true}}});
    }
    QJsonObject claimSpec = claimTemplate.value(QLatin1String("spec")).toObject();
    if (!claimSpec.contains(QLatin1String("volumeMode")))
        claimSpec.insert(QStringLiteral("volumeMode"), QStringLiteral("Filesystem"));
    return QJsonObject{
        {QStringLiteral("apiVersion"), QStringLiteral("v1")},
        {QStringLiteral("kind"), QStringLiteral("PersistentVolumeClaim")},
        {QStringLiteral("metadata"), metadata},
        {QStringLiteral("spec"), claimSpec},
        {QStringLiteral("status"), QJsonObject{{QStringLiteral("phase"), QStringLiteral("Pending")}}}};
}

void StatefulSetController::reconcileAll()
{
    const QList<QJsonObject> sets = m_store.list(kStatefulSets, {});
    for (const QJsonObject &set : sets)
        reconcile(set);
    collectGarbage();
}

void StatefulSetController::ensureClaims(const QJsonObject &statefulSet, int ordinal)
{
    const QString ns = metadataOf(statefulSet).value(QLatin1String("namespace")).toString();
    const QJsonArray claimTemplates = statefulSet.value(QLatin1String("spec"))
                                          .toObject()
                                          .value(QLatin1String("volumeClaimTemplates"))
                                          .toArray();
    for (const QJsonValue &value : claimTemplates) {
        const QJsonObject claim = claimFor(statefulSet, value.toObject(), ordinal);
        if (m_store.get(kClaims, ns, nameOf(claim)))
            continue; // an existing claim is re-used as it is, with its data
        if (auto created = m_store.create(kClaims, claim); !created)
            qCWarning(lcSandbox).noquote()
                << "cannot create PVC" << nameOf(claim) << created.error().message();
        else if (m_events)
            m_events->record(statefulSet, EventRecorder::Type::Normal, QStringLiteral("SuccessfulCreate"),
                             QStringLiteral("create Claim %1 Pod %2-%3 in StatefulSet %2 success")
                                 .arg(nameOf(claim), nameOf(statefulSet))
                                 .arg(ordinal),
                             QStringLiteral("statefulset-controller"));
    }
}

// As Kubernetes' controller-ref manager does: a pod named SET-N that matches the set's selector and
// has no controller (left behind by `kubectl delete statefulset --cascade=orphan`) is adopted by the
// set re-created over it, instead of blocking its ordinal forever.
void StatefulSetController::adoptOrphans(const QJsonObject &statefulSet)
{
    const QJsonObject setMetadata = metadataOf(statefulSet);
    if (setMetadata.contains(QLatin1String("deletionTimestamp")))
        return;
    const QString ns = setMetadata.value(QLatin1String("namespace")).toString();
    const QJsonObject selector =
        statefulSet.value(QLatin1String("spec")).toObject().value(QLatin1String("selector")).toObject();
    for (QJsonObject pod : m_store.list(kPods, ns)) {
        QJsonObject metadata = metadataOf(pod);
        if (ordinalOf(nameOf(pod), nameOf(statefulSet)) < 0 || !controllerUid(pod).isEmpty() ||
            metadata.contains(QLatin1String("deletionTimestamp")) || selector.isEmpty() ||
            !selectorMatches(selector, metadata.value(QLatin1String("labels")).toObject()))
            continue;
        QJsonArray owners = metadata.value(QLatin1String("ownerReferences")).toArray();
        owners.append(QJsonObject{{QStringLiteral("apiVersion"), QStringLiteral("apps/v1")},
                                  {QStringLiteral("kind"), QStringLiteral("StatefulSet")},
                                  {QStringLiteral("name"), nameOf(statefulSet)},
                                  {QStringLiteral("uid"), uidOf(statefulSet)},
                                  {QStringLiteral("controller"), true},
                                  {QStringLiteral("blockOwnerDeletion"), true}});
        metadata.insert(QStringLiteral("ownerReferences"), owners);
        pod.insert(QStringLiteral("metadata"), metadata);
        if (auto adopted = m_store.update(kPods, pod, false); !adopted)
            qCWarning(lcSandbox).noquote() << "cannot adopt pod" << nameOf(pod) << adopted.error().message();
        else
            qCInfo(lcSandbox).noquote()
                << "StatefulSet" << nameOf(statefulSet) << "adopted pod" << nameOf(pod);
    }
}

void StatefulSetController::reconcile(const QJsonObject &statefulSet)
{
    const QJsonObject setMetadata = metadataOf(statefulSet);
    const QString ns = setMetadata.value(QLatin1String("namespace")).toString();
    const QString setName = nameOf(statefulSet);
    const QString setUid = uidOf(statefulSet);
    const QJsonObject spec = statefulSet.value(QLatin1String("spec")).toObject();
    const bool parallel =
        spec.value(QLatin1String("podManagementPolicy")).toString() == QLatin1String("Parallel");
    const int replicas = desiredReplicas(statefulSet);

    QMap<int, QJsonObject> pods;
    adoptOrphans(statefulSet);
    const QList<QJsonObject> allPods = m_store.list(kPods, ns);
    for (const QJsonObject &pod : allPods) {
        const int ordinal = ordinalOf(nameOf(pod), setName);
        if (ordinal >= 0 && controllerUid(pod) == setUid)
            pods.insert(ordinal, pod);
    }

    // Foreground deletion: the set stays visible until its pods are gone.
    if (setMetadata.contains(QLatin1String("deletionTimestamp"))) {
        for (const QJsonObject &pod : std::as_const(pods))
            m_store.remove(kPods, ns, nameOf(pod));
        if (pods.isEmpty())
            m_store.remove(kStatefulSets, ns, setName);
        return;
    }

    bool blocked = false;
    for (int ordinal = 0; ordinal < replicas && !blocked; ++ordinal) {
        const QString podName = setName + u'-' + QString::number(ordinal);
        if (pods.contains(ordinal)) {
            blocked = !parallel && !isRunningAndReady(pods.value(ordinal));
            continue;
        }
        if (m_isTerminating && m_isTerminating(ns, podName)) {
            blocked = !parallel;
            continue;
        }
        if (m_store.get(kPods, ns, podName)) {
            blocked = !parallel; // a pod of that name not owned by this set: wait, as Kubernetes does
            continue;
        }
        ensureClaims(statefulSet, ordinal);
        auto created = m_store.create(kPods, podFor(statefulSet, ordinal));
        if (!created)
            qCWarning(lcSandbox).noquote() << "cannot create pod" << podName << created.error().message();
        else if (m_events)
            m_events->record(
                statefulSet, EventRecorder::Type::Normal, QStringLiteral("SuccessfulCreate"),
                QStringLiteral("create Pod %1 in StatefulSet %2 successful").arg(podName, setName),
                QStringLiteral("statefulset-controller"));
        blocked = !parallel;
    }

    // Scale down from the highest ordinal; under OrderedReady one at a time, each fully gone first.
    QList<int> condemned;
    for (auto it = pods.begin(); it != pods.end(); ++it) {
        if (it.key() >= replicas)
            condemned.prepend(it.key());
    }
    bool waitingForTermination = false;
    for (int ordinal = replicas; ordinal <= (condemned.isEmpty() ? -1 : condemned.first()); ++ordinal) {
        if (m_isTerminating && m_isTerminating(ns, setName + u'-' + QString::number(ordinal)))
            waitingForTermination = true;
    }
    for (const int ordinal : std::as_const(condemned)) {
        if (!parallel && waitingForTermination)
            break;
        deletePod(statefulSet, pods.take(ordinal));
        if (!parallel)
            break;
    }

    if (spec.value(QLatin1String("persistentVolumeClaimRetentionPolicy"))
            .toObject()
            .value(QLatin1String("whenScaled"))
            .toString() == QLatin1String("Delete"))
        deleteScaledDownClaims(statefulSet, replicas, pods.keys());

    // RollingUpdate: pods of an older template are replaced from the highest ordinal down to the
    // partition, at most maxUnavailable of the set's pods down at once. Under OrderedReady only once
    // every pod is Running and Ready (the real controller returns before its update step otherwise);
    // under Parallel beside pods still starting, which count as unavailable.
    const int ready = int(std::count_if(pods.begin(), pods.end(),
                                        [](const QJsonObject &pod) { return isRunningAndReady(pod); }));
    const bool settled = !blocked && condemned.isEmpty() && !waitingForTermination &&
                         pods.size() == replicas && ready == replicas;
    if (settled || (parallel && condemned.isEmpty() && !waitingForTermination)) {
        for (const int ordinal : ordinalsToUpdate(statefulSet, pods, replicas, replicas - ready)) {
            qCInfo(lcSandbox).noquote() << "rolling update replaces pod" << nameOf(pods.value(ordinal));
            deletePod(statefulSet, pods.take(ordinal));
        }
    }
    QSet<QString> revisionsInUse{statefulSet.value(QLatin1String("status"))
                                     .toObject()
                                     .value(QLatin1String("currentRevision"))
                                     .toString()};
    for (const QJsonObject &pod : std::as_const(pods))
        revisionsInUse.insert(podRevision(pod));
    syncControllerRevisions(m_store, statefulSet, templateRevision(statefulSet), revisionsInUse);
    writeStatus(statefulSet, pods.values());
}

void StatefulSetController::deletePod(const QJsonObject &statefulSet, const QJsonObject &pod)
{
    m_store.remove(kPods, namespaceOf(pod), nameOf(pod));
    if (m_events)
        m_events->record(statefulSet, EventRecorder::Type::Normal, QStringLiteral("SuccessfulDelete"),
                         QStringLiteral("delete Pod %1 in StatefulSet %2 successful")
                             .arg(nameOf(pod), nameOf(statefulSet)),
                         QStringLiteral("statefulset-controller"));
}

void StatefulSetController::writeStatus(const QJsonObject &statefulSet, const QList<QJsonObject> &pods)
{
    QJsonObject status = statefulSet.value(QLatin1String("status")).toObject();
    const QJsonObject previous = status;
    const QString revision = templateRevision(statefulSet);
    int ready = 0;
    int updated = 0;
    for (const QJsonObject &pod : pods) {
        ready += isRunningAndReady(pod) ? 1 : 0;
        updated += podRevision(pod) == revision ? 1 : 0;
    }
    // The current revision moves to the update revision once every pod runs the new template.
    QString currentRevision = previous.value(QLatin1String("currentRevision")).toString();
    if (currentRevision.isEmpty() || updated == pods.size())
        currentRevision = revision;
    int onCurrentRevision = 0;
    for (const QJsonObject &pod : pods)
        onCurrentRevision += podRevision(pod) == currentRevision ? 1 : 0;
    status.insert(QStringLiteral("observedGeneration"),
                  metadataOf(statefulSet).value(QLatin1String("generation")).toInt(1));
    status.insert(QStringLiteral("replicas"), int(pods.size()));
    status.insert(QStringLiteral("readyReplicas"), ready);
    status.insert(QStringLiteral("currentReplicas"), onCurrentRevision);
    status.insert(QStringLiteral("updatedReplicas"), updated);
    status.insert(QStringLiteral("availableReplicas"), ready);
    status.insert(QStringLiteral("currentRevision"), currentRevision);
    status.insert(QStringLiteral("updateRevision"), revision);
    status.insert(QStringLiteral("collisionCount"), 0);
    if (status == previous)
        return;
    // Re-read: this pass may have been preceded by a spec change in the same event loop turn.
    auto current =
        m_store.get(kStatefulSets, metadataOf(statefulSet).value(QLatin1String("namespace")).toString(),
                    nameOf(statefulSet));
    if (!current || uidOf(*current) != uidOf(statefulSet))
        return;
    current->insert(QStringLiteral("status"), status);
    if (auto updated = m_store.update(kStatefulSets, *current, false); !updated)
        qCWarning(lcSandbox).noquote()
            << "cannot update the status of statefulset" << nameOf(statefulSet) << updated.error().message();
}

void StatefulSetController::deleteScaledDownClaims(const QJsonObject &statefulSet, int replicas,
                                                   const QList<int> &livingOrdinals)
{
    const QString ns = metadataOf(statefulSet).value(QLatin1String("namespace")).toString();
    const QString setName = nameOf(statefulSet);
    const QJsonArray claimTemplates = statefulSet.value(QLatin1String("spec"))
                                          .toObject()
                                          .value(QLatin1String("volumeClaimTemplates"))
                                          .toArray();
    for (const QJsonObject &claim : m_store.list(kClaims, ns)) {
        for (const QJsonValue &value : claimTemplates) {
            const int ordinal = ordinalOf(nameOf(claim), nameOf(value.toObject()) + u'-' + setName);
            const QString podName = setName + u'-' + QString::number(ordinal);
            if (ordinal >= replicas && !livingOrdinals.contains(ordinal) &&
                !(m_isTerminating && m_isTerminating(ns, podName))) {
                m_store.remove(kClaims, ns, nameOf(claim));
                break;
            }
        }
    }
}

void StatefulSetController::collectGarbage()
{
    QSet<QString> liveSets;
    const QList<QJsonObject> sets = m_store.list(kStatefulSets, {});
    for (const QJsonObject &set : sets)
        liveSets.insert(uidOf(set));
    const QList<QJsonObject> pods = m_store.list(kPods, {});
    for (const QJsonObject &pod : pods) {
        const QString owner = controllerUid(pod);
        if (!owner.isEmpty() && !liveSets.contains(owner)) {
            qCInfo(lcSandbox).noquote()
                << "garbage-collecting pod" << nameOf(pod) << "(its StatefulSet is gone)";
            m_store.remove(kPods, metadataOf(pod).value(QLatin1String("namespace")).toString(), nameOf(pod));
        }
    }
    collectControllerRevisions(m_store, liveSets);
    // Claims are owned only under persistentVolumeClaimRetentionPolicy.whenDeleted: Delete.
    for (const QJsonObject &claim : m_store.list(kClaims, {})) {
        const QString owner = controllerUid(claim);
        if (!owner.isEmpty() && !liveSets.contains(owner))
            m_store.remove(kClaims, metadataOf(claim).value(QLatin1String("namespace")).toString(),
                           nameOf(claim));
    }
}

} // namespace sandbox
