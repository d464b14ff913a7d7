#include "restore_commands.h"

#include <charconv>

namespace rcs::backup {

namespace {

void appendNumber(QByteArray &out, qint64 value)
{
    char digits[24];
    const auto end = std::to_chars(digits, digits + sizeof digits, value).ptr;
    out.append(digits, end - digits);
}

void appendBulk(QByteArray &out, QByteArrayView bytes)
{
    out.append('$');
    appendNumber(out, bytes.size());
    out.append("\r\n", 2);
    out.append(bytes);
    out.append("\r\n", 2);
}

} // namespace

void appendRestoreCommand(QByteArray &out, QByteArrayView key, qint64 ttlMs, QByteArrayView payload,
                          bool replace)
{
    out.append(replace ? "*6\r\n$7\r\nRESTORE\r\n" : "*5\r\n$7\r\nRESTORE\r\n");
    appendBulk(out, key);
    char digits[24];
    const auto end = std::to_chars(digits, digits + sizeof digits, ttlMs).ptr;
    appendBulk(out, QByteArrayView(digits, end - digits));
    appendBulk(out, payload);
    if (replace)
        out.append("$7\r\nREPLACE\r\n");
    out.append("$6\r\nABSTTL\r\n");
}

} // namespace rcs::backup
