#include "runtime/pod_context.h"

#include "store/object_store.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QRegularExpression>
#include <QSaveFile>
#include <QSet>

#include <algorithm>

using rcs::Error;
using rcs::ErrorCode;

namespace sandbox {

namespace {

QString str(const QJsonObject &object, const char *key)
{
    return object.value(QLatin1String(key)).toString();
}

QJsonObject obj(const QJsonObject &object, const char *key)
{
    return object.value(QLatin1String(key)).toObject();
}

// Files a ConfigMap or Secret volume shows: every key, or only the listed items under their paths.
QMap<QString, QByteArray> projectedFiles(const QMap<QString, QByteArray> &data, const QJsonArray &items,
                                         QString *missingKey)
{
    if (items.isEmpty())
        return data;
    QMap<QString, QByteArray> files;
    for (const QJsonValue &item : items) {
        const QString key = str(item.toObject(), "key");
        if (!data.contains(key)) {
            *missingKey = key;
            return {};
        }
        files.insert(str(item.toObject(), "path"), data.value(key));
    }
    return files;
}

QMap<QString, QByteArray> configMapData(const QJsonObject &configMap)
{
    QMap<QString, QByteArray> data;
    const QJsonObject text = obj(configMap, "data");
    for (auto it = text.begin(); it != text.end(); ++it)
        data.insert(it.key(), it.value().toString().toUtf8());
    const QJsonObject binary = obj(configMap, "binaryData");
    for (auto it = binary.begin(); it != binary.end(); ++it)
        data.insert(it.key(), QByteArray::fromBase64(it.value().toString().toLatin1()));
    return data;
}

QMap<QString, QByteArray> secretData(const QJsonObject &secret)
{
    QMap<QString, QByteArray> data;
    const QJsonObject encoded = obj(secret, "data");
    for (auto it = encoded.begin(); it != encoded.end(); ++it)
        data.insert(it.key(), QByteArray::fromBase64(it.value().toString().toLatin1()));
    // stringData is write-only in the API; honour it in case the store kept it as given.
    const QJsonObject plain = obj(secret, "stringData");
    for (auto it = plain.begin(); it != plain.end(); ++it)
        data.insert(it.key(), it.value().toString().toUtf8());
    return data;
}

// Each file is replaced atomically and files of keys that went away are removed, so that a process
// reading a mounted file while the object changes sees the old or the new content, never none (the
// kubelet swaps a symlink for the same reason).
rcs::Result<void> writeFiles(const QString &folder, const QMap<QString, QByteArray> &files)
{
    if (!QDir().mkpath(folder))
        return Error(ErrorCode::Io, QStringLiteral("Cannot create the volume folder %1.").arg(folder));
    QSet<QString> wanted;
    for (auto it = files.begin(); it != files.end(); ++it) {
        const QString path = folder + u'/' + it.key();
        wanted.insert(QFileInfo(path).absoluteFilePath());
        QDir().mkpath(QFileInfo(path).absolutePath());
        QSaveFile file(path);
        if (!file.open(QIODevice::WriteOnly) || file.write(it.value()) != it.value().size() || !file.commit())
            return Error(ErrorCode::Io, QStringLiteral("Cannot write the volume file %1.").arg(path));
    }
    QDirIterator existing(folder, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    while (existing.hasNext()) {
        const QString path = QFileInfo(existing.next()).absoluteFilePath();
        if (!wanted.contains(path))
            QFile::remove(path);
    }
    return {};
}

bool isProjected(const QJsonObject &volume)
{
    return volume.contains(QLatin1String("configMap")) || volume.contains(QLatin1String("secret"));
}

// Writes a configMap or secret volume's files into folder. Fails with the sentence that becomes the
// container's waiting message when the object or a listed key is missing (and not optional).
rcs::Result<void> writeProjectedVolume(const QJsonObject &volume, const QString &folder,
                                       const ObjectStore &store, const QString &ns)
{
    const QString name = str(volume, "name");
    const bool isConfigMap = volume.contains(QLatin1String("configMap"));
    const QJsonObject source = obj(volume, isConfigMap ? "configMap" : "secret");
    const QString sourceName = str(source, isConfigMap ? "name" : "secretName");
    const auto object =
        store.get(isConfigMap ? QStringLiteral("configmaps") : QStringLiteral("secrets"), ns, sourceName);
    const QString kind = isConfigMap ? QStringLiteral("configmap") : QStringLiteral("secret");
    if (!object && !source.value(QLatin1String("optional")).toBool()) {
        return Error(ErrorCode::NotFound, QStringLiteral("%1 \"%2\" not found (volume \"%3\"): create it "
                                                         "in namespace %4.")
                                              .arg(kind, sourceName, name, ns));
    }
    QString missingKey;
    const auto data =
        object ? (isConfigMap ? configMapData(*object) : secretData(*object)) : QMap<QString, QByteArray>();
    const auto files = projectedFiles(data, source.value(QLatin1String("items")).toArray(), &missingKey);
    if (!missingKey.isEmpty()) {
        return Error(ErrorCode::NotFound, QStringLiteral("%1 \"%2\" has no key \"%3\" (volume \"%4\").")
                                              .arg(kind, sourceName, missingKey, name));
    }
    return writeFiles(folder, files);
}

QString volumeFolder(const QString &podDir, const QString &volumeName)
{
    return podDir + QStringLiteral("/volumes/") + volumeName;
}

QString fieldRefValue(const QJsonObject &pod, const QString &podIp, const QString &fieldPath)
{
    const QJsonObject metadata = obj(pod, "metadata");
    if (fieldPath == QLatin1String("metadata.name"))
        return str(metadata, "name");
    if (fieldPath == QLatin1String("metadata.namespace"))
        return str(metadata, "namespace");
    if (fieldPath == QLatin1String("metadata.uid"))
        return str(metadata, "uid");
    if (fieldPath == QLatin1String("spec.nodeName"))
        return str(obj(pod, "spec"), "nodeName");
    if (fieldPath == QLatin1String("spec.serviceAccountName"))
        return str(obj(pod, "spec"), "serviceAccountName");
    if (fieldPath == QLatin1String("status.podIP") || fieldPath == QLatin1String("status.podIPs"))
        return podIp;
    if (fieldPath == QLatin1String("status.hostIP") || fieldPath == QLatin1String("status.hostIPs"))
        return QStringLiteral("127.0.0.1");
    static const QRegularExpression labelRef(QStringLiteral(R"(^metadata\.(labels|annotations)\['(.+)'\]$)"));
    const auto match = labelRef.match(fieldPath);
    if (match.hasMatch())
        return str(obj(metadata, match.captured(1).toUtf8().constData()),
                   match.captured(2).toUtf8().constData());
    return {};
}

} // namespace

QString PodContext::mapPath(const QString &path) const
{
    for (const MountMapping &mount : mounts) {
        if (path == mount.mountPath)
            return mount.localPath;
        if (path.startsWith(mount.mountPath + u'/'))
            return mount.localPath + path.mid(mount.mountPath.size());
    }
    return path;
}

QString PodContext::mapArgument(const QString &argument) const
{
    if (argument.startsWith(u'/'))
        return mapPath(argument);
    const qsizetype equals = argument.indexOf(QLatin1String("=/"));
    if (argument.startsWith(u'-') && equals > 0)
        return argument.left(equals + 1) + mapPath(argument.mid(equals + 1));
    return argument;
}

QString PodContext::mapText(const QString &text) const
{
    QString result = text;
    for (const MountMapping &mount : mounts) {
        // Only whole path components: /data must not rewrite /database.
        const QRegularExpression pattern(QStringLiteral("(?<![\\w./-])") +
                                         QRegularExpression::escape(mount.mountPath) +
                                         QStringLiteral("(?=/|$|[^\\w.-])"));
        result.replace(pattern, mount.localPath);
    }
    return result;
}

QProcessEnvironment PodContext::processEnvironment() const
{
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    for (auto it = env.begin(); it != env.end(); ++it)
        environment.insert(it.key(), it.value());
    environment.insert(QStringLiteral("PATH"),
                       podDir + QStringLiteral("/bin:") + environment.value(QStringLiteral("PATH")));
    return environment;
}

QString PodContext::expand(const QString &text) const
{
    static const QRegularExpression reference(QStringLiteral(R"(\$\$\(|\$\(([A-Za-z_][A-Za-z0-9_.-]*)\))"));
    QString result;
    qsizetype position = 0;
    auto it = reference.globalMatch(text);
    while (it.hasNext()) {
        const auto match = it.next();
        result += QStringView(text).mid(position, match.capturedStart() - position);
        if (match.captured(0) == QLatin1String("$$("))
            result += QLatin1String("$(");
        else if (env.contains(match.captured(1)))
            result += env.value(match.captured(1));
        else
            result += match.captured(0);
        position = match.capturedEnd();
    }
    result += QStringView(text).mid(position);
    return result;
}

QString pvcFolder(const QString &dataDir, const QString &ns, const QString &claim, const QString &uid)
{
    return dataDir + QStringLiteral("/pvc/") + ns + u'/' + claim + u'-' + uid;
}

QString podFolder(const QString &dataDir, const QJsonObject &pod)
{
    const QJsonObject metadata = obj(pod, "metadata");
    return dataDir + QStringLiteral("/runtime/pods/") + str(metadata, "namespace") + u'/' +
           str(metadata, "name") + u'-' + str(metadata, "uid").left(8);
}

rcs::Result<PodContext> preparePodContext(const QJsonObject &pod, const QJsonObject &container,
                                          const ObjectStore &store, const QString &dataDir,
                                          const QString &podIp)
{
    const QString ns = str(obj(pod, "metadata"), "namespace");
    PodContext context;
    context.podIp = podIp;
    context.podDir = podFolder(dataDir, pod);
    if (!QDir().mkpath(context.podDir))
        return Error(ErrorCode::Io, QStringLiteral("Cannot create the pod folder %1.").arg(context.podDir));

    // Volumes → local folders.
    QMap<QString, QString> volumeFolders;
    QString firstClaimFolder;
    const QJsonArray volumes = obj(pod, "spec").value(QLatin1String("volumes")).toArray();
    for (const QJsonValue &value : volumes) {
        const QJsonObject volume = value.toObject();
        const QString name = str(volume, "name");
        const QString folder = volumeFolder(context.podDir, name);
        if (isProjected(volume)) {
            if (auto written = writeProjectedVolume(volume, folder, store, ns); !written)
                return written.error();
            volumeFolders.insert(name, folder);
        } else if (volume.contains(QLatin1String("persistentVolumeClaim"))) {
            const QString claim = str(obj(volume, "persistentVolumeClaim"), "claimName");
            const auto claimObject = store.get(QStringLiteral("persistentvolumeclaims"), ns, claim);
            if (!claimObject) {
                return Error(ErrorCode::NotFound,
                             QStringLiteral("persistentvolumeclaim \"%1\" not found (volume \"%2\").")
                                 .arg(claim, name));
            }
            const QString claimFolder =
                pvcFolder(dataDir, ns, claim, str(obj(*claimObject, "metadata"), "uid"));
            QDir().mkpath(claimFolder);
            volumeFolders.insert(name, claimFolder);
            if (firstClaimFolder.isEmpty())
                firstClaimFolder = claimFolder;
        } else if (volume.contains(QLatin1String("hostPath"))) {
            // Never touch the real host path: each one gets a private stand-in folder.
            const QString hostFolder =
                dataDir + QStringLiteral("/hostpath") + str(obj(volume, "hostPath"), "path");
            QDir().mkpath(hostFolder);
            volumeFolders.insert(name, hostFolder);
        } else {
            // emptyDir, and kinds the sandbox does not model (downwardAPI, projected): an empty folder.
            QDir().mkpath(folder);
            volumeFolders.insert(name, folder);
        }
    }

    const QJsonArray volumeMounts = container.value(QLatin1String("volumeMounts")).toArray();
    for (const QJsonValue &value : volumeMounts) {
        const QJsonObject mount = value.toObject();
        const QString name = str(mount, "name");
        if (!volumeFolders.contains(name)) {
            return Error(ErrorCode::InvalidInput,
                         QStringLiteral("volumeMount \"%1\" names no volume of the pod.").arg(name));
        }
        QString local = volumeFolders.value(name);
        const QString subPath = str(mount, "subPath");
        if (!subPath.isEmpty())
            local += u'/' + subPath;
        QString mountPath = str(mount, "mountPath");
        while (mountPath.size() > 1 && mountPath.endsWith(u'/'))
            mountPath.chop(1);
        context.mounts.append({mountPath, local});
    }
    std::sort(context.mounts.begin(), context.mounts.end(), [](const MountMapping &a, const MountMapping &b) {
        return a.mountPath.size() > b.mountPath.size();
    });

    // Environment, in order, so later values may refer to earlier ones with $(VAR).
    const QJsonObject metadata = obj(pod, "metadata");
    context.env.insert(QStringLiteral("HOSTNAME"), str(metadata, "name"));
    const QJsonArray envFrom = container.value(QLatin1String("envFrom")).toArray();
    for (const QJsonValue &value : envFrom) {
        const QJsonObject source = value.toObject();
        const bool isConfigMap = source.contains(QLatin1String("configMapRef"));
        const QJsonObject ref = obj(source, isConfigMap ? "configMapRef" : "secretRef");
        const auto object = store.get(isConfigMap ? QStringLiteral("configmaps") : QStringLiteral("secrets"),
                                      ns, str(ref, "name"));
        if (!object) {
            if (ref.value(QLatin1String("optional")).toBool())
                continue;
            return Error(ErrorCode::NotFound,
                         QStringLiteral("%1 \"%2\" not found (envFrom).")
                             .arg(isConfigMap ? QStringLiteral("configmap") : QStringLiteral("secret"),
                                  str(ref, "name")));
        }
        const auto data = isConfigMap ? configMapData(*object) : secretData(*object);
        for (auto it = data.begin(); it != data.end(); ++it)
            context.env.insert(str(source, "prefix") + it.key(), QString::fromUtf8(it.value()));
    }
    const QJsonArray env = container.value(QLatin1String("env")).toArray();
    for (const QJsonValue &value : env) {
        const QJsonObject variable = value.toObject();
        const QString name = str(variable, "name");
        if (!variable.contains(QLatin1String("valueFrom"))) {
            context.env.insert(name, context.expand(str(variable, "value")));
            continue;
        }
        const QJsonObject from = obj(variable, "valueFrom");
        if (from.contains(QLatin1String("fieldRef"))) {
            context.env.insert(name, fieldRefValue(pod, podIp, str(obj(from, "fieldRef"), "fieldPath")));
            continue;
        }
        const bool isConfigMap = from.contains(QLatin1String("configMapKeyRef"));
        if (!isConfigMap && !from.contains(QLatin1String("secretKeyRef")))
            continue; // resourceFieldRef: nothing meaningful to give
        const QJsonObject ref = obj(from, isConfigMap ? "configMapKeyRef" : "secretKeyRef");
        const QString kind = isConfigMap ? QStringLiteral("configmap") : QStringLiteral("secret");
        const auto object = store.get(isConfigMap ? QStringLiteral("configmaps") : QStringLiteral("secrets"),
                                      ns, str(ref, "name"));
        const auto data = object ? (isConfigMap ? configMapData(*object) : secretData(*object))
                                 : QMap<QString, QByteArray>();
        if (!data.contains(str(ref, "key"))) {
            if (ref.value(QLatin1String("optional")).toBool())
                continue;
            return Error(ErrorCode::NotFound,
                         QStringLiteral("%1 \"%2\" or its key \"%3\" not found (env %4).")
                             .arg(kind, str(ref, "name"), str(ref, "key"), name));
        }
        context.env.insert(name, QString::fromUtf8(data.value(str(ref, "key"))));
    }

    const QString workingDir = str(container, "workingDir");
    if (!workingDir.isEmpty() && context.mapPath(workingDir) != workingDir)
        context.workDir = context.mapPath(workingDir);
    else if (!firstClaimFolder.isEmpty())
        context.workDir = firstClaimFolder;
    else
        context.workDir = context.podDir + QStringLiteral("/workdir");
    QDir().mkpath(context.workDir);
    return context;
}

} // namespace sandbox

namespace sandbox {

rcs::Result<void> refreshProjectedVolumes(const QJsonObject &pod, const QString &podDir,
                                          const QString &resource, const QString &objectName,
                                          const ObjectStore &store)
{
    const QString ns = str(obj(pod, "metadata"), "namespace");
    const bool configMaps = resource == QLatin1String("configmaps");
    const QJsonArray volumes = obj(pod, "spec").value(QLatin1String("volumes")).toArray();
    for (const QJsonValue &value : volumes) {
        const QJsonObject volume = value.toObject();
        const QJsonObject source = obj(volume, configMaps ? "configMap" : "secret");
        if (source.isEmpty() || str(source, configMaps ? "name" : "secretName") != objectName)
            continue;
        if (auto written = writeProjectedVolume(volume, volumeFolder(podDir, str(volume, "name")), store, ns);
            !written)
            return written;
    }
    return {};
}

} // namespace sandbox
