#pragma once

#include "common/job.h"
#include "kube_resources.h"
#include "kube_status.h"

#include <QJsonObject>
#include <QList>
#include <QPointer>
#include <QUrlQuery>

class QNetworkReply;

namespace rcs {

class KubeClient;
struct KubeAuth;

// One Kubernetes API call as a Job: resolves the resource path (static table or discovery), obtains
// credentials (maybe running an exec plugin), sends, and decodes the answer. Policies:
// - a 401 with an exec-plugin credential re-runs the plugin and retries once;
// - 429 (honouring Retry-After) is retried for every call, 5xx and dropped connections only for
//   idempotent calls (reads, server-side apply, scale), with exponential back-off;
// - lists follow metadata.continue and gather every page into items();
// - `Warning` headers are logged; an error answer becomes a clear Error (kube_status.h).
// Create these through KubeClient; connect to finished(), then start().
class KubeRequest final : public Job {
    Q_OBJECT
public:
    struct Spec {
        QByteArray method = "GET";
        KubeObjectRef ref;   // resolved to a path when path is empty
        QString subresource; // "scale", "status"
        QString path;        // explicit API path (discovery, raw calls)
        QUrlQuery query;
        QByteArray body;
        QByteArray contentType;
        QString verb; // for messages: get, list, create, patch, delete, ...
        bool idempotent = false;
        bool allPages = false;
        bool notFoundIsSuccess = false; // deletes of something already gone
        bool textAnswer = false;        // the answer is text (pods/log), read from body()
        QString equivalentCommand;      // logged when the call starts (changing calls only)
        QString description;            // logged with the command
    };

    KubeRequest(KubeClient *client, Spec spec, QObject *parent = nullptr);
    ~KubeRequest() override;

    int httpStatus() const { return m_httpStatus; }
    // The decoded JSON answer (for lists: the last page, with items() holding all of them).
    QJsonObject object() const { return m_object; }
    QList<QJsonObject> items() const { return m_items; }
    QByteArray body() const { return m_body; }
    // The resource version of the list (for a watch that follows it).
    QString listResourceVersion() const;
    const Spec &spec() const { return m_spec; }
    int attempts() const { return m_attempts; }

    void setMaxAttempts(int attempts) { m_maxAttempts = attempts; }
    // Per-attempt bound on a silent connection.
    void setTransferTimeout(int ms) { m_transferTimeoutMs = ms; }

protected:
    void doStart() override;
    void doCancel() override;

private:
    void send();
    void sendWith(const KubeAuth &auth);
    void handleReply(QNetworkReply *reply, bool fromExec);
    void retryLater(int delayMs);
    int backoffMs() const;
    KubeRequestContext context() const;

    QPointer<KubeClient> m_client;
    Spec m_spec;
    KubeResource m_resource;
    QString m_resolvedPath;
    QString m_continue;
    QPointer<QNetworkReply> m_reply;
    int m_httpStatus = 0;
    QJsonObject m_object;
    QList<QJsonObject> m_items;
    QByteArray m_body;
    int m_attempts = 0;
    int m_maxAttempts = 6;
    int m_transferTimeoutMs = 30000;
    bool m_reauthenticated = false;
};

} // namespace rcs
