#include "cluster_nodes_parser.h"

#include <QCoreApplication>
#include <QHash>
#include <QMutex>
#include <QSet>

namespace rcs {

namespace {
// The translation context of this file's texts: the GUI shows them in its language, the
// headless commands (which load no translation) in English.
struct Text {
    Q_DECLARE_TR_FUNCTIONS(rcs::ClusterNodesParser)
};
} // namespace

namespace {

constexpr int NodeIdLength = 40;

bool isNodeId(const QByteArray &text)
{
    if (text.size() != NodeIdLength)
        return false;
    for (const char c : text) {
        const bool hex = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
        if (!hex)
            return false;
    }
    return true;
}

// Collects the first problem of a line; parsing stops at the first one.
struct LineError {
    QString why;
    bool set(const QString &reason)
    {
        if (why.isEmpty())
            why = reason;
        return false;
    }
};

bool parsePort(const QByteArray &text, quint16 *port)
{
    bool ok = false;
    const uint value = text.toUInt(&ok);
    if (!ok || value > 65535)
        return false;
    *port = static_cast<quint16>(value);
    return true;
}

// "ip:port@cport[,hostname][,key=value…]"; also the pre-4.0 "ip:port" without a bus port.
bool parseAddress(const QByteArray &field, ClusterNodeInfo *node, LineError *error)
{
    const QList<QByteArray> parts = field.split(',');
    const QByteArray endpoint = parts.first();
    for (qsizetype i = 1; i < parts.size(); ++i) {
        const QByteArray &part = parts.at(i);
        const qsizetype equals = part.indexOf('=');
        if (equals < 0) {
            // Only the item right after the address may be a hostname (7.2 nodes.conf always writes
            // it, possibly empty); later items must be aux fields.
            if (i != 1)
                return error->set(
                    Text::tr("the address item '%1' is not a key=value field").arg(QString::fromUtf8(part)));
            node->hostname = QString::fromUtf8(part);
            continue;
        }
        if (equals == 0)
            return error->set(Text::tr("an aux field has no name"));
        node->auxFields.insert(QString::fromUtf8(part.left(equals)), QString::fromUtf8(part.mid(equals + 1)));
    }

    const qsizetype at = endpoint.lastIndexOf('@');
    const QByteArray hostPort = at < 0 ? endpoint : endpoint.left(at);
    const qsizetype colon = hostPort.lastIndexOf(':');
    if (colon < 0)
        return error->set(Text::tr("the address '%1' has no port").arg(QString::fromUtf8(field)));
    QByteArray host = hostPort.left(colon);
    if (host.startsWith('[') && host.endsWith(']'))
        host = host.mid(1, host.size() - 2);
    if (host.contains(' '))
        return error->set(Text::tr("the address host contains a space"));
    quint16 port = 0;
    if (!parsePort(hostPort.mid(colon + 1), &port))
        return error->set(
            Text::tr("the port in '%1' is not a number from 0 to 65535").arg(QString::fromUtf8(field)));
    quint16 busPort = 0;
    if (at >= 0) {
        if (!parsePort(endpoint.mid(at + 1), &busPort))
            return error->set(Text::tr("the cluster bus port in '%1' is not a number from 0 to 65535")
                                  .arg(QString::fromUtf8(field)));
    } else if (port != 0 && port <= 65535 - 10000) {
        busPort = static_cast<quint16>(port + 10000); // the fixed offset servers before 4.0 used
    }
    node->address = NodeAddress{QString::fromUtf8(host), port};
    node->busPort = busPort;
    return true;
}

bool parseFlags(const QByteArray &field, ClusterNodeInfo *node)
{
    static const QHash<QByteArray, NodeFlag> known = {
        {"myself", NodeFlag::Myself},         {"master", NodeFlag::Master},
        {"slave", NodeFlag::Replica},         {"replica", NodeFlag::Replica},
        {"fail?", NodeFlag::PFail},           {"fail", NodeFlag::Fail},
        {"handshake", NodeFlag::Handshake},   {"noaddr", NodeFlag::NoAddr},
        {"nofailover", NodeFlag::NoFailover},
    };
    const QList<QByteArray> names = field.split(',');
    for (const QByteArray &name : names) {
        if (name.isEmpty())
            return false;
        if (name == "noflags")
            continue;
        const auto it = known.constFind(name);
        if (it != known.cend())
            node->flags |= it.value();
        else
            node->unknownFlags.append(QString::fromUtf8(name));
    }
    return true;
}

bool parseSlotNumber(const QByteArray &text, int *slot)
{
    bool ok = false;
    const int value = text.toInt(&ok);
    if (!ok || value < 0 || value >= SlotSet::SlotCount)
        return false;
    *slot = value;
    return true;
}

// "5", "0-5460", "[5->-id]" (migrating to id), "[5-<-id]" (importing from id).
bool parseSlotField(const QByteArray &field, ClusterNodeInfo *node, LineError *error)
{
    const QString shown = QString::fromUtf8(field);
    if (field.startsWith('[')) {
        if (!field.endsWith(']'))
            return error->set(Text::tr("the open-slot entry '%1' has no closing ']'").arg(shown));
        const QByteArray inner = field.mid(1, field.size() - 2);
        const qsizetype migrating = inner.indexOf("->-");
        const qsizetype importing = inner.indexOf("-<-");
        const qsizetype split = migrating >= 0 ? migrating : importing;
        int slot = 0;
        if (split < 0 || !parseSlotNumber(inner.left(split), &slot))
            return error->set(Text::tr("'%1' is not a [slot->-id] or [slot-<-id] entry").arg(shown));
        const QByteArray peer = inner.mid(split + 3);
        if (!isNodeId(peer))
            return error->set(Text::tr("the node id in '%1' is not 40 hex digits").arg(shown));
        (migrating >= 0 ? node->migrating : node->importing).insert(slot, QString::fromUtf8(peer));
        return true;
    }
    const qsizetype dash = field.indexOf('-');
    int first = 0;
    int last = 0;
    const bool ok =
        dash < 0 ? parseSlotNumber(field, &first) && parseSlotNumber(field, &last)
                 : parseSlotNumber(field.left(dash), &first) && parseSlotNumber(field.mid(dash + 1), &last);
    if (!ok)
        return error->set(Text::tr("'%1' is not a slot or slot range within 0..16383").arg(shown));
    if (last < first)
        return error->set(Text::tr("the slot range '%1' ends before it starts").arg(shown));
    node->slotSet.addRange(first, last);
    return true;
}

// The slots of one line, sharing their bits with the same slots parsed before (process-wide, bounded):
// every one of a large cluster's views names every master's slots, and held once each, the 250 views
// of 250 nodes take a few MB instead of ~130 MB. text is the line's slot fields, the key.
SlotSet sharedSlotSet(const QByteArray &text, const SlotSet &parsed)
{
    static QMutex mutex; // views are parsed on the thread pool
    static QHash<QByteArray, SlotSet> known;
    const QMutexLocker lock(&mutex);
    if (const auto it = known.constFind(text); it != known.cend())
        return it.value();
    if (known.size() >= 4096) // slots moved many times over a long session: start afresh
        known.clear();
    known.insert(text, parsed);
    return parsed;
}

Error lineError(int lineNumber, const QString &why, const QByteArray &line)
{
    return Error(ErrorCode::Protocol,
                 Text::tr("Line %1 of the CLUSTER NODES text is malformed: %2.").arg(lineNumber).arg(why),
                 QString::fromUtf8(line));
}

} // namespace

Result<ClusterNodeInfo> parseClusterNodeLine(const QByteArray &rawLine, int lineNumber)
{
    QByteArray line = rawLine;
    if (line.endsWith('\r'))
        line.chop(1);
    const QList<QByteArray> fields = line.simplified().split(' ');
    if (fields.size() < 8) {
        return lineError(lineNumber,
                         Text::tr("it has %1 fields where at least 8 are expected").arg(fields.size()), line);
    }

    ClusterNodeInfo node;
    LineError error;
    if (!isNodeId(fields.at(0)))
        return lineError(
            lineNumber,
            Text::tr("the node id '%1' is not 40 hex digits").arg(QString::fromUtf8(fields.at(0))), line);
    node.id = QString::fromUtf8(fields.at(0));
    if (!parseAddress(fields.at(1), &node, &error))
        return lineError(lineNumber, error.why, line);
    if (!parseFlags(fields.at(2), &node))
        return lineError(
            lineNumber, Text::tr("the flags '%1' contain an empty name").arg(QString::fromUtf8(fields.at(2))),
            line);
    if (fields.at(3) != "-") {
        if (!isNodeId(fields.at(3)))
            return lineError(lineNumber,
                             Text::tr("the master id '%1' is neither '-' nor 40 hex digits")
                                 .arg(QString::fromUtf8(fields.at(3))),
                             line);
        node.masterId = QString::fromUtf8(fields.at(3));
    }
    bool pingOk = false;
    bool pongOk = false;
    bool epochOk = false;
    node.pingSent = fields.at(4).toLongLong(&pingOk);
    node.pongRecv = fields.at(5).toLongLong(&pongOk);
    node.configEpoch = fields.at(6).toULongLong(&epochOk);
    if (!pingOk || !pongOk || node.pingSent < 0 || node.pongRecv < 0)
        return lineError(lineNumber, Text::tr("the ping/pong times are not non-negative numbers"), line);
    if (!epochOk)
        return lineError(
            lineNumber,
            Text::tr("the config epoch '%1' is not a number").arg(QString::fromUtf8(fields.at(6))), line);
    if (fields.at(7) == "connected")
        node.linkConnected = true;
    else if (fields.at(7) != "disconnected")
        return lineError(lineNumber,
                         Text::tr("the link state '%1' is neither 'connected' nor 'disconnected'")
                             .arg(QString::fromUtf8(fields.at(7))),
                         line);
    for (qsizetype i = 8; i < fields.size(); ++i) {
        if (!parseSlotField(fields.at(i), &node, &error))
            return lineError(lineNumber, error.why, line);
    }
    if (!node.slotSet.isEmpty())
        node.slotSet = sharedSlotSet(fields.mid(8).join(' '), node.slotSet);
    return node;
}

Result<QList<ClusterNodeInfo>> parseClusterNodes(const QByteArray &text)
{
    QList<ClusterNodeInfo> nodes;
    QSet<QString> ids;
    bool sawMyself = false;
    const QList<QByteArray> lines = text.split('\n');
    for (qsizetype i = 0; i < lines.size(); ++i) {
        const QByteArray line = lines.at(i).trimmed();
        const int lineNumber = static_cast<int>(i + 1);
        if (line.isEmpty() || line.startsWith("vars "))
            continue;
        Result<ClusterNodeInfo> node = parseClusterNodeLine(line, lineNumber);
        if (!node)
            return node.error();
        if (ids.contains(node->id))
            return lineError(lineNumber, Text::tr("the node id %1 appears twice").arg(node->id), line);
        if (node->isMyself()) {
            if (sawMyself)
                return lineError(lineNumber, Text::tr("a second line is flagged 'myself'"), line);
            sawMyself = true;
        }
        ids.insert(node->id);
        nodes.append(std::move(node).value());
    }
    return nodes;
}

} // namespace rcs
