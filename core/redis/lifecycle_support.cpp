#include "lifecycle_support.h"

#include "common/logger.h"
#include "redis/redis_cli_line.h"
#include "redis/redis_pool.h"

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
    fetchViews(pool, addresses, NodeViewParts::Cluster, context, [done](QList<NodeView> views) {
        for (const NodeView &view : views) {
            if (!view.info || !view.info->isOk())
                return done(view.address.toString());
        }
        done(QString());
    });
}

} // namespace rcs
