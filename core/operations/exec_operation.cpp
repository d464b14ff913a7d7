// exec as an OperationJob step: after the status read of either target kind, the command goes to the
// node the request names, or to the master of its key's slot (following redirects), over the target's
// pool and its routes, so both kinds and both front ends share this one piece.
#include "operation_job.h"

#include "common/logger.h"
#include "observe/slow_log.h"
#include "redis/cluster_command_job.h"
#include "redis/console_command.h"
#include "redis/redis_cli_line.h"
#include "redis/reply_format.h"
#include "redis/slot_set.h"

#include <QJsonArray>

namespace rcs::ops {

namespace {
// The node the request names: HOST:PORT (any address, also one the read did not find), a pod name
// (Kubernetes), or an id or unique id prefix of a node the read found.
Result<NodeAddress> namedNode(const ClusterTopology &topology, const QString &name)
{
    if (name.contains(QLatin1Char(':')))
        return NodeAddress::parse(name);
    for (const TopologyNode &node : topology.nodes()) {
        if (node.pod && node.pod->name == name)
            return node.address;
    }
    const TopologyNode *found = nullptr;
    for (const TopologyNode &node : topology.nodes()) {
        if (!node.id.startsWith(name))
            continue;
        if (found)
            return Error(
                ErrorCode::InvalidInput,
                OperationJob::tr("%1 is the start of more than one node id; give more of it.").arg(name));
        found = &node;
    }
    if (!found)
        return Error(ErrorCode::InvalidInput,
                     OperationJob::tr("No node of the cluster has the id (or pod name) %1; status lists them "
                                      "(or give HOST:PORT).")
                         .arg(name));
    return found->address;
}

// Where a cluster-mode command starts: the master serving its first key's slot, else any reachable
// master (a MOVED then brings the command where it belongs).
std::optional<NodeAddress> startingMaster(const ClusterTopology &topology, const QList<QByteArray> &argv)
{
    const int keyIndex = firstKeyIndex(argv);
    const int slot = keyIndex >= 0 ? keyHashSlot(argv.at(keyIndex)) : -1;
    std::optional<NodeAddress> any;
    for (const TopologyNode &node : topology.nodes()) {
        if (!node.isMaster() || !node.reachable || node.isFailing())
            continue;
        if (slot >= 0 && node.slotSet.contains(slot))
            return node.address;
        if (!any && !node.slotSet.isEmpty())
            any = node.address;
    }
    return any;
}

QJsonArray redirectsToJson(const QList<ClusterCommandJob::Redirect> &redirects)
{
    QJsonArray array;
    for (const ClusterCommandJob::Redirect &redirect : redirects)
        array.append(QJsonObject{
            {QStringLiteral("type"), redirect.ask ? QStringLiteral("ask") : QStringLiteral("moved")},
            {QStringLiteral("slot"), redirect.slot},
            {QStringLiteral("node"), redirect.address.toString()}});
    return array;
}
} // namespace

void OperationJob::execAfterStatus(StatusReport status, RedisPool *pool)
{
    const ClusterTopology topology = status.topology;
    m_status = std::move(status);
    const QList<QByteArray> &argv = m_request.commandWords;
    const bool singleNode = !m_request.nodeId.isEmpty();
    NodeAddress start;
    if (singleNode) {
        const Result<NodeAddress> named = namedNode(topology, m_request.nodeId);
        if (!named)
            return fail(named.error());
        start = *named;
    } else if (const std::optional<NodeAddress> master = startingMaster(topology, argv)) {
        start = *master;
    } else {
        return fail(ErrorCode::ConnectionFailed,
                    tr("No master with slots answered the status read, so the command has nowhere to go; "
                       "check the addresses, or name one node with --node."));
    }
    // The log gets the line with the secrets an argument may hold redacted; the reply is the user's.
    const QList<QByteArray> shown = observe::redactArguments(argv);
    QString line = redisCliLine(pool, start, shown);
    if (!singleNode)
        line.replace(QLatin1String(" -h "), QLatin1String(" -c -h "));
    Logger::instance().info(
        QStringLiteral("redis"),
        tr("Console: sending %1 to %2.").arg(observe::displayCommand(argv), start.toString()), line);
    auto *engine = new ClusterCommandJob(start, argv,
                                         singleNode ? ClusterCommandJob::Mode::SingleNode
                                                    : ClusterCommandJob::Mode::FollowRedirects,
                                         pool, this);
    engine->setCommandTimeoutMs(m_request.timeoutMs);
    runEngine(engine, [this, topology, singleNode](Job *done) {
        const auto *job = static_cast<ClusterCommandJob *>(done);
        const RedisReply &reply = job->reply();
        const TopologyNode *node = topology.nodeAt(job->answeredBy());
        QJsonObject json{
            {QStringLiteral("command"), observe::displayCommand(m_request.commandWords)},
            {QStringLiteral("mode"), singleNode ? QStringLiteral("node") : QStringLiteral("cluster")},
            {QStringLiteral("node"), job->answeredBy().toString()},
            {QStringLiteral("node_id"), node ? node->id : QString()},
            {QStringLiteral("redirects"), redirectsToJson(job->redirects())},
            {QStringLiteral("reply"), replyToJson(reply)},
            {QStringLiteral("error"), reply.isError()}};
        QString text;
        for (const ClusterCommandJob::Redirect &redirect : job->redirects())
            text += ClusterCommandJob::redirectLine(redirect) + QLatin1Char('\n');
        text += formatReplyCli(reply);
        if (!reply.isError())
            return finishWith(tr("%1 answered.").arg(job->answeredBy().toString()), json, text, false);
        keepResult(json, text);
        fail(ErrorCode::RedisError,
             tr("%1 refused the command: %2").arg(job->answeredBy().toString(), reply.text()), reply.text());
    });
}

} // namespace rcs::ops
