#include "node_sample.h"

#include "redis/cluster_info_parser.h"

#include <QCoreApplication>
#include <QMap>

namespace rcs::observe {

namespace {
struct Text {
    Q_DECLARE_TR_FUNCTIONS(rcs::observe::NodeSample)
};

using Fields = QMap<QString, QString>;

// Reads a numeric field; a field the server does not have keeps fallback (INFO differs by version), a
// field that is there but not a number is an error.
template<class T> std::optional<Error> readNumber(const Fields &fields, const char *key, T &out)
{
    const auto it = fields.constFind(QLatin1String(key));
    if (it == fields.cend())
        return std::nullopt;
    bool ok = false;
    if constexpr (std::is_floating_point_v<T>)
        out = it->toDouble(&ok);
    else
        out = static_cast<T>(it->toLongLong(&ok));
    if (!ok) {
        return Error(ErrorCode::Protocol,
                     Text::tr("The INFO field %1 is '%2', not a number; the server sent a reply this "
                              "version of the studio cannot read.")
                         .arg(QLatin1String(key), *it));
    }
    return std::nullopt;
}

// "ip=10.0.0.2,port=6379,state=online,offset=123,lag=0"
std::optional<ReplicaLink> replicaLinkOf(const QString &value)
{
    ReplicaLink link;
    bool hasPort = false;
    for (const QString &part : value.split(QLatin1Char(','))) {
        const qsizetype eq = part.indexOf(QLatin1Char('='));
        if (eq <= 0)
            continue;
        const QStringView key = QStringView(part).left(eq);
        const QString field = part.mid(eq + 1);
        if (key == QLatin1String("ip"))
            link.ip = field;
        else if (key == QLatin1String("port"))
            link.port = field.toInt(&hasPort);
        else if (key == QLatin1String("offset"))
            link.offset = field.toLongLong();
        else if (key == QLatin1String("lag"))
            link.lagSeconds = field.toInt();
    }
    if (link.ip.isEmpty() || !hasPort)
        return std::nullopt;
    return link;
}

float perSecond(qint64 delta, double seconds)
{
    return static_cast<float>(static_cast<double>(delta) / seconds);
}
} // namespace

Result<InfoReading> parseInfoReading(const QByteArray &reply, qint64 atMs)
{
    return readingFromFields(parseInfoFields(reply), atMs);
}

Result<InfoReading> readingFromFields(const QMap<QString, QString> &fields, qint64 atMs)
{
    if (!fields.contains(QStringLiteral("run_id")) ||
        !fields.contains(QStringLiteral("total_commands_processed"))) {
        return Error(ErrorCode::Protocol,
                     Text::tr("The INFO reply has no run_id or total_commands_processed; the node did not "
                              "answer with its server and stats sections."));
    }
    InfoReading r;
    r.atMs = atMs;
    r.runId = fields.value(QStringLiteral("run_id"));
    r.role = fields.value(QStringLiteral("role"));
    r.masterHost = fields.value(QStringLiteral("master_host"));
    r.masterLinkUp = fields.value(QStringLiteral("master_link_status")) == QLatin1String("up");
    double cpuSys = 0;
    double cpuUser = 0;
    // A replica's own offset is slave_repl_offset (master_repl_offset on a replica is the offset of the
    // stream it has received, the same on 5.0 and later); a master's is master_repl_offset.
    const char *offsetField = r.role == QLatin1String("slave") ? "slave_repl_offset" : "master_repl_offset";
    for (const std::optional<Error> &error : {
             readNumber(fields, "uptime_in_seconds", r.uptimeSeconds),
             readNumber(fields, "total_commands_processed", r.commandsProcessed),
             readNumber(fields, "keyspace_hits", r.keyspaceHits),
             readNumber(fields, "keyspace_misses", r.keyspaceMisses),
             readNumber(fields, "total_net_input_bytes", r.netInputBytes),
             readNumber(fields, "total_net_output_bytes", r.netOutputBytes),
             readNumber(fields, "expired_keys", r.expiredKeys),
             readNumber(fields, "evicted_keys", r.evictedKeys),
             readNumber(fields, "used_cpu_sys", cpuSys),
             readNumber(fields, "used_cpu_user", cpuUser),
             readNumber(fields, "used_memory", r.usedMemory),
             readNumber(fields, "maxmemory", r.maxMemory),
             readNumber(fields, "connected_clients", r.connectedClients),
             readNumber(fields, offsetField, r.replOffset),
             readNumber(fields, "master_port", r.masterPort),
             readNumber(fields, "master_last_io_seconds_ago", r.masterLastIoSeconds),
         }) {
        if (error)
            return *error;
    }
    r.cpuSeconds = cpuSys + cpuUser;
    r.keys = keyCountFromInfo(fields);
    for (int i = 0;; ++i) {
        const auto it = fields.constFind(QStringLiteral("slave%1").arg(i));
        if (it == fields.cend())
            break;
        if (const std::optional<ReplicaLink> link = replicaLinkOf(*it))
            r.replicas.append(*link);
    }
    return r;
}

bool countersReset(const InfoReading &previous, const InfoReading &current)
{
    return previous.runId != current.runId || current.commandsProcessed < previous.commandsProcessed ||
           current.keyspaceHits < previous.keyspaceHits || current.keyspaceMisses < previous.keyspaceMisses ||
           current.netInputBytes < previous.netInputBytes ||
           current.netOutputBytes < previous.netOutputBytes || current.expiredKeys < previous.expiredKeys ||
           current.evictedKeys < previous.evictedKeys || current.cpuSeconds < previous.cpuSeconds;
}

NodeSample sampleOf(const std::optional<InfoReading> &previous, const InfoReading &current)
{
    NodeSample s;
    s.atMs = current.atMs;
    s.usedMemory = current.usedMemory;
    s.maxMemory = current.maxMemory;
    s.connectedClients = static_cast<qint32>(current.connectedClients);
    s.isReplica = current.role == QLatin1String("slave");
    s.keys = current.keys;
    s.keyspaceHits = current.keyspaceHits;
    s.keyspaceMisses = current.keyspaceMisses;
    if (s.isReplica)
        s.lagSeconds = current.masterLastIoSeconds;
    if (!previous || current.atMs <= previous->atMs || countersReset(*previous, current))
        return s;
    const double seconds = double(current.atMs - previous->atMs) / 1000.0;
    s.hasRates = true;
    s.opsPerSec = perSecond(current.commandsProcessed - previous->commandsProcessed, seconds);
    s.hitsPerSec = perSecond(current.keyspaceHits - previous->keyspaceHits, seconds);
    s.missesPerSec = perSecond(current.keyspaceMisses - previous->keyspaceMisses, seconds);
    s.netInPerSec = perSecond(current.netInputBytes - previous->netInputBytes, seconds);
    s.netOutPerSec = perSecond(current.netOutputBytes - previous->netOutputBytes, seconds);
    s.expiredPerSec = perSecond(current.expiredKeys - previous->expiredKeys, seconds);
    s.evictedPerSec = perSecond(current.evictedKeys - previous->evictedKeys, seconds);
    s.cpuPercent = static_cast<float>((current.cpuSeconds - previous->cpuSeconds) / seconds * 100.0);
    return s;
}

void fillReplicaLag(NodeSample &replicaSample, const InfoReading &replica, const QString &replicaIp,
                    int replicaPort, const InfoReading &master)
{
    for (const ReplicaLink &link : master.replicas) {
        if (link.ip != replicaIp || link.port != replicaPort)
            continue;
        // The replica's own offset is fresher than the one its master last heard in an ACK.
        replicaSample.lagBytes =
            std::max<qint64>(0, master.replOffset - std::max(replica.replOffset, link.offset));
        if (link.lagSeconds >= 0)
            replicaSample.lagSeconds = link.lagSeconds;
        return;
    }
    replicaSample.lagBytes = std::max<qint64>(0, master.replOffset - replica.replOffset);
}

} // namespace rcs::observe
