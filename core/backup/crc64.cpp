#include "crc64.h"

#include <array>

namespace rcs::backup {

namespace {

// The polynomial bit-reversed, for the reflected (LSB-first) form Redis uses.
constexpr quint64 reflectedPoly = 0x95ac9329ac4bc9b5ULL;

// Slicing by 8: eight tables, so the backup's checksum of a multi-GB stream is not the bottleneck.
using Tables = std::array<std::array<quint64, 256>, 8>;

Tables makeTables()
{
    Tables t{};
    for (int i = 0; i < 256; ++i) {
        quint64 crc = quint64(i);
        for (int bit = 0; bit < 8; ++bit)
            crc = (crc & 1) ? (crc >> 1) ^ reflectedPoly : crc >> 1;
        t[0][size_t(i)] = crc;
    }
    for (size_t i = 0; i < 256; ++i)
        for (size_t k = 1; k < 8; ++k)
            t[k][i] = (t[k - 1][i] >> 8) ^ t[0][t[k - 1][i] & 0xff];
    return t;
}

const Tables &tables()
{
    static const Tables t = makeTables();
    return t;
}

} // namespace

quint64 crc64(quint64 crc, QByteArrayView bytes)
{
    const Tables &t = tables();
    auto p = reinterpret_cast<const uchar *>(bytes.data());
    qsizetype n = bytes.size();
    while (n >= 8) {
        quint64 word = 0;
        for (int i = 0; i < 8; ++i)
            word |= quint64(p[i]) << (8 * i);
        crc ^= word;
        crc = t[7][crc & 0xff] ^ t[6][(crc >> 8) & 0xff] ^ t[5][(crc >> 16) & 0xff] ^
              t[4][(crc >> 24) & 0xff] ^ t[3][(crc >> 32) & 0xff] ^ t[2][(crc >> 40) & 0xff] ^
              t[1][(crc >> 48) & 0xff] ^ t[0][crc >> 56];
        p += 8;
        n -= 8;
    }
    while (n-- > 0)
        crc = t[0][(crc ^ *p++) & 0xff] ^ (crc >> 8);
    return crc;
}

} // namespace rcs::backup
