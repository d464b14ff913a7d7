#include "rdb_writer.h"

#include <cstring>

namespace rcs::backup {

namespace {

void appendBigEndian(QByteArray &out, quint64 n, int bytes)
{
    for (int i = bytes - 1; i >= 0; --i)
        out.append(char((n >> (8 * i)) & 0xff));
}

} // namespace

void appendRdbLength(QByteArray &out, quint64 n)
{
    if (n < (1u << 6)) {
        out.append(char(n));
    } else if (n < (1u << 14)) {
        out.append(char(0x40 | (n >> 8)));
        out.append(char(n & 0xff));
    } else if (n <= 0xffffffffu) {
        out.append(char(0x80));
        appendBigEndian(out, n, 4);
    } else {
        out.append(char(0x81));
        appendBigEndian(out, n, 8);
    }
}

void appendRdbString(QByteArray &out, QByteArrayView bytes)
{
    appendRdbLength(out, quint64(bytes.size()));
    out.append(bytes);
}

void appendRdbBinaryDouble(QByteArray &out, double value)
{
    quint64 bits = 0;
    std::memcpy(&bits, &value, sizeof bits);
    for (int i = 0; i < 8; ++i, bits >>= 8)
        out.append(char(bits & 0xff));
}

} // namespace rcs::backup
