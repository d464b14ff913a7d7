#include "runtime/controller_revisions.h"

#include "common/logging.h"
#include "runtime/object_fields.h"
#include "store/object_store.h"

#include <QJsonArray>

#include <algorithm>

namespace sandbox {

namespace {

const QString kRevisions = QStringLiteral("controllerrevisions");

qint64 numberOf(const QJsonObject &revision)
{
    return qint64(revision.value(QLatin1String("revision")).toDouble());
}

QJsonObject newRevision(const QJsonObject &statefulSet, const QString &name, qint64 number)
{
    const QJsonObject setMetadata = metadataOf(statefulSet);
    QJsonObject templ = specOf(statefulSet).value(QLatin1String("template")).toObject();
    QJsonObject labels =
        templ.value(QLatin1String("metadata")).toObject().value(QLatin1String("labels")).toObject();
    labels.insert(QStringLiteral("controller-revision-hash"), name);
    templ.insert(QStringLiteral("$patch"), QStringLiteral("replace"));
    QJsonObject metadata{{QStringLiteral("name"), name},
                         {QStringLiteral("namespace"), setMetadata.value(QLatin1String("namespace"))},
                         {QStringLiteral("labels"), labels},
                         {QStringLiteral("ownerReferences"),
                          QJsonArray{QJsonObject{{QStringLiteral("apiVersion"), QStringLiteral("apps/v1")},
                                                 {QStringLiteral("kind"), QStringLiteral("StatefulSet")},
                                                 {QStringLiteral("name"), nameOf(statefulSet)},
                                                 {QStringLiteral("uid"), uidOf(statefulSet)},
                                                 {QStringLiteral("controller"), true},
                                                 {QStringLiteral("blockOwnerDeletion"), true}}}}};
    QJsonObject annotations = setMetadata.value(QLatin1String("annotations")).toObject();
    annotations.remove(QStringLiteral("kubectl.kubernetes.io/last-applied-configuration"));
    if (!annotations.isEmpty())
        metadata.insert(QStringLiteral("annotations"), annotations);
    return QJsonObject{
        {QStringLiteral("apiVersion"), QStringLiteral("apps/v1")},
        {QStringLiteral("kind"), QStringLiteral("ControllerRevision")},
        {QStringLiteral("metadata"), metadata},
        {QStringLiteral("data"),
         QJsonObject{{QStringLiteral("spec"), QJsonObject{{QStringLiteral("template"), templ}}}}},
        {QStringLiteral("revision"), number}};
}

} // namespace

void syncControllerRevisions(ObjectStore &store, const QJsonObject &statefulSet, const QString &revision,
                             const QSet<QString> &revisionsInUse)
{
    const QString ns = namespaceOf(statefulSet);
    QList<QJsonObject> owned;
    for (const QJsonObject &candidate : store.list(kRevisions, ns)) {
        if (controllerUid(candidate) == uidOf(statefulSet))
            owned.append(candidate);
    }
    std::sort(owned.begin(), owned.end(),
              [](const QJsonObject &a, const QJsonObject &b) { return numberOf(a) < numberOf(b); });
    const qint64 highest = owned.isEmpty() ? 0 : numberOf(owned.last());
    const auto current = std::find_if(owned.begin(), owned.end(),
                                      [&revision](const QJsonObject &r) { return nameOf(r) == revision; });
    if (current == owned.end()) {
        if (auto created = store.create(kRevisions, newRevision(statefulSet, revision, highest + 1));
            !created) {
            qCWarning(lcSandbox).noquote()
                << "cannot create controller revision" << revision << created.error().message();
            return;
        }
    } else if (numberOf(*current) != highest) {
        // Back to an earlier template (rollout undo): it becomes the newest revision again.
        QJsonObject renumbered = *current;
        renumbered.insert(QStringLiteral("revision"), highest + 1);
        store.update(kRevisions, renumbered, false);
        owned.erase(current);
    } else {
        owned.erase(current);
    }
    const QJsonValue limitValue = specOf(statefulSet).value(QLatin1String("revisionHistoryLimit"));
    const qsizetype limit = limitValue.isDouble() ? std::max(0, limitValue.toInt()) : 10;
    // owned: the older revisions, oldest first.
    qsizetype excess = owned.size() - limit;
    for (const QJsonObject &old : std::as_const(owned)) {
        if (excess <= 0)
            break;
        if (revisionsInUse.contains(nameOf(old)))
            continue;
        store.remove(kRevisions, ns, nameOf(old));
        --excess;
    }
}

void collectControllerRevisions(ObjectStore &store, const QSet<QString> &liveSetUids)
{
    for (const QJsonObject &revision : store.list(kRevisions, {})) {
        const QString owner = controllerUid(revision);
        if (!owner.isEmpty() && !liveSetUids.contains(owner))
            store.remove(kRevisions, namespaceOf(revision), nameOf(revision));
    }
}

} // namespace sandbox
