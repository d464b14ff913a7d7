#pragma once

#include "common/job.h"
#include "key_scan.h"

#include <QElapsedTimer>
#include <QPointer>
#include <QTimer>

#include <vector>

namespace rcs {
class RedisPool;
}

namespace rcs::observe {

// Big keys (MEMORY USAGE, like redis-cli --memkeys) or hot keys (OBJECT FREQ, like --hotkeys) of the
// whole cluster: every master is scanned at once, each with SCAN … COUNT, then TYPE and the measure of
// every key of the page pipelined; the options' top keys of the cluster are kept. Hot keys first read
// maxmemory-policy and scan no node without an LFU policy (the node says why and the fix).
//
// Bounded: at most options.rate SCAN calls per second per node, and options.maxSeconds in all — then
// the job succeeds with what it has, result().partial set. Progress is keys scanned out of the
// masters' DBSIZE. The scan has its own connection per node (closed at the end, and on cancel, which
// drops what is in flight), so the studio's refresh never waits behind it. Changes nothing.
//
// Error behaviour: a node whose SCAN fails keeps its error in result().nodes and the others go on; the
// job fails (ConnectionFailed) only when no node could be scanned for an error (a node skipped for its
// policy is not an error).
class KeyScanJob final : public Job {
    Q_OBJECT
public:
    KeyScanJob(QList<SampledNode> masters, RedisPool *pool, KeyScanOptions options,
               QObject *parent = nullptr);
    ~KeyScanJob() override;

    const KeyScanResult &result() const { return m_result; }

protected:
    void doStart() override;
    void doCancel() override;

private:
    struct Lane {
        QByteArray cursor = "0";
        QElapsedTimer lastScan;
        int pending = 0;
        QList<RankedKey> batch; // this page's keys; value -1 until measured
        bool finished = false;
    };
    void readPolicy(int lane);
    void readSize(int lane);
    void scanPage(int lane);
    void measure(int lane, const QList<QByteArray> &keys);
    void pageDone(int lane);
    void laneDone(int lane, const QString &error = {});
    void stop(bool partial);
    void reportProgress();

    QPointer<RedisPool> m_pool;
    KeyScanOptions m_options;
    KeyScanResult m_result;
    KeyRanking m_ranking;
    std::vector<Lane> m_lanes;
    int m_channel;
    bool m_stopped = false;
    QTimer m_deadline;
    QElapsedTimer m_clock;
};

} // namespace rcs::observe
