#pragma once

#include "redis/cluster_topology.h"

#include <QByteArray>
#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>

// Made-up but well-formed CLUSTER NODES / CLUSTER INFO views of a cluster, for the topology and check
// unit tests: a node's view is what it would print, shaped by ViewOptions.
namespace rcs::test {

struct Spec {
    QString id;
    QString ip;
    int master = -1; // index of its master, -1 for a master
    QString slotText;
};

// A distinct 40-character id per index.
QString nodeId(int i);

// A 3-master, 3-replica cluster on 10.0.0.1..6 with the redis-cli slot split.
QList<Spec> sixNodes();

// What node `self` prints for CLUSTER NODES. `seenIp` overrides the address it lists per node (a stale
// IP), `extraFlags` adds flags per node, `disconnected` marks links down, `tail` adds text to a line.
struct ViewOptions {
    QMap<int, QString> seenIp;
    QMap<int, QString> extraFlags;
    QList<int> disconnected;
    QMap<int, QString> slotsOverride;
    QMap<int, QString> tail;
    QStringList extraLines;
    QByteArray serverInfo = "redis_version:7.0.15\r\n"; // the viewing node's INFO server lines
};

QByteArray nodesText(const QList<Spec> &specs, int self, const ViewOptions &options = {});
// Node self's whole view: its CLUSTER NODES, CLUSTER INFO with the given cluster_state, and INFO (with
// the server identity it gives).
NodeView view(const QList<Spec> &specs, int self, const ViewOptions &options = {}, const char *state = "ok");
// Every node restarted at newIps[i] (specs takes them): each still prints the old IPs, its own too,
// flags every peer fail with the link down and reports cluster_state:fail — the seed's total failure.
QList<NodeView> restartedWithNewIps(QList<Spec> &specs, const QStringList &newIps);
// An address that did not answer.
NodeView unreachable(const QString &ip);

} // namespace rcs::test
