#pragma once

#include "cluster_metrics.h"
#include "common/result.h"

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QString>

namespace rcs {
class RedisReply;
}

namespace rcs::observe {

// What a key scan ranks the keys by: MEMORY USAGE (like redis-cli --memkeys) or OBJECT FREQ, the LFU
// counter (like redis-cli --hotkeys).
enum class KeyScanMode { BigKeys, HotKeys };

// The bounds of a key scan: every master is scanned with SCAN … COUNT count, at most rate SCAN calls
// per second per node, for at most maxSeconds (then the partial result); the top biggest (hottest) keys
// of the whole cluster are kept.
struct KeyScanOptions {
    static constexpr int DefaultCount = 100;
    static constexpr int DefaultTop = 20;
    static constexpr int DefaultRate = 50;
    static constexpr int DefaultMaxSeconds = 60;
    KeyScanMode mode = KeyScanMode::BigKeys;
    int count = DefaultCount;
    int top = DefaultTop;
    int rate = DefaultRate;
    int maxSeconds = DefaultMaxSeconds;
};

// One ranked key: bytes (big keys) or the LFU counter (hot keys).
struct RankedKey {
    QByteArray key;
    SampledNode node;
    QString type;
    qint64 value = 0;
};

// How one master's scan went: keys scanned out of its DBSIZE, whether SCAN reached the end, and why it
// was not scanned (a non-LFU policy for hot keys) or stopped (an error).
struct NodeScan {
    SampledNode node;
    qint64 scanned = 0;
    qint64 total = 0;
    bool complete = false;
    QString skipped; // one sentence with the fix; nothing was scanned
    QString error;
};

struct KeyScanResult {
    KeyScanMode mode = KeyScanMode::BigKeys;
    QList<RankedKey> keys; // biggest (hottest) first
    QList<NodeScan> nodes;
    bool partial = false; // stopped by maxSeconds before every node's SCAN reached the end
    qint64 elapsedMs = 0;
};

// A RedisPool channel no other job uses: a scan's own connections, so that closing them at the end (or on
// cancel) drops exactly its commands and the studio's refresh never waits behind them.
int privateChannel();

// The reachable masters of the topology (what a key scan reads; replicas hold the same keys).
QList<SampledNode> keyScanMasters(const ClusterTopology &topology);

// A key as it may be printed: valid UTF-8 as is, other bytes escaped (\xNN), cut to maxChars.
QString displayKey(const QByteArray &key, int maxChars = 200);

// One SCAN reply: the next cursor ("0": done) and the keys of this page.
struct ScanPage {
    QByteArray cursor;
    QList<QByteArray> keys;
};
// Error (Protocol): not [cursor, [keys…]].
Result<ScanPage> parseScanReply(const RedisReply &reply);

// The value of CONFIG GET name ([name, value]; a map on RESP3). Error (Protocol): no such pair.
Result<QString> parseConfigValue(const RedisReply &reply, const QByteArray &name);

// OBJECT FREQ needs an LFU maxmemory-policy (allkeys-lfu, volatile-lfu).
bool isLfuPolicy(const QString &policy);
// The sentence a node with another policy gets: what is wrong and the fix.
QString nonLfuAdvice(const QString &policy);

// The top N by value, biggest first; ties by key then node, so the order is stable.
class KeyRanking final {
public:
    explicit KeyRanking(int top)
        : m_top(top)
    {}
    void add(RankedKey key);
    const QList<RankedKey> &keys() const { return m_keys; }

private:
    int m_top;
    QList<RankedKey> m_keys;
};

// CLUSTER SLOT-STATS SLOTSRANGE … (Valkey 8): [[slot, [name, value, …]], …] → slot → key-count.
// Error (Protocol): another shape, or an entry without key-count.
Result<QHash<int, qint64>> parseSlotStats(const RedisReply &reply);

} // namespace rcs::observe
