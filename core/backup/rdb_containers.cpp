#include "rdb_containers.h"

#include "backup_text.h"

namespace rcs::backup {

namespace {

// A little-endian reader over a blob that reports running past its end instead of reading there.
struct Bytes {
    const uchar *p;
    qsizetype size;
    qsizetype pos = 0;

    bool has(qsizetype n) const { return n >= 0 && n <= size - pos; }
    quint64 le(int n)
    {
        quint64 v = 0;
        for (int i = 0; i < n; ++i)
            v |= quint64(p[pos + i]) << (8 * i);
        pos += n;
        return v;
    }
};

qint64 signExtend(quint64 v, int bits)
{
    const quint64 sign = quint64(1) << (bits - 1);
    return qint64((v ^ sign) - sign);
}

bool failWith(QString *error, const QString &why)
{
    if (error)
        *error = why;
    return false;
}

} // namespace

bool parseZiplist(QByteArrayView blob, QList<QByteArray> *out, QString *error)
{
    Bytes b{reinterpret_cast<const uchar *>(blob.data()), blob.size()};
    if (!b.has(11))
        return failWith(error, tr("a ziplist shorter than its header"));
    const quint64 total = b.le(4);
    b.le(4); // offset of the tail: not needed going forward
    b.le(2); // entry count (saturates at 65535): not trusted
    if (total != quint64(blob.size()))
        return failWith(
            error, tr("a ziplist whose header says %1 bytes in a string of %2").arg(total).arg(blob.size()));
    while (true) {
        if (!b.has(1))
            return failWith(error, tr("a ziplist without its end marker"));
        if (b.p[b.pos] == 0xff) {
            ++b.pos;
            break;
        }
        // prevlen: 1 byte, or 0xfe + 4 bytes
        if (b.p[b.pos] == 0xfe) {
            if (!b.has(5))
                return failWith(error, tr("a ziplist entry cut off"));
            b.pos += 5;
        } else {
            ++b.pos;
        }
        if (!b.has(1))
            return failWith(error, tr("a ziplist entry cut off"));
        const uchar enc = b.p[b.pos++];
        qint64 strLen = -1;
        switch (enc >> 6) {
        case 0:
            strLen = enc & 0x3f;
            break;
        case 1:
            if (!b.has(1))
                return failWith(error, tr("a ziplist entry cut off"));
            strLen = (qint64(enc & 0x3f) << 8) | b.p[b.pos++];
            break;
        case 2:
            if (enc != 0x80 || !b.has(4))
                return failWith(error, tr("a ziplist entry with a bad length"));
            strLen = qint64(b.p[b.pos]) << 24 | qint64(b.p[b.pos + 1]) << 16 | qint64(b.p[b.pos + 2]) << 8 |
                     b.p[b.pos + 3];
            b.pos += 4;
            break;
        default:
            break;
        }
        if (strLen >= 0) {
            if (!b.has(strLen))
                return failWith(error, tr("a ziplist string runs past the end"));
            out->append(QByteArray(reinterpret_cast<const char *>(b.p + b.pos), qsizetype(strLen)));
            b.pos += qsizetype(strLen);
            continue;
        }
        int width = 0;
        int bits = 0;
        switch (enc) {
        case 0xc0:
            width = 2;
            break;
        case 0xd0:
            width = 4;
            break;
        case 0xe0:
            width = 8;
            break;
        case 0xf0:
            width = 3;
            break;
        case 0xfe:
            width = 1;
            break;
        default:
            if (enc >= 0xf1 && enc <= 0xfd) {
                out->append(QByteArray::number((enc & 0x0f) - 1));
                continue;
            }
            return failWith(
                error, tr("a ziplist entry with unknown encoding 0x%1").arg(enc, 2, 16, QLatin1Char('0')));
        }
        bits = width * 8;
        if (!b.has(width))
            return failWith(error, tr("a ziplist integer runs past the end"));
        out->append(QByteArray::number(signExtend(b.le(width), bits)));
    }
    if (b.pos != b.size)
        return failWith(error, tr("bytes after a ziplist's end marker"));
    return true;
}

bool parseListpack(QByteArrayView blob, QList<QByteArray> *out, QString *error)
{
    Bytes b{reinterpret_cast<const uchar *>(blob.data()), blob.size()};
    if (!b.has(7))
        return failWith(error, tr("a listpack shorter than its header"));
    const quint64 total = b.le(4);
    b.le(2); // element count (saturates at 65535): not trusted
    if (total != quint64(blob.size()))
        return failWith(
            error, tr("a listpack whose header says %1 bytes in a string of %2").arg(total).arg(blob.size()));
    while (true) {
        if (!b.has(1))
            return failWith(error, tr("a listpack without its end marker"));
        const qsizetype start = b.pos;
        const uchar enc = b.p[b.pos++];
        if (enc == 0xff)
            break;
        qint64 strLen = -1;
        qint64 value = 0;
        bool isInt = true;
        if ((enc & 0x80) == 0) {
            value = enc & 0x7f;
        } else if ((enc & 0xc0) == 0x80) {
            strLen = enc & 0x3f;
        } else if ((enc & 0xe0) == 0xc0) {
            if (!b.has(1))
                return failWith(error, tr("a listpack entry cut off"));
            value = signExtend((quint64(enc & 0x1f) << 8) | b.p[b.pos++], 13);
        } else if ((enc & 0xf0) == 0xe0) {
            if (!b.has(1))
                return failWith(error, tr("a listpack entry cut off"));
            strLen = (qint64(enc & 0x0f) << 8) | b.p[b.pos++];
        } else {
            int width = 0;
            switch (enc) {
            case 0xf0:
                width = 4;
                isInt = false;
                break;
            case 0xf1:
                width = 2;
                break;
            case 0xf2:
                width = 3;
                break;
            case 0xf3:
                width = 4;
                break;
            case 0xf4:
                width = 8;
                break;
            default:
                return failWith(
                    error,
                    tr("a listpack entry with unknown encoding 0x%1").arg(enc, 2, 16, QLatin1Char('0')));
            }
            if (!b.has(width))
                return failWith(error, tr("a listpack entry cut off"));
            if (isInt)
                value = signExtend(b.le(width), width * 8);
            else
                strLen = qint64(b.le(4));
        }
        if (strLen >= 0) {
            if (!b.has(strLen))
                return failWith(error, tr("a listpack string runs past the end"));
            out->append(QByteArray(reinterpret_cast<const char *>(b.p + b.pos), qsizetype(strLen)));
            b.pos += qsizetype(strLen);
        } else {
            out->append(QByteArray::number(value));
        }
        // The back length (1-5 bytes) encodes this entry's size: checked, so a shifted entry is caught.
        const quint64 entrySize = quint64(b.pos - start);
        const int backLen = entrySize < 128         ? 1
                            : entrySize < 16384     ? 2
                            : entrySize < 2097152   ? 3
                            : entrySize < 268435456 ? 4
                                                    : 5;
        if (!b.has(backLen))
            return failWith(error, tr("a listpack entry cut off"));
        b.pos += backLen;
    }
    if (b.pos != b.size)
        return failWith(error, tr("bytes after a listpack's end marker"));
    return true;
}

bool parseIntset(QByteArrayView blob, QList<QByteArray> *out, QString *error)
{
    Bytes b{reinterpret_cast<const uchar *>(blob.data()), blob.size()};
    if (!b.has(8))
        return failWith(error, tr("an intset shorter than its header"));
    const quint64 width = b.le(4);
    const quint64 count = b.le(4);
    if (width != 2 && width != 4 && width != 8)
        return failWith(error, tr("an intset with element size %1").arg(width));
    if (count * width != quint64(b.size - b.pos))
        return failWith(error, tr("an intset whose count does not match its size"));
    for (quint64 i = 0; i < count; ++i)
        out->append(QByteArray::number(signExtend(b.le(int(width)), int(width) * 8)));
    return true;
}

bool parseZipmap(QByteArrayView blob, QList<QByteArray> *out, QString *error)
{
    Bytes b{reinterpret_cast<const uchar *>(blob.data()), blob.size()};
    if (!b.has(1))
        return failWith(error, tr("an empty zipmap"));
    ++b.pos; // count (saturates at 254): not trusted
    auto readLength = [&b](quint64 *len) {
        if (!b.has(1))
            return false;
        const uchar first = b.p[b.pos++];
        if (first < 254) {
            *len = first;
            return true;
        }
        if (first != 254 || !b.has(4))
            return false;
        *len = b.le(4);
        return true;
    };
    while (true) {
        if (!b.has(1))
            return failWith(error, tr("a zipmap without its end marker"));
        if (b.p[b.pos] == 0xff) {
            ++b.pos;
            break;
        }
        quint64 len = 0;
        if (!readLength(&len) || len > quint64(b.size) || !b.has(qsizetype(len)))
            return failWith(error, tr("a zipmap key runs past the end"));
        out->append(QByteArray(reinterpret_cast<const char *>(b.p + b.pos), qsizetype(len)));
        b.pos += qsizetype(len);
        if (!readLength(&len) || !b.has(1))
            return failWith(error, tr("a zipmap value cut off"));
        const quint64 free = b.p[b.pos++];
        if (len + free > quint64(b.size) || !b.has(qsizetype(len + free)))
            return failWith(error, tr("a zipmap value runs past the end"));
        out->append(QByteArray(reinterpret_cast<const char *>(b.p + b.pos), qsizetype(len)));
        b.pos += qsizetype(len + free);
    }
    if (b.pos != b.size)
        return failWith(error, tr("bytes after a zipmap's end marker"));
    return true;
}

} // namespace rcs::backup
