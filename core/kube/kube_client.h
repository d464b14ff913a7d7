#pragma once

#include "common/result.h"
#include "kube_config.h"
#include "kube_request.h"
#include "kube_resources.h"
#include "kube_transport.h"

#include <QHash>
#include <QJsonObject>
#include <QNetworkRequest>
#include <QObject>

#include <functional>

class QNetworkAccessManager;

namespace rcs {

class Job;
class KubeCredentials;
class KubeWatch;
class PortForward;
struct KubeAuth;

struct KubeListOptions {
    QString labelSelector;
    QString fieldSelector;
    int limit = 500; // page size; every page is fetched
};

enum class PropagationPolicy { Background, Foreground, Orphan };

// An authenticated request ready to send (REST or WebSocket).
struct KubePreparedRequest {
    QNetworkRequest request;
    QSslConfiguration ssl; // includes the client certificate, if any
    bool fromExecPlugin = false;
};

// The Kubernetes REST client of one kubeconfig context: one QNetworkAccessManager, the transport
// (TLS, proxy, path prefix) and the user's credentials. Every call returns a job that is not yet
// started (connect to finished(), then start()); changing calls log the equivalent kubectl command.
class KubeClient final : public QObject {
    Q_OBJECT
public:
    static constexpr const char *kFieldManager = "redis-cluster-studio";

    // Errors: invalid TLS files, an unsupported proxy, several impersonated groups.
    static Result<KubeClient *> create(const KubeTarget &target, QObject *parent = nullptr);
    ~KubeClient() override;

    const KubeTarget &target() const { return m_target; }
    // The context's namespace ("default" when the context sets none).
    QString defaultNamespace() const { return m_target.ns; }
    const KubeTransport &transport() const { return m_transport; }
    KubeCredentials *credentials() const { return m_credentials; }
    QNetworkAccessManager *network() const { return m_network; }

    // Builds an authenticated request for an API path; done runs later (an exec plugin may run first).
    void prepare(const QString &pathAndQuery, QObject *context,
                 std::function<void(const Result<KubePreparedRequest> &)> done, bool webSocket = false);
    KubePreparedRequest prepared(const QString &pathAndQuery, const KubeAuth &auth, bool webSocket) const;

    // kind → resource: the static table, then discovery (cached).
    void resolve(const QString &apiVersion, const QString &kind, QObject *context,
                 std::function<void(const Result<KubeResource> &)> done);

    KubeRequest *get(const KubeObjectRef &ref);
    KubeRequest *list(const QString &apiVersion, const QString &kind, const QString &ns,
                      const KubeListOptions &options = {});
    // Server-side apply (application/apply-patch+yaml, fieldManager redis-cluster-studio, force=true).
    KubeRequest *apply(const QJsonObject &object);
    KubeRequest *create(const QJsonObject &object);
    KubeRequest *remove(const KubeObjectRef &ref, PropagationPolicy policy = PropagationPolicy::Background);
    // Strategic-merge patch (application/strategic-merge-patch+json); description says what it does.
    KubeRequest *patch(const KubeObjectRef &ref, const QJsonObject &patch, const QString &description);
    // The last tailLines lines of a pod's log (pods/log), as text in body().
    KubeRequest *podLog(const QString &ns, const QString &pod, int tailLines);
    KubeRequest *getScale(const KubeObjectRef &ref);
    KubeRequest *scale(const KubeObjectRef &ref, int replicas);
    KubeRequest *createNamespace(const QString &name);
    KubeRequest *raw(const KubeRequest::Spec &spec);

    // Deletes every object of a kind matching the selector, one DELETE each (as kubectl does);
    // objects already gone count as deleted.
    Job *removeByLabel(const QString &apiVersion, const QString &kind, const QString &ns,
                       const QString &labelSelector);
    Job *removePersistentVolumeClaims(const QString &ns, const QString &labelSelector);
    // Deletes the namespace and waits (bounded by timeoutMs) until the API no longer has it.
    Job *removeNamespaceAndWait(const QString &name, int timeoutMs = 120000);

    KubeWatch *watch(const QString &apiVersion, const QString &kind, const QString &ns,
                     const KubeListOptions &options = {}, QObject *parent = nullptr);
    PortForward *portForward(const QString &ns, const QString &pod, quint16 port, QObject *parent = nullptr);

    // "kubectl -n NS" or "kubectl" (cluster scope), for equivalent commands.
    static QString kubectl(const QString &ns);

private:
    KubeClient(const KubeTarget &target, const KubeTransport &transport, KubeCredentials *credentials,
               QObject *parent);

    KubeTarget m_target;
    KubeTransport m_transport;
    KubeCredentials *m_credentials = nullptr;
    QNetworkAccessManager *m_network = nullptr;
    QHash<QString, KubeResource> m_discovered;
};

} // namespace rcs
