#include "kube_config.h"

#include "common/yaml_json.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>

namespace rcs {

namespace {
// The translation context of this file's texts: the GUI shows them in its language, the
// headless commands (which load no translation) in English.
struct Text {
    Q_DECLARE_TR_FUNCTIONS(rcs::KubeConfig)
};
} // namespace

namespace {

QString text(const QJsonObject &object, const QString &key)
{
    return object.value(key).toString();
}

bool flag(const QJsonObject &object, const QString &key)
{
    return object.value(key).toString().compare(QStringLiteral("true"), Qt::CaseInsensitive) == 0;
}

QStringList stringList(const QJsonValue &value)
{
    QStringList list;
    for (const QJsonValue &item : value.toArray())
        list.append(item.toString());
    return list;
}

QString absolutePath(const QString &path, const QDir &base)
{
    if (path.isEmpty())
        return path;
    QString expanded = path;
    if (expanded.startsWith(QStringLiteral("~/")))
        expanded = QDir::homePath() + expanded.mid(1);
    return QDir::cleanPath(base.absoluteFilePath(expanded));
}

Result<QByteArray> decodeData(const QJsonObject &object, const QString &key, const QString &entry,
                              const QString &file)
{
    const QString encoded = text(object, key).trimmed();
    if (encoded.isEmpty())
        return QByteArray();
    const auto decoded =
        QByteArray::fromBase64Encoding(encoded.toLatin1(), QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded)
        return Error(ErrorCode::InvalidInput,
                     Text::tr("%1: %2 of %3 is not valid base64; it must hold base64-encoded PEM.")
                         .arg(file, key, entry));
    return *decoded;
}

Result<KubeCluster> parseCluster(const QJsonObject &item, const QString &file, const QDir &dir)
{
    KubeCluster cluster;
    cluster.name = text(item, QStringLiteral("name"));
    cluster.definedIn = file;
    const QJsonObject c = item.value(QStringLiteral("cluster")).toObject();
    const QString entry = Text::tr("cluster \"%1\"").arg(cluster.name);
    cluster.server = text(c, QStringLiteral("server"));
    const auto ca = decodeData(c, QStringLiteral("certificate-authority-data"), entry, file);
    if (!ca)
        return ca.error();
    cluster.certificateAuthorityData = *ca;
    cluster.certificateAuthority = absolutePath(text(c, QStringLiteral("certificate-authority")), dir);
    cluster.tlsServerName = text(c, QStringLiteral("tls-server-name"));
    cluster.insecureSkipTlsVerify = flag(c, QStringLiteral("insecure-skip-tls-verify"));
    cluster.proxyUrl = text(c, QStringLiteral("proxy-url"));
    cluster.disableCompression = flag(c, QStringLiteral("disable-compression"));
    for (const QJsonValue &extension : c.value(QStringLiteral("extensions")).toArray()) {
        const QJsonObject e = extension.toObject();
        if (text(e, QStringLiteral("name")) == QLatin1String("client.authentication.k8s.io/exec"))
            cluster.execExtension = e.value(QStringLiteral("extension")).toObject();
    }
    return cluster;
}

Result<KubeUser> parseUser(const QJsonObject &item, const QString &file, const QDir &dir)
{
    KubeUser user;
    user.name = text(item, QStringLiteral("name"));
    user.definedIn = file;
    const QJsonObject u = item.value(QStringLiteral("user")).toObject();
    const QString entry = Text::tr("user \"%1\"").arg(user.name);
    const auto cert = decodeData(u, QStringLiteral("client-certificate-data"), entry, file);
    if (!cert)
        return cert.error();
    user.clientCertificateData = *cert;
    const auto key = decodeData(u, QStringLiteral("client-key-data"), entry, file);
    if (!key)
        return key.error();
    user.clientKeyData = *key;
    user.clientCertificate = absolutePath(text(u, QStringLiteral("client-certificate")), dir);
    user.clientKey = absolutePath(text(u, QStringLiteral("client-key")), dir);
    user.token = text(u, QStringLiteral("token"));
    user.tokenFile = absolutePath(text(u, QStringLiteral("tokenFile")), dir);
    user.username = text(u, QStringLiteral("username"));
    user.password = text(u, QStringLiteral("password"));
    user.impersonate = text(u, QStringLiteral("as"));
    user.impersonateGroups = stringList(u.value(QStringLiteral("as-groups")));
    user.impersonateUid = text(u, QStringLiteral("as-uid"));
    const QJsonObject provider = u.value(QStringLiteral("auth-provider")).toObject();
    user.authProvider = text(provider, QStringLiteral("name"));
    user.authProviderConfig = provider.value(QStringLiteral("config")).toObject();

    const QJsonObject exec = u.value(QStringLiteral("exec")).toObject();
    if (!exec.isEmpty()) {
        KubeExecConfig &e = user.exec;
        e.apiVersion = text(exec, QStringLiteral("apiVersion"));
        e.command = text(exec, QStringLiteral("command"));
        // A bare command is looked up on PATH; only a path with a separator is file-relative.
        if (e.command.contains(QLatin1Char('/')))
            e.command = absolutePath(e.command, dir);
        e.args = stringList(exec.value(QStringLiteral("args")));
        for (const QJsonValue &v : exec.value(QStringLiteral("env")).toArray()) {
            const QJsonObject pair = v.toObject();
            e.env.append({text(pair, QStringLiteral("name")), text(pair, QStringLiteral("value"))});
        }
        e.installHint = text(exec, QStringLiteral("installHint"));
        e.provideClusterInfo = flag(exec, QStringLiteral("provideClusterInfo"));
        e.interactiveMode = text(exec, QStringLiteral("interactiveMode"));
        if (e.command.isEmpty())
            return Error(ErrorCode::InvalidInput,
                         Text::tr("%1: the exec section of %2 has no command.").arg(file, entry));
        if (e.apiVersion != QLatin1String("client.authentication.k8s.io/v1") &&
            e.apiVersion != QLatin1String("client.authentication.k8s.io/v1beta1"))
            return Error(ErrorCode::InvalidInput,
                         Text::tr("%1: the exec plugin of %2 uses apiVersion \"%3\"; only "
                                  "client.authentication.k8s.io/v1 and v1beta1 are supported.")
                             .arg(file, entry, e.apiVersion));
    }
    return user;
}

template<class T> int indexOfName(const QList<T> &list, const QString &name)
{
    for (int i = 0; i < list.size(); ++i) {
        if (list.at(i).name == name)
            return i;
    }
    return -1;
}

QString defaultFile(const QString &homeDir)
{
    return QDir(homeDir).filePath(QStringLiteral(".kube/config"));
}

} // namespace

Result<KubeConfig> KubeConfig::loadFile(const QString &file)
{
    const QString path = QFileInfo(file).absoluteFilePath();
    QFile in(path);
    if (!in.exists())
        return Error(ErrorCode::Io, Text::tr("The kubeconfig file %1 does not exist.").arg(path));
    if (!in.open(QIODevice::ReadOnly))
        return Error(ErrorCode::Io,
                     Text::tr("Cannot read the kubeconfig file %1: %2.").arg(path, in.errorString()));
    const auto documents = yamljson::parseDocuments(in.readAll(), Text::tr("kubeconfig %1").arg(path),
                                                    yamljson::Scalars::Strings);
    if (!documents)
        return documents.error();

    KubeConfig config;
    config.m_files = {path};
    if (documents->isEmpty())
        return config;
    const QJsonObject root = documents->first();
    const QDir dir = QFileInfo(path).absoluteDir();
    config.m_currentContext = text(root, QStringLiteral("current-context"));

    for (const QJsonValue &v : root.value(QStringLiteral("clusters")).toArray()) {
        auto cluster = parseCluster(v.toObject(), path, dir);
        if (!cluster)
            return cluster.error();
        if (indexOfName(config.m_clusters, cluster->name) < 0)
            config.m_clusters.append(*cluster);
    }
    for (const QJsonValue &v : root.value(QStringLiteral("users")).toArray()) {
        auto user = parseUser(v.toObject(), path, dir);
        if (!user)
            return user.error();
        if (indexOfName(config.m_users, user->name) < 0)
            config.m_users.append(*user);
    }
    for (const QJsonValue &v : root.value(QStringLiteral("contexts")).toArray()) {
        const QJsonObject item = v.toObject();
        const QJsonObject c = item.value(QStringLiteral("context")).toObject();
        KubeContext context{text(item, QStringLiteral("name")), text(c, QStringLiteral("cluster")),
                            text(c, QStringLiteral("user")), text(c, QStringLiteral("namespace")), path};
        if (indexOfName(config.m_contexts, context.name) < 0)
            config.m_contexts.append(context);
    }
    return config;
}

Result<KubeConfig> KubeConfig::load(const QString &explicitFile)
{
    return load(explicitFile, qEnvironmentVariable("KUBECONFIG"), QDir::homePath());
}

Result<KubeConfig> KubeConfig::load(const QString &explicitFile, const QString &kubeconfigEnv,
                                    const QString &homeDir)
{
    if (!explicitFile.isEmpty())
        return loadFile(explicitFile);

    if (kubeconfigEnv.trimmed().isEmpty()) {
        const QString file = defaultFile(homeDir);
        if (!QFileInfo::exists(file))
            return Error(ErrorCode::Io,
                         Text::tr("No kubeconfig: %1 does not exist and KUBECONFIG is not set.").arg(file));
        return loadFile(file);
    }

    KubeConfig merged;
    QStringList skipped;
    bool any = false;
    const QStringList entries = kubeconfigEnv.split(QDir::listSeparator(), Qt::SkipEmptyParts);
    for (const QString &entry : entries) {
        if (!QFileInfo::exists(entry)) {
            skipped.append(entry);
            merged.m_warnings.append(
                Text::tr("The kubeconfig file %1 listed in KUBECONFIG does not exist; skipped.").arg(entry));
            continue;
        }
        auto config = loadFile(entry);
        if (!config)
            return config.error();
        if (!any) {
            const QStringList warnings = merged.m_warnings;
            merged = *config;
            merged.m_warnings = warnings;
            any = true;
        } else {
            merged.merge(*config);
        }
    }
    if (!any)
        return Error(ErrorCode::Io, Text::tr("None of the kubeconfig files in KUBECONFIG exists (%1).")
                                        .arg(skipped.join(QStringLiteral(", "))));
    return merged;
}

void KubeConfig::merge(const KubeConfig &later)
{
    m_files += later.m_files;
    if (m_currentContext.isEmpty())
        m_currentContext = later.m_currentContext;
    for (const KubeCluster &c : later.m_clusters) {
        if (indexOfName(m_clusters, c.name) < 0)
            m_clusters.append(c);
    }
    for (const KubeUser &u : later.m_users) {
        if (indexOfName(m_users, u.name) < 0)
            m_users.append(u);
    }
    for (const KubeContext &c : later.m_contexts) {
        if (indexOfName(m_contexts, c.name) < 0)
            m_contexts.append(c);
    }
}

Result<KubeTarget> KubeConfig::resolve(const QString &contextName) const
{
    const QString files = m_files.join(QStringLiteral(", "));
    const QString name = contextName.isEmpty() ? m_currentContext : contextName;
    if (name.isEmpty())
        return Error(ErrorCode::InvalidInput,
                     Text::tr("The kubeconfig %1 sets no current-context.").arg(files));
    const int contextIndex = indexOfName(m_contexts, name);
    if (contextIndex < 0) {
        QStringList known;
        for (const KubeContext &c : m_contexts)
            known.append(c.name);
        return Error(ErrorCode::InvalidInput,
                     Text::tr("The kubeconfig %1 has no context named \"%2\" (known: %3).")
                         .arg(files, name,
                              known.isEmpty() ? QStringLiteral("none") : known.join(QStringLiteral(", "))));
    }
    const KubeContext &context = m_contexts.at(contextIndex);
    const int clusterIndex = indexOfName(m_clusters, context.cluster);
    if (clusterIndex < 0)
        return Error(ErrorCode::InvalidInput,
                     Text::tr("%1: context \"%2\" names cluster \"%3\", which no kubeconfig file defines.")
                         .arg(context.definedIn, name, context.cluster));
    KubeTarget target;
    target.contextName = name;
    target.cluster = m_clusters.at(clusterIndex);
    if (!context.user.isEmpty()) {
        const int userIndex = indexOfName(m_users, context.user);
        if (userIndex < 0)
            return Error(ErrorCode::InvalidInput,
                         Text::tr("%1: context \"%2\" names user \"%3\", which no kubeconfig file defines.")
                             .arg(context.definedIn, name, context.user));
        target.user = m_users.at(userIndex);
    }
    if (!context.ns.isEmpty())
        target.ns = context.ns;

    const KubeCluster &cluster = target.cluster;
    const KubeUser &user = target.user;
    if (cluster.server.isEmpty())
        return Error(ErrorCode::InvalidInput,
                     Text::tr("%1: cluster \"%2\" has no server URL.").arg(cluster.definedIn, cluster.name));
    if (cluster.insecureSkipTlsVerify &&
        (!cluster.certificateAuthority.isEmpty() || !cluster.certificateAuthorityData.isEmpty()))
        return Error(ErrorCode::InvalidInput,
                     Text::tr("%1: cluster \"%2\" sets both a certificate authority and "
                              "insecure-skip-tls-verify; remove one of them.")
                         .arg(cluster.definedIn, cluster.name));
    const bool hasToken = !user.token.isEmpty() || !user.tokenFile.isEmpty();
    const bool hasBasic = !user.username.isEmpty() || !user.password.isEmpty();
    if (hasToken && hasBasic)
        return Error(ErrorCode::InvalidInput,
                     Text::tr("%1: user \"%2\" sets both a token and a username/password; use one.")
                         .arg(user.definedIn, user.name));
    if (user.exec.isSet() && !user.authProvider.isEmpty())
        return Error(ErrorCode::InvalidInput,
                     Text::tr("%1: user \"%2\" sets both exec and auth-provider; use one.")
                         .arg(user.definedIn, user.name));
    if (!user.authProvider.isEmpty() && user.authProvider != QLatin1String("oidc"))
        return Error(ErrorCode::InvalidInput,
                     Text::tr("%1: user \"%2\" uses the auth-provider \"%3\", which Kubernetes removed in "
                              "1.26; use an exec plugin instead (gke-gcloud-auth-plugin, kubelogin).")
                         .arg(user.definedIn, user.name, user.authProvider));
    const bool certFile = !user.clientCertificate.isEmpty() || !user.clientCertificateData.isEmpty();
    const bool keyFile = !user.clientKey.isEmpty() || !user.clientKeyData.isEmpty();
    if (certFile != keyFile)
        return Error(ErrorCode::InvalidInput,
                     Text::tr("%1: user \"%2\" has a client certificate without its key, or a key "
                              "without its certificate; both are needed.")
                         .arg(user.definedIn, user.name));
    return target;
}

} // namespace rcs
