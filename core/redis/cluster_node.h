#pragma once

#include "redis/node_address.h"
#include "redis/slot_set.h"

#include <QFlags>
#include <QMap>
#include <QString>
#include <QStringList>

namespace rcs {

// The flags of a CLUSTER NODES line. Redis prints them in this order (redisNodeFlagsTable).
enum class NodeFlag {
    Myself = 0x01,
    Master = 0x02,
    Replica = 0x04, // "slave"
    PFail = 0x08,   // "fail?": this node's own suspicion
    Fail = 0x10,    // agreed by a majority of masters
    Handshake = 0x20,
    NoAddr = 0x40,
    NoFailover = 0x80,
};
Q_DECLARE_FLAGS(NodeFlags, NodeFlag)
Q_DECLARE_OPERATORS_FOR_FLAGS(NodeFlags)

// The flags in Redis' own text form ("myself,master"; "noflags" when none).
QString nodeFlagsToString(NodeFlags flags);

// One line of CLUSTER NODES (or nodes.conf): how the node that printed it sees one node.
struct ClusterNodeInfo {
    QString id;
    // Empty host and port 0 for a node without an address (":0@0", flag noaddr).
    NodeAddress address{QString(), 0};
    quint16 busPort = 0;
    QString hostname;                 // 7.x ",hostname", empty when unset
    QMap<QString, QString> auxFields; // 7.2 "shard-id=…", "nodename=…", "tls-port=…"
    NodeFlags flags;
    QStringList unknownFlags; // flags a newer server may print; kept, not fatal
    QString masterId;         // empty for "-"
    qint64 pingSent = 0;
    qint64 pongRecv = 0;
    quint64 configEpoch = 0;
    bool linkConnected = false;
    SlotSet slotSet;
    QMap<int, QString> migrating; // slot -> target node id ("[slot->-id]", myself line only)
    QMap<int, QString> importing; // slot -> source node id ("[slot-<-id]", myself line only)

    bool isMyself() const { return flags.testFlag(NodeFlag::Myself); }
    bool isMaster() const { return flags.testFlag(NodeFlag::Master); }
    bool isReplica() const { return flags.testFlag(NodeFlag::Replica); }
    bool isFail() const { return flags.testFlag(NodeFlag::Fail); }
    bool isPfail() const { return flags.testFlag(NodeFlag::PFail); }
    bool isHandshake() const { return flags.testFlag(NodeFlag::Handshake); }
    bool isNoAddr() const { return flags.testFlag(NodeFlag::NoAddr); }
    bool isNoFailover() const { return flags.testFlag(NodeFlag::NoFailover); }
    bool hasAddress() const { return !address.host.isEmpty() && address.port != 0; }
    // A peer a scan can ask for its own view: not the viewer, with an address, past the handshake
    // (whose ids are temporary).
    bool isAskablePeer() const { return !isMyself() && hasAddress() && !isHandshake() && !isNoAddr(); }
    bool hasOpenSlots() const { return !migrating.isEmpty() || !importing.isEmpty(); }
    QString shardId() const { return auxFields.value(QStringLiteral("shard-id")); }
};

// CLUSTER INFO of one node. The typed fields cover what the checks use; fields() keeps every line.
struct ClusterInfo {
    QString state; // "ok" or "fail"
    int slotsAssigned = 0;
    int slotsOk = 0;
    int slotsPfail = 0;
    int slotsFail = 0;
    int knownNodes = 0; // includes nodes in handshake
    int size = 0;       // masters serving at least one slot
    quint64 currentEpoch = 0;
    quint64 myEpoch = 0;
    QMap<QString, QString> fields;

    bool isOk() const { return state == QLatin1String("ok"); }
};

} // namespace rcs
