#pragma once

#include "common/error.h"
#include "kube_client.h"
#include "kube_resources.h"
#include "watch_stream_parser.h"

#include <QElapsedTimer>
#include <QHash>
#include <QObject>
#include <QPointer>
#include <QTimer>

class QNetworkReply;

namespace rcs {

// LIST then WATCH of one kind (reference §4): keeps the last resourceVersion seen (events and
// bookmarks), reconnects from it when the server ends the stream, re-lists after a 410 (HTTP or ERROR
// event), and retries failed connections with back-off. Consumers get the complete state after every
// (re)list through synced(), and the changes in between through eventReceived().
//
// Error behaviour: failed() is emitted once, after which the watch stays stopped, when a list or watch
// keeps failing (kMaxFailures in a row) or fails with a non-retryable error (401, 403, 404).
class KubeWatch final : public QObject {
    Q_OBJECT
public:
    // Consecutive failures before giving up; with the capped back-off this rides out about half a
    // minute of API server outage (a restart, a failover of the control plane).
    static constexpr int kMaxFailures = 10;

    KubeWatch(KubeClient *client, KubeObjectRef collection, KubeListOptions options,
              QObject *parent = nullptr);
    ~KubeWatch() override;

    void start();
    void stop();
    bool isRunning() const { return m_running; }
    QString resourceVersion() const { return m_resourceVersion; }
    // The current objects by name (namespace/name for all-namespace watches).
    QList<QJsonObject> objects() const { return m_objects.values(); }
    // Server-side stream length per connection; reconnects afterwards (default 300 s).
    void setTimeoutSeconds(int seconds) { m_timeoutSeconds = seconds; }
    int relists() const { return m_relists; }
    int reconnects() const { return m_reconnects; }

Q_SIGNALS:
    void synced(const QList<QJsonObject> &objects);
    void eventReceived(const rcs::KubeWatchEvent &event);
    void failed(const rcs::Error &error);

private:
    void relist();
    void connectStream();
    void onReadyRead();
    void onStreamFinished(QNetworkReply *reply, bool fromExec);
    void handleEvents();
    void failure(const Error &error, bool retryable);
    static QString keyOf(const QJsonObject &object);

    QPointer<KubeClient> m_client;
    KubeObjectRef m_collection;
    KubeListOptions m_options;
    KubeResource m_resource;
    QHash<QString, QJsonObject> m_objects;
    QString m_resourceVersion;
    WatchStreamParser m_parser;
    QPointer<QNetworkReply> m_reply;
    QPointer<KubeRequest> m_list;
    QTimer m_retry;
    QElapsedTimer m_streamAge;
    int m_timeoutSeconds = 300;
    int m_failures = 0;
    int m_relists = 0;
    int m_reconnects = 0;
    bool m_running = false;
    bool m_reauthenticated = false;
    bool m_needRelist = false;
};

} // namespace rcs
