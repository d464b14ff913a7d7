#include "node_views.h"

#include <QCoreApplication>
#include <QPointer>

#include "common/off_thread.h"
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
// NodeView::peersDigest: a sum of mixed hashes, so the order of the lines does not matter.
quint64 peersDigestOf(const NodeView &view)
{
    quint64 digest = 0;
    for (const ClusterNodeInfo &node : view.nodes) {
        if (!node.isAskablePeer())
            continue;
        quint64 h = qHash(node.address, 0x9e3779b97f4a7c15ULL);
        h ^= h >> 33; // splitmix64's finaliser: a sum of raw qHash values would cancel too easily
        h *= 0xff51afd7ed558ccdULL;
        h ^= h >> 33;
        digest += h;
    }
    return digest == 0 ? 1 : digest; // 0 means "not computed"
}

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
    const auto maybeDone = [replies, context] {
        if (!replies->nodes || !replies->clusterInfo || (replies->withInfo && !replies->info) ||
            (replies->withShards && !replies->shards))
            return;
        // Parsing 200 replies of 200 lines takes ~90 ms: off the GUI thread (plain values in and out).
        runOffThread<QList<NodeView>>(
            context,
            [nodes = *replies->nodes, clusterInfo = *replies->clusterInfo,
             info = replies->withInfo ? *replies->info : QList<NodeReply>(),
             shards = replies->withShards ? *replies->shards : QList<NodeReply>()] {
                const Result<RedisReply> notAsked(
                    Error(ErrorCode::NotFound, Text::tr("INFO was not asked.")));
                QList<NodeView> views;
                views.reserve(nodes.size());
                for (qsizetype i = 0; i < nodes.size(); ++i) {
                    NodeView view =
                        nodeViewFromReplies(nodes.at(i).address, nodes.at(i).reply, clusterInfo.at(i).reply,
                                            info.isEmpty() ? notAsked : info.at(i).reply);
                    if (!shards.isEmpty() && shards.at(i).reply.ok())
                        view.shardOf = shardsFromReply(shards.at(i).reply.value());
                    view.peersDigest = peersDigestOf(view);
                    views.append(std::move(view));
                }
                return views;
            },
            [replies](QList<NodeView> views) {
                if (!replies->pool)
                    return; // as the pool's own replies: nothing after it is gone
                // The pool remembers the identity per connection, so views polled without INFO still
                // carry it and every equivalent command can name the right cli.
                for (NodeView &view : views) {
                    if (const QSslCertificate served = replies->pool->servedCertificate(view.address);
                        !served.isNull())
                        view.certificateExpiry = served.expiryDate().toUTC();
                    if (view.server)
                        replies->pool->rememberServerIdentity(view.address, *view.server);
                    else if (!replies->withInfo)
                        view.server = replies->pool->serverIdentity(view.address);
                }
                replies->done(std::move(views));
            });
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
