// Runtime: PersistentVolumeClaims — binding, what keeps a pod from scheduling, folder removal.
#include "runtime/runtime.h"

#include "common/logging.h"
#include "runtime/object_fields.h"
#include "runtime/pod_context.h"
#include "runtime/pod_process.h"
#include "store/object_store.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonArray>

#include <algorithm>

namespace sandbox {

namespace {

const QString kPods = QStringLiteral("pods");
const QString kClaims = QStringLiteral("persistentvolumeclaims");
const QString kStorageClasses = QStringLiteral("storageclasses");

} // namespace

void Runtime::reconcileClaims()
{
    QSet<QString> classes;
    QString defaultClass;
    for (const QJsonObject &storageClass : m_store.list(kStorageClasses, {})) {
        classes.insert(nameOf(storageClass));
        const QJsonObject annotations =
            metadataOf(storageClass).value(QLatin1String("annotations")).toObject();
        if (annotations.value(QLatin1String("storageclass.kubernetes.io/is-default-class")).toString() ==
            QLatin1String("true"))
            defaultClass = nameOf(storageClass);
    }
    for (QJsonObject claim : m_store.list(kClaims, {})) {
        QJsonObject spec = specOf(claim);
        // What the DefaultStorageClass admission plugin does: a claim without a class gets the default.
        const bool needsClass = !spec.contains(QLatin1String("storageClassName")) && !defaultClass.isEmpty();
        if (needsClass)
            spec.insert(QStringLiteral("storageClassName"), defaultClass);
        const QString className = spec.value(QLatin1String("storageClassName")).toString();
        const bool bindable = !m_hasStorageClasses || className.isEmpty() || classes.contains(className);
        QJsonObject status{
            {QStringLiteral("phase"), bindable ? QStringLiteral("Bound") : QStringLiteral("Pending")}};
        if (bindable) {
            status.insert(QStringLiteral("accessModes"), spec.value(QLatin1String("accessModes")));
            status.insert(QStringLiteral("capacity"),
                          spec.value(QLatin1String("resources")).toObject().value(QLatin1String("requests")));
        }
        const bool needsVolume = bindable && !spec.contains(QLatin1String("volumeName"));
        if (claim.value(QLatin1String("status")).toObject() == status && !needsVolume && !needsClass)
            continue;
        if (needsVolume)
            spec.insert(QStringLiteral("volumeName"), QString(QStringLiteral("pvc-") + uidOf(claim)));
        claim.insert(QStringLiteral("spec"), spec);
        claim.insert(QStringLiteral("status"), status);
        if (auto updated = m_store.update(kClaims, claim, false); !updated)
            qCWarning(lcSandbox).noquote()
                << "cannot update PVC" << nameOf(claim) << updated.error().message();
    }
}

QString Runtime::claimProblem(const QJsonObject &pod) const
{
    const QJsonArray volumes = specOf(pod).value(QLatin1String("volumes")).toArray();
    for (const QJsonValue &value : volumes) {
        const QJsonObject source = value.toObject().value(QLatin1String("persistentVolumeClaim")).toObject();
        if (source.isEmpty())
            continue;
        const QString claimName = source.value(QLatin1String("claimName")).toString();
        const auto claim = m_store.get(kClaims, namespaceOf(pod), claimName);
        if (!claim) {
            return QStringLiteral(
                       "0/%1 nodes are available: persistentvolumeclaim \"%2\" not found. preemption: 0/%1 "
                       "nodes are available: %1 Preemption is not helpful for scheduling.")
                .arg(m_nodes.names().size())
                .arg(claimName);
        }
        if (claim->value(QLatin1String("status")).toObject().value(QLatin1String("phase")).toString() !=
            QLatin1String("Bound")) {
            const QString className = specOf(*claim).value(QLatin1String("storageClassName")).toString();
            return QStringLiteral(
                       "0/%1 nodes are available: pod has unbound immediate PersistentVolumeClaims "
                       "(persistentvolumeclaim \"%2\" is Pending: storage class \"%3\" does not exist; "
                       "create it or use an existing storage class). preemption: 0/%1 nodes are "
                       "available: %1 Preemption is not helpful for scheduling.")
                .arg(m_nodes.names().size())
                .arg(claimName, className);
        }
    }
    return {};
}

void Runtime::removeDeletedClaimFolders()
{
    // A deleted claim's folder goes only once no process mounts it (kubernetes.io/pvc-protection).
    auto mounts = [](const PodProcess *process, const QString &folder) {
        const QList<MountMapping> &mapped = process->context().mounts;
        return std::any_of(mapped.begin(), mapped.end(), [&folder](const MountMapping &mount) {
            return mount.localPath == folder || mount.localPath.startsWith(folder + u'/');
        });
    };
    for (auto it = m_deletedClaims.begin(); it != m_deletedClaims.end();) {
        const QString folder = *it;
        const bool inUse = std::any_of(m_processes.begin(), m_processes.end(),
                                       [&](const PodProcess *p) { return mounts(p, folder); }) ||
                           std::any_of(m_stopping.begin(), m_stopping.end(),
                                       [&](const PodProcess *p) { return mounts(p, folder); });
        if (inUse) {
            ++it;
            continue;
        }
        // The folder belongs to the deleted claim alone (its uid is in the name).
        QDir(folder).removeRecursively();
        it = m_deletedClaims.erase(it);
    }
}

} // namespace sandbox
