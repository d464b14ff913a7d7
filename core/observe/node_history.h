#pragma once

#include "node_sample.h"

#include <QList>

#include <optional>

namespace rcs::observe {

// One node's samples over the last hour, oldest first, in a ring buffer of fixed capacity: one hour at
// the refresh period (3600 s / period, at least 1), allocated in full when made. Memory: capacity ×
// sizeof(NodeSample) (≤ 128 bytes, checked below) per node, plus the last INFO reading kept as the rates'
// baseline; at the studio's 2 s refresh that is 1800 samples, ≤ 225 KiB per node (45 MiB for 200 nodes); at
// the fastest period accepted (1 s) 3600 samples, ≤ 450 KiB per node.
class NodeHistory final {
public:
    static constexpr int WindowSeconds = 3600;
    static constexpr int MinPeriodMs = 1000;

    explicit NodeHistory(int periodMs = 2000);

    static int capacityFor(int periodMs);
    int capacity() const { return m_capacity; }
    int size() const { return int(m_count); }
    bool isEmpty() const { return m_count == 0; }

    // Adds the sample of reading (rates from the previous reading of the same run); the oldest sample
    // goes when the buffer is full. Returns the sample added.
    const NodeSample &add(const InfoReading &reading);
    // Adds a sample made elsewhere (the cluster's sums, ClusterMetrics::clusterHistory); no baseline kept.
    const NodeSample &addSample(const NodeSample &sample);
    // Replaces the newest sample (a replica's lag filled in after the whole cluster was read).
    void replaceLast(const NodeSample &sample);

    // i = 0 is the oldest kept sample.
    const NodeSample &at(int i) const;
    const NodeSample &last() const { return at(size() - 1); }
    QList<NodeSample> samples() const;
    const std::optional<InfoReading> &lastReading() const { return m_lastReading; }

private:
    int m_capacity;
    QList<NodeSample> m_ring;
    qsizetype m_start = 0;
    qsizetype m_count = 0;
    std::optional<InfoReading> m_lastReading;
};

static_assert(sizeof(NodeSample) <= 128, "NodeHistory's stated memory bound (README, Metrics) assumes it");

} // namespace rcs::observe
