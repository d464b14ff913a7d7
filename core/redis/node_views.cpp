#include "node_views.h"

#include <QCoreApplication>
#include <QPointer>

#include "redis/cluster_info_parser.h"
#include "redis/cluster_nodes_parser.h"
#include "redis/redis_pool.h"

#include <memory>
#include <optional>

namespace rcs {

namespace {
// The translation context of this file's texts: the GUI shows them in its language, the
// headless commands (which load no translation) in English.
struct Text {
    Q_DECLARE_TR_FUNCTIONS(rcs::NodeViews)
};
} // namespace

NodeView nodeViewFromReplies(const NodeAddress &address, const Result<RedisReply> &clusterNodes,
                             const Result<RedisReply> &clusterInfo, const Result<RedisReply> &info)
{
    NodeView view;
    view.address = address;
    if (!clusterNodes) {
        view.error = clusterNodes.error().message();
        return view;
    }
    const Result<QList<ClusterNodeInfo>> nodes = parseClusterNodes(clusterNodes.value().bytes());
    if (!nodes) {
        view.error = Text::tr("%1 answered CLUSTER NODES with text that cannot be read: %2")
                         .arg(address.toString(), nodes.error().message());
        return view;
    }
    view.reachable = true;
    view.nodes = nodes.value();
    if (clusterInfo) {
        const Result<ClusterInfo> parsed = parseClusterInfo(clusterInfo.value().bytes());
        if (parsed)
            view.info = parsed.value();
    }
    if (info) {
        view.serverInfo = parseInfoFields(info.value().bytes());
        if (const Result<ServerIdentity> server = serverIdentityFromInfo(view.serverInfo))
            view.server = server.value();
    }
    return view;
}

namespace {
// The value after field name in a flat field/value array, or nullptr.
const RedisReply *fieldOf(const RedisReply &flat, const char *name)
{
    const QList<RedisReply> &elements = flat.elements();
    for (qsizetype i = 0; i + 1 < elements.size(); i += 2) {
        if (elements.at(i).isString() || elements.at(i).isStatus()) {
            if (elements.at(i).bytes() == name)
                return &elements.at(i + 1);
        }
    }
    return nullptr;
}
} // namespace

QHash<QString, int> shardsFromReply(const RedisReply &reply)
{
    QHash<QString, int> shardOf;
    if (!reply.isArray())
        return shardOf;
    for (qsizetype shard = 0; shard < reply.elements().size(); ++shard) {
        const RedisReply *nodes = fieldOf(reply.elements().at(shard), "nodes");
        if (!nodes || !nodes->isArray())
            continue;
        for (const RedisReply &node : nodes->elements()) {
            if (const RedisReply *id = fieldOf(node, "id"))
                shardOf.insert(QString::fromUtf8(id->bytes()), int(shard));
        }
    }
    return shardOf;
}

void fetchViews(RedisPool *pool, const QList<NodeAddress> &addresses, NodeViewParts parts,
                const QObject *context, std::function<void(QList<NodeView>)> done)
{
    struct Replies {
        std::optional<QList<NodeReply>> nodes;
        std::optional<QList<NodeReply>> clusterInfo;
        std::optional<QList<NodeReply>> info;
        std::optional<QList<NodeReply>> shards;
        bool withInfo = false;
        bool withShards = false;
        QPointer<RedisPool> pool;
        std::function<void(QList<NodeView>)> done;
    };
    auto replies = std::make_shared<Replies>();
    replies->withInfo = parts == NodeViewParts::WithServerInfo;
    // Valkey's shard ids can disagree between a replica and its primary in a view for a moment (see
    // NodeView::shardOf), which the lifecycle jobs' polls (Cluster) wait out; other servers, and the
    // scans that draw the cluster every few seconds, need not ask.
    replies->withShards =
        parts == NodeViewParts::Cluster && pool->commonCliName() == QLatin1String("valkey-cli");
    replies->pool = pool;
    replies->done = std::move(done);
    const auto maybeDone = [replies] {
        if (!replies->nodes || !replies->clusterInfo || (replies->withInfo && !replies->info) ||
            (replies->withShards && !replies->shards))
            return;
        const Result<RedisReply> notAsked(Error(ErrorCode::NotFound, Text::tr("INFO was not asked.")));
        QList<NodeView> views;
        views.reserve(replies->nodes->size());
        for (qsizetype i = 0; i < replies->nodes->size(); ++i) {
            const NodeAddress &address = replies->nodes->at(i).address;
            NodeView view =
                nodeViewFromReplies(address, replies->nodes->at(i).reply, replies->clusterInfo->at(i).reply,
                                    replies->withInfo ? replies->info->at(i).reply : notAsked);
            if (replies->withShards && replies->shards->at(i).reply.ok())
                view.shardOf = shardsFromReply(replies->shards->at(i).reply.value());
            // The pool remembers the identity per connection, so views polled without INFO still carry
            // it and every equivalent command can name the right cli.
            if (replies->pool) {
                if (const QSslCertificate served = replies->pool->servedCertificate(address);
                    !served.isNull())
                    view.certificateExpiry = served.expiryDate().toUTC();
                if (view.server)
                    replies->pool->rememberServerIdentity(address, *view.server);
                else if (!replies->withInfo)
                    view.server = replies->pool->serverIdentity(address);
            }
            views.append(std::move(view));
        }
        replies->done(std::move(views));
    };
    // Sent in this order on each node's connection, so every node answers the three back to back.
    pool->commandAll(addresses, {"CLUSTER", "NODES"}, context, [replies, maybeDone](QList<NodeReply> all) {
        replies->nodes = std::move(all);
        maybeDone();
    });
    pool->commandAll(addresses, {"CLUSTER", "INFO"}, context, [replies, maybeDone](QList<NodeReply> all) {
        replies->clusterInfo = std::move(all);
        maybeDone();
    });
    if (replies->withInfo) {
        pool->commandAll(addresses, {"INFO"}, context, [replies, maybeDone](QList<NodeReply> all) {
            replies->info = std::move(all);
            maybeDone();
        });
    }
    if (replies->withShards) {
        pool->commandAll(addresses, {"CLUSTER", "SHARDS"}, context,
                         [replies, maybeDone](QList<NodeReply> all) {
                             replies->shards = std::move(all);
                             maybeDone();
                         });
    }
}

} // namespace rcs
