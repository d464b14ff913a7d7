#include "kube_client.h"

#include "common/logger.h"
#include "common/shell_quote.h"
#include "kube_credentials.h"
#include "kube_remove_jobs.h"
#include "kube_watch.h"
#include "port_forward.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QTimer>

namespace rcs {

namespace {
const QString kCategory = QStringLiteral("kube");

QString objectLabel(const KubeObjectRef &ref)
{
    return QStringLiteral("%1 %2").arg(kubectlName(ref.kind), ref.name);
}
} // namespace

KubeClient::KubeClient(const KubeTarget &target, const KubeTransport &transport, KubeCredentials *credentials,
                       QObject *parent)
    : QObject(parent)
    , m_target(target)
    , m_transport(transport)
    , m_credentials(credentials)
    , m_network(new QNetworkAccessManager(this))
{
    m_credentials->setParent(this);
    m_network->setProxy(m_transport.proxy);
    m_network->setRedirectPolicy(QNetworkRequest::ManualRedirectPolicy);
}

KubeClient::~KubeClient() = default;

Result<KubeClient *> KubeClient::create(const KubeTarget &target, QObject *parent)
{
    auto transport = KubeTransport::fromCluster(target.cluster);
    if (!transport)
        return transport.error();
    if (target.user.impersonateGroups.size() > 1)
        return Error(ErrorCode::InvalidInput,
                     tr("%1: user \"%2\" impersonates several groups (as-groups); this application can "
                        "send only one Impersonate-Group header.")
                         .arg(target.user.definedIn, target.user.name));
    auto credentials = KubeCredentials::create(target, nullptr);
    if (!credentials)
        return credentials.error();
    return new KubeClient(target, *transport, *credentials, parent);
}

QString KubeClient::kubectl(const QString &ns)
{
    return ns.isEmpty() ? QStringLiteral("kubectl") : QStringLiteral("kubectl -n %1").arg(ns);
}

KubePreparedRequest KubeClient::prepared(const QString &pathAndQuery, const KubeAuth &auth,
                                         bool webSocket) const
{
    KubePreparedRequest prepared;
    QNetworkRequest &request = prepared.request;
    request.setUrl(webSocket ? m_transport.webSocketUrl(pathAndQuery) : m_transport.url(pathAndQuery));
    request.setRawHeader("Accept", "application/json");
    request.setRawHeader("User-Agent", "redis-cluster-studio");
    if (!auth.authorization.isEmpty())
        request.setRawHeader("Authorization", auth.authorization);
    const KubeUser &user = m_target.user;
    if (!user.impersonate.isEmpty())
        request.setRawHeader("Impersonate-User", user.impersonate.toUtf8());
    if (!user.impersonateGroups.isEmpty())
        request.setRawHeader("Impersonate-Group", user.impersonateGroups.first().toUtf8());
    if (!user.impersonateUid.isEmpty())
        request.setRawHeader("Impersonate-Uid", user.impersonateUid.toUtf8());
    QSslConfiguration ssl = m_transport.ssl;
    if (!auth.clientCertificateChain.isEmpty()) {
        ssl.setLocalCertificateChain(auth.clientCertificateChain);
        ssl.setPrivateKey(auth.clientKey);
    }
    request.setSslConfiguration(ssl);
    if (!m_transport.tlsServerName.isEmpty())
        request.setPeerVerifyName(m_transport.tlsServerName);
    // HTTP/1.1 keeps long watches on their own connections and matches what every proxy supports.
    request.setAttribute(QNetworkRequest::Http2AllowedAttribute, false);
    prepared.ssl = ssl;
    prepared.fromExecPlugin = auth.fromExecPlugin;
    return prepared;
}

void KubeClient::prepare(const QString &pathAndQuery, QObject *context,
                         std::function<void(const Result<KubePreparedRequest> &)> done, bool webSocket)
{
    QPointer<KubeClient> self(this);
    m_credentials->obtain(context, [self, pathAndQuery, done, webSocket](const Result<KubeAuth> &auth) {
        if (!self)
            return;
        if (!auth) {
            done(auth.error());
            return;
        }
        done(self->prepared(pathAndQuery, *auth, webSocket));
    });
}

void KubeClient::resolve(const QString &apiVersion, const QString &kind, QObject *context,
                         std::function<void(const Result<KubeResource> &)> done)
{
    QPointer<QObject> guard(context);
    const QString key = apiVersion + QLatin1Char('|') + kind;
    std::optional<KubeResource> known = knownResource(apiVersion, kind);
    if (!known && m_discovered.contains(key))
        known = m_discovered.value(key);
    if (known) {
        const KubeResource resource = *known;
        QTimer::singleShot(0, this, [guard, done, resource] {
            if (guard)
                done(resource);
        });
        return;
    }
    if (apiVersion.isEmpty() || kind.isEmpty()) {
        const Error error(ErrorCode::InvalidInput,
                          tr("An object without apiVersion or kind cannot be sent to Kubernetes."));
        QTimer::singleShot(0, this, [guard, done, error] {
            if (guard)
                done(error);
        });
        return;
    }
    KubeRequest::Spec spec;
    spec.path = discoveryPath(apiVersion);
    spec.verb = QStringLiteral("discover");
    spec.idempotent = true;
    auto *request = new KubeRequest(this, spec, this);
    connect(request, &Job::finished, this, [this, request, guard, done, apiVersion, kind, key] {
        if (!guard)
            return;
        if (request->hasError()) {
            done(request->error().withContext(
                tr("Finding the resource for %1 %2 by discovery: ").arg(apiVersion, kind)));
            return;
        }
        const auto [group, version] = splitApiVersion(apiVersion);
        for (const QJsonValue &v : request->object().value(QStringLiteral("resources")).toArray()) {
            const QJsonObject r = v.toObject();
            const QString name = r.value(QStringLiteral("name")).toString();
            if (r.value(QStringLiteral("kind")).toString() != kind || name.contains(QLatin1Char('/')))
                continue;
            const KubeResource resource{group, version, name, kind,
                                        r.value(QStringLiteral("namespaced")).toBool()};
            m_discovered.insert(key, resource);
            done(resource);
            return;
        }
        done(Error(ErrorCode::NotFound,
                   tr("The cluster does not serve kind %1 in %2 (discovery at %3 does not list it).")
                       .arg(kind, apiVersion, discoveryPath(apiVersion))));
    });
    request->start();
}

KubeRequest *KubeClient::raw(const KubeRequest::Spec &spec)
{
    return new KubeRequest(this, spec, this);
}

KubeRequest *KubeClient::get(const KubeObjectRef &ref)
{
    KubeRequest::Spec spec;
    spec.ref = ref;
    spec.verb = QStringLiteral("get");
    spec.idempotent = true;
    return raw(spec);
}

KubeRequest *KubeClient::list(const QString &apiVersion, const QString &kind, const QString &ns,
                              const KubeListOptions &options)
{
    KubeRequest::Spec spec;
    spec.ref = {apiVersion, kind, ns, {}};
    spec.verb = QStringLiteral("list");
    spec.idempotent = true;
    spec.allPages = true;
    if (!options.labelSelector.isEmpty())
        spec.query.addQueryItem(QStringLiteral("labelSelector"), options.labelSelector);
    if (!options.fieldSelector.isEmpty())
        spec.query.addQueryItem(QStringLiteral("fieldSelector"), options.fieldSelector);
    if (options.limit > 0)
        spec.query.addQueryItem(QStringLiteral("limit"), QString::number(options.limit));
    return raw(spec);
}

KubeRequest *KubeClient::apply(const QJsonObject &object)
{
    QJsonObject body = object;
    QJsonObject metadata = body.value(QStringLiteral("metadata")).toObject();
    metadata.remove(QStringLiteral("managedFields")); // the server refuses apply bodies that carry them
    metadata.remove(QStringLiteral("resourceVersion"));
    body.insert(QStringLiteral("metadata"), metadata);
    KubeRequest::Spec spec;
    spec.ref = KubeObjectRef::fromObject(body);
    spec.method = "PATCH";
    spec.verb = QStringLiteral("apply");
    spec.idempotent = true;
    spec.contentType = "application/apply-patch+yaml"; // JSON is YAML
    spec.body = QJsonDocument(body).toJson(QJsonDocument::Compact);
    spec.query.addQueryItem(QStringLiteral("fieldManager"), QString::fromLatin1(kFieldManager));
    spec.query.addQueryItem(QStringLiteral("force"), QStringLiteral("true"));
    spec.description = tr("Apply %1").arg(objectLabel(spec.ref));
    spec.equivalentCommand =
        QStringLiteral("%1 apply --server-side --field-manager=%2 --force-conflicts -f %3-%4.yaml")
            .arg(kubectl(spec.ref.ns), QString::fromLatin1(kFieldManager), kubectlName(spec.ref.kind),
                 spec.ref.name);
    return raw(spec);
}

KubeRequest *KubeClient::create(const QJsonObject &object)
{
    KubeRequest::Spec spec;
    spec.ref = KubeObjectRef::fromObject(object);
    const QString name = spec.ref.name;
    spec.ref.name.clear(); // POST to the collection
    spec.method = "POST";
    spec.verb = QStringLiteral("create");
    spec.contentType = "application/json";
    spec.body = QJsonDocument(object).toJson(QJsonDocument::Compact);
    spec.query.addQueryItem(QStringLiteral("fieldManager"), QString::fromLatin1(kFieldManager));
    spec.description = tr("Create %1 %2").arg(kubectlName(spec.ref.kind), name);
    spec.equivalentCommand =
        QStringLiteral("%1 create -f %2-%3.yaml").arg(kubectl(spec.ref.ns), kubectlName(spec.ref.kind), name);
    return raw(spec);
}

KubeRequest *KubeClient::remove(const KubeObjectRef &ref, PropagationPolicy policy)
{
    static const char *names[] = {"Background", "Foreground", "Orphan"};
    const QString policyName = QString::fromLatin1(names[int(policy)]);
    KubeRequest::Spec spec;
    spec.ref = ref;
    spec.method = "DELETE";
    spec.verb = QStringLiteral("delete");
    spec.contentType = "application/json";
    spec.body = QJsonDocument(QJsonObject{{QStringLiteral("kind"), QStringLiteral("DeleteOptions")},
                                          {QStringLiteral("apiVersion"), QStringLiteral("v1")},
                                          {QStringLiteral("propagationPolicy"), policyName}})
                    .toJson(QJsonDocument::Compact);
    spec.description = tr("Delete %1").arg(objectLabel(ref));
    spec.equivalentCommand =
        QStringLiteral("%1 delete %2 %3 --cascade=%4")
            .arg(kubectl(ref.ns), kubectlName(ref.kind), ref.name,
                 policy == PropagationPolicy::Orphan ? QStringLiteral("orphan") : policyName.toLower());
    return raw(spec);
}

KubeRequest *KubeClient::patch(const KubeObjectRef &ref, const QJsonObject &patch, const QString &description)
{
    KubeRequest::Spec spec;
    spec.ref = ref;
    spec.method = "PATCH";
    spec.verb = QStringLiteral("patch");
    spec.contentType = "application/strategic-merge-patch+json";
    spec.body = QJsonDocument(patch).toJson(QJsonDocument::Compact);
    spec.description = description;
    spec.equivalentCommand =
        QStringLiteral("%1 patch %2 %3 --type strategic -p %4")
            .arg(kubectl(ref.ns), kubectlName(ref.kind), ref.name, shellQuote(QString::fromUtf8(spec.body)));
    return raw(spec);
}

KubeRequest *KubeClient::podLog(const QString &ns, const QString &pod, int tailLines)
{
    KubeRequest::Spec spec;
    spec.ref = KubeObjectRef{QStringLiteral("v1"), QStringLiteral("Pod"), ns, pod};
    spec.subresource = QStringLiteral("log");
    spec.query.addQueryItem(QStringLiteral("tailLines"), QString::number(tailLines));
    spec.verb = QStringLiteral("get");
    spec.idempotent = true;
    spec.textAnswer = true;
    return raw(spec);
}

KubeRequest *KubeClient::getScale(const KubeObjectRef &ref)
{
    KubeRequest::Spec spec;
    spec.ref = ref;
    spec.subresource = QStringLiteral("scale");
    spec.verb = QStringLiteral("get");
    spec.idempotent = true;
    return raw(spec);
}

KubeRequest *KubeClient::scale(const KubeObjectRef &ref, int replicas)
{
    KubeRequest::Spec spec;
    spec.ref = ref;
    spec.subresource = QStringLiteral("scale");
    spec.method = "PATCH";
    spec.verb = QStringLiteral("patch");
    spec.idempotent = true; // an absolute replica count
    spec.contentType = "application/merge-patch+json";
    spec.body = QJsonDocument(QJsonObject{{QStringLiteral("spec"),
                                           QJsonObject{{QStringLiteral("replicas"), replicas}}}})
                    .toJson(QJsonDocument::Compact);
    spec.description = tr("Scale %1 to %2 replicas").arg(objectLabel(ref)).arg(replicas);
    spec.equivalentCommand = QStringLiteral("%1 scale %2 %3 --replicas=%4")
                                 .arg(kubectl(ref.ns), kubectlName(ref.kind), ref.name)
                                 .arg(replicas);
    return raw(spec);
}

KubeRequest *KubeClient::createNamespace(const QString &name)
{
    KubeRequest *request =
        create(QJsonObject{{QStringLiteral("apiVersion"), QStringLiteral("v1")},
                           {QStringLiteral("kind"), QStringLiteral("Namespace")},
                           {QStringLiteral("metadata"), QJsonObject{{QStringLiteral("name"), name}}}});
    return request;
}

Job *KubeClient::removeByLabel(const QString &apiVersion, const QString &kind, const QString &ns,
                               const QString &labelSelector)
{
    return new KubeRemoveByLabelJob(this, {apiVersion, kind, ns, {}}, labelSelector, this);
}

Job *KubeClient::removePersistentVolumeClaims(const QString &ns, const QString &labelSelector)
{
    return removeByLabel(QStringLiteral("v1"), QStringLiteral("PersistentVolumeClaim"), ns, labelSelector);
}

Job *KubeClient::removeNamespaceAndWait(const QString &name, int timeoutMs)
{
    auto *job = new KubeNamespaceRemoveJob(this, name, this);
    job->setTimeout(timeoutMs);
    return job;
}

KubeWatch *KubeClient::watch(const QString &apiVersion, const QString &kind, const QString &ns,
                             const KubeListOptions &options, QObject *parent)
{
    return new KubeWatch(this, {apiVersion, kind, ns, {}}, options, parent ? parent : this);
}

PortForward *KubeClient::portForward(const QString &ns, const QString &pod, quint16 port, QObject *parent)
{
    return new PortForward(this, ns, pod, port, parent ? parent : this);
}

} // namespace rcs
