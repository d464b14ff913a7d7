// The seed's manifests and how every deploy parameter (names, pod count, image, resources, password,
// operator user, TLS) edits them. Over 500 lines on purpose: the StatefulSet's edits are one chain on
// the same objects, read best in one place; the operator user's and TLS's names, mounts and settings
// stay next to the edits that use them.
#include "manifest_set.h"

#include "common/logger.h"
#include "common/operator_acl.h"
#include "common/yaml_json.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QRandomGenerator>
#include <QRegularExpression>

namespace rcs {

namespace {
// The translation context of this file's texts: the GUI shows them in its language, the
// headless commands (which load no translation) in English.
struct Text {
    Q_DECLARE_TR_FUNCTIONS(rcs::ManifestSet)
};
} // namespace

namespace {

const QString kRedisConf = QStringLiteral("redis.conf");

QString kindOf(const QJsonObject &o)
{
    return o.value(QStringLiteral("kind")).toString();
}

int kindRank(const QString &kind)
{
    static const QStringList order = {QStringLiteral("Namespace"), QStringLiteral("Secret"),
                                      QStringLiteral("ConfigMap"), QStringLiteral("Service"),
                                      QStringLiteral("StatefulSet")};
    const int index = order.indexOf(kind);
    return index < 0 ? order.size() : index;
}

bool isDnsLabel(const QString &name)
{
    static const QRegularExpression re(QStringLiteral("^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$"));
    return re.match(name).hasMatch();
}

} // namespace

QString ManifestSet::generatePassword()
{
    static const char alphabet[] = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
    QString password;
    for (int i = 0; i < 32; ++i)
        password += QLatin1Char(alphabet[QRandomGenerator::system()->bounded(int(sizeof(alphabet) - 1))]);
    return password;
}

namespace {

// Sets or replaces "key value" in a redis.conf text.
QString setConfigLine(const QString &conf, const QString &key, const QString &value)
{
    QStringList lines = conf.split(QLatin1Char('\n'));
    bool replaced = false;
    const QRegularExpression re(QStringLiteral("^\\s*%1\\s").arg(QRegularExpression::escape(key)));
    for (QString &line : lines) {
        if (re.match(line + QLatin1Char(' ')).hasMatch()) {
            line = key + QLatin1Char(' ') + value;
            replaced = true;
        }
    }
    if (!replaced) {
        if (!lines.isEmpty() && lines.last().isEmpty())
            lines.insert(lines.size() - 1, key + QLatin1Char(' ') + value);
        else
            lines.append(key + QLatin1Char(' ') + value);
    }
    return lines.join(QLatin1Char('\n'));
}

QJsonObject withNamespace(QJsonObject object, const QString &ns)
{
    QJsonObject metadata = object.value(QStringLiteral("metadata")).toObject();
    metadata.insert(QStringLiteral("namespace"), ns);
    object.insert(QStringLiteral("metadata"), metadata);
    return object;
}

// A fixed nodePort is cluster-wide: a second deployment must pick another one or let the API choose.
QJsonObject withNodePort(QJsonObject service, int nodePort)
{
    QJsonObject spec = service.value(QStringLiteral("spec")).toObject();
    if (spec.value(QStringLiteral("type")).toString() != QLatin1String("NodePort"))
        return service;
    QJsonArray ports = spec.value(QStringLiteral("ports")).toArray();
    for (int i = 0; i < ports.size(); ++i) {
        QJsonObject port = ports.at(i).toObject();
        if (nodePort < 0)
            port.remove(QStringLiteral("nodePort"));
        else if (i == 0)
            port.insert(QStringLiteral("nodePort"), nodePort);
        ports.replace(i, port);
    }
    spec.insert(QStringLiteral("ports"), ports);
    service.insert(QStringLiteral("spec"), spec);
    return service;
}

void setResource(QJsonObject &resources, const QString &section, const QString &name, const QString &value)
{
    if (value.isEmpty())
        return;
    QJsonObject part = resources.value(section).toObject();
    part.insert(name, value);
    resources.insert(section, part);
}

QJsonObject envFromSecret(const QString &name, const QString &secret,
                          const char *key = ManifestSet::kSecretKey)
{
    return {{QStringLiteral("name"), name},
            {QStringLiteral("valueFrom"),
             QJsonObject{{QStringLiteral("secretKeyRef"),
                          QJsonObject{{QStringLiteral("name"), secret},
                                      {QStringLiteral("key"), QString::fromLatin1(key)}}}}}};
}

QString tlsPath(const char *file)
{
    return QString::fromLatin1(ManifestSet::kTlsMountPath) + QLatin1Char('/') + QString::fromLatin1(file);
}

// Redis 5 has no TLS at all: a 5.x server refuses the tls-* lines of redis.conf and crash-loops.
bool isRedis5Image(const QString &image)
{
    static const QRegularExpression re(QStringLiteral("(^|/)redis:5($|[.-])"));
    return re.match(image).hasMatch();
}

// The major version an image's tag names ("redis:7.0", "valkey/valkey:8.0.1", "bitnami/redis:6.2"),
// 0 when the tag says none ("latest", a digest, another name).
int imageMajorVersion(const QString &image)
{
    static const QRegularExpression re(QStringLiteral("(^|/)(redis|valkey):(\\d+)($|[.-])"));
    const QRegularExpressionMatch match = re.match(image);
    return match.hasMatch() ? match.captured(3).toInt() : 0;
}

QString containerImage(const QList<QJsonObject> &documents, const ManifestParameters &p)
{
    if (!p.image.isEmpty())
        return p.image;
    for (const QJsonObject &document : documents) {
        if (kindOf(document) != QLatin1String("StatefulSet"))
            continue;
        return document.value(QStringLiteral("spec"))
            .toObject()
            .value(QStringLiteral("template"))
            .toObject()
            .value(QStringLiteral("spec"))
            .toObject()
            .value(QStringLiteral("containers"))
            .toArray()
            .at(0)
            .toObject()
            .value(QStringLiteral("image"))
            .toString();
    }
    return {};
}

QString aclPath()
{
    return QString::fromLatin1(ManifestSet::kAclMountPath) + QLatin1Char('/') +
           QString::fromLatin1(ManifestSet::kAclFileKey);
}

// The include file with the operator's `user` line, from the password Secret, read-only: the pods
// read it at every start, and kube-sandbox (like the kubelet) rewrites it when the Secret changes.
void addAclMount(QJsonObject &container, QJsonObject &podSpec, const ManifestParameters &p)
{
    const QString volume = QStringLiteral("redis-acl");
    QJsonArray mounts = container.value(QStringLiteral("volumeMounts")).toArray();
    mounts.append(QJsonObject{{QStringLiteral("name"), volume},
                              {QStringLiteral("mountPath"), QString::fromLatin1(ManifestSet::kAclMountPath)},
                              {QStringLiteral("readOnly"), true}});
    container.insert(QStringLiteral("volumeMounts"), mounts);
    const QString file = QString::fromLatin1(ManifestSet::kAclFileKey);
    QJsonArray volumes = podSpec.value(QStringLiteral("volumes")).toArray();
    volumes.append(QJsonObject{
        {QStringLiteral("name"), volume},
        {QStringLiteral("secret"),
         QJsonObject{{QStringLiteral("secretName"), ManifestSet::secretName(p.statefulSetName)},
                     {QStringLiteral("items"),
                      QJsonArray{QJsonObject{{QStringLiteral("key"), file}, {QStringLiteral("path"), file}}}},
                     {QStringLiteral("defaultMode"), 0400}}}});
    podSpec.insert(QStringLiteral("volumes"), volumes);
}

// The exec readiness probe of the template runs redis-cli; with TLS it must speak TLS, with the pod's
// own certificate in case the servers demand client certificates.
void withTlsProbe(QJsonObject &container)
{
    QJsonObject probe = container.value(QStringLiteral("readinessProbe")).toObject();
    QJsonObject exec = probe.value(QStringLiteral("exec")).toObject();
    QJsonArray command = exec.value(QStringLiteral("command")).toArray();
    if (command.isEmpty() || !command.at(0).toString().endsWith(QLatin1String("redis-cli")))
        return;
    QJsonArray words{command.at(0)};
    for (const QString &word :
         {QStringLiteral("--tls"), QStringLiteral("--cacert"), tlsPath("ca.crt"), QStringLiteral("--cert"),
          tlsPath("tls.crt"), QStringLiteral("--key"), tlsPath("tls.key")})
        words.append(word);
    for (qsizetype i = 1; i < command.size(); ++i)
        words.append(command.at(i));
    exec.insert(QStringLiteral("command"), words);
    probe.insert(QStringLiteral("exec"), exec);
    container.insert(QStringLiteral("readinessProbe"), probe);
}

Result<void> addTls(QJsonObject &container, QJsonObject &podSpec, const ManifestParameters &p)
{
    if (const QString problem =
            ManifestSet::tlsImageProblem(container.value(QStringLiteral("image")).toString());
        !problem.isEmpty())
        return Error(ErrorCode::InvalidInput, problem);
    const QString volume = QStringLiteral("redis-tls");
    QJsonArray mounts = container.value(QStringLiteral("volumeMounts")).toArray();
    mounts.append(QJsonObject{{QStringLiteral("name"), volume},
                              {QStringLiteral("mountPath"), QString::fromLatin1(ManifestSet::kTlsMountPath)},
                              {QStringLiteral("readOnly"), true}});
    container.insert(QStringLiteral("volumeMounts"), mounts);
    withTlsProbe(container);
    QJsonArray volumes = podSpec.value(QStringLiteral("volumes")).toArray();
    const QString secret =
        p.tls.existingSecret.isEmpty() ? ManifestSet::tlsSecretName(p.statefulSetName) : p.tls.existingSecret;
    volumes.append(
        QJsonObject{{QStringLiteral("name"), volume},
                    {QStringLiteral("secret"), QJsonObject{{QStringLiteral("secretName"), secret},
                                                           {QStringLiteral("defaultMode"), 0400}}}});
    podSpec.insert(QStringLiteral("volumes"), volumes);
    return {};
}

QJsonObject secretObject(const QString &name, const ManifestParameters &p, const QString &type,
                         const QList<std::pair<QString, QByteArray>> &entries)
{
    QJsonObject data;
    for (const auto &[key, value] : entries)
        data.insert(key, QString::fromLatin1(value.toBase64()));
    return QJsonObject{{QStringLiteral("apiVersion"), QStringLiteral("v1")},
                       {QStringLiteral("kind"), QStringLiteral("Secret")},
                       {QStringLiteral("metadata"),
                        QJsonObject{{QStringLiteral("name"), name}, {QStringLiteral("namespace"), p.ns}}},
                       {QStringLiteral("type"), type},
                       {QStringLiteral("data"), data}};
}

Result<QJsonObject> editStatefulSet(QJsonObject sts, const ManifestParameters &p, bool operatorUser)
{
    QJsonObject metadata = sts.value(QStringLiteral("metadata")).toObject();
    metadata.insert(QStringLiteral("name"), p.statefulSetName);
    metadata.insert(QStringLiteral("namespace"), p.ns);
    sts.insert(QStringLiteral("metadata"), metadata);

    QJsonObject spec = sts.value(QStringLiteral("spec")).toObject();
    spec.insert(QStringLiteral("replicas"), p.replicas);
    QJsonObject podTemplate = spec.value(QStringLiteral("template")).toObject();
    QJsonObject podSpec = podTemplate.value(QStringLiteral("spec")).toObject();
    QJsonArray containers = podSpec.value(QStringLiteral("containers")).toArray();
    if (containers.isEmpty())
        return Error(ErrorCode::InvalidInput,
                     Text::tr("The StatefulSet manifest has no container to run Redis in."));
    QJsonObject container = containers.at(0).toObject();
    if (!p.image.isEmpty())
        container.insert(QStringLiteral("image"), p.image);

    QJsonObject resources = container.value(QStringLiteral("resources")).toObject();
    setResource(resources, QStringLiteral("requests"), QStringLiteral("cpu"), p.cpuRequest);
    setResource(resources, QStringLiteral("requests"), QStringLiteral("memory"), p.memoryRequest);
    setResource(resources, QStringLiteral("limits"), QStringLiteral("cpu"), p.cpuLimit);
    setResource(resources, QStringLiteral("limits"), QStringLiteral("memory"), p.memoryLimit);
    if (!resources.isEmpty())
        container.insert(QStringLiteral("resources"), resources);

    if (p.password || operatorUser) {
        const QString secret = ManifestSet::secretName(p.statefulSetName);
        QJsonArray env = container.value(QStringLiteral("env")).toArray();
        env.append(envFromSecret(QStringLiteral("REDIS_PASSWORD"), secret));
        // redis-cli reads REDISCLI_AUTH, so exec readiness probes and `kubectl exec redis-cli` authenticate.
        env.append(envFromSecret(QStringLiteral("REDISCLI_AUTH"), secret));
        if (operatorUser)
            env.append(envFromSecret(QStringLiteral("REDIS_OPERATOR_PASSWORD"), secret,
                                     ManifestSet::kOperatorSecretKey));
        container.insert(QStringLiteral("env"), env);
        // Kubernetes expands $(VAR) in command and args, so the password never appears in the manifest.
        // Environment variables are read when a container starts: a restarted pod gets the Secret's
        // current passwords (rotate-password relies on it).
        const QString field =
            container.contains(QStringLiteral("args")) ? QStringLiteral("args") : QStringLiteral("command");
        QJsonArray words = container.value(field).toArray();
        words.append(QStringLiteral("--requirepass"));
        words.append(QStringLiteral("$(REDIS_PASSWORD)"));
        if (operatorUser) {
            words.append(QStringLiteral("--masteruser"));
            words.append(QString::fromLatin1(operator_acl::kUserName));
            words.append(QStringLiteral("--masterauth"));
            words.append(QStringLiteral("$(REDIS_OPERATOR_PASSWORD)"));
            addAclMount(container, podSpec, p);
        } else {
            words.append(QStringLiteral("--masterauth"));
            words.append(QStringLiteral("$(REDIS_PASSWORD)"));
        }
        container.insert(field, words);
    }
    if (p.tls.enabled) {
        if (auto added = addTls(container, podSpec, p); !added)
            return added.error();
    }
    containers.replace(0, container);
    podSpec.insert(QStringLiteral("containers"), containers);

    QJsonArray claims = spec.value(QStringLiteral("volumeClaimTemplates")).toArray();
    if (!p.persistentStorage) {
        QJsonArray volumes = podSpec.value(QStringLiteral("volumes")).toArray();
        for (const QJsonValue &claim : claims) {
            const QString name = claim.toObject()
                                     .value(QStringLiteral("metadata"))
                                     .toObject()
                                     .value(QStringLiteral("name"))
                                     .toString();
            volumes.append(
                QJsonObject{{QStringLiteral("name"), name}, {QStringLiteral("emptyDir"), QJsonObject()}});
        }
        podSpec.insert(QStringLiteral("volumes"), volumes);
        spec.remove(QStringLiteral("volumeClaimTemplates"));
    } else {
        for (int i = 0; i < claims.size(); ++i) {
            QJsonObject claim = claims.at(i).toObject();
            QJsonObject claimSpec = claim.value(QStringLiteral("spec")).toObject();
            if (!p.storageClass.isEmpty())
                claimSpec.insert(QStringLiteral("storageClassName"), p.storageClass);
            if (!p.storageSize.isEmpty()) {
                QJsonObject claimResources = claimSpec.value(QStringLiteral("resources")).toObject();
                setResource(claimResources, QStringLiteral("requests"), QStringLiteral("storage"),
                            p.storageSize);
                claimSpec.insert(QStringLiteral("resources"), claimResources);
            }
            claim.insert(QStringLiteral("spec"), claimSpec);
            claims.replace(i, claim);
        }
        if (!claims.isEmpty())
            spec.insert(QStringLiteral("volumeClaimTemplates"), claims);
    }
    podTemplate.insert(QStringLiteral("spec"), podSpec);
    spec.insert(QStringLiteral("template"), podTemplate);
    sts.insert(QStringLiteral("spec"), spec);
    return sts;
}

} // namespace

QString ManifestSet::secretName(const QString &statefulSetName)
{
    return statefulSetName + QStringLiteral("-auth");
}

QByteArray ManifestSet::secretValue(const QJsonObject &secret, const QString &key)
{
    return QByteArray::fromBase64(
        secret.value(QLatin1String("data")).toObject().value(key).toString().toLatin1());
}

QString ManifestSet::tlsSecretName(const QString &statefulSetName)
{
    return statefulSetName + QStringLiteral("-tls");
}

QString ManifestSet::tlsImageProblem(const QString &image)
{
    if (!isRedis5Image(image))
        return {};
    return Text::tr("TLS needs Redis 6.0 or later, and the image %1 is Redis 5, which has no TLS. "
                    "Choose a newer image (for example redis:7.0) or deploy without TLS.")
        .arg(image);
}

bool ManifestSet::operatorUserEnabled(const ManifestParameters &parameters) const
{
    return parameters.operatorUser.value_or(parameters.password &&
                                            imageMajorVersion(containerImage(m_documents, parameters)) >= 6);
}

QString ManifestSet::aclImageProblem(const QString &image)
{
    if (!isRedis5Image(image))
        return {};
    return Text::tr("The operator user needs ACL, which Redis 6.0 brought, and the image %1 is Redis 5: "
                    "deploy it with the password alone (requirepass and masterauth), or choose a newer "
                    "image (for example redis:7.0).")
        .arg(image);
}

QString ManifestSet::tlsCaSecretName(const QString &statefulSetName)
{
    return statefulSetName + QStringLiteral("-tls-ca");
}

QStringList ManifestSet::tlsConfigLines(const TlsParameters &tls)
{
    return {QStringLiteral("port 0"),
            QStringLiteral("tls-port 6379"),
            QStringLiteral("tls-cert-file ") + tlsPath("tls.crt"),
            QStringLiteral("tls-key-file ") + tlsPath("tls.key"),
            QStringLiteral("tls-ca-cert-file ") + tlsPath("ca.crt"),
            QStringLiteral("tls-cluster yes"),
            QStringLiteral("tls-replication yes"),
            QStringLiteral("tls-auth-clients ") + tls.authClients};
}

QStringList ManifestSet::certificateDnsNames(const ManifestParameters &p) const
{
    QStringList names;
    const auto addForms = [&](const QString &prefix, const QString &service) {
        const QString qualified = service + QLatin1Char('.') + p.ns;
        names << prefix + service << prefix + qualified << prefix + qualified + QStringLiteral(".svc")
              << prefix + qualified + QStringLiteral(".svc.cluster.local");
    };
    for (const QJsonObject &document : m_documents) {
        const QJsonObject spec = document.value(QStringLiteral("spec")).toObject();
        if (kindOf(document) == QLatin1String("StatefulSet")) {
            const QString headless = spec.value(QStringLiteral("serviceName")).toString();
            if (!headless.isEmpty())
                addForms(QStringLiteral("*."), headless);
        } else if (kindOf(document) == QLatin1String("Service") &&
                   spec.value(QStringLiteral("clusterIP")).toString() != QLatin1String("None")) {
            addForms(QString(), document.value(QStringLiteral("metadata"))
                                    .toObject()
                                    .value(QStringLiteral("name"))
                                    .toString());
        }
    }
    names << QStringLiteral("localhost");
    names.removeDuplicates();
    return names;
}

QString ManifestSet::selectorOf(const QJsonObject &statefulSet)
{
    const QJsonObject labels = statefulSet.value(QStringLiteral("spec"))
                                   .toObject()
                                   .value(QStringLiteral("selector"))
                                   .toObject()
                                   .value(QStringLiteral("matchLabels"))
                                   .toObject();
    QStringList parts;
    for (auto it = labels.begin(); it != labels.end(); ++it)
        parts.append(it.key() + QLatin1Char('=') + it.value().toString());
    return parts.join(QLatin1Char(','));
}

Result<ManifestSet> ManifestSet::fromYaml(const QByteArray &yaml, const QString &sourceName)
{
    auto documents = yamljson::parseDocuments(yaml, sourceName);
    if (!documents)
        return documents.error();
    for (const QJsonObject &document : *documents) {
        if (kindOf(document).isEmpty() || document.value(QStringLiteral("apiVersion")).toString().isEmpty())
            return Error(ErrorCode::InvalidInput,
                         Text::tr("%1: a document has no kind or apiVersion; every manifest must be a "
                                  "Kubernetes object.")
                             .arg(sourceName));
    }
    ManifestSet set;
    set.m_documents = *documents;
    return set;
}

Result<ManifestSet> ManifestSet::fromDirectory(const QString &path)
{
    const QDir dir(path);
    if (!dir.exists())
        return Error(ErrorCode::Io, Text::tr("The manifest folder %1 does not exist.").arg(path));
    const QStringList files =
        dir.entryList({QStringLiteral("*.yaml"), QStringLiteral("*.yml")}, QDir::Files, QDir::Name);
    if (files.isEmpty())
        return Error(ErrorCode::InvalidInput,
                     Text::tr("The manifest folder %1 holds no *.yaml file.").arg(path));
    ManifestSet set;
    for (const QString &name : files) {
        QFile file(dir.filePath(name));
        if (!file.open(QIODevice::ReadOnly))
            return Error(
                ErrorCode::Io,
                Text::tr("Cannot read the manifest %1: %2.").arg(file.fileName(), file.errorString()));
        auto part = fromYaml(file.readAll(), file.fileName());
        if (!part)
            return part.error();
        set.m_documents += part->m_documents;
    }
    return set;
}

Result<ManifestSet> ManifestSet::load(const QString &path)
{
    return path.isEmpty() ? embedded() : fromDirectory(path);
}

Result<ManifestSet> ManifestSet::embedded()
{
    return fromDirectory(QStringLiteral(":/manifests"));
}

Result<QList<QJsonObject>> ManifestSet::render(const ManifestParameters &p) const
{
    if (!isDnsLabel(p.ns))
        return Error(ErrorCode::InvalidInput,
                     Text::tr("\"%1\" is not a valid namespace name (lower-case letters, digits and '-', at "
                              "most 63 characters).")
                         .arg(p.ns));
    if (!isDnsLabel(p.statefulSetName))
        return Error(ErrorCode::InvalidInput,
                     Text::tr("\"%1\" is not a valid StatefulSet name (lower-case letters, digits and '-').")
                         .arg(p.statefulSetName));
    if (p.replicas < 1)
        return Error(ErrorCode::InvalidInput,
                     Text::tr("The number of replicas must be at least 1, not %1.").arg(p.replicas));
    static const QStringList authModes = {QStringLiteral("no"), QStringLiteral("optional"),
                                          QStringLiteral("yes")};
    if (p.tls.enabled && !authModes.contains(p.tls.authClients))
        return Error(ErrorCode::InvalidInput,
                     Text::tr("\"%1\" is not a tls-auth-clients mode; use no, optional or yes.")
                         .arg(p.tls.authClients));

    const bool operatorUser = operatorUserEnabled(p);
    if (operatorUser) {
        if (const QString problem = aclImageProblem(containerImage(m_documents, p)); !problem.isEmpty())
            return Error(ErrorCode::InvalidInput, problem);
    }

    QList<QJsonObject> objects;
    bool haveStatefulSet = false;
    for (const QJsonObject &document : m_documents) {
        const QString kind = kindOf(document);
        if (kind == QLatin1String("Namespace")) {
            QJsonObject ns = document;
            QJsonObject metadata = ns.value(QStringLiteral("metadata")).toObject();
            metadata.insert(QStringLiteral("name"), p.ns);
            ns.insert(QStringLiteral("metadata"), metadata);
            objects.append(ns);
        } else if (kind == QLatin1String("StatefulSet")) {
            if (haveStatefulSet)
                return Error(ErrorCode::InvalidInput,
                             Text::tr("The manifests hold more than one StatefulSet; "
                                      "keep exactly one for the Redis pods."));
            haveStatefulSet = true;
            auto sts = editStatefulSet(document, p, operatorUser);
            if (!sts)
                return sts.error();
            objects.append(*sts);
        } else if (kind == QLatin1String("ConfigMap")) {
            QJsonObject map = withNamespace(document, p.ns);
            QJsonObject data = map.value(QStringLiteral("data")).toObject();
            if (data.contains(kRedisConf) && p.clusterNodeTimeoutMs > 0) {
                data.insert(kRedisConf, setConfigLine(data.value(kRedisConf).toString(),
                                                      QStringLiteral("cluster-node-timeout"),
                                                      QString::number(p.clusterNodeTimeoutMs)));
                map.insert(QStringLiteral("data"), data);
            }
            if (data.contains(kRedisConf) && p.tls.enabled) {
                QString conf = data.value(kRedisConf).toString();
                for (const QString &line : tlsConfigLines(p.tls))
                    conf = setConfigLine(conf, line.section(QLatin1Char(' '), 0, 0),
                                         line.section(QLatin1Char(' '), 1));
                data.insert(kRedisConf, conf);
                map.insert(QStringLiteral("data"), data);
            }
            if (data.contains(kRedisConf) && operatorUser) {
                // Appended, not set: the user's manifests may include files of their own.
                QString conf = data.value(kRedisConf).toString();
                if (!conf.isEmpty() && !conf.endsWith(QLatin1Char('\n')))
                    conf += QLatin1Char('\n');
                data.insert(kRedisConf,
                            QString(conf + QStringLiteral("include ") + aclPath() + QLatin1Char('\n')));
                map.insert(QStringLiteral("data"), data);
            }
            objects.append(map);
        } else if (kind == QLatin1String("Service") && p.nodePort != 0) {
            objects.append(withNodePort(withNamespace(document, p.ns), p.nodePort));
        } else {
            objects.append(withNamespace(document, p.ns));
        }
    }
    if (!haveStatefulSet)
        return Error(ErrorCode::InvalidInput,
                     Text::tr("The manifests hold no StatefulSet for the Redis pods."));

    if (p.password || operatorUser) {
        const QString value = p.passwordValue.isEmpty() ? generatePassword() : p.passwordValue;
        Logger::instance().addSecret(value);
        QList<std::pair<QString, QByteArray>> entries{{QString::fromLatin1(kSecretKey), value.toUtf8()}};
        if (operatorUser) {
            const QString operatorPassword =
                p.operatorPasswordValue.isEmpty() ? generatePassword() : p.operatorPasswordValue;
            Logger::instance().addSecret(operatorPassword);
            entries.append({QString::fromLatin1(kOperatorSecretKey), operatorPassword.toUtf8()});
            entries.append(
                {QString::fromLatin1(kAclFileKey), operator_acl::includeFile({operatorPassword}).toUtf8()});
        }
        objects.append(secretObject(secretName(p.statefulSetName), p, QStringLiteral("Opaque"), entries));
    }
    if (p.tls.enabled && p.tls.existingSecret.isEmpty()) {
        for (const QByteArray &key : {p.tls.keyPem, p.tls.caKeyPem}) {
            if (!key.isEmpty())
                Logger::instance().addSecretValue(key);
        }
        objects.append(secretObject(tlsSecretName(p.statefulSetName), p, QStringLiteral("kubernetes.io/tls"),
                                    {{QStringLiteral("ca.crt"), p.tls.caPem},
                                     {QStringLiteral("tls.crt"), p.tls.certificatePem},
                                     {QStringLiteral("tls.key"), p.tls.keyPem}}));
        if (!p.tls.caKeyPem.isEmpty() || p.tls.caFile.isEmpty())
            objects.append(secretObject(
                tlsCaSecretName(p.statefulSetName), p, QStringLiteral("Opaque"),
                {{QStringLiteral("ca.crt"), p.tls.caPem}, {QStringLiteral("ca.key"), p.tls.caKeyPem}}));
    }
    std::stable_sort(objects.begin(), objects.end(), [](const QJsonObject &a, const QJsonObject &b) {
        return kindRank(kindOf(a)) < kindRank(kindOf(b));
    });
    return objects;
}

QString ManifestSet::toYaml(const QList<QJsonObject> &objects, bool revealSecrets)
{
    QList<QJsonObject> shown = objects;
    if (!revealSecrets) {
        for (QJsonObject &object : shown) {
            if (kindOf(object) != QLatin1String("Secret"))
                continue;
            for (const QString &section : {QStringLiteral("data"), QStringLiteral("stringData")}) {
                QJsonObject data = object.value(section).toObject();
                for (auto it = data.begin(); it != data.end(); ++it)
                    it.value() = QStringLiteral("<hidden>");
                if (!data.isEmpty())
                    object.insert(section, data);
            }
        }
    }
    return yamljson::toYaml(shown);
}

} // namespace rcs
