#pragma once

#include "common/job.h"
#include "redis/cluster_topology.h"
#include "redis/node_address.h"
#include "redis/rebalance_planner.h"
#include "redis/redis_connection.h"
#include "redis/redis_reply.h"
#include "redis/server_identity.h"

#include <QElapsedTimer>
#include <QHash>
#include <QList>
#include <QPointer>
#include <QSet>
#include <QStringList>
#include <QVersionNumber>

namespace rcs {

class RedisPool;

// Runs a SlotPlan against live masters with the slot-migration protocol, per slot:
// 1. target: CLUSTER SETSLOT s IMPORTING source; then source: SETSLOT s MIGRATING target;
// 2. source: GETKEYSINSLOT / MIGRATE … KEYS … in batches, the next GETKEYSINSLOT pipelined behind each
//    MIGRATE; the batch adapts to how long a MIGRATE takes (it blocks the source: a slow batch halves
//    the next one, a fast one doubles it, within [minBatch, maxBatch]) so a big key never stalls the
//    source for long;
// 3. SETSLOT s NODE target on the target first, then on the source, then on every other master (the
//    7.0 order, on every server version; the others in the background).
// Moves from different sources run in parallel (a MIGRATE blocks only its own source), and each source
// keeps a small window of slots in flight (Options::slotsInFlight), each slot still strictly in the order
// above: the round trips (and the nodes.conf write behind every SETSLOT) of neighbouring slots overlap
// instead of adding up, which is what makes empty slots cheap.
//
// Valkey 8 (known from setTopology(): each node's ServerIdentity) replicates every SETSLOT to a
// master's replicas and answers only once they acknowledged: a SETSLOT holds up its connection for a
// replication round trip. Each slot in flight talks to such a master over a connection of its own
// (RedisPool channels), so the slots wait for the replicas side by side and one acknowledgement round
// releases them all; the window is wider (Options::replicatedSlotsInFlight); SETSLOT carries TIMEOUT
// (Options::replicaAckTimeoutMs) and the client waits that much longer, so a replica that does not
// acknowledge is reported as such (NOREPLICAS) instead of as a silent node. The other masters that
// would wait for their replicas are not told (a wait per slot and master): the target's SETSLOT NODE
// bumps its epoch and broadcasts the new owner to every node at once. A source that gives away its
// last slot turns into a replica of the target while its own SETSLOT NODE waits (the server then
// answers UNBLOCKED); ROLE confirms it, and a source still master is told again.
//
// Never REPLACE a different value: on BUSYKEY the batch's keys are compared (DUMP on both sides); when
// every copy already on the target is byte-identical to the source's — what a MIGRATE interrupted after
// the target applied its RESTOREs leaves — the batch is sent again with REPLACE (logged), otherwise
// that source stops with the slot left open and the job fails naming the key — check shows it, check
// --fix resumes it. A slot a previous run left open is simply moved again (the commands are
// idempotent).
//
// Error behaviour: fails after all sources stopped, with the first problem (RedisError / Timeout /
// ConnectionFailed, naming slot and nodes) and every stuck slot in detail(); slots moved before stay
// moved.
class SlotMigrationJob final : public Job {
    Q_OBJECT
public:
    struct Options {
        int initialBatch = 100;
        int minBatch = 10;
        int maxBatch = 1000;
        int migrateTimeoutMs = 10000; // MIGRATE's own I/O timeout
        int slowBatchMs = 200;        // a batch slower than this halves the next
        int fastBatchMs = 20;         // a batch faster than this doubles the next
        int slotsInFlight = 8;        // per source
        // Per source when one of its masters waits for replicas on SETSLOT: each slot in flight holds a
        // connection to it, so all sources together hold at most replicatedLaneBudget (and never fewer
        // than slotsInFlight each): file descriptors stay bounded on big clusters.
        int replicatedSlotsInFlight = 128;
        int replicatedLaneBudget = 384;
        // The same window when the source or a target is reached through a port-forward: there every
        // connection is a WebSocket upgrade at the API server (and, with TLS, two handshakes), so
        // hundreds opened at once outlast the connect timeout and swamp the API server.
        int tunneledSlotsInFlight = 8;
        // SETSLOT's TIMEOUT on Valkey: how long a master waits for its replicas' acknowledgement. The
        // client waits that long plus its usual command timeout, so the server's NOREPLICAS (naming
        // the cause) always comes first.
        int replicaAckTimeoutMs = 5000;
    };

    // addressById: every master's address; masterIds: every master (told SETSLOT NODE at the end).
    SlotMigrationJob(SlotPlan plan, QHash<QString, NodeAddress> addressById, QStringList masterIds,
                     RedisPool *pool, QObject *parent = nullptr);
    ~SlotMigrationJob() override;

    void setOptions(const Options &options) { m_options = options; }
    // The cluster as scanned before the moves: each master's server (from INFO) and whether it has
    // replicas. Without it every master is treated as one whose SETSLOT does not wait for replicas.
    void setTopology(const ClusterTopology &topology);

