#pragma once

#include "common/result.h"

#include <QByteArray>
#include <QList>
#include <QMap>
#include <QString>

#include <optional>

namespace rcs::observe {

// A replica as its master's INFO replication lists it ("slave0:ip=…,port=…,state=online,offset=…,lag=…").
struct ReplicaLink {
    QString ip;
    int port = 0;
    qint64 offset = 0;
    // Seconds since the replica's last REPLCONF ACK; -1 when the server does not say.
    int lagSeconds = -1;
};

// The counters and gauges of one INFO reply, as read (no rates: those need two readings). Fields a server
// version lacks stay at their defaults (Redis 5.0 has everything used here, but not every field of 7.0).
struct InfoReading {
    qint64 atMs = 0; // when the reply arrived (ms since the epoch): the clock of the rates
    QString runId;   // a new run id is a restart: the counters started again
    QString role;    // "master" or "slave"
    qint64 uptimeSeconds = 0;
    // counters
    qint64 commandsProcessed = 0;
    qint64 keyspaceHits = 0;
    qint64 keyspaceMisses = 0;
    qint64 netInputBytes = 0;
    qint64 netOutputBytes = 0;
    qint64 expiredKeys = 0;
    qint64 evictedKeys = 0;
    double cpuSeconds = 0; // used_cpu_sys + used_cpu_user
    // gauges
    qint64 usedMemory = 0;
    qint64 maxMemory = 0; // 0: no limit
    qint64 connectedClients = 0;
    qint64 keys = 0;
    // replication
    qint64 replOffset = 0; // master_repl_offset (a master), slave_repl_offset (a replica)
    QString masterHost;    // a replica: its master
    int masterPort = 0;
    int masterLastIoSeconds = -1; // a replica: seconds since it last heard from its master
    bool masterLinkUp = false;
    QList<ReplicaLink> replicas; // a master: its replicas
};

// Reads an INFO reply (every section, or at least server, clients, memory, stats, cpu, replication and
// keyspace). Error (Protocol): the reply has no run_id or no total_commands_processed (it is not an
// INFO reply, or the sections needed were left out), or one of the fields read is not a number.
Result<InfoReading> parseInfoReading(const QByteArray &reply, qint64 atMs);
// The same from INFO fields already parsed (parseInfoFields: what a cluster scan keeps of each node).
Result<InfoReading> readingFromFields(const QMap<QString, QString> &fields, qint64 atMs);

// One point of a node's history: the gauges of a reading and the rates since the previous one. Kept
// small on purpose (it is what the ring buffer stores: see NodeHistory for the bound).
struct NodeSample {
    qint64 atMs = 0;
    // Rates per second since the previous reading of the same run; absent (hasRates false) for the first
    // reading and after a restart or a counter reset (CONFIG RESETSTAT): a counter that went down is a
    // new baseline, never a negative rate.
    bool hasRates = false;
    float opsPerSec = 0;
    float hitsPerSec = 0;
    float missesPerSec = 0;
    float netInPerSec = 0;  // bytes
    float netOutPerSec = 0; // bytes
    float expiredPerSec = 0;
    float evictedPerSec = 0;
    float cpuPercent = 0; // of one core
    qint64 usedMemory = 0;
    qint64 maxMemory = 0;
    qint32 connectedClients = 0;
    bool isReplica = false;
    qint64 keys = 0;
    qint64 keyspaceHits = 0; // totals, for the hit ratio
    qint64 keyspaceMisses = 0;
    // A replica: how far it is behind its master (bytes: the master's offset minus the replica's; seconds:
    // the master's view of the replica's last ACK, else the replica's master_last_io_seconds_ago); -1 when
    // not known (a master, or the master not in the same sample).
    qint64 lagBytes = -1;
    qint32 lagSeconds = -1;
};

// True when current belongs to another run than previous or any counter went down (the baseline
// restarts there).
bool countersReset(const InfoReading &previous, const InfoReading &current);

// The sample of current, with rates from previous when there is one of the same run and time went on.
// Replication lag is not filled here (it needs the master's reading: see fillReplicaLag).
NodeSample sampleOf(const std::optional<InfoReading> &previous, const InfoReading &current);

// Sets a replica's lag from its master's reading (the master lists the replica by ip:port; the replica
// names its master by master_host:master_port). replicaIp/replicaPort: the replica's address as its
// master sees it.
void fillReplicaLag(NodeSample &replicaSample, const InfoReading &replica, const QString &replicaIp,
                    int replicaPort, const InfoReading &master);

} // namespace rcs::observe
