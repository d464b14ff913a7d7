#pragma once

// CONTRACT (added by the API-server half): how main.cpp creates, starts and stops the runtime half
// (controllers, scheduler, pod processes, stream handling). The runtime half implements
// createRuntime() in one of its own sources.
//
// Nodes: the runtime registers its simulated nodes by creating "nodes" objects (cluster-scoped) in
// the ObjectStore, and may update their status; the API serves them read-only.
// Storage classes: the API half keeps one default StorageClass `standard` in the store.

#include <QObject>
#include <QString>

namespace sandbox {

class ObjectStore;
class StreamHandler;

struct RuntimeOptions {
    QString dataDir;     // the --data-dir folder; the runtime keeps its own state under it
    int nodeCount = 3;   // --nodes: sandbox-node-1..K
    QString podNetwork;  // --pod-network, e.g. "127.77.0.0/16"
    QString redisServer; // --redis-server; empty means redis-server on PATH
};

class Runtime : public QObject {
    Q_OBJECT
public:
    using QObject::QObject;
    ~Runtime() override = default;

    // Called once after the store has loaded its persisted state and before the API listens:
    // register nodes, start controllers, bring back the pods the store holds.
    virtual void start() = 0;
    // Stops every pod process (SIGTERM, then SIGKILL after a bounded wait) and emits stopped() once
    // all are gone. main() exits after stopped() or after its own timeout.
    virtual void stop() = 0;
    // Receives the WebSocket streams for pods/exec and pods/portforward; owned by the runtime.
    virtual StreamHandler *streamHandler() = 0;

Q_SIGNALS:
    void stopped();
};

// Implemented by the runtime half. The returned object is owned by parent.
Runtime *createRuntime(ObjectStore *store, const RuntimeOptions &options, QObject *parent);

} // namespace sandbox
