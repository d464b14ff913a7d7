#pragma once

#include "api/fault_injector.h"
#include "store/memory_object_store.h"
#include "api/query_selectors.h"

#include <QPointer>
#include <QTimer>

namespace sandbox {

class HttpConnection;
struct ResourceType;

// One `?watch=true` answer: newline-delimited JSON events on a chunked response, flushed one by one,
// until timeoutSeconds, the client leaves, or the server stops. Starts with synthetic ADDED events
// (resourceVersion unset or "0"), a replay from the store's history, or a 410 Expired ERROR event.
class WatchStream final : public QObject {
    Q_OBJECT
public:
    struct Options {
        QString ns; // empty: every namespace
        LabelQuery labels;
        FieldQuery fields;
        QString resourceVersion;
        bool bookmarks = false;
        int timeoutSeconds = 1800;
        // kubectl get -w asks for Table events: each object becomes a one-row Table.
        bool table = false;
        QString includeObject;
        // Injected by POST /sandbox/faults: breaks the stream in place of event number afterEvents + 1.
        WatchFault fault = WatchFault::None;
        int faultAfterEvents = 0;
    };

    WatchStream(MemoryObjectStore *store, const ResourceType &type, Options options,
                HttpConnection *connection);

private:
    void begin();
    void onChanged(const MemoryObjectStore::Change &change);
    bool accepts(const QJsonObject &object) const;
    void send(const QString &type, const QJsonObject &object);
    void sendBookmark();
    // True when the injected fault fired instead of sending this event.
    bool injectFault(const QByteArray &line);
    void end();

    MemoryObjectStore *m_store;
    const ResourceType &m_type;
    Options m_options;
    QPointer<HttpConnection> m_connection;
    QTimer m_timeout;
    QTimer m_bookmarkTimer;
    bool m_ended = false;
    int m_eventsSent = 0;
};

} // namespace sandbox
