#pragma once

#include "common/result.h"

#include <QByteArray>
#include <QList>
#include <QString>

#include <bitset>
#include <memory>

namespace rcs {

// An inclusive range of hash slots, first <= last.
struct SlotRange {
    int first = 0;
    int last = 0;

    int count() const { return last - first + 1; }
    friend bool operator==(const SlotRange &, const SlotRange &) = default;
};

// A set of Redis Cluster hash slots (0..16383). A plain value compared by content. Its 2 KiB of bits are
// shared between copies until one changes (an empty set holds none): every line of every node's CLUSTER
// NODES view has one, and at 250 nodes 62 500 inline bitsets were ~130 MB per refresh, copied whole with
// every copy of the views.
// Out-of-range slots passed to the mutators are ignored (they assert in debug builds): slot numbers
// coming from the network are validated by the parsers before they get here.
class SlotSet final {
public:
    static constexpr int SlotCount = 16384;

    SlotSet() = default;
    static SlotSet range(int first, int last);
    static SlotSet all() { return range(0, SlotCount - 1); }

    void add(int slot);
    void addRange(int first, int last);
    void remove(int slot);
    void removeRange(int first, int last);

    bool contains(int slot) const;
    int count() const { return m_bits ? static_cast<int>(m_bits->count()) : 0; }
    bool isEmpty() const { return !m_bits || m_bits->none(); }
    bool isFull() const { return m_bits && m_bits->all(); }
    bool intersects(const SlotSet &other) const { return (bits() & other.bits()).any(); }
    // The lowest slot, or -1 when empty.
    int first() const;

    SlotSet united(const SlotSet &other) const;
    SlotSet subtracted(const SlotSet &other) const;
    SlotSet intersected(const SlotSet &other) const;
    // All slots not in this set.
    SlotSet complement() const;
    // The n lowest-numbered slots of this set (all of them when n >= count()); reshard takes slots in
    // this order, like redis-cli.
    SlotSet lowest(int n) const;

    SlotSet &operator|=(const SlotSet &other);
    SlotSet &operator-=(const SlotSet &other);
    SlotSet &operator&=(const SlotSet &other);
    friend SlotSet operator|(SlotSet a, const SlotSet &b) { return a |= b; }
    friend SlotSet operator-(SlotSet a, const SlotSet &b) { return a -= b; }
    friend SlotSet operator&(SlotSet a, const SlotSet &b) { return a &= b; }
    friend bool operator==(const SlotSet &a, const SlotSet &b)
    {
        return a.m_bits == b.m_bits || a.bits() == b.bits();
    }

    // Maximal runs of consecutive slots, ascending.
    QList<SlotRange> ranges() const;
    // Every slot, ascending.
    QList<int> toList() const;

    // "0-5460,5462"; the empty set gives "".
    QString toString() const;
    // Accepts single slots and ranges separated by commas and/or whitespace, as in "0-5460,5462" or
    // the CLUSTER NODES form "0-5460 5462". Empty or blank text is the empty set. Errors
    // (InvalidInput) name the offending item: a slot outside 0..16383, a reversed range, garbage.
    static Result<SlotSet> parse(const QString &text);

private:
    using Bits = std::bitset<SlotCount>;
    const Bits &bits() const;
    Bits &detach(); // the bits, unshared, for a change

    std::shared_ptr<Bits> m_bits; // null: empty
};

// The hash slot of a key, as Redis computes it: CRC16 (XMODEM) of the key, or of the text between the
// first '{' and the next '}' when that is not empty (a hash tag), modulo 16384.
int keyHashSlot(const QByteArray &key);

} // namespace rcs
