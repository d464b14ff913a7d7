#include "node_history.h"

namespace rcs::observe {

NodeHistory::NodeHistory(int periodMs)
    : m_capacity(capacityFor(periodMs))
{
    // Written in full at once (not only reserved): the hour's memory is taken on the first sample,
    // so the studio's resident size does not creep up for an hour and a leak would stand out.
    m_ring.resize(m_capacity);
}

int NodeHistory::capacityFor(int periodMs)
{
    const int period = std::max(periodMs, MinPeriodMs);
    return std::max(1, (WindowSeconds * 1000 + period - 1) / period);
}

const NodeSample &NodeHistory::add(const InfoReading &reading)
{
    const NodeSample sample = sampleOf(m_lastReading, reading);
    m_lastReading = reading;
    return addSample(sample);
}

const NodeSample &NodeHistory::addSample(const NodeSample &sample)
{
    if (m_count < m_capacity) {
        m_ring[(m_start + m_count) % m_capacity] = sample;
        ++m_count;
    } else {
        m_ring[m_start] = sample;
        m_start = (m_start + 1) % m_capacity;
    }
    return last();
}

void NodeHistory::replaceLast(const NodeSample &sample)
{
    Q_ASSERT(m_count > 0);
    m_ring[(m_start + m_count - 1) % m_capacity] = sample;
}

const NodeSample &NodeHistory::at(int i) const
{
    Q_ASSERT(i >= 0 && i < m_count);
    return m_ring.at((m_start + i) % m_capacity);
}

QList<NodeSample> NodeHistory::samples() const
{
    QList<NodeSample> out;
    out.reserve(m_count);
    for (int i = 0; i < m_count; ++i)
        out.append(at(i));
    return out;
}

} // namespace rcs::observe
