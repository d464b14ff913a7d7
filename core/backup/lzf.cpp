#include "lzf.h"

#include "backup_text.h"
#include <QCoreApplication>

#include <array>
#include <cstring>

namespace rcs::backup {

namespace {

Error lzfError(const QString &why)
{
    return Error(ErrorCode::InvalidInput, Text::tr("An LZF-compressed string is damaged: %1.").arg(why));
}

constexpr int maxLiteral = 32;        // a literal run: control byte 0..31 = 1..32 bytes
constexpr int maxOffset = 1 << 13;    // back references reach 8 KB
constexpr int maxMatch = 255 + 7 + 2; // length 7 + an extra byte, plus the implicit 2

} // namespace

Result<QByteArray> lzfDecompress(QByteArrayView compressed, qsizetype expectedSize)
{
    if (expectedSize < 0)
        return lzfError(QStringLiteral("negative length"));
    QByteArray out(expectedSize, Qt::Uninitialized);
    auto ip = reinterpret_cast<const uchar *>(compressed.data());
    const uchar *const inEnd = ip + compressed.size();
    auto op = reinterpret_cast<uchar *>(out.data());
    uchar *const outStart = op;
    uchar *const outEnd = op + expectedSize;
    while (ip < inEnd) {
        unsigned ctrl = *ip++;
        if (ctrl < 32) {
            const qsizetype run = qsizetype(ctrl) + 1;
            if (inEnd - ip < run)
                return lzfError(QStringLiteral("a literal run goes past the input"));
            if (outEnd - op < run)
                return lzfError(QStringLiteral("a literal run goes past the stated length"));
            std::memcpy(op, ip, size_t(run));
            op += run;
            ip += run;
            continue;
        }
        qsizetype len = ctrl >> 5;
        if (len == 7) {
            if (ip >= inEnd)
                return lzfError(QStringLiteral("a match length is cut off"));
            len += *ip++;
        }
        if (ip >= inEnd)
            return lzfError(QStringLiteral("a match offset is cut off"));
        const qsizetype back = qsizetype((ctrl & 0x1f) << 8) + *ip++ + 1;
        len += 2;
        if (op - outStart < back)
            return lzfError(QStringLiteral("a back reference points before the start"));
        if (outEnd - op < len)
            return lzfError(QStringLiteral("a match goes past the stated length"));
        const uchar *ref = op - back;
        for (qsizetype i = 0; i < len; ++i) // byte by byte: the source may overlap the destination
            *op++ = *ref++;
    }
    if (op != outEnd)
        return lzfError(
            QStringLiteral("it expands to %1 bytes instead of %2").arg(op - outStart).arg(expectedSize));
    return out;
}

QByteArray lzfCompress(QByteArrayView input)
{
    const auto in = reinterpret_cast<const uchar *>(input.data());
    const qsizetype n = input.size();
    QByteArray out;
    out.reserve(n);
    std::array<qsizetype, 1 << 14> table;
    table.fill(-1);
    qsizetype literalStart = 0;
    auto flushLiterals = [&](qsizetype end) {
        while (literalStart < end) {
            const qsizetype run = qMin<qsizetype>(maxLiteral, end - literalStart);
            out.append(char(run - 1));
            out.append(reinterpret_cast<const char *>(in + literalStart), run);
            literalStart += run;
        }
    };
    qsizetype i = 0;
    while (i + 2 < n) {
        const unsigned h =
            ((unsigned(in[i]) << 16 | unsigned(in[i + 1]) << 8 | in[i + 2]) * 2654435761u) >> 18;
        const qsizetype candidate = table[h];
        table[h] = i;
        if (candidate >= 0 && i - candidate <= maxOffset && std::memcmp(in + candidate, in + i, 3) == 0) {
            qsizetype len = 3;
            while (len < maxMatch && i + len < n && in[candidate + len] == in[i + len])
                ++len;
            flushLiterals(i);
            const qsizetype back = i - candidate - 1;
            const qsizetype code = len - 2;
            if (code < 7) {
                out.append(char((code << 5) | (back >> 8)));
            } else {
                out.append(char((7 << 5) | (back >> 8)));
                out.append(char(code - 7));
            }
            out.append(char(back & 0xff));
            i += len;
            literalStart = i;
            continue;
        }
        ++i;
    }
    flushLiterals(n);
    if (out.size() >= n)
        return {};
    return out;
}

} // namespace rcs::backup
