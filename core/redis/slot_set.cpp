#include "slot_set.h"

#include <QCoreApplication>
#include <QRegularExpression>

#include <array>

namespace rcs {

namespace {
// The translation context of this file's texts: the GUI shows them in its language, the
// headless commands (which load no translation) in English.
struct Text {
    Q_DECLARE_TR_FUNCTIONS(rcs::SlotSet)
};
} // namespace

namespace {

bool isSlot(int slot)
{
    return slot >= 0 && slot < SlotSet::SlotCount;
}

} // namespace

const SlotSet::Bits &SlotSet::bits() const
{
    static const Bits empty;
    return m_bits ? *m_bits : empty;
}

SlotSet::Bits &SlotSet::detach()
{
    if (!m_bits)
        m_bits = std::make_shared<Bits>();
    else if (m_bits.use_count() > 1)
        m_bits = std::make_shared<Bits>(*m_bits);
    return *m_bits;
}

SlotSet SlotSet::range(int first, int last)
{
    SlotSet set;
    set.addRange(first, last);
    return set;
}

void SlotSet::add(int slot)
{
    Q_ASSERT(isSlot(slot));
    if (isSlot(slot))
        detach().set(static_cast<size_t>(slot));
}

void SlotSet::addRange(int first, int last)
{
    Q_ASSERT(isSlot(first) && isSlot(last));
    if (qMax(first, 0) > qMin(last, SlotCount - 1))
        return;
    Bits &bits = detach();
    for (int slot = qMax(first, 0); slot <= qMin(last, SlotCount - 1); ++slot)
        bits.set(static_cast<size_t>(slot));
}

void SlotSet::remove(int slot)
{
    Q_ASSERT(isSlot(slot));
    if (isSlot(slot) && contains(slot))
        detach().reset(static_cast<size_t>(slot));
}

void SlotSet::removeRange(int first, int last)
{
    Q_ASSERT(isSlot(first) && isSlot(last));
    if (isEmpty())
        return;
    Bits &bits = detach();
    for (int slot = qMax(first, 0); slot <= qMin(last, SlotCount - 1); ++slot)
        bits.reset(static_cast<size_t>(slot));
}

bool SlotSet::contains(int slot) const
{
    return isSlot(slot) && m_bits && m_bits->test(static_cast<size_t>(slot));
}

int SlotSet::first() const
{
    if (!m_bits)
        return -1;
    for (int slot = 0; slot < SlotCount; ++slot) {
        if (m_bits->test(static_cast<size_t>(slot)))
            return slot;
    }
    return -1;
}

SlotSet SlotSet::united(const SlotSet &other) const
{
    return *this | other;
}

SlotSet SlotSet::subtracted(const SlotSet &other) const
{
    return *this - other;
}

SlotSet SlotSet::intersected(const SlotSet &other) const
{
    return *this & other;
}

SlotSet SlotSet::complement() const
{
    SlotSet result;
    result.m_bits = std::make_shared<Bits>(~bits());
    return result;
}

SlotSet SlotSet::lowest(int n) const
{
    SlotSet result;
    const Bits &mine = bits();
    for (int slot = 0; slot < SlotCount && n > 0; ++slot) {
        if (mine.test(static_cast<size_t>(slot))) {
            result.add(slot);
            --n;
        }
    }
    return result;
}

SlotSet &SlotSet::operator|=(const SlotSet &other)
{
    if (!other.isEmpty())
        detach() |= other.bits();
    return *this;
}

SlotSet &SlotSet::operator-=(const SlotSet &other)
{
    if (!isEmpty() && !other.isEmpty())
        detach() &= ~other.bits();
    return *this;
}

SlotSet &SlotSet::operator&=(const SlotSet &other)
{
    if (other.isEmpty())
        m_bits.reset();
    else if (!isEmpty())
        detach() &= other.bits();
    return *this;
}

QList<SlotRange> SlotSet::ranges() const
{
    QList<SlotRange> result;
    if (!m_bits)
        return result;
    const Bits &mine = *m_bits;
    int slot = 0;
    while (slot < SlotCount) {
        if (!mine.test(static_cast<size_t>(slot))) {
            ++slot;
            continue;
        }
        const int first = slot;
        while (slot + 1 < SlotCount && mine.test(static_cast<size_t>(slot + 1)))
            ++slot;
        result.append({first, slot});
        ++slot;
    }
    return result;
}

QList<int> SlotSet::toList() const
{
    QList<int> result;
    result.reserve(count());
    const Bits &mine = bits();
    for (int slot = 0; slot < SlotCount; ++slot) {
        if (mine.test(static_cast<size_t>(slot)))
            result.append(slot);
    }
    return result;
}

QString SlotSet::toString() const
{
    QStringList parts;
    const QList<SlotRange> all = ranges();
    for (const SlotRange &range : all) {
        parts.append(range.first == range.last
                         ? QString::number(range.first)
                         : QString::number(range.first) + QLatin1Char('-') + QString::number(range.last));
    }
    return parts.join(QLatin1Char(','));
}

Result<SlotSet> SlotSet::parse(const QString &text)
{
    static const QRegularExpression separators(QStringLiteral("[,\\s]+"));
    const auto invalid = [&](const QString &item, const QString &why) {
        return Error(ErrorCode::InvalidInput,
                     Text::tr("'%1' in the slot list '%2' is not valid: %3. Write slots from 0 to 16383 "
                              "as single numbers or ranges, e.g. 0-5460,5462.")
                         .arg(item, text, why));
    };
    SlotSet set;
    const QStringList items = text.split(separators, Qt::SkipEmptyParts);
    for (const QString &item : items) {
        // Skip the leading '-' of the first bound so "-5" is reported as a bad number, not as a range.
        const qsizetype dash = item.indexOf(QLatin1Char('-'), 1);
        const QString firstText = dash < 0 ? item : item.left(dash);
        const QString lastText = dash < 0 ? item : item.mid(dash + 1);
        bool firstOk = false;
        bool lastOk = false;
        const int first = firstText.toInt(&firstOk);
        const int last = lastText.toInt(&lastOk);
        if (!firstOk || !lastOk)
            return invalid(item, Text::tr("it is not a number or a range of numbers"));
        if (!isSlot(first) || !isSlot(last))
            return invalid(item, Text::tr("slots range from 0 to 16383"));
        if (last < first)
            return invalid(item, Text::tr("the range ends before it starts"));
        set.addRange(first, last);
    }
    return set;
}

namespace {

// CRC16-CCITT (XMODEM) a byte at a time: a backup's verification and a restore hash every key.
constexpr std::array<quint16, 256> crc16Table()
{
    std::array<quint16, 256> table{};
    for (int byte = 0; byte < 256; ++byte) {
        auto crc = static_cast<quint16>(byte << 8);
        for (int bit = 0; bit < 8; ++bit)
            crc = (crc & 0x8000) ? static_cast<quint16>((crc << 1) ^ 0x1021) : static_cast<quint16>(crc << 1);
        table[size_t(byte)] = crc;
    }
    return table;
}

constexpr std::array<quint16, 256> Crc16 = crc16Table();

} // namespace

int keyHashSlot(const QByteArray &key)
{
    QByteArrayView hashed = key; // no copy: only the part between the first braces counts
    const qsizetype open = key.indexOf('{');
    if (open >= 0) {
        const qsizetype close = key.indexOf('}', open + 1);
        if (close > open + 1)
            hashed = hashed.sliced(open + 1, close - open - 1);
    }
    quint16 crc = 0;
    for (const char byte : hashed)
        crc =
            static_cast<quint16>((crc << 8) ^ Crc16[size_t(((crc >> 8) ^ static_cast<quint8>(byte)) & 0xff)]);
    return crc & (SlotSet::SlotCount - 1);
}

} // namespace rcs
