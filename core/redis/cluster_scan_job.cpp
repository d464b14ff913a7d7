#include "cluster_scan_job.h"

#include <QCoreApplication>

#include "redis/cluster_info_parser.h"
#include "redis/cluster_nodes_parser.h"
#include "redis/redis_pool.h"

#include <memory>

namespace rcs {

namespace {
// The translation context of this file's texts: the GUI shows them in its language, the
// headless commands (which load no translation) in English.
struct Text {
    Q_DECLARE_TR_FUNCTIONS(rcs::ClusterScanJob)
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

void fetchNodeView(RedisPool *pool, const NodeAddress &address, bool withServerInfo, const QObject *context,
                   std::function<void(NodeView)> done)
{
    struct Replies {
        std::optional<Result<RedisReply>> nodes;
        std::optional<Result<RedisReply>> clusterInfo;
        std::optional<Result<RedisReply>> info;
        bool withInfo = true;
        QPointer<RedisPool> pool;
        std::function<void(NodeView)> done;
    };
    auto replies = std::make_shared<Replies>();
    replies->pool = pool;
    replies->withInfo = withServerInfo;
    replies->done = std::move(done);
    const auto maybeDone = [replies, address] {
        if (!replies->nodes || !replies->clusterInfo || (replies->withInfo && !replies->info))
            return;
        const Result<RedisReply> none(Error(ErrorCode::NotFound, Text::tr("INFO was not asked.")));
        NodeView view = nodeViewFromReplies(address, *replies->nodes, *replies->clusterInfo,
                                            replies->withInfo ? *replies->info : none);
        // The pool remembers the identity per connection, so views polled without INFO still carry it
        // and every equivalent command can name the right cli.
        if (replies->pool) {
            if (view.server)
                replies->pool->rememberServerIdentity(address, *view.server);
            else if (!replies->withInfo)
                view.server = replies->pool->serverIdentity(address);
        }
        replies->done(std::move(view));
    };
    pool->command(address, {"CLUSTER", "NODES"}, context, [replies, maybeDone](Result<RedisReply> reply) {
        replies->nodes = std::move(reply);
        maybeDone();
    });
    pool->command(address, {"CLUSTER", "INFO"}, context, [replies, maybeDone](Result<RedisReply> reply) {
        replies->clusterInfo = std::move(reply);
        maybeDone();
    });
    if (withServerInfo) {
        pool->command(address, {"INFO"}, context, [replies, maybeDone](Result<RedisReply> reply) {
            replies->info = std::move(reply);
            maybeDone();
        });
    }
}

ClusterScanJob::ClusterScanJob(QList<NodeAddress> seeds, RedisPool *pool, QObject *parent)
    : Job(parent)
    , m_seeds(std::move(seeds))
    , m_pool(pool)
{
    setTitle(tr("Reading the cluster"));
    if (!m_pool)
        m_pool = new RedisPool(this);
}

ClusterScanJob::~ClusterScanJob() = default;

void ClusterScanJob::doStart()
{
    if (m_seeds.isEmpty()) {
        fail(ErrorCode::InvalidInput, tr("No node address was given; name at least one with --nodes."));
        return;
    }
    setStep(tr("asking %1 for the cluster layout").arg(m_seeds.first().toString()));
    for (const NodeAddress &seed : std::as_const(m_seeds))
        ask(seed);
}

void ClusterScanJob::doCancel()
{
    m_outstanding = 0;
}

void ClusterScanJob::ask(const NodeAddress &address)
{
    if (m_asked.contains(address))
        return;
    m_asked.insert(address);
    m_order.append(address);
    ++m_outstanding;
    fetchNodeView(m_pool, address, true, this,
                  [this, address](NodeView view) { collected(address, std::move(view)); });
}

void ClusterScanJob::collected(const NodeAddress &address, NodeView view)
{
    if (isFinished())
        return;
    if (m_discover && view.reachable) {
        for (const ClusterNodeInfo &node : std::as_const(view.nodes)) {
            // Handshake entries carry temporary ids and noaddr ones have nothing to connect to.
            if (!node.isMyself() && node.hasAddress() && !node.isHandshake() && !node.isNoAddr())
                ask(node.address);
        }
    }
    m_collected.insert(address, std::move(view));
    setProgress(m_collected.size(), m_asked.size());
    if (--m_outstanding == 0)
        finishScan();
}

void ClusterScanJob::finishScan()
{
    m_views.clear();
    for (const NodeAddress &address : std::as_const(m_order))
        m_views.append(m_collected.value(address));
    m_topology = ClusterTopology::fromViews(m_views);
    const bool anyReachable =
        std::any_of(m_views.cbegin(), m_views.cend(), [](const NodeView &view) { return view.reachable; });
    if (!anyReachable) {
        const NodeView &first = m_views.first();
        fail(ErrorCode::ConnectionFailed, m_seeds.size() == 1
                                              ? first.error
                                              : tr("None of the %1 given nodes answered; the first said: %2")
                                                    .arg(m_seeds.size())
                                                    .arg(first.error));
        return;
    }
    succeed();
}

} // namespace rcs