    int slotsMoved() const { return m_slotsMoved; }
    qint64 keysMoved() const { return m_keysMoved; }
    // "slot 5461 (a1b2c3d4 → e5f6a7b8): …" per slot left open.
    const QStringList &stuckSlots() const { return m_stuck; }

protected:
    void doStart() override;
    void doCancel() override;

private:
    struct Step {
        int slot = 0;
        QString targetId;
    };
    struct Worker {
        QString sourceId;
        QList<Step> steps;
        qsizetype next = 0;
        int batch = 100;
        bool stopped = false;
    };
    // One slot at a time, in protocol order; a source runs several lanes.
    struct Lane {
        int worker = 0;
        int channel = 0; // its own connection to nodes whose SETSLOT waits for replicas (1, 2, …)
        qsizetype step = 0;
        bool done = false;
        QElapsedTimer clock;
        int staleKeyReplies = 0; // GETKEYSINSLOT answers pipelined behind a MIGRATE that hit BUSYKEY
        int sourceAttempts = 0;  // SETSLOT NODE sent to the source for the current slot
    };

    void nextSlot(int l);
    void setImporting(int l);
    void setMigrating(int l);
    void onKeys(int l, const Result<RedisReply> &reply);
    void migrate(int l, const QList<QByteArray> &keys, bool replaceIdentical = false);
    void compareBusyKeys(int l, const QList<QByteArray> &keys, const Error &busy);
    void finalize(int l);
    void tellSource(int l);
    void sourceAnswered(int l, const Result<RedisReply> &reply);
    void slotDone(int l);
    void tellOthers(int l);
    // CLUSTER SETSLOT slot action [id] to a node, with TIMEOUT, a longer client timeout and the lane's
    // own connection where the node replicates SETSLOT; a NOREPLICAS answer becomes a Timeout error
    // that says what the replicas did not do (its detail keeps the server's text).
    void setSlot(int l, const QString &nodeId, const QByteArray &action, const QString &argumentId,
                 RedisConnection::Callback done);
    // Valkey 8+ (valkey-io/valkey#445): SETSLOT accepts TIMEOUT and, on a master with replicas, is
    // replicated to them first and answered once they acknowledged it.
    bool acceptsSetSlotTimeout(const QString &nodeId) const
    {
        const auto server = m_servers.constFind(nodeId);
        return server != m_servers.cend() && server->isValkey() && server->version >= QVersionNumber(8);
    }
    bool waitsForReplicas(const QString &nodeId) const
    {
        return acceptsSetSlotTimeout(nodeId) && m_withReplicas.contains(nodeId);
    }
    // Whether the worker's source or one of its targets is reached through a port-forward.
    bool tunneled(const Worker &worker) const;
    int channelFor(int l, const QString &nodeId) const
    {
        return waitsForReplicas(nodeId) ? m_lanes.at(l).channel : 0;
    }
    void stop(int l, const Error &error);
    void laneDone(int l);
    void checkDone();
    // Valkey 8 replicates a source's MIGRATING to its replicas, but a source that learns the new owner
    // from the target's broadcast before its own SETSLOT NODE drops the state by itself, unreplicated:
    // its replicas keep the slot migrating, and a later failover promotes that left-over into an open
    // slot on a master. After the moves, each such master's replicas are read (CLUSTER NODES) and every
    // moved slot a replica still shows open gets a SETSLOT STABLE on its master (replicated: it clears
    // the replicas). Problems here are warnings: the slots themselves were moved.
    void clearReplicaLeftovers();
    void replicaLeftoversRead();
    void sweepDone();
    void closeLaneConnections();
    QList<QByteArray> migrateArgv(const NodeAddress &target, const QList<QByteArray> &keys,
                                  bool replace) const;
    QString describe(int l) const;
    Worker &workerOf(int l) { return m_workers[m_lanes.at(l).worker]; }
    const Step &current(int l) const
    {
        return m_workers.at(m_lanes.at(l).worker).steps.at(m_lanes.at(l).step);
    }
    NodeAddress sourceOf(int l) const
    {
        return m_addressById.value(m_workers.at(m_lanes.at(l).worker).sourceId);
    }

    SlotPlan m_plan;
    QHash<QString, NodeAddress> m_addressById;
    QStringList m_masterIds;
    QPointer<RedisPool> m_pool;
    Options m_options;
    QHash<QString, ServerIdentity> m_servers;
    QSet<QString> m_withReplicas;                    // masters that had replicas when the cluster was scanned
    QHash<QString, QList<NodeAddress>> m_replicasOf; // master id -> its replicas' addresses
    QSet<std::pair<QString, int>> m_replicaLeftovers; // (master id, slot) a replica still shows open
    int m_sweepReplies = 0;
    QList<Worker> m_workers;
    QList<Lane> m_lanes;
    int m_totalSlots = 0;
    int m_slotsMoved = 0;
    qint64 m_keysMoved = 0;
    int m_backgroundReplies = 0;
    int m_activeLanes = 0;
    Error m_firstError;
    QStringList m_stuck;
    bool m_cancelled = false;
};

} // namespace rcs
