#pragma once

#include "common/result.h"

#include <QJsonObject>
#include <QList>
#include <QMap>
#include <QProcessEnvironment>
#include <QString>

namespace sandbox {

class ObjectStore;

// A volumeMount of the container, resolved to the local folder (or file, for subPath) behind it.
struct MountMapping {
    QString mountPath; // inside the "container", e.g. /var/lib/redis
    QString localPath; // on this machine, e.g. DATA_DIR/pvc/redis-cluster/redis-data-redis-app-0-UID
};

// What a process needs to run "inside" a pod: its address, its mounts mapped to local folders, its
// environment, and the folder it starts in. Processes of the container and of `kubectl exec` share it.
class PodContext final {
public:
    QString podIp;
    bool tls = false;           // the server listens with TLS only (port 0, tls-port)
    quint16 port = 6379;        // the port the container's server listens on (redis: from its config)
    QString podDir;             // per-pod scratch folder: ConfigMap/Secret files, rewritten configs
    QString workDir;            // cwd of processes: the claim's folder when there is one
    QList<MountMapping> mounts; // longest mountPath first, so nested mounts win
    QMap<QString, QString> env;

    // Maps an absolute path inside the container to the local path, or returns it unchanged when no
    // mount covers it.
    QString mapPath(const QString &path) const;
    // Maps an argument that is a path, or an --option=/path, leaving everything else as is.
    QString mapArgument(const QString &argument) const;
    // Replaces every mount path that appears in free text (a shell script) by its local folder.
    QString mapText(const QString &text) const;
    // The environment of a process in the pod: this machine's, the container's env on top, and the
    // pod's bin folder (wrappers such as redis-cli bound to the pod) first on PATH.
    QProcessEnvironment processEnvironment() const;
    // Kubernetes $(VAR) expansion: known variables are replaced, $$(VAR) escapes, unknown stay literal.
    QString expand(const QString &text) const;
};

// Folder layout under DATA_DIR owned by the runtime. The API half keeps its own files elsewhere.
// A claim's volume is DATA/pvc/NS/CLAIM-UID: a claim created again under the same name (a StatefulSet
// deleted with its claims and applied again) gets an empty volume, as a new PersistentVolume would be,
// even while a pod of the old claim is still stopping and writing into the old one.
QString pvcFolder(const QString &dataDir, const QString &ns, const QString &claim, const QString &uid);
QString podFolder(const QString &dataDir, const QJsonObject &pod);

// Writes the pod's ConfigMap/Secret/emptyDir volumes into its pod folder, maps the container's
// volumeMounts, resolves env (value, valueFrom secretKeyRef/configMapKeyRef/fieldRef, envFrom) and
// picks the working directory. Fails with a sentence naming the missing ConfigMap/Secret/claim or key,
// which becomes the container's waiting message (CreateContainerConfigError in Kubernetes).
rcs::Result<PodContext> preparePodContext(const QJsonObject &pod, const QJsonObject &container,
                                          const ObjectStore &store, const QString &dataDir,
                                          const QString &podIp);

// Rewrites the files of the pod's configMap (resource "configmaps") or secret ("secrets") volumes that
// show objectName, from the store's current object, as the kubelet does when a mounted object changes:
// file by file, atomically, so that a certificate rotation reaches running pods. A missing object
// leaves the files as they were (the kubelet keeps the last ones too) and returns the error.
rcs::Result<void> refreshProjectedVolumes(const QJsonObject &pod, const QString &podDir,
                                          const QString &resource, const QString &objectName,
                                          const ObjectStore &store);

} // namespace sandbox
