#include "cluster_scan_job.h"

#include "common/next_step.h"
#include "common/off_thread.h"
#include "redis/node_views.h"
#include "redis/redis_pool.h"

#include <algorithm>

namespace rcs {

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
        fail(ErrorCode::InvalidInput, withNextStep(tr("No node address was given."), NextStep::NameNodes));
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
    fetchViews(m_pool, {address}, NodeViewParts::WithServerInfo, this,
               [this, address](QList<NodeView> views) { collected(address, views.takeFirst()); });
}

void ClusterScanJob::collected(const NodeAddress &address, NodeView view)
{
    if (isFinished())
        return;
    // Every node names every other: a view naming the same peers as one walked before (its digest,
    // computed off the GUI thread) adds nothing, and skipping it saves N set lookups per view, 62 500
    // per refresh at 250 nodes.
    const bool walked = view.peersDigest != 0 && m_walkedDigests.contains(view.peersDigest);
    if (m_discover && view.reachable && !walked) {
        if (view.peersDigest != 0)
            m_walkedDigests.insert(view.peersDigest);
        for (const ClusterNodeInfo &node : std::as_const(view.nodes)) {
            // Handshake entries carry temporary ids and noaddr ones have nothing to connect to.
            if (node.isAskablePeer())
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
    // Merging 200 views of 200 nodes takes ~90 ms: off the GUI thread.
    runOffThread<ClusterTopology>(
        this, [views = m_views, pods = m_podsByIp] { return ClusterTopology::fromViews(views, pods); },
        [this](ClusterTopology topology) {
            if (isFinished())
                return;
            m_topology = std::move(topology);
            merged();
        });
}

void ClusterScanJob::merged()
{
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
