#pragma once

#include "cluster_metrics.h"
#include "common/job.h"
#include "slow_log.h"

#include <QPointer>

namespace rcs {
class RedisPool;
}

namespace rcs::observe {

// Reads SLOWLOG GET and LATENCY LATEST of every node at once and merges them into one table, newest
// first (mergeSlowLogRows), the commands shown through displayCommand() (secrets redacted). Changes
// nothing on the nodes (no SLOWLOG RESET).
//
// Error behaviour: a node that does not answer (or refuses the command, e.g. an ACL user without
// +slowlog) is listed in unreadNodes() with the reason; the job fails (ConnectionFailed) only when no
// node could be read.
class SlowLogJob final : public Job {
    Q_OBJECT
public:
    // How many entries each node is asked for (SLOWLOG GET's count; the server keeps slowlog-max-len).
    static constexpr int DefaultEntriesPerNode = 128;

    SlowLogJob(QList<SampledNode> nodes, RedisPool *pool, QObject *parent = nullptr);
    ~SlowLogJob() override;

    void setEntriesPerNode(int count) { m_entriesPerNode = count; }

    const QList<SlowLogRow> &rows() const { return m_rows; }
    // address → why it could not be read
    const QList<std::pair<SampledNode, QString>> &unreadNodes() const { return m_unread; }

protected:
    void doStart() override;

private:
    void nodeDone();

    QList<SampledNode> m_nodes;
    QPointer<RedisPool> m_pool;
    int m_entriesPerNode = DefaultEntriesPerNode;
    int m_outstanding = 0;
    QList<SlowLogRow> m_rows;
    QList<std::pair<SampledNode, QString>> m_unread;
};

} // namespace rcs::observe
