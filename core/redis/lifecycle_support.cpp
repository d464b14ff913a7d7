#include "lifecycle_support.h"

#include "common/logger.h"
#include "redis/cluster_info_parser.h"
#include "redis/cluster_nodes_parser.h"
#include "redis/redis_cli_line.h"
#include "redis/redis_pool.h"

#include <memory>

namespace rcs {

namespace {
// ADDSLOTS of a whole range lists thousands of slots; the shell's brace expansion is what a person
// would type, so consecutive slots are shown as {FIRST..LAST}.
QList<QByteArray> shownArgv(const QList<QByteArray> &argv)
{
    if (argv.size() <= 8 || argv.at(0).toUpper() != "CLUSTER" || argv.at(1).toUpper() != "ADDSLOTS")
        return argv;
    const int first = argv.at(2).toInt();
    for (qsizetype i = 2; i < argv.size(); ++i) {
        if (argv.at(i) != QByteArray::number(first + int(i - 2)))
            return argv;
    }
    return {argv.at(0), argv.at(1), "{" + argv.at(2) + ".." + argv.last() + "}"};
}
} // namespace

void sendLogged(RedisPool *pool, const NodeAddress &address, const QList<QByteArray> &argv,
                const QString &what, const QObject *context, RedisConnection::Callback callback,
                int timeoutMs)
{
    Logger::instance().command(QStringLiteral("redis"), what, redisCliLine(pool, address, shownArgv(argv)));
    pool->command(address, argv, context, std::move(callback), timeoutMs);
}

void fetchViews(RedisPool *pool, const QList<NodeAddress> &addresses, const QObject *context,
                std::function<void(QList<NodeView>)> done)
{
    struct Collect {
        QList<NodeView> views;
        QList<int> answers; // replies still expected per view (2 each)
        qsizetype remaining = 0;
        std::function<void(QList<NodeView>)> done;
    };
    auto collect = std::make_shared<Collect>();
    collect->done = std::move(done);
    collect->remaining = addresses.size();
    for (const NodeAddress &address : addresses) {
        NodeView view;
        view.address = address;
        collect->views.append(view);
        collect->answers.append(2);
    }
    if (addresses.isEmpty()) {
        collect->done({});
        return;
    }
    const auto answered = [collect](qsizetype i) {
        if (--collect->answers[i] == 0 && --collect->remaining == 0)
            collect->done(std::move(collect->views));
    };
    for (qsizetype i = 0; i < addresses.size(); ++i) {
        pool->command(addresses.at(i), {"CLUSTER", "NODES"}, context,
                      [collect, i, answered](Result<RedisReply> reply) {
                          NodeView &view = collect->views[i];
                          if (!reply) {
                              view.error = reply.error().message();
                          } else {
                              Result<QList<ClusterNodeInfo>> nodes = parseClusterNodes(reply->bytes());
                              if (nodes) {
                                  view.nodes = std::move(nodes).value();
                                  view.reachable = true;
                              } else {
                                  view.error = nodes.error().message();
                              }
                          }
                          answered(i);
                      });
        pool->command(addresses.at(i), {"CLUSTER", "INFO"}, context,
                      [collect, i, answered](Result<RedisReply> reply) {
                          if (reply) {
                              Result<ClusterInfo> info = parseClusterInfo(reply->bytes());
                              if (info)
                                  collect->views[i].info = std::move(info).value();
                          }
                          answered(i);
                      });
    }
}

const ClusterNodeInfo *myselfIn(const NodeView &view)
{
    for (const ClusterNodeInfo &node : view.nodes) {
        if (node.isMyself())
            return &node;
    }
    return nullptr;
}

QList<NodeAddress> receivingMasters(const SlotPlan &plan, const QHash<QString, NodeAddress> &addressById)
{
    QList<NodeAddress> targets;
    for (const SlotMove &move : plan.moves) {
        const NodeAddress address = addressById.value(move.targetId);
        if (!targets.contains(address))
            targets.append(address);
    }
    return targets;
}

void findNotOk(RedisPool *pool, const QList<NodeAddress> &addresses, const QObject *context,
               std::function<void(const QString &notReady)> done)
{
    pool->commandAll(addresses, {"CLUSTER", "INFO"}, context, [done](QList<NodeReply> replies) {
        for (const NodeReply &reply : replies) {
            const Result<ClusterInfo> info = reply.reply ? parseClusterInfo(reply.reply->bytes())
                                                         : Result<ClusterInfo>(reply.reply.error());
            if (!info || !info->isOk())
                return done(reply.address.toString());
        }
        done(QString());
    });
}

} // namespace rcs
