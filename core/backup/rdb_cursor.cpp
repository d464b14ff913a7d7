#include "rdb_cursor.h"

#include "backup_text.h"
#include "lzf.h"

#include <QCoreApplication>

#include <charconv>
#include <cstring>
#include <limits>

namespace rcs::backup {

RdbCursor::RdbCursor(QByteArrayView data, qint64 base, qint64 maxString)
    : m_data(data)
    , m_base(base)
    , m_maxString(maxString)
{}

void RdbCursor::fail(const QString &why)
{
    if (!ok())
        return;
    m_state = State::Corrupt;
    m_error = why;
    m_errorOffset = offset();
}

void RdbCursor::setNeedMore(qint64 totalNeeded)
{
    if (!ok())
        return;
    m_state = State::NeedMore;
    m_needed = qsizetype(qMin<qint64>(totalNeeded, std::numeric_limits<qsizetype>::max()));
}

bool RdbCursor::need(qint64 n)
{
    if (!ok())
        return false;
    if (n < 0 || n > m_data.size() - m_pos) {
        setNeedMore(n < 0 ? std::numeric_limits<qint64>::max() : qint64(m_pos) + n);
        return false;
    }
    return true;
}

quint8 RdbCursor::u8()
{
    if (!need(1))
        return 0;
    return quint8(m_data[m_pos++]);
}

quint64 RdbCursor::littleEndian(int bytes)
{
    if (!need(bytes))
        return 0;
    quint64 v = 0;
    for (int i = 0; i < bytes; ++i)
        v |= quint64(quint8(m_data[m_pos + i])) << (8 * i);
    m_pos += bytes;
    return v;
}

quint64 RdbCursor::bigEndian(int bytes)
{
    if (!need(bytes))
        return 0;
    quint64 v = 0;
    for (int i = 0; i < bytes; ++i)
        v = (v << 8) | quint8(m_data[m_pos + i]);
    m_pos += bytes;
    return v;
}

bool RdbCursor::skip(qint64 n)
{
    if (!need(n))
        return false;
    m_pos += qsizetype(n);
    return true;
}

QByteArrayView RdbCursor::take(qint64 n)
{
    if (!need(n))
        return {};
    const QByteArrayView v = m_data.sliced(m_pos, qsizetype(n));
    m_pos += qsizetype(n);
    return v;
}

quint64 RdbCursor::length(bool *special)
{
    if (special)
        *special = false;
    const quint8 first = u8();
    if (!ok())
        return 0;
    switch (first >> 6) {
    case 0:
        return first & 0x3f;
    case 1:
        return (quint64(first & 0x3f) << 8) | u8();
    case 2:
        if (first == 0x80)
            return bigEndian(4);
        if (first == 0x81)
            return bigEndian(8);
        --m_pos;
        fail(Text::tr("unknown length encoding 0x%1").arg(first, 2, 16, QLatin1Char('0')));
        return 0;
    default:
        if (!special) {
            --m_pos;
            fail(Text::tr("an encoded string where a length belongs"));
            return 0;
        }
        *special = true;
        return first & 0x3f;
    }
}

quint64 RdbCursor::count(int minBytesEach)
{
    const quint64 n = length();
    if (ok() && n > quint64(m_maxString) / quint64(qMax(1, minBytesEach)))
        fail(Text::tr("a count of %1 items exceeds the reader's limit").arg(n));
    return ok() ? n : 0;
}

void RdbCursor::skipString()
{
    bool special = false;
    const quint64 len = length(&special);
    if (!ok())
        return;
    if (!special) {
        if (len > quint64(m_maxString))
            fail(Text::tr("a string of %1 bytes exceeds the reader's limit of %2").arg(len).arg(m_maxString));
        skip(qint64(len));
        return;
    }
    switch (len) {
    case 0:
        skip(1);
        return;
    case 1:
        skip(2);
        return;
    case 2:
        skip(4);
        return;
    case 3: {
        const quint64 compressed = length();
        const quint64 plain = length();
        if (ok() && (compressed > quint64(m_maxString) || plain > quint64(m_maxString)))
            fail(Text::tr("a compressed string of %1 bytes exceeds the reader's limit of %2")
                     .arg(qMax(compressed, plain))
                     .arg(m_maxString));
        // LZF expands a byte to at most ~132 (a 2-byte back reference copies up to 264): a larger stated
        // size is a lie that must not make us allocate it.
        else if (ok() && plain > compressed * 133 + 64)
            fail(Text::tr("a compressed string claims %1 bytes from %2").arg(plain).arg(compressed));
        skip(qint64(compressed));
        return;
    }
    default:
        fail(Text::tr("unknown string encoding %1").arg(len));
    }
}

QByteArray RdbCursor::string()
{
    const qsizetype start = m_pos;
    bool special = false;
    const quint64 len = length(&special);
    if (!ok())
        return {};
    if (!special) {
        if (len > quint64(m_maxString)) {
            fail(Text::tr("a string of %1 bytes exceeds the reader's limit of %2").arg(len).arg(m_maxString));
            return {};
        }
        return take(qint64(len)).toByteArray();
    }
    switch (len) {
    case 0:
        return QByteArray::number(qint8(u8()));
    case 1:
        return QByteArray::number(qint16(littleEndian(2)));
    case 2:
        return QByteArray::number(qint32(littleEndian(4)));
    case 3: {
        m_pos = start;
        skipString(); // checks the limits of both lengths
        if (!ok())
            return {};
        m_pos = start + 1;
        const quint64 compressed = length();
        const quint64 plain = length();
        const QByteArrayView data = take(qint64(compressed));
        auto result = lzfDecompress(data, qsizetype(plain));
        if (!result) {
            m_pos = start;
            fail(result.error().message());
            return {};
        }
        return std::move(result).value();
    }
    default:
        fail(Text::tr("unknown string encoding %1").arg(len));
        return {};
    }
}

double RdbCursor::binaryDouble()
{
    const quint64 bits = littleEndian(8);
    double d = 0;
    std::memcpy(&d, &bits, sizeof d);
    return d;
}

double RdbCursor::textDouble()
{
    const quint8 len = u8();
    switch (len) {
    case 253:
        return std::numeric_limits<double>::quiet_NaN();
    case 254:
        return std::numeric_limits<double>::infinity();
    case 255:
        return -std::numeric_limits<double>::infinity();
    default:
        break;
    }
    const QByteArrayView text = take(len);
    double d = 0;
    if (ok() && !parseRedisDouble(text, &d))
        fail(Text::tr("a score that is not a number"));
    return d;
}

bool parseRedisDouble(QByteArrayView text, double *out)
{
    // from_chars, not strtod: the C library's number format follows the locale Qt switched to.
    const char *end = text.data() + text.size();
    const auto [ptr, ec] = std::from_chars(text.data(), end, *out);
    return ec == std::errc() && ptr == end;
}

} // namespace rcs::backup
